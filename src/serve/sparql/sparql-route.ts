// **sparql-route** takes a query pool and returns an express Router speaking the SPARQL 1.1 Protocol
// (query operation only; the endpoint is read-only): GET, POST form, POST direct, conneg, errors.
//
// Status codes, decided here once:
//   400 bad request: no/several `query` parameters, syntax error (with line and column), bad graph IRI,
//       brackets nested deeper than `maxQueryDepth` (deep nesting overflows the engine's parser stack)
//   403 any SPARQL Update (`update` parameter, application/sparql-update, or update text as a query)
//   405 a method other than GET, HEAD, POST, OPTIONS          406 no acceptable result format
//   413 body over `maxBodyBytes`                               415 other Content-Type, or charset not UTF-8
//   503 queue full or no worker free in time (with Retry-After), engine unavailable
//   504 query stopped at the time limit
// Results beyond the pool's maxResults are cut off; the response says so in `X-Result-Truncated: true`
// and `X-Result-Limit`. Errors are short text/plain messages, never a stack trace.

import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import { Parser } from 'n3';
import Negotiator from 'negotiator';
import { HttpError } from '../../errors.js';
import { RDF_FORMATS } from '../../publish/formats.js';
import type { RdfFormat, RdfFormatName } from '../../publish/formats.js';
import { serializeQuads } from '../../publish/serialize.js';
import type { QueryPool } from './query-pool.js';
import { boundedMemo } from '../bounded-memo.js';
import { inspectQueryText } from './query-text.js';
import type { OperationForm } from './query-text.js';
import { RESULTS_FORMATS } from './sparql-results.js';
import type { ResultsFormat } from './sparql-results.js';

/** The logging calls the router makes (a pino logger fits). */
export interface SparqlLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface SparqlRouterDeps {
  readonly pool: QueryPool;
  /** The service description as Turtle (see service-description.ts); computed once, on first use. */
  readonly serviceDescription: () => string | Promise<string>;
  /** The HTML query page, for a bare GET from a client that prefers text/html. */
  readonly htmlQueryPage?: (req: Request) => string;
  /** Send `Access-Control-Allow-Origin: *` and answer CORS preflights. */
  readonly cors: boolean;
  /** Largest accepted POST body in bytes. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Dataset base IRI, for prefixes when the service description is written in other formats. */
  readonly baseIri?: string;
  /**
   * Deepest bracket nesting ({, ( and [ together) accepted; deeper queries get a 400 before they
   * reach a worker, whose parser would overflow its stack (about 800 nested braces) and kill it.
   * Default 128.
   */
  readonly maxQueryDepth?: number;
  readonly logger?: SparqlLogger;
}

const READ_ONLY = 'This SPARQL endpoint is read-only: SPARQL Update is not accepted. Send queries (SELECT, ASK, CONSTRUCT, DESCRIBE) only.';
const ALLOW = 'GET, HEAD, POST, OPTIONS';
const FORM = 'application/x-www-form-urlencoded';
const DIRECT_QUERY = 'application/sparql-query';
const DIRECT_UPDATE = 'application/sparql-update';
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/;

interface Negotiable<T> {
  readonly value: T;
  readonly mediaType: string;
  readonly aliases: readonly string[];
}

/**
 * Picks the client's preferred entry by Accept (q-values, wildcards); no Accept header gives the
 * first entry; returns undefined when nothing is acceptable.
 */
export function negotiate<T>(accept: string | undefined, entries: readonly Negotiable<T>[]): T | undefined {
  if (accept === undefined || accept.trim() === '') return entries[0]?.value;
  // Canonical types before aliases, so that wildcards (text/*) pick a canonical type.
  const types = [...entries.map((e) => e.mediaType), ...entries.flatMap((e) => e.aliases)];
  const chosen = new Negotiator({ headers: { accept } }).mediaType(types);
  if (chosen === undefined) return undefined;
  return entries.find((e) => e.mediaType === chosen || e.aliases.includes(chosen))?.value;
}

