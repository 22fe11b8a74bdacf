// **send-representation** takes a request, the formats a route offers and a renderer, and sends
// the negotiated representation: `?format=` override, Accept negotiation (406 listing what is
// available), Vary: Accept, a strong ETag, 304 on If-None-Match, Content-Location and Link headers.

import type { Request, Response } from 'express';
import { HttpError } from '../errors.js';
import type { CachedDocument } from './document-cache.js';
import { chooseFormat, contentTypeOf, formatByKey, notAcceptableMessage, type ServedFormat } from './negotiate.js';

export interface RepresentationOptions {
  readonly offers: readonly ServedFormat[];
  /** A format already chosen by the URL (a file extension such as /doc/person/x.ttl). */
  readonly override?: ServedFormat;
  /** The URL (path) of one format's representation, for Content-Location and Link headers. */
  readonly urlOf?: (format: ServedFormat) => string;
  readonly render: (format: ServedFormat) => Promise<CachedDocument>;
  /** Cache-Control value (default: revalidate after five minutes). */
  readonly cacheControl?: string;
}

/** Percent-encodes what may not appear in a header (non-ASCII, spaces, controls); keeps existing escapes. */
export function headerSafe(url: string): string {
  return url.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}

/** The single `?format=` value, if the query has one (repeated or non-string values are a 400). */
export function formatParameter(req: Request): string | undefined {
  const value: unknown = (req.query as Record<string, unknown>)['format'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new HttpError(400, 'give ?format= once, as a single value such as ?format=ttl', 'bad-format-parameter');
  return value;
}

/** True when the If-None-Match header matches the ETag (weak comparison, as RFC 9110 §13.1.2 says). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

/** Chooses the format for a request: the URL's override, then ?format=, then Accept. Throws 400/406. */
export function selectFormat(req: Request, offers: readonly ServedFormat[], override?: ServedFormat): ServedFormat {
  if (override) return override;
  const key = formatParameter(req);
  if (key !== undefined) {
    const found = formatByKey(key, offers);
    if (!found) {
      throw new HttpError(400, `unknown format "${key}"; valid values of ?format=: ${offers.map((f) => f.keys[0] ?? f.name).join(', ')}`, 'unknown-format');
    }
    return found;
  }
  const accept = req.get('accept');
  const chosen = chooseFormat(accept, offers);
  if (!chosen) throw new HttpError(406, notAcceptableMessage(accept, offers), 'not-acceptable');
  return chosen.format;
}

/**
 * Negotiates and sends. Sets Vary: Accept on every answer (errors included), so that caches keep
 * one copy per format.
 */
export async function sendRepresentation(req: Request, res: Response, options: RepresentationOptions): Promise<void> {
  res.vary('Accept');
  const { offers, urlOf } = options;
  if (urlOf) {
    res.setHeader('Link', offers.map((f) => `<${headerSafe(urlOf(f))}>; rel="alternate"; type="${f.mediaType}"`).join(', '));
  }
  const format = selectFormat(req, offers, options.override);
  const doc = await options.render(format);
  res.setHeader('Content-Type', contentTypeOf(format));
  res.setHeader('ETag', doc.etag);
  res.setHeader('Cache-Control', options.cacheControl ?? 'public, max-age=300');
  if (urlOf) res.setHeader('Content-Location', headerSafe(urlOf(format)));
  if (etagMatches(req.get('if-none-match'), doc.etag)) {
    res.status(304).end();
    return;
  }
  res.status(200).send(doc.body);
}
