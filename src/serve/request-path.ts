// **request-path** takes the raw path of a request under /id/ or /doc/ and returns it normalised as
// graph/mint-iri.ts writes IRIs (each segment percent-decoded, then encoded with
// encodeURIComponent), or throws a 400 for malformed escapes and dot segments.

import { HttpError } from '../errors.js';

/**
 * Normalises "/person/x" (raw, as received) to "person/x". Throws HttpError 400 `bad-path` for a
 * malformed percent-escape, an empty, "." or ".." segment (also when encoded as %2e%2e), or NUL.
 * @example normalizeResourcePath('/telegram/a%2Db/claim/1') // "telegram/a-b/claim/1"
 */
export function normalizeResourcePath(rawPath: string): string {
  const trimmed = rawPath.replace(/^\/+/, '');
  if (trimmed === '') throw new HttpError(404, 'give a resource path such as /doc/telegram/{slug}', 'no-resource-path');
  return trimmed
    .split('/')
    .map((segment) => {
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        throw new HttpError(400, `malformed percent-escape in path segment "${segment}"`, 'bad-path');
      }
      if (decoded === '' || decoded === '.' || decoded === '..' || decoded.includes('\0')) {
        throw new HttpError(400, `path segment "${segment}" is not allowed`, 'bad-path');
      }
      return encodeURIComponent(decoded);
    })
    .join('/');
}

/**
 * True when a raw request path tries to climb out of where it is: a "." or ".." segment, raw or
 * percent-encoded (also across encoded slashes and backslashes), or a NUL byte.
 */
export function isTraversal(rawPath: string): boolean {
  let decoded = rawPath;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return true;
  }
  return decoded.includes('\0') || decoded.split(/[/\\]/).some((s) => s === '..');
}
