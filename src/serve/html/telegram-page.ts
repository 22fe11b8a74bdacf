// **telegram-page** takes a telegram's extraction result (text and record spans) and the resource
// index, and returns its HTML page: header facts, copies, references, the full text with claims,
// mentions and quantities highlighted and linked, claims, quantities, events, entities, report.

import type { ClaimRecord, EntityRef, ExtractionResult, QuantityRecord, StatedDateTime } from '../../extract/record.js';
import { mintIri } from '../../graph/mint-iri.js';
import { entityIri } from '../record-iris.js';
import type { ResourceIndex } from '../resource-index.js';
import { highlightText, type Highlight } from './highlight-text.js';
import { docPath, factRow, renderPage, type Alternate, type Site } from './layout.js';
import { displayName, iriLink } from './terms.js';
import { html, type HtmlValue, type SafeHtml } from './template.js';

/** The local IRI's number ("…/claim/3" → "3"). */
function partNumber(iri: string): string {
  return iri.slice(iri.lastIndexOf('/') + 1);
}

function dateHtml(d: StatedDateTime | undefined): SafeHtml | undefined {
  if (!d) return undefined;
  const zone =
    d.datatype === 'dateTime'
      ? d.timeZoneStated
        ? html` <span class="note">(time zone stated: ${d.timeZoneAsPrinted ?? 'yes'})</span>`
        : html` <span class="note">(time zone not stated)</span>`
      : '';
  return html`${d.asPrinted} <span class="note">→ <time datetime="${d.value}">${d.value}</time></span>${zone}`;
}

/** Quantity's value as words: "9 (at least)", "5–6", "4 : 1". */
export function quantityValue(q: QuantityRecord): string {
  if (q.numerator !== undefined && q.denominator !== undefined) return `${q.numerator} : ${q.denominator}`;
  if (q.minValue !== undefined && q.maxValue !== undefined) return `${q.minValue}–${q.maxValue}`;
  if (q.minValue !== undefined) return `≥ ${q.minValue}`;
  if (q.maxValue !== undefined) return `≤ ${q.maxValue}`;
  if (q.duration !== undefined) return q.duration;
  if (q.value !== undefined) return `${q.approximate ? '≈ ' : ''}${q.value}`;
  return q.reading === 'absent' ? '0' : '';
}

export interface TelegramPageOptions {
  readonly alternates: readonly Alternate[];
  readonly jsonLd?: string;
}

