// **negotiate** takes an Accept header and the formats a route offers, and returns the format to send
// (or null: 406). Pure. One table (RDF_FORMATS plus HTML) drives negotiation, `?format=` and the
// file-extension overrides on /doc/….
//
// Decisions, in this one place:
// - A missing or empty Accept header is read as "*/*". Browsers always send text/html explicitly,
//   so a client that states nothing is a machine client (curl, a crawler, a SPARQL library).
// - Ties (equal q) go to the more specific match (text/turtle beats text/* beats */*), then to the
//   client's order in the header, then to the server's order of `offers`. Routes list Turtle before
//   HTML, so "*/*" and a missing header give Turtle; "text/html" (every browser) gives HTML.
// - A header none of whose ranges can be parsed (garbage) counts as missing, as Apache and nginx do.
// - A header that parses but matches no offer (or only with q=0) gives null: the route answers 406
//   listing what is available. We never silently send a type the client said it cannot read.
// - Media-type parameters: `charset` must be utf-8 (we send nothing else); `profile` on JSON-LD is
//   accepted whatever it says (we send compacted JSON-LD); other parameters are ignored.

import { RDF_FORMATS, findFormatByKey, type RdfFormat, type RdfFormatName } from '../publish/formats.js';

/** A representation a route can send: HTML or one of the RDF formats. */
export interface ServedFormat {
  readonly name: RdfFormatName | 'html';
  /** What we send in Content-Type (without parameters). */
  readonly mediaType: string;
  /** Other media types that select this format in Accept. */
  readonly aliases: readonly string[];
  /** File extensions (without dot) that select this format on /doc/…; the first is canonical. */
  readonly extensions: readonly string[];
  /** Keys accepted by `?format=`. */
  readonly keys: readonly string[];
  readonly label: string;
}

/** The HTML representation for people. */
export const HTML_FORMAT: ServedFormat = {
  name: 'html',
  mediaType: 'text/html',
  aliases: ['application/xhtml+xml'],
  extensions: ['html', 'htm'],
  keys: ['html'],
  label: 'HTML',
};

function served(f: RdfFormat): ServedFormat {
  return { name: f.name, mediaType: f.mediaType, aliases: f.aliases, extensions: f.extensions, keys: f.keys, label: f.label };
}

/** Every RDF format, in the format table's order (Turtle first). */
export const RDF_SERVED_FORMATS: readonly ServedFormat[] = RDF_FORMATS.map(served);

/**
 * What resource pages offer, in server preference order: Turtle first (for "*\/*" and a missing
 * header), HTML second (chosen whenever the client names text/html), then the other RDF formats.
 */
export const DOCUMENT_FORMATS: readonly ServedFormat[] = [
  ...RDF_SERVED_FORMATS.filter((f) => f.name === 'turtle'),
  HTML_FORMAT,
  ...RDF_SERVED_FORMATS.filter((f) => f.name !== 'turtle'),
];

/** The Content-Type header value for a format: text types and JSON get "; charset=utf-8". */
export function contentTypeOf(format: ServedFormat): string {
  const t = format.mediaType;
  return t.startsWith('text/') || t.endsWith('+json') || t.endsWith('/json') || t.endsWith('+xml') || t.endsWith('/xml') || t.startsWith('application/n-') || t === 'application/trig'
    ? `${t}; charset=utf-8`
    : t;
}

/** One parsed media range of an Accept header. */
export interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly params: Readonly<Record<string, string>>;
  /** 0 … 1. */
  readonly q: number;
  /** Position in the header, 0-based. */
  readonly order: number;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const QVALUE = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/;
/** More ranges than this are not a browser or a library: the rest are ignored. */
const MAX_RANGES = 64;

