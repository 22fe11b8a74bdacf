// **uncovered** lists segments of the text that produced no record at all, for the build report.

import type { Span } from '../text/span.js';
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
  // Overlap test in O(log n) per segment: evidence sorted by start, with the running maximum of
  // the ends; a segment [s, e) overlaps some evidence iff, among the evidence starting before e,
  // the largest end is after s.
  const sorted = evidence.filter((e) => e.end > e.start).sort((a, b) => a.start - b.start);
  const starts = sorted.map((e) => e.start);
  const maxEnd: number[] = [];
  for (const e of sorted) maxEnd.push(Math.max(e.end, maxEnd[maxEnd.length - 1] ?? -1));
  const overlapsEvidence = (span: Span): boolean => {
    const k = upperBound(starts, span.end - 1);
    return k > 0 && (maxEnd[k - 1] ?? -1) > span.start;
  };
  const lineStarts = [0];
  for (let i = doc.text.indexOf('\n'); i >= 0; i = doc.text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const locate = (offset: number): { line: number; column: number } => {
    const line = upperBound(lineStarts, offset);
    return { line, column: offset - (lineStarts[line - 1] ?? 0) + 1 };
  };

  const parents = new Set(doc.segments.map((s) => s.parent).filter((p) => p !== undefined));
  const out: ReportItem[] = [];
  doc.segments.forEach((seg, i) => {
    if (parents.has(i)) return;
    if (overlapsEvidence(seg.span)) return;
    const at = locate(seg.span.start);
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
    const at = locate(span.start);
    out.push({ code: 'editorial-note', message: "an editor's mark: not interpreted", span, line: at.line, column: at.column, text: m[0] });
  }
  return out;
}

/** Number of elements of the ascending array `xs` that are <= x. */
function upperBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] ?? Infinity) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
