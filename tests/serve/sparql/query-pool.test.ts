// The query pool: time limit with worker replacement while others keep serving, bounded queue,
// result-size limit, dataset selection, errors; and the 504 the router makes of a timeout.
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../../src/errors.js';
import { createQueryPool, describeQueryError, resolveWorkerScript } from '../../../src/serve/sparql/query-pool.js';
import type { QueryPool, QueryRequest } from '../../../src/serve/sparql/query-pool.js';
import { startTestApp, toNQuads } from './sparql-test-app.js';
import type { TestApp } from './sparql-test-app.js';

const { namedNode, literal, quad } = DataFactory;

/** n subjects with one value each, spread over three named graphs. */
function generated(n: number): Quad[] {
  return Array.from({ length: n }, (_, i) =>
    quad(namedNode(`http://e/s${i}`), namedNode('http://e/value'), literal(String(i), namedNode('http://www.w3.org/2001/XMLSchema#integer')), namedNode(`http://e/g${i % 3}`)),
  );
}

/** A cross product of four patterns over 300 triples: 8·10⁹ rows to count, far past any limit. */
const SLOW = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z . ?d ?t ?w }';
const FAST = 'ASK { <http://e/s1> ?p ?o }';
const JSON_FORMATS: QueryRequest['resultsFormat'] = { solutions: 'json', graph: 'ntriples' };

