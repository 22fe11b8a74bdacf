// **uncovered** lists segments of the text that produced no record at all, for the build report.

import { offsetToLineColumn } from '../text/location.js';
import { spansOverlap, type Span } from '../text/span.js';
import type { SourceDoc } from './inputs.js';
import type { ClaimRecord, EventRecord, HeaderRecord, MentionRecord, QuantityRecord, ReportItem } from './record.js';

function headerSpans(h: HeaderRecord): Span[] {
  const spans: Span[] = [];
  const add = (x: { span: Span } | undefined): void => {
    if (x) spans.push(x.span);
  };
  add(h.title);
  add(h.classification);
  add(h.issuingOffice);
  add(h.dateSent);
  add(h.receivedFrom);
  add(h.dateReceived);
  add(h.priority);
  add(h.addressee);
  add(h.signature);
  add(h.closingDate);
  for (const x of [...h.identifiers, ...h.copies, ...h.references]) spans.push(x.span);
  return spans;
}

/** An editor's mark in the text ("[illegible]", "[handwritten: …]", "[sic]"): never interpreted, always reported. */
const EDITORIAL_MARK_RE = /\[\s*(?:illegible|handwritten|hand-written|sic|unclear|crossed out|struck out|text missing|omitted|omission|signature|stamp|margin|marginal note|note in the margin|underlined)\b[^\]\n]*\]/giu;

/**
 * Leaf segments (no segment has them as parent) that overlap no record's evidence, and every
 * editorial mark of the text ('editorial-note'), even inside a segment that produced records.
 */
export function findUncoveredText(
  doc: SourceDoc,
  header: HeaderRecord,
  records: {
    readonly mentions: readonly MentionRecord[];
    readonly quantities: readonly QuantityRecord[];
    readonly claims: readonly ClaimRecord[];
    readonly events: readonly EventRecord[];
  },
): ReportItem[] {
  const evidence: Span[] = [
    ...headerSpans(header),
    ...records.mentions.map((r) => r.span),
    ...records.quantities.map((r) => r.span),
    ...records.claims.map((r) => r.span),
    ...records.events.map((r) => r.span),
  ];
  const parents = new Set(doc.segments.map((s) => s.parent).filter((p) => p !== undefined));
  const out: ReportItem[] = [];
  doc.segments.forEach((seg, i) => {
    if (parents.has(i)) return;
    if (evidence.some((e) => spansOverlap(e, seg.span))) return;
    const at = offsetToLineColumn(doc.text, seg.span.start);
    out.push({
      code: 'uninterpreted-text',
      message: `no record was extracted from this ${seg.kind}`,
      span: seg.span,
      line: at.line,
      column: at.column,
      text: seg.text,
    });
  });
  for (const m of doc.text.matchAll(EDITORIAL_MARK_RE)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const at = offsetToLineColumn(doc.text, span.start);
    out.push({ code: 'editorial-note', message: "an editor's mark: not interpreted", span, line: at.line, column: at.column, text: m[0] });
  }
  return out;
}
