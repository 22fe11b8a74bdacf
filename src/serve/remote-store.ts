// **remote-store** takes the URL of an external SPARQL 1.1 endpoint and returns a query pool with
// the embedded pool's interface (so sparql-route.ts serves it unchanged) and a describer that reads
// a resource's description from that endpoint. Answers are re-serialized here (results through
// sparql-results.ts, graphs through serializeQuads), so clients get the same formats, limits and
// truncation flags as from the embedded store. Remote failures become HttpErrors: 504 when the
// endpoint does not answer in time, 400 when it rejects the query, 502 for anything else.

import type { Quad } from '@rdfjs/types';
import { DataFactory, Parser } from 'n3';
import { HttpError } from '../errors.js';
import { RDF_FORMATS } from '../publish/formats.js';
import { serializeQuads } from '../publish/serialize.js';
import type { FetchLike } from '../remote/http-auth.js';
import { displayUrl, requestStore, StoreError, type StoreAnswer } from '../remote/store-request.js';
import { LABEL_PREDICATES, type ResourceIndex } from './resource-index.js';
import type { QueryOutcome, QueryPool, QueryRequest } from './sparql/query-pool.js';
import { inspectQueryText } from './sparql/query-text.js';
import { isBooleanResults, resultsContentType, writeResults, type JsonBinding, type JsonResults, type JsonResultTerm } from './sparql/sparql-results.js';

const { quad, defaultGraph } = DataFactory;

export interface RemoteStoreOptions {
  /** The SPARQL 1.1 query endpoint, e.g. http://127.0.0.1:8890/sparql. */
  readonly endpoint: string;
  /** Time limit of one request to the endpoint (answer read in full), in milliseconds. */
  readonly timeoutMs: number;
  /** SELECT rows or CONSTRUCT/DESCRIBE triples beyond this are cut off and flagged as truncated. */
  readonly maxResults: number;
  /** Base IRI of the dataset, for prefixes in RDF output. */
  readonly baseIri: string;
  /** Requests in flight to the endpoint at once (default 8); more wait in a queue. */
  readonly concurrency?: number;
  /** Requests waiting beyond this are refused with 503 (default 64). */
  readonly maxQueue?: number;
  /** Default: the global fetch (pass an authenticating fetch for a protected endpoint). */
  readonly fetch?: FetchLike;
}

/** A remote SPARQL endpoint seen as this server's store. */
export interface RemoteStore {
  /** Same interface as the embedded pool: give it to createSparqlRouter. */
  readonly pool: QueryPool;
  /**
   * The description of a resource read from the endpoint (see describeRemote): what the store says
   * about the resource and the parts the build knows under its IRI.
   */
  describe(iri: string, index: ResourceIndex): Promise<Quad[]>;
  /** Runs a CONSTRUCT (or DESCRIBE) and returns its triples in the default graph. */
  construct(query: string): Promise<Quad[]>;
  /** Runs a SELECT or ASK and returns its JSON results (Virtuoso's "typed-literal" normalized). */
  select(query: string): Promise<JsonResults>;
}

const RESULTS_JSON = 'application/sparql-results+json';
const GRAPH_ACCEPT = 'application/n-triples, text/turtle;q=0.9, application/n-quads;q=0.8';
const OA_HAS_BODY = 'http://www.w3.org/ns/oa#hasBody';
const XSD_BOOLEAN = 'http://www.w3.org/2001/XMLSchema#boolean';

/** Converts a store failure into the HTTP answer our clients get. */
export function toHttpError(error: unknown, endpoint: string): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof StoreError) {
    if (error.code === 'store-timeout') return new HttpError(504, error.message, 'query-timeout', { cause: error });
    if (error.code === 'store-rejected' && error.status === 400) return new HttpError(400, error.message, 'query-error', { cause: error });
    return new HttpError(502, error.message, 'remote-error', { cause: error });
  }
  if (error instanceof Error && error.name === 'AbortError') return new HttpError(499, 'The client closed the request.', 'client-closed', { cause: error });
  return new HttpError(502, `the SPARQL endpoint at ${displayUrl(endpoint)} gave an answer that could not be read`, 'remote-error', { cause: error });
}

