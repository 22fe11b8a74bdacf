// **query-messages** declares what the query pool and its worker threads send each other.

import type { RdfFormatName } from '../../publish/formats.js';
import type { ResultsFormatName } from './sparql-results.js';

/** What a worker is started with (as workerData). */
export interface QueryWorkerData {
  /** The dataset as UTF-8 N-Quads in shared memory: one copy for the whole process, not one per worker. */
  readonly nquads: SharedArrayBuffer;
  /** Base IRI for relative IRIs in queries and for prefixes in RDF output, ending in "/". */
  readonly baseIri: string;
  /** SELECT rows or CONSTRUCT/DESCRIBE triples beyond this are cut off (and flagged as truncated). */
  readonly maxResults: number;
}

/** Pool → worker: run one query. */
export interface QueryJobMessage {
  readonly id: number;
  readonly query: string;
  readonly defaultGraphUris: readonly string[];
  readonly namedGraphUris: readonly string[];
  /** Format for SELECT/ASK results. */
  readonly solutionsFormat: ResultsFormatName;
  /** Format for CONSTRUCT/DESCRIBE results. */
  readonly graphFormat: RdfFormatName;
}

/** What kind of result a query produced. */
export type ResultKind = 'solutions' | 'boolean' | 'graph';

/** Worker → pool. */
export type QueryWorkerMessage =
  | { readonly type: 'ready'; readonly quads: number }
  | { readonly type: 'load-error'; readonly message: string }
  | {
      readonly type: 'result';
      readonly id: number;
      readonly kind: ResultKind;
      readonly body: string;
      /** Full Content-Type value, with charset. */
      readonly contentType: string;
      /** Rows (SELECT), 1 (ASK) or triples (CONSTRUCT/DESCRIBE) sent. */
      readonly count: number;
      readonly truncated: boolean;
    }
  | {
      readonly type: 'error';
      readonly id: number;
      /** "query" for errors in the request (syntax, unsupported feature) → 400; "engine" → 500, worker replaced. */
      readonly cause: 'query' | 'engine';
      readonly message: string;
    };
