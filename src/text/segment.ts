// **segment** splits a telegram's text into segments with [start, end) spans into the original.
// Invariant: text.slice(s.span.start, s.span.end) === s.text for every segment s, and every
// non-whitespace character of the text lies in at least one segment.

import type { Span } from './span.js';

export type SegmentKind =
  | 'title'
  | 'header-line'
  | 'distribution'
  | 'copy'
  | 'received'
  | 'priority'
  | 'addressee'
  | 'reference'
  | 'point'
  | 'list-item'
  | 'paragraph'
  | 'sentence'
  | 'signature'
  | 'closing';

export interface Segment {
  readonly kind: SegmentKind;
  readonly span: Span;
  readonly text: string;
  /** 1-based line of span.start. */
  readonly line: number;
  /** A list marker as printed ("3.", "a)", "1 -"), for points, list items and copies. */
  readonly marker?: string;
  /** Index of the enclosing segment in the same array (a sentence's paragraph), if any. */
  readonly parent?: number;
}

/** Splits `text` into segments. Placeholder until the segmenter lands: one paragraph per block. */
export function segmentText(text: string): Segment[] {
  const segments: Segment[] = [];
  const re = /\S[\s\S]*?(?=\n\s*\n|\s*$)/g;
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const line = text.slice(0, start).split('\n').length;
    segments.push({ kind: 'paragraph', span: { start, end: start + m[0].length }, text: m[0], line });
  }
  return segments;
}