const rdfEntries = (formats: readonly RdfFormat[]): Negotiable<RdfFormatName>[] =>
  formats.map((f) => ({ value: f.name, mediaType: f.mediaType, aliases: f.aliases }));
const resultEntries = (formats: readonly ResultsFormat[]): Negotiable<ResultsFormat['name']>[] =>
  formats.map((f) => ({ value: f.name, mediaType: f.mediaType, aliases: f.aliases }));

function notAcceptable(accept: string | undefined, available: readonly string[]): HttpError {
  const shown = (accept ?? '').length > 200 ? `${(accept ?? '').slice(0, 200)}…` : (accept ?? '');
  return new HttpError(406, `406: no acceptable format for "${shown}"; available: ${available.join(', ')}`, 'not-acceptable');
}

/** Content-Type split into its lower-case media type and charset. */
function parseContentType(header: string | undefined): { type: string; charset: string | undefined } | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const [type = '', ...params] = header.split(';');
  const charset = params
    .map((p) => p.trim().split('='))
    .find(([k]) => k?.trim().toLowerCase() === 'charset')?.[1]
    ?.trim()
    .replace(/^"|"$/g, '')
    .toLowerCase();
  return { type: type.trim().toLowerCase(), charset };
}

function decodeUtf8(body: unknown): string {
  if (!Buffer.isBuffer(body)) return '';
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch (error) {
    throw new HttpError(400, 'The request body is not valid UTF-8.', 'bad-encoding', { cause: error });
  }
}

function urlParams(req: Request): URLSearchParams {
  const at = req.originalUrl.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : req.originalUrl.slice(at + 1));
}

function graphIris(params: URLSearchParams, name: string): string[] {
  const iris = params.getAll(name);
  for (const iri of iris) {
    if (!IRI.test(iri)) throw new HttpError(400, `${name} must be an absolute IRI; found "${iri.slice(0, 200)}"`, 'bad-graph-iri');
  }
  return iris;
}

/** The one query of a request: exactly one `query` parameter, no `update`. */
function singleQuery(params: URLSearchParams): string {
  if (params.has('update')) throw new HttpError(403, READ_ONLY, 'read-only');
  const queries = params.getAll('query');
  if (queries.length > 1) throw new HttpError(400, `Exactly one "query" parameter is allowed; found ${queries.length}.`, 'multiple-queries');
  const query = queries[0];
  if (query === undefined || query.trim() === '') throw new HttpError(400, 'The "query" parameter is missing or empty.', 'missing-query');
  return query;
}

/**
 * Builds the /sparql router (mount it at the endpoint path).
 * @example app.use('/sparql', createSparqlRouter({ pool, serviceDescription: () => turtle, cors: true }))
 */