/** Splits on commas outside double-quoted strings. */
function splitOutsideQuotes(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (c === '"') quoted = !quoted;
    if (c === '\\' && quoted) {
      current += c + value.charAt(i + 1);
      i++;
      continue;
    }
    if (c === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/**
 * Parses an Accept header into media ranges, skipping ranges that are not well-formed (no slash,
 * bad token, bad q-value, "*\/html"). Types and parameter names are lower-cased.
 * @example parseAccept('text/html;q=0.9, text/*;q=0.1') // [{ type: 'text', subtype: 'html', q: 0.9, … }, …]
 */
export function parseAccept(accept: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  const items = splitOutsideQuotes(accept, ',');
  for (const item of items.slice(0, MAX_RANGES)) {
    const [mediaType = '', ...rawParams] = splitOutsideQuotes(item, ';').map((s) => s.trim());
    const slash = mediaType.indexOf('/');
    if (slash <= 0) continue;
    const type = mediaType.slice(0, slash).toLowerCase();
    const subtype = mediaType.slice(slash + 1).toLowerCase();
    if (!TOKEN.test(type) || !TOKEN.test(subtype) || (type === '*' && subtype !== '*')) continue;
    let q = 1;
    let valid = true;
    const params: Record<string, string> = {};
    for (const raw of rawParams) {
      if (raw === '') continue;
      const eq = raw.indexOf('=');
      const name = (eq < 0 ? raw : raw.slice(0, eq)).trim().toLowerCase();
      let value = eq < 0 ? '' : raw.slice(eq + 1).trim();
      if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
      if (name === 'q') {
        if (!QVALUE.test(value)) valid = false;
        else q = Number(value);
        break; // what follows q are accept-extensions, not media-type parameters
      }
      if (!TOKEN.test(name)) {
        valid = false;
        break;
      }
      params[name] = value;
    }
    if (valid) ranges.push({ type, subtype, params, q, order: ranges.length });
  }
  return ranges;
}

/** How specifically a range matches a media type: 3 exact with parameters, 2 exact, 1 type/*, 0 *\/*; -1 no match. */
function matchLevel(range: MediaRange, mediaType: string, format: ServedFormat): number {
  const [type = '', subtype = ''] = mediaType.split('/');
  let level: number;
  if (range.type === '*' && range.subtype === '*') level = 0;
  else if (range.type === type && range.subtype === '*') level = 1;
  else if (range.type === type && range.subtype === subtype) level = 2;
  else return -1;
  let hasParams = false;
  for (const [name, value] of Object.entries(range.params)) {
    if (name === 'charset') {
      if (value.toLowerCase() !== 'utf-8' && value.toLowerCase() !== 'utf8') return -1;
      hasParams = true;
    } else if (name === 'profile' && format.name === 'jsonld') hasParams = true;
  }
  return hasParams && level === 2 ? 3 : level;
}

/** The result of negotiation: the format and the media type the client asked for it by. */
export interface Negotiated {
  readonly format: ServedFormat;
  /** The q-value the client gave it. */
  readonly q: number;
}

/**
 * Chooses what to send. `offers` is in server preference order. Returns null when the header
 * parses but accepts none of the offers (answer 406); see the decisions at the top of this file.
 * @example chooseFormat('text/html,application/xhtml+xml;q=0.9,*\/*;q=0.8', DOCUMENT_FORMATS)?.format.name // "html"
 * @example chooseFormat(undefined, DOCUMENT_FORMATS)?.format.name // "turtle"
 * @example chooseFormat('image/png', DOCUMENT_FORMATS) // null
 */
export function chooseFormat(accept: string | undefined, offers: readonly ServedFormat[]): Negotiated | null {
  const first = offers[0];
  if (!first) return null;
  const ranges = accept === undefined || accept.trim() === '' ? [] : parseAccept(accept);
  if (ranges.length === 0) return { format: first, q: 1 };

  let best: { format: ServedFormat; q: number; level: number; order: number } | null = null;
  for (const format of offers) {
    // The most specific range matching any of the format's media types decides its q (RFC 9110 §12.5.1).
    let chosen: { q: number; level: number; order: number } | null = null;
    for (const mediaType of [format.mediaType, ...format.aliases]) {
      for (const range of ranges) {
        const level = matchLevel(range, mediaType, format);
        if (level < 0) continue;
        // An alias matched exactly counts as exact; the canonical type wins over an alias at equal level.
        if (!chosen || level > chosen.level || (level === chosen.level && range.order < chosen.order)) {
          chosen = { q: range.q, level, order: range.order };
        }
      }
    }
    if (!chosen || chosen.q <= 0) continue;
    const c: { q: number; level: number; order: number } = chosen;
    const better =
      !best ||
      c.q > best.q ||
      (c.q === best.q && c.level > best.level) ||
      (c.q === best.q && c.level === best.level && c.order < best.order);
    if (better) best = { format, q: c.q, level: c.level, order: c.order };
  }
  return best ? { format: best.format, q: best.q } : null;
}

/**
 * Finds a format by a `?format=` key or a file extension, among `offers` only.
 * @example formatByKey('ttl', DOCUMENT_FORMATS)?.name // "turtle"
 */
export function formatByKey(key: string, offers: readonly ServedFormat[]): ServedFormat | undefined {
  const k = key.toLowerCase();
  const direct = offers.find((f) => f.keys.includes(k) || f.extensions.includes(k));
  if (direct) return direct;
  const rdf = findFormatByKey(k);
  return rdf ? offers.find((f) => f.name === rdf.name) : undefined;
}

/** The text of a 406 response: what was asked for (cut at 200 characters) and every media type available. */
export function notAcceptableMessage(accept: string | undefined, offers: readonly ServedFormat[]): string {
  const asked = accept ?? '';
  const shown = asked.length > 200 ? `${asked.slice(0, 200)}…` : asked;
  return `no acceptable format for "${shown}"; available: ${offers.map((f) => f.mediaType).join(', ')}`;
}
