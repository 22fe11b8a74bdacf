// **direct-engine** takes the same N-Quads and base IRI as a test endpoint and returns an in-process
// Oxigraph store that answers queries without our router, pool or result writers: what the engine
// alone says, to tell an Oxigraph deviation from a fault in our layer.

import type { Quad, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { Store, namedNode } from 'oxigraph';
import type * as Ox from 'oxigraph';
import { inspectQueryText } from '../../../src/serve/sparql/query-text.js';
import { parseSrj } from './result-parsers.js';
import type { QueryResult } from './result-parsers.js';

/** The dataset of one request: protocol graphs, or none to use the query's own FROM clauses. */
export interface DirectDataset {
  readonly defaultGraphs: readonly string[];
  readonly namedGraphs: readonly string[];
}

export interface DirectEngine {
  /** The engine's own answer, or the message it threw. */
  answer(query: string, dataset: DirectDataset | undefined): QueryResult | { readonly error: string };
}

function toTerm(term: Ox.Term): Term {
  switch (term.termType) {
    case 'NamedNode':
      return DataFactory.namedNode(term.value);
    case 'BlankNode':
      return DataFactory.blankNode(term.value);
    case 'Literal':
      return term.language !== '' ? DataFactory.literal(term.value, term.language) : DataFactory.literal(term.value, DataFactory.namedNode(term.datatype.value));
    default:
      return DataFactory.namedNode(`urn:x-unsupported:${term.termType}`);
  }
}

/** Loads the N-Quads into a store of this process. */
export function createDirectEngine(nquads: string, baseIri: string): DirectEngine {
  const store = new Store();
  if (nquads !== '') store.load(nquads, { format: 'application/n-quads' });
  return {
    answer(query, dataset) {
      const options =
        dataset === undefined
          ? { base_iri: baseIri }
          : { base_iri: baseIri, default_graph: dataset.defaultGraphs.map((g) => namedNode(g)), named_graphs: dataset.namedGraphs.map((g) => namedNode(g)) };
      try {
        const form = inspectQueryText(query).form;
        if (form === 'construct' || form === 'describe') {
          const graph = store.query(query, options);
          if (!Array.isArray(graph)) return { error: `unexpected ${typeof graph} answer to a ${form} query` };
          const quads = graph.filter((r): r is Ox.Quad => r instanceof Object && 'subject' in r).map((q) =>
            DataFactory.quad(toTerm(q.subject as Ox.Term) as Quad['subject'], toTerm(q.predicate as Ox.Term) as Quad['predicate'], toTerm(q.object as Ox.Term) as Quad['object']),
          );
          return { kind: 'graph', quads };
        }
        const text = store.query(query, { ...options, results_format: 'application/sparql-results+json' });
        return typeof text === 'string' ? parseSrj(text) : { error: `unexpected ${typeof text} answer` };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
