// **resource-page** takes a claim, quantity, event or other part of a telegram and the resource
// index, and returns its HTML page: what it is (from the record: text, speaker, speech act,
// values), where it is in the telegram (a snippet), and every statement of its description.

import { entityIri } from '../record-iris.js';
import type { ResourceIndex } from '../resource-index.js';
import type { ResourcePageOptions } from './entity-page.js';
import { factRow, renderPage, type Site } from './layout.js';
import { snippet } from './snippet.js';
import { quantityValue } from './telegram-page.js';
import { compactIri, displayName, iriLink, propertyTables } from './terms.js';
import { html, type SafeHtml } from './template.js';

const KIND_NAMES: Readonly<Record<string, string>> = {
  claim: 'Claim',
  quantity: 'Quantity',
  event: 'Event',
  annotation: 'Evidence annotation',
  copy: 'Copy',
  ref: 'Referenced telegram',
  identifier: 'Identifier',
  quoted: 'Quoted telegram',
};

/** "Claim 3" for ".../claim/3". */
function partTitle(index: ResourceIndex, iri: string): string {
  const label = index.label(iri);
  if (label !== undefined) return label;
  const m = /\/([a-z]+)\/([^/#]+)$/.exec(iri);
  if (!m?.[1]) return iri;
  let key = m[2] ?? '';
  try {
    key = decodeURIComponent(key);
  } catch {
    // keep it encoded
  }
  return `${KIND_NAMES[m[1]] ?? m[1]} ${key}`;
}

/** Renders the page of a telegram's part (claim, quantity, event, annotation, copy, …). */
export function renderResourcePage(site: Site, index: ResourceIndex, iri: string, options: ResourcePageOptions): string {
  const title = partTitle(index, iri);
  const record = index.recordOf(iri);
  const resultIndex = record?.result ?? index.resultOf(iri);
  const result = resultIndex !== undefined ? index.dataset.results[resultIndex] : undefined;
  const telegramIri = resultIndex !== undefined ? index.recordIris(resultIndex).telegram : undefined;
  const entity = (ref: { type: 'Person' | 'Place' | 'Organization' | 'Country' | 'Group'; slug: string } | undefined) =>
    ref ? iriLink(site, index, entityIri(site.base, ref)) : undefined;

  let summary: SafeHtml = html``;
  if (record && result && record.kind === 'claim') {
    const c = result.claims[record.index];
    if (c) {
      const iris = index.recordIris(record.result);
      const quantities = result.quantities.flatMap((q, qi) => (c.span.start <= q.span.start && q.span.end <= c.span.end ? [html`<li>${iriLink(site, index, iris.quantities[qi] ?? '', q.text)}</li>`] : []));
      summary = html`<blockquote><p>${c.text}</p></blockquote>
<table><caption>The claim</caption><tbody>
${factRow('Speaker (claimant)', entity(c.claimant) ?? html`<span class="note">not stated</span>`)}
${factRow('Reported by', entity(c.reportedBy))}
${factRow('Speech act', html`${c.speechAct} <span class="note">(printed: “${c.verbAsPrinted}”)</span>`)}
${factRow('Point as printed', c.pointAsPrinted)}
${factRow('Quantities', quantities.length > 0 ? html`<ul>${quantities}</ul>` : undefined)}
${factRow('In telegram', telegramIri !== undefined ? iriLink(site, index, telegramIri) : undefined)}
</tbody></table>
<h2>In context</h2>
<p class="snippet">${snippet(result.text, { start: Math.min(c.verbSpan.start, c.span.start), end: Math.max(c.verbSpan.end, c.span.end) }, 160)}</p>`;
    }
  } else if (record && result && record.kind === 'quantity') {
    const q = result.quantities[record.index];
    if (q) {
      const iris = index.recordIris(record.result);
      const inClaims = result.claims.flatMap((c, ci) => (c.span.start <= q.span.start && q.span.end <= c.span.end ? [html`<li>${iriLink(site, index, iris.claims[ci] ?? '', `Claim ${(iris.claims[ci] ?? '').split('/').pop() ?? ''}`)}: ${c.text}</li>`] : []));
      summary = html`<blockquote><p>${q.text}</p></blockquote>
<table><caption>The quantity</caption><tbody>
${factRow('Reading', `${q.reading}${q.approximate ? ' (approximate)' : ''}`)}
${factRow('Value', quantityValue(q))}
${factRow('Currency', q.currency)}
${factRow('For year', q.forYear)}
${factRow('Unit as printed', q.unitText)}
${factRow('Counts', q.countOf)}
${factRow('Holder', entity(q.holder))}
${factRow('Polarity', q.polarity)}
${factRow('Notes', q.notes.length > 0 ? q.notes.join(' ') : undefined)}
${factRow('In claims', inClaims.length > 0 ? html`<ul>${inClaims}</ul>` : undefined)}
${factRow('In telegram', telegramIri !== undefined ? iriLink(site, index, telegramIri) : undefined)}
</tbody></table>
<h2>In context</h2>
<p class="snippet">${snippet(result.text, q.span, 160)}</p>`;
    }
  } else if (record && result && record.kind === 'event') {
    const e = result.events[record.index];
    if (e) {
      summary = html`<p>${e.kind === 'meeting' ? 'A meeting' : `A journey (${e.status})`} reported in ${telegramIri !== undefined ? iriLink(site, index, telegramIri) : 'a telegram'}.</p>
<h2>In context</h2>
<p class="snippet">${snippet(result.text, e.span, 160)}</p>`;
    }
  } else if (telegramIri !== undefined) {
    summary = html`<p>Part of ${iriLink(site, index, telegramIri)}.</p>`;
  }

  const types = index.types(iri).map((t) => compactIri(t, site.base));
  const main = html`<article>
<h1>${title}${telegramIri !== undefined ? html` <span class="note">in ${displayName(index, telegramIri)}</span>` : ''}</h1>
<p class="iri">${iri}</p>
${types.length > 0 ? html`<p>Type: ${types.join(', ')}</p>` : ''}
${summary}
<section aria-labelledby="statements"><h2 id="statements">Every statement</h2>
${propertyTables(site, index, iri, options.description)}
</section>
</article>`;
  return renderPage(site, { title: telegramIri !== undefined ? `${title} · ${displayName(index, telegramIri)}` : title, main, alternates: options.alternates, ...(options.jsonLd !== undefined ? { jsonLd: options.jsonLd } : {}) });
}
