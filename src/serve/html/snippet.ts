// **snippet** takes a text and a span and returns a short excerpt around the span, the span marked,
// whitespace collapsed and words not cut, for entity and claim pages.

import type { Span } from '../../text/span.js';
import { html, type SafeHtml } from './template.js';

/**
 * About `context` characters either side of the span, with "…" where the text goes on.
 * @example snippet('one two three four', { start: 8, end: 13 }, 4) // "… two <mark>three</mark> four"
 */
export function snippet(text: string, span: Span, context = 80): SafeHtml {
  let from = Math.max(0, span.start - context);
  let to = Math.min(text.length, span.end + context);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < span.start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > span.end) to = space;
  }
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  return html`${from > 0 ? '… ' : ''}${squash(text.slice(from, span.start))}<mark>${squash(text.slice(span.start, span.end))}</mark>${squash(text.slice(span.end, to))}${to < text.length ? ' …' : ''}`;
}
