// html`` escapes interpolations; jsonLdScript cannot be closed early; safeHref filters schemes.
import { describe, expect, it } from 'vitest';
import { html, jsonLdScript, raw, safeHref } from '../../../src/serve/html/template.js';

describe('template', () => {
  it('escapes values, not SafeHtml, and flattens arrays', () => {
    const name = '<b>"O\'Brien" & co</b>';
    expect(html`<p title="${name}">${name}</p>`.value).toBe('<p title="&lt;b&gt;&quot;O&#39;Brien&quot; &amp; co&lt;/b&gt;">&lt;b&gt;&quot;O&#39;Brien&quot; &amp; co&lt;/b&gt;</p>');
    expect(html`${[raw('<i>'), 'x', null, undefined, false, 3]}`.value).toBe('<i>x3');
  });

  it('keeps JSON-LD inside its script block', () => {
    const block = jsonLdScript(JSON.stringify({ text: '</script><script>alert(1)</script><!-- \u2028' })).value;
    expect(block.match(/<\/script>/g)).toHaveLength(1);
    expect(block).not.toContain('<!--');
    const inner = block.replace(/^<script type="application\/ld\+json">/, '').replace(/<\/script>$/, '');
    expect((JSON.parse(inner) as { text: string }).text).toBe('</script><script>alert(1)</script><!-- \u2028');
  });

  it.each([
    ['http://www.wikidata.org/entity/Q1', true],
    ['https://example.org/', true],
    ['/doc/person/x', true],
    ['javascript:alert(1)', false],
    ['//evil.example/', false],
    ['data:text/html,x', false],
  ])('safeHref(%s) → %s', (url, ok) => {
    expect(safeHref(url) !== undefined).toBe(ok);
  });
});
