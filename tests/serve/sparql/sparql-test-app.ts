// Test helper: an express app with only the /sparql router, over a query pool loaded with test data.
import express from 'express';
import type { Express } from 'express';
import { readFileSync } from 'node:fs';
import { Parser, Writer } from 'n3';
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { createQueryPool } from '../../../src/serve/sparql/query-pool.js';
import type { QueryPool, QueryPoolOptions } from '../../../src/serve/sparql/query-pool.js';
import { createSparqlRouter } from '../../../src/serve/sparql/sparql-route.js';
import type { SparqlRouterDeps } from '../../../src/serve/sparql/sparql-route.js';
import { serviceDescriptionTurtle } from '../../../src/serve/sparql/service-description.js';

export const W3C = '/work/shared/w3c/sparql/sparql11';
export const ENDPOINT = 'http://localhost:3000/sparql';

/** Parses a Turtle or N-Triples file and puts its triples in `graph` (default graph when absent). */
export function readGraph(file: string, graph?: string): Quad[] {
  const text = readFileSync(file, 'utf8');
  const g = graph === undefined ? DataFactory.defaultGraph() : DataFactory.namedNode(graph);
  return new Parser({ baseIRI: `file://${file}` }).parse(text).map((q) => DataFactory.quad(q.subject, q.predicate, q.object, g));
}

export function toNQuads(quads: readonly Quad[]): string {
  return new Writer({ format: 'N-Quads' }).quadsToString([...quads]);
}

export interface TestApp {
  readonly app: Express;
  readonly pool: QueryPool;
  close(): Promise<void>;
}

/** Starts a pool over `quads` and mounts the router at /sparql. */
export async function startTestApp(
  quads: readonly Quad[],
  options: Partial<Omit<QueryPoolOptions, 'nquads'>> = {},
  deps: Partial<Omit<SparqlRouterDeps, 'pool'>> = {},
): Promise<TestApp> {
  const pool = await createQueryPool({ nquads: toNQuads(quads), timeoutMs: 10_000, maxResults: 1000, size: 2, ...options });
  const app = express();
  app.use(
    '/sparql',
    createSparqlRouter({
      pool,
      serviceDescription: () => serviceDescriptionTurtle({ endpoint: ENDPOINT, quads }),
      htmlQueryPage: () => '<!doctype html><title>SPARQL</title>',
      cors: true,
      maxBodyBytes: 64 * 1024,
      ...deps,
    }),
  );
  return { app, pool, close: () => pool.close() };
}
