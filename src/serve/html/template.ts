// **template** takes a tagged template and returns escape-safe HTML: every interpolated value is
// escaped unless it is already SafeHtml. Also: JSON-LD script blocks and href filtering.

/** HTML that is already escaped (or trusted markup written in this folder). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated: nothing (null, undefined, false) renders as "". */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Builds HTML from a template: interpolations are escaped, arrays are concatenated.
 * @example html`<p title="${title}">${text}</p>`
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Marks trusted markup (written in this folder, never data) as safe. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Joins values with a separator (escaped like any value). */
export function join(values: readonly HtmlValue[], separator: HtmlValue): SafeHtml {
  return new SafeHtml(values.map(render).join(render(separator)));
}

/**
 * A `<script type="application/ld+json">` block. "<", ">" and "&" become JSON escapes, so that no
 * "</script>" or "<!--" in the data can end the block early; U+2028/9 too, for old parsers.
 */
export function jsonLdScript(json: string): SafeHtml {
  const safe = json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new SafeHtml(`<script type="application/ld+json">${safe}</script>`);
}

/** The URL if it is safe to put in an href (http, https, mailto, or a relative path), else undefined. */
export function safeHref(url: string): string | undefined {
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  return /^(https?:\/\/|mailto:)/i.test(url) ? url : undefined;
}
