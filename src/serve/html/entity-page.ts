// **entity-page** takes a person, place or organisation IRI and the resource index, and returns its
// HTML page: names (alternate names, codenames), identity links (owl:sameAs, e.g. Wikidata), where
// it appears (telegrams with snippets), the claims it made, and every statement about it.

import type { Quad } from '@rdfjs/types';
import { entityIri } from '../record-iris.js';
import type { ResourceIndex } from '../resource-index.js';
import { renderPage, type Alternate, type Site } from './layout.js';
import { snippet } from './snippet.js';
import { compactIri, displayName, iriLink, propertyTables } from './terms.js';
import { html, safeHref, type SafeHtml } from './template.js';

const SCHEMA = 'https://schema.org/';
const CG = 'https://w3id.org/cablegraph/ontology#';
const OWL_SAME_AS = 'http://www.w3.org/2002/07/owl#sameAs';
const SKOS_RELATED = 'http://www.w3.org/2004/02/skos/core#related';
const RDFS_COMMENT = 'http://www.w3.org/2000/01/rdf-schema#comment';
/** Snippets shown per telegram before "and N more". */
const SNIPPETS_PER_TELEGRAM = 5;

/** "Wikidata Q855" for a Wikidata entity IRI, else the IRI. */
export function externalLabel(iri: string): string {
  const wd = /^https?:\/\/www\.wikidata\.org\/entity\/(Q\d+)$/.exec(iri);
  return wd?.[1] ? `Wikidata ${wd[1]}` : iri;
}

function externalLink(iri: string): SafeHtml {
  const href = safeHref(iri);
  return href !== undefined ? html`<a href="${href}" rel="external">${externalLabel(iri)}</a>` : html`<span class="iri">${iri}</span>`;
}

export interface ResourcePageOptions {
  readonly alternates: readonly Alternate[];
  readonly jsonLd?: string;
  readonly description: readonly Quad[];
}

/** Renders an entity's page. */
export function renderEntityPage(site: Site, index: ResourceIndex, iri: string, options: ResourcePageOptions): string {
  const name = displayName(index, iri);
  const values = (p: string) => index.objects(iri, p).map((o) => o.value);
  const types = index.types(iri).map((t) => compactIri(t, site.base));
  const alternates = values(`${SCHEMA}alternateName`);
  const codenames = values(`${CG}codename`);
  const sameAs = values(OWL_SAME_AS);
  const related = values(SKOS_RELATED);
  const notes = values(RDFS_COMMENT);
  const resolved = values(`${CG}resolved`)[0];

  const results = index.dataset.results;
  const appearances = index.appearances(iri);
  const byTelegram = new Map<number, number[]>();
  for (const a of appearances) {
    const list = byTelegram.get(a.result);
    if (list) list.push(a.mention);
    else byTelegram.set(a.result, [a.mention]);
  }
  const claims = results.flatMap((r, ri) => r.claims.flatMap((c, ci) => (c.claimant && entityIri(site.base, c.claimant) === iri ? [{ r, ri, c, ci }] : [])));

  const main = html`<article>
<h1>${name}</h1>
<p class="iri">${iri}</p>
<table>
<caption>Names and identity</caption>
<tbody>
<tr><th scope="row">Type</th><td>${types.join(', ')}</td></tr>
<tr><th scope="row">Preferred name</th><td>${name}</td></tr>
${alternates.length > 0 ? html`<tr><th scope="row">Other names</th><td>${alternates.join('; ')}</td></tr>` : ''}
${codenames.length > 0 ? html`<tr><th scope="row">Codenames</th><td>${codenames.join('; ')}</td></tr>` : ''}
${sameAs.length > 0 ? html`<tr><th scope="row">Same as</th><td><ul>${sameAs.map((s) => html`<li>${externalLink(s)}</li>`)}</ul></td></tr>` : ''}
${related.length > 0 ? html`<tr><th scope="row">Related</th><td><ul>${related.map((s) => html`<li>${externalLink(s)}</li>`)}</ul></td></tr>` : ''}
${notes.length > 0 ? html`<tr><th scope="row">Notes</th><td>${notes.map((n) => html`<p>${n}</p>`)}</td></tr>` : ''}
</tbody>
</table>
${resolved === 'false' ? html`<p class="note">This name is not in the authority files: it is known only from the telegrams below, and it is listed in the build report as unresolved.</p>` : ''}
<section aria-labelledby="appears"><h2 id="appears">Where ${name} appears (${byTelegram.size} telegram${byTelegram.size === 1 ? '' : 's'}, ${appearances.length} mention${appearances.length === 1 ? '' : 's'})</h2>
${byTelegram.size === 0 ? html`<p>No mentions in the text of any telegram.</p>` : ''}
${[...byTelegram.entries()].map(([ri, mentions]) => {
  const r = results[ri];
  if (!r) return '';
  const tIri = index.recordIris(ri).telegram;
  return html`<h3>${iriLink(site, index, tIri, r.header.title?.value ?? displayName(index, tIri))}${r.header.dateSent ? html` <span class="note">(${r.header.dateSent.value.slice(0, 10)})</span>` : ''}</h3>
<ul>${mentions.slice(0, SNIPPETS_PER_TELEGRAM).map((mi) => {
    const m = r.mentions[mi];
    return m ? html`<li class="snippet">${snippet(r.text, m.span)}</li>` : '';
  })}</ul>
${mentions.length > SNIPPETS_PER_TELEGRAM ? html`<p class="note">and ${mentions.length - SNIPPETS_PER_TELEGRAM} more mention${mentions.length - SNIPPETS_PER_TELEGRAM === 1 ? '' : 's'} in this telegram.</p>` : ''}`;
})}
</section>
<section aria-labelledby="claims"><h2 id="claims">Claims made by ${name} (${claims.length})</h2>
${claims.length === 0 ? html`<p>No claims are attributed to ${name}.</p>` : html`<ol>${claims.map(({ ri, c, ci }) => html`<li><p><em>${c.speechAct}</em> (“${c.verbAsPrinted}”): ${c.text}</p><p>${iriLink(site, index, index.recordIris(ri).claims[ci] ?? '', 'Claim page')} · in ${iriLink(site, index, index.recordIris(ri).telegram)}</p></li>`)}</ol>`}
</section>
<section aria-labelledby="statements"><h2 id="statements">Every statement</h2>
${propertyTables(site, index, iri, options.description)}
</section>
</article>`;
  return renderPage(site, { title: name, main, alternates: options.alternates, ...(options.jsonLd !== undefined ? { jsonLd: options.jsonLd } : {}) });
}