export function createSparqlRouter(deps: SparqlRouterDeps): Router {
  const router = express.Router();
  const maxBodyBytes = deps.maxBodyBytes ?? 1024 * 1024;
  const maxQueryDepth = deps.maxQueryDepth ?? 128;
  const base = deps.baseIri ?? 'http://localhost:3000/';
  const descriptions = new Map<string, Promise<string>>();

  const describe = (format: RdfFormatName): Promise<string> => {
    let cached = descriptions.get(format);
    if (cached === undefined) {
      cached = Promise.resolve(deps.serviceDescription()).then((turtle) =>
        format === 'turtle' ? turtle : serializeQuads(new Parser({ format: 'text/turtle' }).parse(turtle), format, { base }),
      );
      cached.catch(() => descriptions.delete(format));
      descriptions.set(format, cached);
    }
    return cached;
  };

  // Per-request work that depends only on the query text or the Accept header is done once per
  // distinct value (clients repeat both), in bounded memos.
  const inspect = boundedMemo(inspectQueryText, 256);
  const solutionEntries = resultEntries(RESULTS_FORMATS);
  const booleanEntries = resultEntries(RESULTS_FORMATS.filter((f) => f.boolean));
  const graphEntries = rdfEntries(RDF_FORMATS);
  // Key: "a" (ASK) or "s" (other forms), "+" or "-" (Accept header present or not), the header.
  const negotiateResults = boundedMemo((key: string) => {
    const accept = key[1] === '+' ? key.slice(2) : undefined;
    return { solutions: negotiate(accept, key[0] === 'a' ? booleanEntries : solutionEntries), graph: negotiate(accept, graphEntries) };
  }, 64, 1024);

  const runQuery = async (req: Request, res: Response, query: string, params: URLSearchParams): Promise<void> => {
    const info = inspect(query);
    if (info.form === 'update') throw new HttpError(403, READ_ONLY, 'read-only');
    if (info.maxDepth > maxQueryDepth) {
      throw new HttpError(400, `The query nests brackets ${info.maxDepth} levels deep; the limit is ${maxQueryDepth}.`, 'query-too-deep');
    }
    const defaultGraphUris = graphIris(params, 'default-graph-uri');
    const namedGraphUris = graphIris(params, 'named-graph-uri');
    const accept = req.get('accept');
    const { solutions, graph } = negotiateResults(`${info.form === 'ask' ? 'a' : 's'}${accept === undefined ? '-' : `+${accept}`}`);
    checkAcceptable(info.form, accept, solutions, graph);
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const outcome = await deps.pool.run({
      query,
      defaultGraphUris,
      namedGraphUris,
      resultsFormat: { solutions: solutions ?? 'json', graph: graph ?? 'turtle' },
      signal: controller.signal,
    });
    res.status(200).set('Content-Type', outcome.contentType).set('Vary', 'Accept');
    if (outcome.truncated) res.set('X-Result-Truncated', 'true').set('X-Result-Limit', String(deps.pool.limits.maxResults));
    res.send(outcome.body);
  };

  const serveDescription = async (req: Request, res: Response): Promise<void> => {
    type Choice = RdfFormatName | 'html';
    const entries: Negotiable<Choice>[] = [...rdfEntries(RDF_FORMATS)];
    if (deps.htmlQueryPage) entries.push({ value: 'html', mediaType: 'text/html', aliases: ['application/xhtml+xml'] });
    const accept = req.get('accept');
    const choice = negotiate<Choice>(accept, entries);
    if (choice === undefined) throw notAcceptable(accept, entries.map((e) => e.mediaType));
    res.set('Vary', 'Accept');
    if (choice === 'html' && deps.htmlQueryPage) {
      res.status(200).type('text/html; charset=utf-8').send(deps.htmlQueryPage(req));
      return;
    }
    const format = RDF_FORMATS.find((f) => f.name === choice);
    const body = await describe(format?.name ?? 'turtle');
    res.status(200).set('Content-Type', `${format?.mediaType ?? 'text/turtle'}; charset=utf-8`).send(body);
  };

  if (deps.cors) {
    router.use((req, res, next) => {
      res.set('Access-Control-Allow-Origin', '*');
      res.set('Access-Control-Expose-Headers', 'X-Result-Truncated, X-Result-Limit, Retry-After');
      next();
    });
  }

  router.options('/', (req, res) => {
    res.set('Allow', ALLOW);
    if (deps.cors) {
      res.set('Access-Control-Allow-Methods', ALLOW);
      res.set('Access-Control-Allow-Headers', req.get('access-control-request-headers') ?? 'Accept, Content-Type');
      res.set('Access-Control-Max-Age', '86400');
    }
    res.status(204).end();
  });

  router.get('/', async (req, res) => {
    const params = urlParams(req);
    if (params.has('update')) throw new HttpError(403, READ_ONLY, 'read-only');
    if (!params.has('query')) {
      await serveDescription(req, res);
      return;
    }
    await runQuery(req, res, singleQuery(params), params);
  });

  // A declared Content-Length over the limit is refused at once, and the connection closed: the
  // body parser would first wait for the whole body, forever if the client never sends it.
  const declaredLength: express.RequestHandler = (req, res, next) => {
    const declared = Number(req.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      res.set('Connection', 'close');
      next(new HttpError(413, `The request body exceeds the limit of ${maxBodyBytes} bytes.`, 'body-too-large'));
      return;
    }
    next();
  };

  router.post('/', declaredLength, express.raw({ type: () => true, limit: maxBodyBytes }), async (req, res) => {
    const contentType = parseContentType(req.get('content-type'));
    if (contentType === undefined) {
      throw new HttpError(415, `A POST needs a Content-Type: ${FORM} or ${DIRECT_QUERY}.`, 'unsupported-media-type');
    }
    if (contentType.type === DIRECT_UPDATE) throw new HttpError(403, READ_ONLY, 'read-only');
    if (contentType.type !== FORM && contentType.type !== DIRECT_QUERY) {
      throw new HttpError(415, `Unsupported Content-Type "${contentType.type}"; send ${FORM} or ${DIRECT_QUERY}.`, 'unsupported-media-type');
    }
    if (contentType.charset !== undefined && contentType.charset !== 'utf-8' && contentType.charset !== 'utf8') {
      throw new HttpError(415, `Unsupported charset "${contentType.charset}"; SPARQL requests must be UTF-8.`, 'unsupported-charset');
    }
    const body = decodeUtf8(req.body);
    const params = urlParams(req);
    if (contentType.type === FORM) {
      for (const [key, value] of new URLSearchParams(body)) params.append(key, value);
      await runQuery(req, res, singleQuery(params), params);
      return;
    }
    if (params.has('update')) throw new HttpError(403, READ_ONLY, 'read-only');
    if (params.has('query')) throw new HttpError(400, 'A direct POST carries the query in the body; remove the "query" URL parameter.', 'multiple-queries');
    if (body.trim() === '') throw new HttpError(400, 'The request body (the query) is empty.', 'missing-query');
    await runQuery(req, res, body, params);
  });

  router.all('/', () => {
    throw new HttpError(405, `Method not allowed; use ${ALLOW}.`, 'method-not-allowed');
  });

  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { status, message, code } = toHttpError(error, maxBodyBytes);
    const busy = code === 'queue-full' || code === 'queue-wait';
    if (status >= 500 && code !== 'query-timeout' && !busy) {
      deps.logger?.error({ err: error, url: req.originalUrl }, 'SPARQL request failed');
    } else if (code === 'query-timeout' || busy) {
      deps.logger?.warn({ code, url: req.originalUrl }, message);
    }
    if (status === 405) res.set('Allow', ALLOW);
    if (busy) res.set('Retry-After', '1');
    res.status(status).set('Content-Type', 'text/plain; charset=utf-8').set('Vary', 'Accept').send(`${message}\n`);
  });

  return router;
}

