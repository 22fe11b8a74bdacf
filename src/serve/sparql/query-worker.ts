// **query-worker** runs in a worker thread: it loads N-Quads into its own Oxigraph store, then
// answers query jobs with serialized results (SELECT/ASK in a results format, graphs in RDF).

import type { Quad as RdfQuad, Term as RdfTerm } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { Store, namedNode } from 'oxigraph';
import type * as Ox from 'oxigraph';
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { RDF_FORMATS } from '../../publish/formats.js';
import { serializeQuads } from '../../publish/serialize.js';
import type { QueryJobMessage, QueryWorkerData, QueryWorkerMessage } from './query-messages.js';
import { loadNQuads } from './load-nquads.js';
import { inspectQueryText, type QueryTextInfo } from './query-text.js';
import { boundedMemo } from '../bounded-memo.js';
import type { JsonResults } from './sparql-results.js';
import { isBooleanResults, resultsContentType, writeResults } from './sparql-results.js';

type QueryOptions = NonNullable<Parameters<Store['query']>[1]>;

/** Converts an Oxigraph term to an n3 (RDF/JS) term; literal base directions are dropped. */
function toRdfTerm(term: Ox.Term): RdfTerm {
  switch (term.termType) {
    case 'NamedNode':
      return DataFactory.namedNode(term.value);
    case 'BlankNode':
      return DataFactory.blankNode(term.value);
    case 'Literal':
      return term.language !== ''
        ? DataFactory.literal(term.value, term.language)
        : DataFactory.literal(term.value, DataFactory.namedNode(term.datatype.value));
    case 'DefaultGraph':
      return DataFactory.defaultGraph();
    case 'Variable':
      return DataFactory.variable(term.value);
    case 'Quad':
      return toRdfQuad(term);
  }
}

function toRdfQuad(quad: Ox.BaseQuad): RdfQuad {
  return DataFactory.quad(
    toRdfTerm(quad.subject as Ox.Term) as RdfQuad['subject'],
    toRdfTerm(quad.predicate as Ox.Term) as RdfQuad['predicate'],
    toRdfTerm(quad.object as Ox.Term) as RdfQuad['object'],
  );
}

/** Builds Oxigraph's dataset options: protocol dataset, else the query's FROM, else the union graph. */
function datasetOptions(job: QueryJobMessage, hasDatasetClause: boolean): QueryOptions {
  if (job.defaultGraphUris.length > 0 || job.namedGraphUris.length > 0) {
    return {
      default_graph: job.defaultGraphUris.map((iri) => namedNode(iri)),
      named_graphs: job.namedGraphUris.map((iri) => namedNode(iri)),
    };
  }
  return hasDatasetClause ? {} : { use_default_graph_as_union: true };
}

/** Orders `SELECT *` columns by first appearance in the query text (Oxigraph sorts them by name). */
function orderVariables(results: JsonResults, order: readonly string[]): JsonResults {
  if (isBooleanResults(results)) return results;
  const rank = (v: string): number => {
    const i = order.indexOf(v);
    return i < 0 ? order.length : i;
  };
  const vars = [...results.head.vars].sort((a, b) => rank(a) - rank(b));
  return { ...results, head: { ...results.head, vars } };
}

/** Runs one job against the store; throws what Oxigraph throws. */
async function runJob(store: Store, job: QueryJobMessage, data: QueryWorkerData, inspect: (query: string) => QueryTextInfo): Promise<QueryWorkerMessage> {
  const info = inspect(job.query);
  const options: QueryOptions = { base_iri: data.baseIri, ...datasetOptions(job, info.hasDatasetClause) };
  if (info.form === 'construct' || info.form === 'describe') {
    const result = store.query(job.query, options);
    if (Array.isArray(result)) {
      const all = result.filter((r): r is Ox.Quad => r instanceof Object && 'subject' in r);
      const kept = all.slice(0, data.maxResults).map(toRdfQuad);
      const body = await serializeQuads(kept, job.graphFormat, { base: data.baseIri, graphs: 'merge' });
      const format = RDF_FORMATS.find((f) => f.name === job.graphFormat);
      return {
        type: 'result',
        id: job.id,
        kind: 'graph',
        body,
        contentType: `${format?.mediaType ?? 'text/turtle'}; charset=utf-8`,
        count: kept.length,
        truncated: all.length > kept.length,
      };
    }
  }
  const text = store.query(job.query, { ...options, results_format: 'application/sparql-results+json' });
  if (typeof text !== 'string') throw new Error(`unexpected ${typeof text} result for a ${info.form} query`);
  const parsed = JSON.parse(text) as JsonResults;
  const ordered = info.selectsAll ? orderVariables(parsed, info.variables) : parsed;
  if (isBooleanResults(ordered)) {
    return { type: 'result', id: job.id, kind: 'boolean', body: writeResults(ordered, job.solutionsFormat), contentType: resultsContentType(job.solutionsFormat), count: 1, truncated: false };
  }
  const bindings = ordered.results.bindings;
  const truncated = bindings.length > data.maxResults;
  const kept = truncated ? { ...ordered, results: { bindings: bindings.slice(0, data.maxResults) } } : ordered;
  return {
    type: 'result',
    id: job.id,
    kind: 'solutions',
    body: writeResults(kept, job.solutionsFormat),
    contentType: resultsContentType(job.solutionsFormat),
    count: kept.results.bindings.length,
    truncated,
  };
}

/** True for failures of the engine itself (WASM trap, memory), after which the store is not trusted. */
function isEngineFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return true;
  return error.name === 'RuntimeError' || error instanceof RangeError;
}

/** Loads the store from workerData and serves jobs from the parent port until terminated. */
export function serveQueries(port: MessagePort, data: QueryWorkerData): void {
  let store: Store;
  try {
    store = new Store();
    loadNQuads(store, new Uint8Array(data.nquads));
  } catch (error) {
    port.postMessage({ type: 'load-error', message: error instanceof Error ? error.message : String(error) } satisfies QueryWorkerMessage);
    return;
  }
  const inspect = boundedMemo(inspectQueryText, 256);
  port.on('message', (job: QueryJobMessage) => {
    runJob(store, job, data, inspect).then(
      (message) => port.postMessage(message),
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        port.postMessage({ type: 'error', id: job.id, cause: isEngineFailure(error) ? 'engine' : 'query', message } satisfies QueryWorkerMessage);
      },
    );
  });
  port.postMessage({ type: 'ready', quads: store.size } satisfies QueryWorkerMessage);
}

if (parentPort !== null) serveQueries(parentPort, workerData as QueryWorkerData);