/** Renders the page of `dataset.results[resultIndex]`. */
export function renderTelegramPage(site: Site, index: ResourceIndex, resultIndex: number, options: TelegramPageOptions): string {
  const r: ExtractionResult | undefined = index.dataset.results[resultIndex];
  if (!r) return '';
  const iris = index.recordIris(resultIndex);
  const h = r.header;
  const entity = (ref: EntityRef | undefined): SafeHtml | undefined => (ref ? iriLink(site, index, entityIri(site.base, ref)) : undefined);
  const title = h.title?.value ?? index.label(iris.telegram) ?? r.slug;
  const claimNumber = (i: number) => partNumber(iris.claims[i] ?? '');
  const speaker = (c: ClaimRecord) => (c.claimant ? displayName(index, entityIri(site.base, c.claimant)) : 'unknown speaker');

  const highlights: Highlight[] = [
    ...r.claims.map((c, i): Highlight => ({
      span: c.span,
      layer: 'block',
      className: 'claim',
      id: `text-claim-${claimNumber(i)}`,
      label: `C${claimNumber(i)}`,
      title: `Claim ${claimNumber(i)}: ${speaker(c)}, ${c.speechAct} (“${c.verbAsPrinted}”)`,
    })),
    ...r.mentions.map((m): Highlight => {
      const iri = entityIri(site.base, m.entity);
      const href = index.has(iri) ? docPath(site, iri) : undefined;
      return { span: m.span, layer: 'link', className: 'mention', title: `${displayName(index, iri)} (${m.entity.type})`, ...(href !== undefined ? { href } : {}) };
    }),
    ...r.quantities.map((q, i): Highlight => {
      const iri = iris.quantities[i] ?? '';
      const href = index.has(iri) ? docPath(site, iri) : undefined;
      const value = quantityValue(q);
      return { span: q.span, layer: 'link', className: 'quantity', title: `Quantity (${q.reading})${value ? `: ${value}` : ''}${q.unitText !== undefined ? ` ${q.unitText}` : ''}`, ...(href !== undefined ? { href } : {}) };
    }),
  ];

  const facts = html`<table class="facts">
<caption>Header facts, as printed and as read</caption>
<tbody>
${factRow('Title', h.title?.asPrinted)}
${factRow('IRI', html`<span class="iri">${iris.telegram}</span>`)}
${h.identifiers.map((id) => factRow(`Identifier (${id.propertyId})`, id.value))}
${factRow('Classification', h.classification?.asPrinted)}
${factRow('Issuing office', h.issuingOffice ? html`${h.issuingOffice.asPrinted}${h.issuingOffice.value !== h.issuingOffice.asPrinted ? html` <span class="note">(${h.issuingOffice.value})</span>` : ''}${h.issuingOffice.entity ? html` → ${entity(h.issuingOffice.entity)}` : ''}` : undefined)}
${factRow('Sender', entity(r.sender))}
${factRow('Recipient', entity(r.recipient))}
${factRow('Addressed as', h.addressee ? html`${h.addressee.asPrinted}${h.addressee.isCodename ? html` <span class="note">(codename)</span>` : ''}${h.addressee.entity ? html` → ${entity(h.addressee.entity)}` : ''}` : undefined)}
${factRow('Date sent', dateHtml(h.dateSent))}
${factRow('Received from', h.receivedFrom ? html`${h.receivedFrom.asPrinted}${h.receivedFrom.entity ? html` → ${entity(h.receivedFrom.entity)}` : ''}` : undefined)}
${factRow('Date received', dateHtml(h.dateReceived))}
${factRow('Priority', h.priority ? html`${h.priority.value}${h.priority.gloss !== undefined ? html` [${h.priority.gloss}]` : ''} <span class="note">(printed: ${h.priority.asPrinted})</span>` : undefined)}
${factRow('Signature', h.signature ? html`${h.signature.asPrinted}${h.signature.entity ? html` → ${entity(h.signature.entity)}` : ''}` : undefined)}
${factRow('Closing date', dateHtml(h.closingDate))}
</tbody>
</table>`;

  const copies =
    h.copies.length === 0
      ? html``
      : html`<section aria-labelledby="copies"><h2 id="copies">Distribution list</h2>
<table>
<thead><tr><th scope="col" class="num">Copy</th><th scope="col">Number as printed</th><th scope="col">Recipient as printed</th><th scope="col">Recipient</th></tr></thead>
<tbody>
${h.copies.map((c) => html`<tr><td class="num">${c.number}</td><td>${c.numberAsPrinted}</td><td>${c.recipientAsPrinted}</td><td>${entity(c.recipient) ?? html`<span class="note">not resolved</span>`}</td></tr>\n`)}</tbody>
</table></section>`;

  const references =
    h.references.length === 0
      ? html``
      : html`<section aria-labelledby="references"><h2 id="references">References to other telegrams</h2>
<ul>${h.references.map((ref) => {
          const refIri = mintIri(site.base, 'ref', [r.slug, ref.number]);
          return html`<li>${ref.relation === 'in-reply-to' ? 'In reply to' : 'Refers to'} telegram no. ${iriLink(site, index, refIri, ref.number)}${ref.ownerRole ? html` <span class="note">(the ${ref.ownerRole}’s)</span>` : ''}</li>`;
        })}</ul></section>`;

  const quantityLinks = (c: ClaimRecord): HtmlValue[] =>
    r.quantities.flatMap((q, qi) => (c.span.start <= q.span.start && q.span.end <= c.span.end ? [html`<li>${iriLink(site, index, iris.quantities[qi] ?? '', q.text)} <span class="note">(${q.reading}${quantityValue(q) ? `: ${quantityValue(q)}` : ''})</span></li>`] : []));

  const claimOrder = r.claims.map((c, i) => ({ c, i })).sort((a, b) => Number(claimNumber(a.i)) - Number(claimNumber(b.i)));
  const claims =
    r.claims.length === 0
      ? html`<p>No claims were found in this telegram.</p>`
      : html`<ol class="claims">
${claimOrder.map(({ c, i }) => {
          const qs = quantityLinks(c);
          return html`<li id="claim-${claimNumber(i)}"><p>${c.pointAsPrinted !== undefined ? html`<strong>${c.pointAsPrinted}</strong> ` : ''}${c.claimant ? entity(c.claimant) : html`<span class="note">unknown speaker</span>`}, <em>${c.speechAct}</em> (“${c.verbAsPrinted}”)${c.reportedBy ? html`, reported by ${entity(c.reportedBy)}` : ''}:</p>
<blockquote><p>${c.text}</p></blockquote>
${qs.length > 0 ? html`<p>Quantities:</p><ul>${qs}</ul>` : ''}
<p>${iriLink(site, index, iris.claims[i] ?? '', `Claim ${claimNumber(i)} page`)} · <a href="#text-claim-${claimNumber(i)}">show in the text</a></p></li>\n`;
        })}</ol>`;

  const quantities =
    r.quantities.length === 0
      ? html`<p>No quantities were found in this telegram.</p>`
      : html`<table>
<thead><tr><th scope="col">Phrase</th><th scope="col">Reading</th><th scope="col">Value</th><th scope="col">Unit as printed</th><th scope="col">Notes</th></tr></thead>
<tbody>
${r.quantities.map((q, i) => html`<tr><td>${iriLink(site, index, iris.quantities[i] ?? '', q.text)}</td><td>${q.reading}${q.polarity === 'rejected' ? ' (rejected)' : ''}${q.approximate ? ', approximate' : ''}</td><td>${quantityValue(q)}${q.currency !== undefined ? ` ${q.currency}` : ''}${q.forYear !== undefined ? ` (for ${q.forYear})` : ''}</td><td>${q.unitText ?? ''}</td><td>${q.notes.join(' ')}</td></tr>\n`)}</tbody>
</table>`;

  const events =
    r.events.length === 0
      ? html`<p>No events were found in this telegram.</p>`
      : html`<ul>
${r.events.map((e, i) => {
          const link = iriLink(site, index, iris.events[i] ?? '', e.kind === 'meeting' ? 'Meeting' : 'Journey');
          if (e.kind === 'meeting') {
            return html`<li>${link}${e.startDate ? html`, ${dateHtml(e.startDate)}` : ''}${e.duration ? html`, lasting ${e.duration.asPrinted} (${e.duration.value})` : ''}${e.location ? html`, at ${entity(e.location)}` : ''}${e.attendees.length > 0 ? html`; attendees: ${e.attendees.map((a, k) => html`${k > 0 ? ', ' : ''}${entity(a)}`)}` : ''}</li>\n`;
          }
          return html`<li>${link} (${e.status === 'potential' ? 'planned' : 'completed'}${e.mode !== undefined ? `, by ${e.mode}` : ''})${e.agents.length > 0 ? html`: ${e.agents.map((a, k) => html`${k > 0 ? ', ' : ''}${entity(a)}`)}` : ''}${e.participants.length > 0 ? html`, accompanied by ${e.participants.map((a, k) => html`${k > 0 ? ', ' : ''}${entity(a)}`)}` : ''}${e.from ? html`, from ${entity(e.from)}` : ''}${e.to ? html` to ${entity(e.to)}` : ''}${e.startTime ? html`, ${dateHtml(e.startTime)}` : ''}</li>\n`;
        })}</ul>`;

  const mentionCounts = new Map<string, number>();
  for (const m of r.mentions) {
    const iri = entityIri(site.base, m.entity);
    mentionCounts.set(iri, (mentionCounts.get(iri) ?? 0) + 1);
  }
  const entities = [...mentionCounts.entries()].sort((a, b) => displayName(index, a[0]).localeCompare(displayName(index, b[0]), 'en'));

  const report =
    r.report.length === 0
      ? html`<p>The extractors interpreted everything in this telegram.</p>`
      : html`<table class="report">
<caption>${r.report.length} item${r.report.length === 1 ? '' : 's'} the extractors could not interpret (reported, not dropped)</caption>
<thead><tr><th scope="col">Line:column</th><th scope="col">Kind</th><th scope="col">Text</th><th scope="col">Message</th></tr></thead>
<tbody>
${r.report.map((item) => html`<tr><td>${item.line}:${item.column}</td><td>${item.code}</td><td>${item.text}</td><td>${item.message}</td></tr>\n`)}</tbody>
</table>`;

  const quoted =
    r.quotedTelegrams.length === 0
      ? html``
      : html`<section aria-labelledby="quoted"><h2 id="quoted">Telegrams quoted in this one</h2><ul>${r.quotedTelegrams.map(
          (q) => html`<li>${q.author ? html`From ${entity(q.author)}` : 'Author not stated'}${q.recipient ? html` to ${entity(q.recipient)}` : ''}${q.dateSent ? html`, ${dateHtml(q.dateSent)}` : ''}</li>`,
        )}</ul></section>`;

  const main = html`<article>
<h1>${title}</h1>
<p class="iri">${iris.telegram}</p>
${facts}
${copies}
${references}
<section aria-labelledby="text"><h2 id="text">Text</h2>
<ul class="legend" aria-label="Legend">
<li><span class="claim">Claim</span> (background, numbered)</li>
<li><span class="mention">Person, place or organisation</span> (link)</li>
<li><span class="quantity">Quantity</span> (link)</li>
</ul>
<div class="telegram-text" lang="en">${highlightText(r.text, highlights)}</div>
</section>
<section aria-labelledby="claims"><h2 id="claims">Claims (${r.claims.length})</h2>
${claims}
</section>
<section aria-labelledby="quantities"><h2 id="quantities">Quantities (${r.quantities.length})</h2>
${quantities}
</section>
<section aria-labelledby="events"><h2 id="events">Events (${r.events.length})</h2>
${events}
</section>
${quoted}
<section aria-labelledby="entities"><h2 id="entities">People, places and organisations mentioned (${entities.length})</h2>
<ul>${entities.map(([iri, n]) => html`<li>${iriLink(site, index, iri)} <span class="note">(${n} mention${n === 1 ? '' : 's'})</span></li>`)}</ul>
</section>
<section aria-labelledby="report"><h2 id="report">Build report</h2>
${report}
</section>
</article>`;
  return renderPage(site, { title, main, alternates: options.alternates, ...(options.jsonLd !== undefined ? { jsonLd: options.jsonLd } : {}) });
}