async function rejection(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** Waits (bounded by the test timeout) until the pool has `n` ready workers again. */
async function untilReady(pool: QueryPool, n: number): Promise<void> {
  while (pool.readyWorkers() < n) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('query pool', () => {
  let pool: QueryPool;
  beforeAll(async () => {
    pool = await createQueryPool({ nquads: toNQuads(generated(300)), size: 2, timeoutMs: 1500, maxResults: 50, maxQueue: 2 });
  });
  afterAll(() => pool.close());

  it('finds the compiled worker script (build/ when running from src/)', () => {
    expect(resolveWorkerScript().pathname).toMatch(/build\/src\/serve\/sparql\/query-worker\.js$/);
  });

  it('starts the requested number of workers', () => {
    expect(pool.readyWorkers()).toBe(2);
    expect(pool.limits).toEqual({ timeoutMs: 1500, maxResults: 50, size: 2 });
  });

  it('stops a query at the time limit while a concurrent query still answers, then replaces the worker', async () => {
    const events: string[] = [];
    const slow = pool.run({ query: SLOW, resultsFormat: JSON_FORMATS }).then(
      () => events.push('slow answered'),
      (error: unknown) => {
        events.push('slow stopped');
        return error;
      },
    );
    const fast = await pool.run({ query: FAST, resultsFormat: JSON_FORMATS });
    events.push('fast answered');
    expect(JSON.parse(fast.body)).toEqual({ head: {}, boolean: true });
    const error = await slow;
    expect(events).toEqual(['fast answered', 'slow stopped']);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 504, code: 'query-timeout' });
    expect((error as HttpError).message).toMatch(/time limit of 1500 ms/);
    await untilReady(pool, 2);
    const again = await pool.run({ query: 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }', resultsFormat: JSON_FORMATS });
    expect(JSON.parse(again.body)).toMatchObject({ results: { bindings: [{ n: { value: '300' } }] } });
  });

  it('queues requests when all workers are busy and refuses beyond the queue with 503', async () => {
    const slow1 = rejection(pool.run({ query: SLOW, resultsFormat: JSON_FORMATS }));
    const slow2 = rejection(pool.run({ query: SLOW, resultsFormat: JSON_FORMATS }));
    const queued1 = pool.run({ query: FAST, resultsFormat: JSON_FORMATS });
    const queued2 = pool.run({ query: FAST, resultsFormat: JSON_FORMATS });
    const refused = await rejection(pool.run({ query: FAST, resultsFormat: JSON_FORMATS }));
    expect(refused).toMatchObject({ status: 503, code: 'queue-full' });
    expect((await slow1).status).toBe(504);
    expect((await slow2).status).toBe(504);
    expect((await queued1).kind).toBe('boolean');
    expect((await queued2).kind).toBe('boolean');
    await untilReady(pool, 2);
  });

  it('drops a queued request whose client went away', async () => {
    const slow1 = rejection(pool.run({ query: SLOW, resultsFormat: JSON_FORMATS }));
    const slow2 = rejection(pool.run({ query: SLOW, resultsFormat: JSON_FORMATS }));
    const controller = new AbortController();
    const queued = rejection(pool.run({ query: FAST, resultsFormat: JSON_FORMATS, signal: controller.signal }));
    controller.abort();
    expect((await queued).code).toBe('client-closed');
    await slow1;
    await slow2;
    await untilReady(pool, 2);
  });

  it('cuts SELECT rows at maxResults and flags it', async () => {
    const cut = await pool.run({ query: 'SELECT ?s WHERE { ?s ?p ?o }', resultsFormat: JSON_FORMATS });
    expect(cut).toMatchObject({ kind: 'solutions', count: 50, truncated: true });
    expect((JSON.parse(cut.body) as { results: { bindings: unknown[] } }).results.bindings).toHaveLength(50);
    const whole = await pool.run({ query: 'SELECT ?s WHERE { ?s ?p ?o } LIMIT 50', resultsFormat: JSON_FORMATS });
    expect(whole).toMatchObject({ count: 50, truncated: false });
  });

  it('cuts CONSTRUCT triples at maxResults and flags it', async () => {
    const cut = await pool.run({ query: 'CONSTRUCT WHERE { ?s ?p ?o }', resultsFormat: JSON_FORMATS });
    expect(cut).toMatchObject({ kind: 'graph', count: 50, truncated: true, contentType: 'application/n-triples; charset=utf-8' });
    expect(cut.body.trim().split('\n')).toHaveLength(50);
  });

  it('serves the union of the named graphs as the default graph, or the graphs asked for', async () => {
    const count = async (req: Partial<QueryRequest> & { query: string }) =>
      (JSON.parse((await pool.run({ resultsFormat: JSON_FORMATS, ...req })).body) as { results: { bindings: { n: { value: string } }[] } }).results.bindings[0]?.n.value;
    expect(await count({ query: 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }' })).toBe('300');
    expect(await count({ query: 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }', defaultGraphUris: ['http://e/g0'] })).toBe('100');
    expect(await count({ query: 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }', defaultGraphUris: ['http://e/g0', 'http://e/g1'] })).toBe('200');
    expect(await count({ query: 'SELECT (COUNT(*) AS ?n) FROM <http://e/g2> { ?s ?p ?o }' })).toBe('100');
    expect(await count({ query: 'SELECT (COUNT(*) AS ?n) FROM NAMED <http://e/g2> { GRAPH ?g { ?s ?p ?o } }' })).toBe('100');
    expect(await count({ query: 'SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }', namedGraphUris: ['http://e/g1'] })).toBe('100');
  });

  it('resolves relative IRIs in queries against the base IRI', async () => {
    const out = await pool.run({ query: 'SELECT (<id/x> AS ?iri) {}', resultsFormat: JSON_FORMATS });
    expect(JSON.parse(out.body)).toMatchObject({ results: { bindings: [{ iri: { value: 'http://localhost:3000/id/x' } }] } });
  });

  it('reports a syntax error as 400 with line and column, and keeps the worker', async () => {
    const error = await rejection(pool.run({ query: 'SELECT * WHERE {\n ?s ?p ?o .\n FILTER(?o = }', resultsFormat: JSON_FORMATS }));
    expect(error).toMatchObject({ status: 400, code: 'query-error' });
    expect(error.message).toMatch(/^SPARQL syntax error at line 3, column \d+: expected/);
    expect(pool.readyWorkers()).toBe(2);
  });

  it('reports an unsupported feature (SERVICE) as 400', async () => {
    const error = await rejection(pool.run({ query: 'SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }', resultsFormat: JSON_FORMATS }));
    expect(error).toMatchObject({ status: 400, code: 'query-error' });
    expect(error.message).toMatch(/not supported/);
  });

  it('orders SELECT * columns by first appearance', async () => {
    const out = await pool.run({ query: 'SELECT * WHERE { ?zeta ?alpha ?mid } LIMIT 1', resultsFormat: { solutions: 'csv', graph: 'turtle' } });
    expect(out.body.split('\r\n')[0]).toBe('zeta,alpha,mid');
  });
});

describe('describeQueryError', () => {
  it.each([
    ['error at 2:7: expected IRI', 'SPARQL syntax error at line 2, column 7: expected IRI'],
    ['The service <x> is not supported', 'The service <x> is not supported'],
  ])('%s', (input, output) => expect(describeQueryError(input)).toBe(output));

  it('shortens very long messages', () => {
    expect(describeQueryError(`error at 1:1: ${'x'.repeat(2000)}`).length).toBeLessThanOrEqual(601);
  });
});

describe('createQueryPool', () => {
  it('rejects when the N-Quads cannot be loaded', async () => {
    await expect(createQueryPool({ nquads: '<http://a> <http://b> .\n', timeoutMs: 1000, maxResults: 10, size: 1 })).rejects.toThrow(/could not load the dataset/);
  });

  it('refuses work after close', async () => {
    const pool = await createQueryPool({ nquads: '', timeoutMs: 1000, maxResults: 10, size: 1 });
    await pool.close();
    expect(await rejection(pool.run({ query: FAST, resultsFormat: JSON_FORMATS }))).toMatchObject({ status: 503 });
  });
});

describe('/sparql time limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(generated(300), { size: 2, timeoutMs: 1500 });
  });
  afterAll(() => t.close());

  it('answers 504 with the limit in the message, while a simple query still answers', async () => {
    const order: string[] = [];
    const slow = request(t.app)
      .get(`/sparql?query=${encodeURIComponent(SLOW)}`)
      .then((res) => {
        order.push('slow');
        return res;
      });
    const fast = await request(t.app).get(`/sparql?query=${encodeURIComponent(FAST)}`);
    order.push('fast');
    expect(fast.status).toBe(200);
    const res = await slow;
    expect(order).toEqual(['fast', 'slow']);
    expect(res.status).toBe(504);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text).toMatch(/time limit of 1500 ms/);
  });
});