/** Refuses (406) a request whose Accept allows no format for the query's form. */
function checkAcceptable(form: OperationForm, accept: string | undefined, solutions: string | undefined, graph: string | undefined): void {
  if ((form === 'select' || form === 'ask') && solutions === undefined) {
    throw notAcceptable(accept, RESULTS_FORMATS.filter((f) => form === 'select' || f.boolean).map((f) => f.mediaType));
  }
  if ((form === 'construct' || form === 'describe') && graph === undefined) {
    throw notAcceptable(accept, RDF_FORMATS.map((f) => f.mediaType));
  }
}

/** Maps anything thrown to a status and a short message; unknown errors become a masked 500. */
function toHttpError(error: unknown, maxBodyBytes: number): { status: number; message: string; code: string } {
  if (error instanceof HttpError) return { status: error.status, message: error.message, code: error.code };
  // http-errors from the body parser: `type` is missing on some (a zlib error for a body that
  // claims Content-Encoding: gzip and is not), so the status and `expose` decide.
  if (error instanceof Error && 'status' in error && typeof error.status === 'number') {
    const type = 'type' in error && typeof error.type === 'string' ? error.type : undefined;
    if (type === 'entity.too.large') {
      return { status: 413, message: `The request body exceeds the limit of ${maxBodyBytes} bytes.`, code: 'body-too-large' };
    }
    if (error.status >= 400 && error.status < 500 && ('expose' in error ? error.expose === true : type !== undefined)) {
      return { status: error.status, message: `Bad request body (${type ?? error.message.slice(0, 100)}).`, code: 'bad-body' };
    }
  }
  return { status: 500, message: 'Internal error while answering the SPARQL request.', code: 'internal' };
}
