// **push-graph-store** takes a built dataset and a SPARQL 1.1 store and returns a publish report: it
// PUTs every named graph of the dataset (or all of it as one graph) through the SPARQL 1.1 Graph
// Store HTTP Protocol, each PUT replacing its graph, then counts each graph's triples with a SPARQL
// query and fails if the store holds a different number than was sent.

import type { Quad } from '@rdfjs/types';
import { Writer } from 'n3';
import type { BuiltDataset } from '../publish/dataset.js';
import { sortQuads } from '../publish/sort-quads.js';
import type { AuthFetch } from './http-auth.js';
import { displayUrl, requestStore, StoreError, type StoreRequestOptions } from './store-request.js';

/** Where and how to publish. */
export interface PublishOptions {
  /** The Graph Store Protocol endpoint, e.g. http://127.0.0.1:8890/sparql-graph-crud-auth. */
  readonly graphStore: string;
  /** The SPARQL query endpoint used to verify the counts (see deriveQueryEndpoint). */
  readonly queryEndpoint: string;
  /** Put every triple into this one graph instead of keeping the dataset's named graphs. */
  readonly graph?: string;
  readonly fetch: AuthFetch;
  /** Time limit of each request, in milliseconds. */
  readonly timeoutMs: number;
  /** Graphs pushed at the same time (default 2). */
  readonly parallel?: number;
  /** Called with one line per graph pushed and verified (the CLI prints it on stderr). */
  readonly progress?: (line: string) => void;
  /** Milliseconds since some origin (default performance.now), for the durations in progress lines. */
  readonly now?: () => number;
}

/** One graph as pushed. */
export interface PushedGraph {
  readonly graph: string;
  /** Distinct triples sent, and counted in the store afterwards (equal, or publish fails). */
  readonly triples: number;
  /** The store's status for the PUT: 201 created, 200/204 replaced. */
  readonly status: number;
  readonly ms: number;
}

export interface PublishReport {
  readonly graphs: readonly PushedGraph[];
  readonly triples: number;
  readonly ms: number;
}

/**
 * The SPARQL query endpoint beside a Graph Store Protocol endpoint, for the stores whose layout is
 * known: Virtuoso (/sparql-graph-crud[-auth] → /sparql), Fuseki (/{ds}/data → /{ds}/sparql),
 * Oxigraph server (/store → /query), RDF4J and GraphDB (/repositories/{r}/rdf-graphs/service →
 * /repositories/{r}). Undefined for any other URL (give --sparql then).
 * @example deriveQueryEndpoint('http://127.0.0.1:8890/sparql-graph-crud-auth') // "http://127.0.0.1:8890/sparql"
 */
export function deriveQueryEndpoint(graphStore: string): string | undefined {
  const url = new URL(graphStore);
  url.search = '';
  url.hash = '';
  const path = url.pathname.replace(/\/+$/, '');
  const rules: readonly [RegExp, string][] = [
    [/\/sparql-graph-crud(-auth)?$/, '/sparql'],
    [/\/rdf-graphs\/service$/, ''],
    [/\/data$/, '/sparql'],
    [/\/store$/, '/query'],
  ];
  for (const [pattern, replacement] of rules) {
    if (pattern.test(path)) {
      url.pathname = path.replace(pattern, replacement) || '/';
      return url.href;
    }
  }
  return undefined;
}

/** Graph IRI → its distinct triples as sorted N-Triples lines, in graph order. */
export function graphsToPush(dataset: Pick<BuiltDataset, 'quads'>, single?: string): Map<string, string[]> {
  const byGraph = new Map<string, Quad[]>();
  for (const q of sortQuads(dataset.quads, { merge: false })) {
    const g = single ?? (q.graph.termType === 'NamedNode' ? q.graph.value : '');
    const list = byGraph.get(g);
    if (list) list.push(q);
    else byGraph.set(g, [q]);
  }
  const out = new Map<string, string[]>();
  const writer = new Writer({ format: 'N-Triples' });
  for (const [g, quads] of [...byGraph].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (g === '') {
      throw new StoreError(`the dataset has ${quads.length} triples in the default graph; give --graph IRI to publish them into one named graph`, 'store-bad-answer');
    }
    const lines = new Set<string>();
    for (const q of quads) lines.add(writer.quadToString(q.subject, q.predicate, q.object));
    out.set(g, [...lines].sort());
  }
  return out;
}

