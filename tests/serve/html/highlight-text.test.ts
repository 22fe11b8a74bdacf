// highlightText: nested and crossing spans give well-nested HTML, links never nest, text unchanged.
import { describe, expect, it } from 'vitest';
import { highlightText, type Highlight } from '../../../src/serve/html/highlight-text.js';

const block = (start: number, end: number, id?: string): Highlight => ({ span: { start, end }, layer: 'block', className: 'claim', ...(id ? { id, label: id } : {}) });
const link = (start: number, end: number, href: string): Highlight => ({ span: { start, end }, layer: 'link', className: 'mention', href });
const strip = (h: string) => h.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** True when every tag closes in order (a tiny well-formedness check). */
function wellNested(h: string): boolean {
  const stack: string[] = [];
  for (const m of h.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    if (m[1] === '/') {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2] ?? '');
  }
  return stack.length === 0;
}

describe('highlightText', () => {
  const text = 'Mao said that <five> & "six" divisions\nare not enough.';

  it('escapes the text and keeps it unchanged', () => {
    const out = highlightText(text, []).value;
    expect(out).not.toContain('<five>');
    expect(strip(out)).toBe(text);
  });

  it('marks a claim with a link inside it', () => {
    const out = highlightText(text, [block(9, 54, 'C1'), link(0, 3, '/doc/person/mao'), link(14, 38, '/doc/q/1')]).value;
    expect(out).toBe(
      '<a class="mention" href="/doc/person/mao">Mao</a> said <span class="claim first" id="C1" data-label="C1">that <a class="mention" href="/doc/q/1">&lt;five&gt; &amp; &quot;six&quot; divisions</a>\nare not enough.</span>',
    );
  });

  it('splits crossing claims into well-nested pieces, the id on the first piece only', () => {
    const out = highlightText(text, [block(0, 20, 'A'), block(10, 40, 'B'), link(15, 25, '/x')]).value;
    expect(wellNested(out)).toBe(true);
    expect(strip(out)).toBe(text);
    expect(out.match(/id="B"/g)).toHaveLength(1);
    expect(out.match(/class="claim first"/g)).toHaveLength(2);
  });

  it('never nests links: the innermost wins where they overlap', () => {
    const out = highlightText(text, [link(14, 38, '/quantity'), link(15, 19, '/entity')]).value;
    expect(wellNested(out)).toBe(true);
    expect(out).not.toMatch(/<a[^>]*>[^<]*<a/);
    expect(out).toContain('<a class="mention" href="/entity">five</a>');
    expect(strip(out)).toBe(text);
  });

  it('ignores empty and out-of-range spans, and renders a link without href as a span', () => {
    const out = highlightText('abc', [link(1, 1, '/x'), link(2, 9, '/y'), { span: { start: 0, end: 1 }, layer: 'link', className: 'mention' }]).value;
    expect(out).toBe('<span class="mention">a</span>bc');
  });

  it('is well nested for many random spans', () => {
    const long = 'x'.repeat(200);
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 50; round++) {
      const hs: Highlight[] = [];
      for (let i = 0; i < 12; i++) {
        const a = rnd(200);
        const b = a + 1 + rnd(40);
        hs.push(rnd(2) === 0 ? block(a, Math.min(b, 200)) : link(a, Math.min(b, 200), `/l${i}`));
      }
      const out = highlightText(long, hs).value;
      expect(wellNested(out)).toBe(true);
      expect(strip(out)).toBe(long);
      expect(out).not.toMatch(/<a[^>]*>[^<]*(<(?!\/a)[^>]*>[^<]*)*<a /);
    }
  });
});
