// **test-endpoint** takes the W3C tests of one category and returns a running HTTP SPARQL endpoint
// (our query pool and router in an express app on an ephemeral loopback port) holding every data
// file of the category as a named graph called by the file's canonical IRI.

import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Quad, Term } from '@rdfjs/types';
import express from 'express';
import { DataFactory, Writer } from 'n3';
import { createQueryPool } from '../../../src/serve/sparql/query-pool.js';
import { createSparqlRouter } from '../../../src/serve/sparql/sparql-route.js';
import { iriToPath } from './manifest.js';
import type { W3cTest } from './manifest.js';
import { parseRdfXml, parseTurtle } from './result-parsers.js';

/** Parses one suite data file (Turtle, N-Triples or RDF/XML), relative IRIs against its canonical IRI. */
export function readDataFile(iri: string): Quad[] {
  const text = readFileSync(iriToPath(iri), 'utf8');
  if (iri.endsWith('.rdf')) return parseRdfXml(text, iri);
  return parseTurtle(text, iri, iri.endsWith('.nt') ? 'application/n-triples' : 'text/turtle');
}

/**
 * The category's data as N-Quads: each file once, in a graph named by its IRI, its blank nodes
 * renamed apart from every other file's (so that merging files never joins their blank nodes).
 */
export function categoryNQuads(tests: readonly W3cTest[]): string {
  const files = [...new Set(tests.flatMap((t) => [...t.data, ...t.graphData]))].sort();
  const quads: Quad[] = [];
  files.forEach((iri, index) => {
    const graph = DataFactory.namedNode(iri);
    const rename = <T extends Term>(term: T): T => (term.termType === 'BlankNode' ? (DataFactory.blankNode(`f${index}x${term.value.replace(/[^A-Za-z0-9]/g, '')}`) as Term as T) : term);
    for (const q of readDataFile(iri)) quads.push(DataFactory.quad(rename(q.subject), q.predicate, rename(q.object), graph));
  });
  return new Writer({ format: 'N-Quads' }).quadsToString(quads);
}

export interface TestEndpoint {
  /** The endpoint URL, e.g. http://127.0.0.1:40123/sparql */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts a one-worker query pool over `nquads` (queries resolve relative IRIs against `baseIri`) and
 * serves it at /sparql through our router, listening on 127.0.0.1 on a free port.
 */
export async function startTestEndpoint(nquads: string, baseIri: string): Promise<TestEndpoint> {
  const pool = await createQueryPool({ nquads, baseIri, size: 1, timeoutMs: 20_000, maxResults: 100_000 });
  const app = express();
  app.use('/sparql', createSparqlRouter({ pool, serviceDescription: () => '', cors: false, baseIri }));
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sparql`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.close();
    },
  };
}