/** `SELECT (COUNT(*) AS ?n) WHERE { GRAPH <g> { ?s ?p ?o } }` against the query endpoint. */
export async function countGraphTriples(graph: string, options: { readonly queryEndpoint: string } & StoreRequestOptions): Promise<number> {
  const query = `SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${graph}> { ?s ?p ?o } }`;
  const answer = await requestStore(
    options.queryEndpoint,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/sparql-results+json' },
      body: new URLSearchParams({ query }).toString(),
    },
    options,
  );
  let n: unknown;
  try {
    const json = JSON.parse(answer.body) as { results?: { bindings?: { n?: { value?: unknown } }[] } };
    n = json.results?.bindings?.[0]?.n?.value;
  } catch (error) {
    throw new StoreError(`${options.role} at ${displayUrl(options.queryEndpoint)} did not answer the count query with SPARQL JSON results (got ${answer.contentType || 'no content type'})`, 'store-bad-answer', answer.status, { cause: error });
  }
  const count = typeof n === 'string' ? Number(n) : NaN;
  if (!Number.isInteger(count)) {
    throw new StoreError(`${options.role} at ${displayUrl(options.queryEndpoint)} answered the count query without a count`, 'store-bad-answer', answer.status);
  }
  return count;
}

/** Sends `ASK {}` to the query endpoint: fails fast (StoreError) when the store is down or the URL wrong. */
export async function checkQueryEndpoint(options: { readonly queryEndpoint: string } & StoreRequestOptions): Promise<void> {
  await requestStore(
    options.queryEndpoint,
    { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/sparql-results+json' }, body: 'query=ASK%20%7B%7D' },
    options,
  );
}

/** The Graph Store Protocol URL of one graph: `{endpoint}?graph={iri}` (keeping the endpoint's own query). */
export function graphUrl(graphStore: string, graph: string): string {
  const url = new URL(graphStore);
  url.searchParams.set('graph', graph);
  return url.href;
}

/**
 * Pushes the dataset and verifies it. Each graph is replaced by one PUT (atomic per graph where the
 * store makes a PUT atomic, as Virtuoso, Fuseki and Oxigraph do); graphs are independent, so a
 * failure part-way leaves the earlier graphs new and the later ones old: publish again.
 * Throws StoreError (one line) on the first failure or count mismatch.
 */
export async function publishDataset(dataset: Pick<BuiltDataset, 'quads'>, options: PublishOptions): Promise<PublishReport> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const graphs = graphsToPush(dataset, options.graph);
  const entries = [...graphs];
  const request = { fetch: options.fetch, timeoutMs: options.timeoutMs, credentials: options.fetch.hasCredentials };
  const pushed: PushedGraph[] = [];
  let next = 0;
  let failed = false;
  const pushOne = async (graph: string, lines: readonly string[], position: number): Promise<void> => {
    const t0 = now();
    const answer = await requestStore(
      graphUrl(options.graphStore, graph),
      { method: 'PUT', headers: { 'Content-Type': 'application/n-triples', Accept: '*/*' }, body: lines.join('') },
      { ...request, role: 'the store' },
    );
    const stored = await countGraphTriples(graph, { ...request, role: 'the SPARQL endpoint', queryEndpoint: options.queryEndpoint });
    if (stored !== lines.length) {
      throw new StoreError(
        `graph <${graph}>: sent ${lines.length} triples, but the SPARQL endpoint at ${displayUrl(options.queryEndpoint)} counts ${stored}`,
        'count-mismatch',
      );
    }
    const ms = now() - t0;
    pushed.push({ graph, triples: lines.length, status: answer.status, ms });
    options.progress?.(
      `[${position}/${entries.length}] <${graph}>: ${lines.length} triples ${answer.status === 201 ? 'created' : 'replaced'} (${answer.status}), count verified, ${(ms / 1000).toFixed(2)} s`,
    );
  };
  const worker = async (): Promise<void> => {
    for (let i = next++; i < entries.length && !failed; i = next++) {
      const [graph, lines] = entries[i] ?? ['', []];
      try {
        await pushOne(graph, lines, i + 1);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.parallel ?? 2, entries.length)) }, () => worker()));
  pushed.sort((a, b) => (a.graph < b.graph ? -1 : 1));
  return { graphs: pushed, triples: pushed.reduce((n, g) => n + g.triples, 0), ms: now() - started };
}
