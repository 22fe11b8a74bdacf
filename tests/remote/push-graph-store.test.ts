// push-graph-store: graphs as pushed, the query endpoint beside a GSP endpoint, publishing to a
// fake store (Oxigraph behind express) with count checks, and every failure as one clear line,
// also through `cablegraph publish`.
import type { DefaultGraph, NamedNode } from '@rdfjs/types';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DataFactory } from 'n3';
import { namedNode } from 'oxigraph';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { createAuthFetch } from '../../src/remote/http-auth.js';
import { deriveQueryEndpoint, graphsToPush, graphUrl, publishDataset, type PublishOptions } from '../../src/remote/push-graph-store.js';
import { StoreError, storeMessage } from '../../src/remote/store-request.js';
import { testDataset } from '../serve/test-dataset.js';
import { startFakeStore, type FakeStore } from './fake-store.js';

const { namedNode: n, literal, quad, defaultGraph } = DataFactory;

describe('deriveQueryEndpoint', () => {
  it.each([
    ['http://127.0.0.1:8890/sparql-graph-crud-auth', 'http://127.0.0.1:8890/sparql'],
    ['http://127.0.0.1:8890/sparql-graph-crud', 'http://127.0.0.1:8890/sparql'],
    ['http://localhost:3030/ds/data', 'http://localhost:3030/ds/sparql'],
    ['http://localhost:7878/store', 'http://localhost:7878/query'],
    ['http://localhost:7200/repositories/cables/rdf-graphs/service', 'http://localhost:7200/repositories/cables'],
    ['http://example.org/graphs', undefined],
  ])('%s → %s', (gsp, expected) => {
    expect(deriveQueryEndpoint(gsp)).toBe(expected);
  });
});

describe('graphsToPush', () => {
  const g1: NamedNode = n('http://x/graph/a');
  const g2: NamedNode = n('http://x/graph/b');
  const t = (s: string, g: NamedNode | DefaultGraph) => quad(n(`http://x/id/${s}`), n('http://x/p'), literal(s), g);
  it("keeps the dataset's named graphs, sorted, with sorted N-Triples lines", () => {
    const graphs = graphsToPush({ quads: [t('b', g2), t('z', g1), t('a', g1)] });
    expect([...graphs.keys()]).toEqual(['http://x/graph/a', 'http://x/graph/b']);
    expect(graphs.get('http://x/graph/a')).toEqual(['<http://x/id/a> <http://x/p> "a" .\n', '<http://x/id/z> <http://x/p> "z" .\n']);
  });
  it('puts everything into one graph with --graph, a triple in two graphs once', () => {
    const graphs = graphsToPush({ quads: [t('a', g1), t('a', g2), t('b', g2)] }, 'http://x/all');
    expect([...graphs.keys()]).toEqual(['http://x/all']);
    expect(graphs.get('http://x/all')).toHaveLength(2);
  });
  it('refuses default-graph triples without --graph', () => {
    expect(() => graphsToPush({ quads: [t('a', defaultGraph())] })).toThrow(/default graph; give --graph IRI/);
  });
});

it('graphUrl adds ?graph= (encoded), keeping the endpoint query', () => {
  expect(graphUrl('http://h/store', 'http://x/g?a=1')).toBe('http://h/store?graph=http%3A%2F%2Fx%2Fg%3Fa%3D1');
  expect(graphUrl('http://h/data?default', 'http://x/g')).toBe('http://h/data?default=&graph=http%3A%2F%2Fx%2Fg');
});

it('storeMessage strips tags and entities, collapses space, truncates', () => {
  expect(storeMessage('<h1>Error</h1>\n<p>SP030: &lt;x&gt; &amp; y</p>')).toBe('Error SP030: <x> & y');
  expect(storeMessage('a'.repeat(400))).toBe(`${'a'.repeat(300)}…`);
});

