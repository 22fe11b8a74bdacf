// **highlight-text** takes a text and highlight spans (claims as background blocks, mentions and
// quantities as links) and returns the text as HTML with every span marked up, however the spans
// nest or cross: crossing spans are split into pieces, and links never nest (the innermost wins).

import type { Span } from '../../text/span.js';
import { escapeHtml, SafeHtml } from './template.js';

/** One span to mark up. Spans are [start, end) in UTF-16 code units into the text. */
export interface Highlight {
  readonly span: Span;
  /** "block": a background region (a claim); "link": an inline link (a mention, a quantity). */
  readonly layer: 'block' | 'link';
  /** CSS class ("claim", "mention", "quantity"). */
  readonly className: string;
  /** Where a link goes (links only; without it the link layer renders a <span>). */
  readonly href?: string;
  /** Tooltip. */
  readonly title?: string;
  /** id of the first piece, for in-page links (#claim-3). */
  readonly id?: string;
  /** A short label shown before the first piece by CSS (data-label), never part of the text. */
  readonly label?: string;
}

interface Indexed extends Highlight {
  readonly order: number;
}

function attrs(h: Highlight, first: boolean): string {
  let out = ` class="${escapeHtml(h.className)}${first && h.layer === 'block' ? ' first' : ''}"`;
  if (h.href !== undefined && h.layer === 'link') out += ` href="${escapeHtml(h.href)}"`;
  if (h.title !== undefined) out += ` title="${escapeHtml(h.title)}"`;
  if (first && h.id !== undefined) out += ` id="${escapeHtml(h.id)}"`;
  if (first && h.label !== undefined) out += ` data-label="${escapeHtml(h.label)}"`;
  return out;
}

/** Outer first: earlier start, then longer, then input order. */
function outerFirst(a: Indexed, b: Indexed): number {
  return a.span.start - b.span.start || b.span.end - a.span.end || a.order - b.order;
}

/** Innermost first: shorter, then later start, then input order. */
function innerFirst(a: Indexed, b: Indexed): number {
  return a.span.end - a.span.start - (b.span.end - b.span.start) || b.span.start - a.span.start || a.order - b.order;
}

/**
 * Renders `text` (escaped, characters unchanged) with the highlights as properly nested
 * `<span>` (blocks) and `<a>` (links) elements. Spans outside the text or empty are ignored.
 * @example highlightText('Mao said', [{ span: { start: 0, end: 3 }, layer: 'link', className: 'mention', href: '/doc/person/x' }])
 */
export function highlightText(text: string, highlights: readonly Highlight[]): SafeHtml {
  const items: Indexed[] = highlights
    .map((h, order) => ({ ...h, order }))
    .filter((h) => Number.isInteger(h.span.start) && Number.isInteger(h.span.end) && 0 <= h.span.start && h.span.start < h.span.end && h.span.end <= text.length);
  const cuts = new Set<number>([0, text.length]);
  for (const h of items) {
    cuts.add(h.span.start);
    cuts.add(h.span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const blocks = items.filter((h) => h.layer === 'block');
  const links = items.filter((h) => h.layer === 'link');
  const started = new Set<Indexed>();

  let out = '';
  const stack: Indexed[] = [];
  let link: Indexed | undefined;
  const tagOf = (h: Indexed) => (h.href !== undefined ? 'a' : 'span');
  const closeLink = () => {
    if (link) out += `</${tagOf(link)}>`;
    link = undefined;
  };
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] ?? 0;
    const b = points[i + 1] ?? 0;
    const covers = (h: Indexed) => h.span.start <= a && b <= h.span.end;
    const wantBlocks = blocks.filter(covers).sort(outerFirst);
    const wantLink = links.filter(covers).sort(innerFirst)[0];
    let common = 0;
    while (common < stack.length && common < wantBlocks.length && stack[common] === wantBlocks[common]) common++;
    // A link is innermost: close it before any block closes or opens.
    if (link && (link !== wantLink || common < stack.length || common < wantBlocks.length)) closeLink();
    while (stack.length > common) {
      stack.pop();
      out += '</span>';
    }
    for (const h of wantBlocks.slice(common)) {
      out += `<span${attrs(h, !started.has(h))}>`;
      started.add(h);
      stack.push(h);
    }
    if (wantLink && link !== wantLink) {
      out += `<${tagOf(wantLink)}${attrs(wantLink, !started.has(wantLink))}>`;
      started.add(wantLink);
      link = wantLink;
    }
    out += escapeHtml(text.slice(a, b));
  }
  closeLink();
  out += '</span>'.repeat(stack.length);
  return new SafeHtml(out);
}
