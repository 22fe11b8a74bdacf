// **span** is a half-open interval [start, end) of UTF-16 code units (JS string indices) into a source text.

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Returns the text a span covers. */
export function sliceSpan(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** True when `inner` lies inside `outer` (both half-open). */
export function spanContains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** True when the two spans share at least one code unit. */
export function spansOverlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Orders spans by start, then by end (longer first). */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}
