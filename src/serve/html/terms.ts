// **terms** takes RDF terms and quads and returns HTML for them: links to local pages with labels,
// external links, literals with their datatype or language, and property tables.

import type { Quad, Term } from '@rdfjs/types';
import { prefixesFor } from '../../publish/prefixes.js';
import { LABEL_PREDICATES, type ResourceIndex } from '../resource-index.js';
import { docPath, type Site } from './layout.js';
import { html, safeHref, type SafeHtml } from './template.js';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

/** Shortens an IRI with the dataset's prefixes ("https://schema.org/name" → "schema:name"). */
export function compactIri(iri: string, base: string): string {
  let best: [string, string] | undefined;
  for (const [prefix, ns] of Object.entries(prefixesFor(base))) {
    if (iri.startsWith(ns) && iri.length > ns.length && (!best || ns.length > best[1].length)) best = [prefix, ns];
  }
  if (!best) return iri;
  const local = iri.slice(best[1].length);
  return /^[A-Za-z0-9_.%-]+$/.test(local) || best[0] === 'data' ? `${best[0]}:${local}` : iri;
}

/** A readable name for an IRI: its label, else its last path segment, decoded. */
export function displayName(index: ResourceIndex, iri: string): string {
  const label = index.label(iri);
  if (label !== undefined) return label;
  const tail = iri.replace(/[#/]+$/, '').split(/[#/]/).pop() ?? iri;
  try {
    return decodeURIComponent(tail);
  } catch {
    return tail;
  }
}

/** A link to an IRI: its local page when it has one, the IRI itself when http(s), else plain text. */
export function iriLink(site: Site, index: ResourceIndex, iri: string, text?: string): SafeHtml {
  const name = text ?? displayName(index, iri);
  const local = docPath(site, iri);
  if (local !== undefined && index.has(iri.split('#')[0] ?? iri)) return html`<a href="${local}">${name}</a>`;
  const external = safeHref(iri);
  if (external !== undefined && local === undefined) return html`<a href="${external}" rel="external">${name}</a>`;
  return html`<span title="${iri}">${name}</span>`;
}

/** An RDF term as HTML. */
export function termHtml(site: Site, index: ResourceIndex, term: Term): SafeHtml {
  if (term.termType === 'NamedNode') {
    const label = index.label(term.value);
    return label !== undefined || docPath(site, term.value) !== undefined ? iriLink(site, index, term.value) : iriLink(site, index, term.value, compactIri(term.value, site.base));
  }
  if (term.termType === 'Literal') {
    const dt = term.datatype.value;
    if (term.language) return html`${term.value} <span class="note" lang="en">(${term.language})</span>`;
    if (dt === `${XSD}string` || dt === RDF_LANG_STRING) return html`${term.value}`;
    return html`${term.value} <span class="note">(${compactIri(dt, site.base)})</span>`;
  }
  if (term.termType === 'BlankNode') return html`<span class="iri">_:${term.value}</span>`;
  return html`${term.value}`;
}

/**
 * Every statement of a description as tables: one per subject (the resource first), predicates
 * compacted, values linked; inbound links last.
 */
export function propertyTables(site: Site, index: ResourceIndex, iri: string, quads: readonly Quad[]): SafeHtml {
  const bySubject = new Map<string, Quad[]>();
  const inbound: Quad[] = [];
  for (const q of quads) {
    const s = q.subject.value;
    if (q.object.value === iri && s !== iri) {
      inbound.push(q);
      continue;
    }
    const list = bySubject.get(s);
    if (list) list.push(q);
    else bySubject.set(s, [q]);
  }
  const own = bySubject.get(iri) ?? [];
  // Other subjects (evidence, parts), leaving out those described only by their labels.
  const others = [...bySubject.entries()].filter(([s, rows]) => s !== iri && !rows.every((q) => LABEL_PREDICATES.includes(q.predicate.value)));
  const table = (caption: SafeHtml, rows: readonly Quad[], inverse = false) => html`<table>
<caption>${caption}</caption>
<thead><tr><th scope="col">${inverse ? 'Subject' : 'Property'}</th><th scope="col">${inverse ? 'Property' : 'Value'}</th></tr></thead>
<tbody>
${rows.map((q) =>
  inverse
    ? html`<tr><td>${termHtml(site, index, q.subject)}</td><td><span class="iri">${compactIri(q.predicate.value, site.base)}</span></td></tr>\n`
    : html`<tr><td><span class="iri">${compactIri(q.predicate.value, site.base)}</span></td><td>${termHtml(site, index, q.object)}</td></tr>\n`,
)}</tbody>
</table>`;
  return html`${own.length > 0 ? table(html`Statements about this resource`, own) : ''}
${others.slice(0, 200).map(([s, rows]) => table(html`Statements about ${rows[0] ? termHtml(site, index, rows[0].subject) : s}`, rows))}
${inbound.length > 0 ? table(html`Resources that refer to this one`, inbound, true) : ''}`;
}