describe('publishDataset against a store', () => {
  let fake: FakeStore;
  const dataset = testDataset();
  const options = (overrides: Partial<PublishOptions> = {}): PublishOptions => ({
    graphStore: `${fake.url}store`,
    queryEndpoint: `${fake.url}query`,
    fetch: createAuthFetch(),
    timeoutMs: 2000,
    ...overrides,
  });
  beforeAll(async () => {
    fake = await startFakeStore();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.state.mode = 'ok';
    fake.state.queryDelayMs = 0;
    delete fake.state.credentials;
    fake.store.update('CLEAR ALL');
  });

  it('pushes every graph, verifies each count, and reports progress; a second push replaces', async () => {
    const lines: string[] = [];
    const report = await publishDataset(dataset, options({ progress: (l) => lines.push(l) }));
    const graphs = new Set(dataset.quads.map((q) => q.graph.value));
    expect(report.graphs.map((g) => g.graph)).toEqual([...graphs].sort());
    expect(report.triples).toBe(dataset.quads.length);
    expect(fake.store.size).toBe(dataset.quads.length);
    expect(lines).toHaveLength(graphs.size);
    expect(lines[0]).toMatch(/^\[\d\/\d\] <http:\/\/localhost:3000\/graph\/[^>]+>: \d+ triples created \(201\), count verified, \d+\.\d\d s$/);
    const again = await publishDataset(dataset, options());
    expect(again.graphs.every((g) => g.status === 204)).toBe(true);
    expect(fake.store.size).toBe(dataset.quads.length);
  });

  it('replaces a graph that held other triples', async () => {
    const g = dataset.quads[0]?.graph.value ?? '';
    fake.store.update(`INSERT DATA { GRAPH <${g}> { <http://x/stale> <http://x/p> "old" } }`);
    await publishDataset(dataset, options());
    expect(fake.store.match(namedNode('http://x/stale'), null, null, null)).toHaveLength(0);
  });

  it('puts everything into one graph with `graph`', async () => {
    const report = await publishDataset(dataset, options({ graph: 'http://example.org/all' }));
    expect(report.graphs.map((g) => g.graph)).toEqual(['http://example.org/all']);
    expect(fake.store.match(null, null, null, namedNode('http://example.org/all')).length).toBe(report.triples);
  });

  it('fails when the store holds another number of triples than sent', async () => {
    fake.state.mode = 'drop-one';
    const error = await publishDataset(dataset, options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('count-mismatch');
    expect((error as Error).message).toMatch(/^graph <http:\/\/localhost:3000\/graph\/[^>]+>: sent (\d+) triples, but the SPARQL endpoint at http:\/\/127\.0\.0\.1:\d+\/query counts \d+$/);
  });

  it.each([
    ['fail', 'store-error', /^the store at http:\/\/127\.0\.0\.1:\d+\/store failed \(500 Internal Server Error\): Internal error Transaction log full x+…$/],
    ['forbid', 'store-forbidden', /^the store at http:\/\/127\.0\.0\.1:\d+\/store refused the request \(403 Forbidden\): SPARQL_UPDATE not granted$/],
    ['hang', 'store-timeout', /^the store at http:\/\/127\.0\.0\.1:\d+\/store did not answer within 0\.3 s$/],
  ] as const)('store mode %s → %s', async (mode, code, message) => {
    fake.state.mode = mode;
    const error = await publishDataset(dataset, options({ timeoutMs: 300 })).catch((e: unknown) => e);
    expect((error as StoreError).code).toBe(code);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message.length).toBeLessThan(400);
  });

  it('says whether credentials are missing or wrong (401)', async () => {
    fake.state.credentials = { user: 'u', password: 'p' };
    const none = await publishDataset(dataset, options()).catch((e: unknown) => e);
    expect((none as Error).message).toMatch(/^the store at \S+ requires credentials \(401 Unauthorized\); pass --user and --password$/);
    const wrong = await publishDataset(dataset, options({ fetch: createAuthFetch({ user: 'u', password: 'x' }) })).catch((e: unknown) => e);
    expect((wrong as Error).message).toMatch(/refused the credentials \(401 Unauthorized\); check --user and --password$/);
    const right = await publishDataset(dataset, options({ fetch: createAuthFetch({ user: 'u', password: 'p' }) }));
    expect(right.triples).toBe(dataset.quads.length);
  });

  it('reports a query endpoint that does not count in time', async () => {
    fake.state.queryDelayMs = 1000;
    const error = await publishDataset(dataset, options({ timeoutMs: 300 })).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^the SPARQL endpoint at http:\/\/127\.0\.0\.1:\d+\/query did not answer within 0\.3 s$/);
  });
});

/** A loopback port with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('cablegraph publish', () => {
  const run = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
    return { code, stdout, stderr };
  };
  const lastLine = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';

  it.each([
    [['publish'], /required option '--to <url>' not specified/],
    [['publish', '--to', 'ftp://x/'], /^cablegraph: --to must be an absolute http\(s\) URL, got "ftp:\/\/x\/"$/],
    [['publish', '--to', 'http://h/graphs'], /^cablegraph: cannot tell the SPARQL query endpoint of the store at http:\/\/h\/graphs; give it with --sparql URL$/],
    [['publish', '--to', 'http://h/store', '--graph', 'not an iri'], /^cablegraph: --graph must be an absolute IRI, got "not an iri"$/],
    [['publish', '--to', 'http://h/store', '--password', 'p'], /^cablegraph: --password needs --user$/],
  ])('usage error %j', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(lastLine(r.stderr)).toMatch(message);
  });

  it('an unreachable store: one line, exit 1, before building', async () => {
    const port = await closedPort();
    const r = await run('publish', '--to', `http://127.0.0.1:${port}/store`, '--timeout', '5s');
    expect(r.code).toBe(1);
    expect(lastLine(r.stderr)).toBe(`cablegraph: cannot reach the SPARQL endpoint at http://127.0.0.1:${port}/query (ECONNREFUSED); is it running, and is the URL right?`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('publishes the data folder to a store and prints the summary on stdout', async () => {
    const fake = await startFakeStore();
    try {
      const r = await run('publish', '--to', `${fake.url}store`);
      expect(r.stderr.split('\n').filter((l) => l.startsWith('cablegraph: '))).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^cablegraph publish: (\d+) triples in (\d+) graphs → http:\/\/127\.0\.0\.1:\d+\/store, counts verified \(\d+\.\d\d s\)\n$/);
      expect(Number(/: (\d+) triples/.exec(r.stdout)?.[1])).toBe(fake.store.size);
      expect(r.stderr).toMatch(/count verified/);
    } finally {
      await fake.close();
    }
  });
});