/** A JSON results term as SPARQL 1.1 writes it (Virtuoso writes "typed-literal", "nodeID://" blank nodes, booleans as 1/0). */
function normalizeTerm(term: unknown): JsonResultTerm | undefined {
  if (typeof term !== 'object' || term === null) return undefined;
  const t = term as { type?: unknown; value?: unknown; datatype?: unknown; 'xml:lang'?: unknown };
  if (typeof t.value !== 'string') return undefined;
  switch (t.type) {
    case 'uri':
      return { type: 'uri', value: t.value };
    case 'bnode':
      return { type: 'bnode', value: t.value.replace(/^nodeID:\/\//, '') };
    case 'literal':
    case 'typed-literal':
      if (typeof t['xml:lang'] === 'string' && t['xml:lang'] !== '') return { type: 'literal', value: t.value, 'xml:lang': t['xml:lang'] };
      if (typeof t.datatype !== 'string') return { type: 'literal', value: t.value };
      // Virtuoso writes booleans as 1/0 in JSON results: give the canonical form (same value).
      if (t.datatype === XSD_BOOLEAN && (t.value === '1' || t.value === '0')) return { type: 'literal', value: t.value === '1' ? 'true' : 'false', datatype: t.datatype };
      return { type: 'literal', value: t.value, datatype: t.datatype };
    default:
      return undefined;
  }
}

/**
 * Reads SPARQL JSON results from a store, normalized to the SPARQL 1.1 form.
 * @throws Error when the text is not SPARQL JSON results.
 */
export function parseJsonResults(text: string): JsonResults {
  const json = JSON.parse(text) as { head?: { vars?: unknown }; boolean?: unknown; results?: { bindings?: unknown } };
  if (typeof json.boolean === 'boolean') return { head: {}, boolean: json.boolean };
  const vars = Array.isArray(json.head?.vars) ? json.head.vars.filter((v): v is string => typeof v === 'string') : [];
  const raw = json.results?.bindings;
  if (!Array.isArray(raw)) throw new Error('no results.bindings in the SPARQL JSON results');
  const bindings: JsonBinding[] = raw.map((row: unknown) => {
    const out: Record<string, JsonResultTerm> = {};
    if (typeof row === 'object' && row !== null) {
      for (const [k, v] of Object.entries(row)) {
        const term = normalizeTerm(v);
        if (term) out[k] = term;
      }
    }
    return out;
  });
  return { head: { vars }, results: { bindings } };
}

function parseGraph(answer: StoreAnswer): Quad[] {
  const type = answer.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const format = type === 'application/n-quads' ? 'N-Quads' : type === 'application/trig' ? 'TriG' : 'Turtle';
  return new Parser({ format }).parse(answer.body).map((q) => quad(q.subject, q.predicate, q.object, defaultGraph()));
}

function isResultsJson(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === RESULTS_JSON || type === 'application/json';
}

/** Which subjects of a local description are the resource's own (itself, its parts, its evidence). */
export function describedSubjects(iri: string, local: readonly Quad[]): string[] {
  const evidence = new Set(local.filter((q) => q.predicate.value === OA_HAS_BODY && q.object.value === iri).map((q) => q.subject.value));
  const own = new Set<string>([iri]);
  for (const q of local) {
    if (q.subject.termType !== 'NamedNode') continue;
    const s = q.subject.value;
    const root = s.split('#')[0] ?? s;
    if (s.startsWith(`${iri}/`) || s.startsWith(`${iri}#`) || evidence.has(root)) own.add(s);
  }
  return [...own].sort();
}

function iriRef(iri: string): string {
  return `<${iri.replace(/[\u0000-\u0020<>"{}|^`\\]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}>`;
}

/**
 * Creates the remote store. Nothing is sent until the first query.
 * @example const remote = createRemoteStore({ endpoint: 'http://127.0.0.1:8890/sparql', timeoutMs: 10_000, maxResults: 10_000, baseIri })
 */
export function createRemoteStore(options: RemoteStoreOptions): RemoteStore {
  const fetchImpl: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const maxQueue = options.maxQueue ?? 64;
  const waiting: { readonly go: () => void; readonly stop: (error: HttpError) => void }[] = [];
  let running = 0;
  let closed = false;

  /** Runs `task` when a slot is free (bounded concurrency, bounded queue). */
  const withSlot = async <T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    if (closed) throw new HttpError(503, 'The SPARQL engine is shutting down.', 'engine-unavailable');
    if (running >= concurrency) {
      if (waiting.length >= maxQueue) throw new HttpError(503, `The SPARQL endpoint is busy (${maxQueue} queries waiting); retry shortly.`, 'queue-full');
      await new Promise<void>((resolve, reject) => {
        const entry = {
          go: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          stop: (error: HttpError) => {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
        };
        const onAbort = () => {
          const at = waiting.indexOf(entry);
          if (at >= 0) waiting.splice(at, 1);
          reject(new HttpError(499, 'The client closed the request.', 'client-closed'));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(entry);
      });
    }
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.go();
    }
  };

  const send = (query: string, accept: string, extra: { defaultGraphUris?: readonly string[]; namedGraphUris?: readonly string[]; signal?: AbortSignal } = {}): Promise<StoreAnswer> =>
    withSlot(async () => {
      const body = new URLSearchParams({ query });
      for (const g of extra.defaultGraphUris ?? []) body.append('default-graph-uri', g);
      for (const g of extra.namedGraphUris ?? []) body.append('named-graph-uri', g);
      try {
        return await requestStore(
          options.endpoint,
          { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: accept }, body: body.toString() },
          { fetch: fetchImpl, timeoutMs: options.timeoutMs, role: 'the SPARQL endpoint', credentials: false, ...(extra.signal ? { signal: extra.signal } : {}) },
        );
      } catch (error) {
        throw toHttpError(error, options.endpoint);
      }
    }, extra.signal);

  const readOrFail = <T>(read: () => T): T => {
    try {
      return read();
    } catch (error) {
      throw toHttpError(error, options.endpoint);
    }
  };

  const construct = async (query: string): Promise<Quad[]> => {
    const answer = await send(query, GRAPH_ACCEPT);
    return readOrFail(() => parseGraph(answer));
  };
  const select = async (query: string): Promise<JsonResults> => {
    const answer = await send(query, RESULTS_JSON);
    return readOrFail(() => parseJsonResults(answer.body));
  };

  const run = async (request: QueryRequest): Promise<QueryOutcome> => {
    if (request.signal?.aborted === true) throw new HttpError(499, 'The client closed the request.', 'client-closed');
    const info = inspectQueryText(request.query);
    const wantsGraph = info.form === 'construct' || info.form === 'describe';
    const answer = await send(request.query, wantsGraph ? GRAPH_ACCEPT : `${RESULTS_JSON}, ${GRAPH_ACCEPT};q=0.5`, {
      ...(request.defaultGraphUris ? { defaultGraphUris: request.defaultGraphUris } : {}),
      ...(request.namedGraphUris ? { namedGraphUris: request.namedGraphUris } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    if (isResultsJson(answer.contentType) || (!wantsGraph && answer.body.trimStart().startsWith('{'))) {
      const results = readOrFail(() => parseJsonResults(answer.body));
      const format = request.resultsFormat.solutions;
      if (isBooleanResults(results)) {
        return { kind: 'boolean', body: writeResults(results, format), contentType: resultsContentType(format), count: 1, truncated: false };
      }
      const all = results.results.bindings;
      const truncated = all.length > options.maxResults;
      const kept = truncated ? { head: results.head, results: { bindings: all.slice(0, options.maxResults) } } : results;
      return { kind: 'solutions', body: writeResults(kept, format), contentType: resultsContentType(format), count: kept.results.bindings.length, truncated };
    }
    const quads = readOrFail(() => parseGraph(answer));
    const kept = quads.slice(0, options.maxResults);
    const format = RDF_FORMATS.find((f) => f.name === request.resultsFormat.graph);
    const body = await serializeQuads(kept, request.resultsFormat.graph, { base: options.baseIri, graphs: 'merge' });
    return { kind: 'graph', body, contentType: `${format?.mediaType ?? 'text/turtle'}; charset=utf-8`, count: kept.length, truncated: quads.length > kept.length };
  };

  const describe = async (iri: string, index: ResourceIndex): Promise<Quad[]> => {
    const subjects = describedSubjects(iri, index.describe(iri));
    const values = subjects.map(iriRef).join(' ');
    const target = iriRef(iri);
    const [own, inbound] = await Promise.all([
      construct(
        `CONSTRUCT { ?s ?p ?o . ?o ?p1 ?o1 . ?o1 ?p2 ?o2 } WHERE { VALUES ?s { ${values} } ?s ?p ?o ` +
          'OPTIONAL { ?o ?p1 ?o1 FILTER(isBlank(?o)) OPTIONAL { ?o1 ?p2 ?o2 FILTER(isBlank(?o1)) } } }',
      ),
      construct(`CONSTRUCT { ?x ?q ${target} } WHERE { ?x ?q ${target} FILTER(?q != <${OA_HAS_BODY}>) }`),
    ]);
    const seen = new Set<string>();
    const out: Quad[] = [];
    const add = (q: Quad) => {
      const key = `${q.subject.termType}:${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}:${q.object.termType === 'Literal' ? `${q.object.datatype.value}@${q.object.language}` : ''}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(q);
    };
    own.forEach(add);
    inbound.forEach(add);
    const described = new Set(subjects);
    const linked = new Set<string>();
    for (const q of out) for (const t of [q.subject, q.object]) if (t.termType === 'NamedNode' && !described.has(t.value)) linked.add(t.value);
    if (linked.size > 0) {
      const labels = await construct(
        `CONSTRUCT { ?l ?lp ?name } WHERE { VALUES ?l { ${[...linked].sort().map(iriRef).join(' ')} } VALUES ?lp { ${LABEL_PREDICATES.map(iriRef).join(' ')} } ?l ?lp ?name FILTER(isLiteral(?name)) }`,
      );
      labels.forEach(add);
    }
    return out;
  };

  const pool: QueryPool = {
    run,
    limits: { timeoutMs: options.timeoutMs, maxResults: options.maxResults, size: concurrency },
    readyWorkers: () => (closed ? 0 : concurrency),
    close: () => {
      closed = true;
      for (const entry of waiting.splice(0)) entry.stop(new HttpError(503, 'The SPARQL engine is shutting down.', 'engine-unavailable'));
      return Promise.resolve();
    },
  };
  return { pool, describe, construct, select };
}
