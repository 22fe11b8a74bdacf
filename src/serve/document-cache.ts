// **document-cache** takes a byte budget and returns a least-recently-used cache of rendered
// documents (body and strong ETag), so each resource is serialized once per format while it is
// in demand, and memory stays bounded however many resources the dataset has.

import { createHash } from 'node:crypto';

/** A rendered representation. */
export interface CachedDocument {
  readonly body: string;
  /** Strong ETag: the quoted hex SHA-256 of the UTF-8 body. */
  readonly etag: string;
  /** UTF-8 length of the body in bytes. */
  readonly bytes: number;
}

export interface DocumentCache {
  /** Returns the cached document, or renders, stores and returns it. Concurrent calls share one render. */
  get(key: string, render: () => Promise<string> | string): Promise<CachedDocument>;
  /** Bytes held (bodies only). */
  size(): number;
}

/** Wraps a body with its strong ETag. */
export function toDocument(body: string): CachedDocument {
  return { body, etag: `"${createHash('sha256').update(body, 'utf8').digest('hex')}"`, bytes: Buffer.byteLength(body, 'utf8') };
}

/**
 * Creates a cache holding at most `maxBytes` of bodies (default 64 MB); a document larger than a
 * quarter of the budget is served but not kept.
 */
export function createDocumentCache(maxBytes = 64 * 1024 * 1024): DocumentCache {
  const entries = new Map<string, CachedDocument>();
  const pending = new Map<string, Promise<CachedDocument>>();
  let bytes = 0;
  const store = (key: string, doc: CachedDocument) => {
    if (doc.bytes > maxBytes / 4) return;
    entries.set(key, doc);
    bytes += doc.bytes;
    for (const [oldKey, old] of entries) {
      if (bytes <= maxBytes) break;
      entries.delete(oldKey);
      bytes -= old.bytes;
    }
  };
  return {
    async get(key, render) {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const running = pending.get(key);
      if (running) return running;
      const promise = (async () => toDocument(await render()))();
      pending.set(key, promise);
      try {
        const doc = await promise;
        store(key, doc);
        return doc;
      } finally {
        pending.delete(key);
      }
    },
    size: () => bytes,
  };
}
