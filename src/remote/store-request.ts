// **store-request** takes one HTTP request to a remote RDF store (Graph Store Protocol or SPARQL
// endpoint) and returns its answer, or throws a StoreError with a one-line message saying which
// store failed and how: unreachable, no answer within the time limit, credentials refused, or the
// store's own error message (tags stripped, truncated).

import { PublisherError } from '../errors.js';
import type { FetchLike } from './http-auth.js';

/** Why a store request failed; `status` is the store's HTTP status when it answered. */
export type StoreFailure = 'store-unreachable' | 'store-timeout' | 'store-unauthorized' | 'store-forbidden' | 'store-rejected' | 'store-error' | 'count-mismatch' | 'store-bad-answer';

/** A failed exchange with a remote store. */
export class StoreError extends PublisherError {
  constructor(
    message: string,
    override readonly code: StoreFailure,
    /** The store's HTTP status, when it answered. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, code, options);
  }
}

export interface StoreRequestOptions {
  readonly fetch: FetchLike;
  /** Time limit for the whole exchange (headers and body), in milliseconds. */
  readonly timeoutMs: number;
  /** What the store is called in messages, e.g. "the store" or "the SPARQL endpoint". */
  readonly role: string;
  /** True when credentials were offered (a 401 then means they were refused). */
  readonly credentials: boolean;
  /** Aborts the request (a client that went away). */
  readonly signal?: AbortSignal;
}

/** A store's answer. */
export interface StoreAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** Longest store message quoted in an error. */
export const MAX_STORE_MESSAGE = 300;

/**
 * The store's error body as one short line: HTML tags and entities removed, whitespace collapsed,
 * cut at `max` characters with "…".
 * @example storeMessage('<h1>Error</h1>\n<p>SP030: syntax error</p>') // "Error SP030: syntax error"
 */
export function storeMessage(body: string, max = MAX_STORE_MESSAGE): string {
  const text = body
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The URL without credentials or query, for messages. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** The errno-style code of a network failure (ECONNREFUSED, ENOTFOUND…), from fetch's cause chain. */
function networkCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Network failures of a reused connection; the request (an idempotent PUT or a read-only query) is sent again once. */
const RETRIED: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || (error.name === 'AbortError' && error.cause instanceof Error && error.cause.name === 'TimeoutError'));
}

/**
 * Sends one request and reads the whole answer within `timeoutMs`. Resolves for 2xx answers; throws
 * StoreError otherwise, e.g. `the store at http://127.0.0.1:8890/sparql-graph-crud-auth refused the
 * credentials (401 Unauthorized)`.
 */
export async function requestStore(url: string, init: RequestInit, options: StoreRequestOptions): Promise<StoreAnswer> {
  const where = `${options.role} at ${displayUrl(url)}`;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let response: Response | undefined;
  let body = '';
  for (let attempt = 1; response === undefined; attempt++) {
    try {
      response = await options.fetch(url, { ...init, signal });
      body = await response.text();
    } catch (error) {
      if (timeout.aborted || isTimeout(error)) {
        throw new StoreError(`${where} did not answer within ${seconds(options.timeoutMs)}`, 'store-timeout', undefined, { cause: error });
      }
      if (options.signal?.aborted === true) throw error;
      const code = networkCode(error);
      // A kept-alive connection the store closed while idle: send again once on a fresh one.
      if (attempt === 1 && code !== undefined && RETRIED.has(code)) {
        response = undefined;
        continue;
      }
      const detail = code ?? (error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error));
      throw new StoreError(`cannot reach ${where} (${detail}); is it running, and is the URL right?`, 'store-unreachable', undefined, { cause: error });
    }
  }
  const status = response.status;
  const contentType = response.headers.get('content-type') ?? '';
  if (status >= 200 && status < 300) return { status, contentType, body };
  const label = `${status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const message = storeMessage(body);
  const said = message ? `: ${message}` : '';
  if (status === 401) {
    throw new StoreError(
      options.credentials
        ? `${where} refused the credentials (${label}); check --user and --password`
        : `${where} requires credentials (${label}); pass --user and --password`,
      'store-unauthorized',
      status,
    );
  }
  if (status === 403) throw new StoreError(`${where} refused the request (${label})${said}`, 'store-forbidden', status);
  if (status >= 400 && status < 500) throw new StoreError(`${where} rejected the request (${label})${said}`, 'store-rejected', status);
  throw new StoreError(`${where} failed (${label})${said}`, 'store-error', status);
}
