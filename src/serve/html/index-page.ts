// **index-page** takes the resource index and returns the home page: every telegram (title, date,
// sender and recipient, counts), the people, places and organisations, and where everything else is.

import { entityIri } from '../record-iris.js';
import type { ResourceIndex } from '../resource-index.js';
import { renderPage, sitePath, type Site } from './layout.js';
import { iriLink } from './terms.js';
import { html } from './template.js';

/** Renders "/". */
export function renderIndexPage(site: Site, index: ResourceIndex, options: { readonly title: string; readonly description?: string; readonly jsonLd?: string }): string {
  const { results, report } = index.dataset;
  const telegrams = index.telegrams();
  const kinds: ['person' | 'place' | 'org', string][] = [
    ['person', 'People'],
    ['place', 'Places'],
    ['org', 'Organisations and groups'],
  ];
  const main = html`<h1>${options.title}</h1>
${options.description !== undefined ? html`<p>${options.description}</p>` : ''}
<p>${report.totals['telegrams'] ?? telegrams.length} telegrams, ${report.totals['triples'] ?? index.dataset.quads.length} triples.
Every page is also data: ask for Turtle, JSON-LD, N-Triples, N-Quads, TriG or RDF/XML with the <code>Accept</code> header or <code>?format=</code>.
See <a href="${sitePath(site, 'dataset')}">the dataset, its downloads and checksums</a>, <a href="${sitePath(site, 'ontology')}">the ontology</a>, or <a href="${sitePath(site, 'sparql')}">query it with SPARQL</a>.</p>
<section aria-labelledby="telegrams"><h2 id="telegrams">Telegrams</h2>
<table>
<thead><tr><th scope="col">Telegram</th><th scope="col">Date sent</th><th scope="col">From</th><th scope="col">To</th><th scope="col" class="num">Claims</th><th scope="col" class="num">Quantities</th><th scope="col" class="num">Mentions</th></tr></thead>
<tbody>
${telegrams.map(({ iri, result }) => {
  const r = results[result];
  if (!r) return '';
  return html`<tr><td>${iriLink(site, index, iri, r.header.title?.value ?? r.slug)}</td><td>${r.header.dateSent?.value.slice(0, 10) ?? ''}</td><td>${r.sender ? iriLink(site, index, entityIri(site.base, r.sender)) : ''}</td><td>${r.recipient ? iriLink(site, index, entityIri(site.base, r.recipient)) : ''}</td><td class="num">${r.claims.length}</td><td class="num">${r.quantities.length}</td><td class="num">${r.mentions.length}</td></tr>\n`;
})}</tbody>
</table>
</section>
${kinds.map(([kind, label]) => {
  const list = index.entities(kind);
  return html`<section aria-labelledby="${kind}"><h2 id="${kind}">${label} (${list.length})</h2>
<ul>${list.map((iri) => html`<li>${iriLink(site, index, iri)}</li>`)}</ul>
</section>\n`;
})}`;
  return renderPage(site, { title: options.title, main, current: 'home', ...(options.jsonLd !== undefined ? { jsonLd: options.jsonLd } : {}) });
}
