// A small SPARQL 1.1 store for tests: Oxigraph in process behind express, with a Graph Store
// Protocol endpoint (PUT/DELETE /store?graph=, optional Basic auth) and a query endpoint (/query),
// plus knobs to make it misbehave (lose a triple, fail, hang, answer like Virtuoso).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Writer } from 'n3';
import { namedNode, Store } from 'oxigraph';
import { inspectQueryText } from '../../src/serve/sparql/query-text.js';

export interface FakeStoreState {
  /** ok; drop-one: the store keeps one triple less than sent; fail: 500 with an HTML page; hang: never answers; forbid: 403 */
  mode: 'ok' | 'drop-one' | 'fail' | 'hang' | 'forbid';
  /** Write JSON results as Virtuoso does ("typed-literal", nodeID:// blank nodes, head.link). */
  virtuosoJson: boolean;
  /** Answer queries this many milliseconds late. */
  queryDelayMs: number;
  /** Basic credentials the GSP endpoint requires, if any. */
  credentials?: { user: string; password: string };
  readonly requests: string[];
}

export interface FakeStore {
  readonly url: string;
  readonly store: Store;
  readonly state: FakeStoreState;
  close(): Promise<void>;
}

/** Starts the fake store on a free loopback port. */
export async function startFakeStore(): Promise<FakeStore> {
  const store = new Store();
  const state: FakeStoreState = { mode: 'ok', virtuosoJson: false, queryDelayMs: 0, requests: [] };
  const app = express();
  app.use((req, _res, next) => {
    state.requests.push(`${req.method} ${req.path}`);
    next();
  });
  app.use((req, res, next) => {
    if (state.mode === 'hang') return; // never answers
    if (state.mode === 'fail') {
      res.status(500).type('text/html').send(`<html><body><h1>Internal error</h1><p>Transaction log full ${'x'.repeat(600)}</p></body></html>`);
      return;
    }
    if (state.mode === 'forbid') {
      res.status(403).type('text/plain').send('SPARQL_UPDATE not granted');
      return;
    }
    next();
  });
  app.all('/store', express.text({ type: () => true, limit: '50mb' }), (req, res) => {
    const c = state.credentials;
    if (c && req.get('authorization') !== `Basic ${Buffer.from(`${c.user}:${c.password}`).toString('base64')}`) {
      res.status(401).set('WWW-Authenticate', 'Basic realm="store"').end();
      return;
    }
    const graph = typeof req.query['graph'] === 'string' ? req.query['graph'] : undefined;
    if (graph === undefined) {
      res.status(400).send('no graph');
      return;
    }
    const g = namedNode(graph);
    const existed = store.match(null, null, null, g).length > 0;
    if (req.method === 'DELETE') {
      store.update(`CLEAR SILENT GRAPH <${graph}>`);
      res.status(existed ? 204 : 404).end();
      return;
    }
    if (req.method !== 'PUT') {
      res.status(405).end();
      return;
    }
    if (!/^application\/n-triples|^text\/turtle/.test(req.get('content-type') ?? '')) {
      res.status(415).send('unsupported media type');
      return;
    }
    store.update(`CLEAR SILENT GRAPH <${graph}>`);
    store.load(String(req.body), { format: 'application/n-triples', to_graph_name: g });
    if (state.mode === 'drop-one') {
      const first = store.match(null, null, null, g)[0];
      if (first) store.delete(first);
    }
    res.status(existed ? 204 : 201).end();
  });
  app.all('/query', express.urlencoded({ extended: false }), async (req, res) => {
    if (state.queryDelayMs > 0) await new Promise((r) => setTimeout(r, state.queryDelayMs));
    const body = req.body as Record<string, unknown> | undefined;
    const query = typeof body?.['query'] === 'string' ? body['query'] : typeof req.query['query'] === 'string' ? req.query['query'] : '';
    try {
      const form = inspectQueryText(query).form;
      if (form !== 'construct' && form !== 'describe') {
        const result = store.query(query, { use_default_graph_as_union: true, results_format: 'application/sparql-results+json' });
        if (typeof result !== 'string') throw new Error('unexpected result');
        res.type('application/sparql-results+json').send(state.virtuosoJson ? toVirtuosoJson(result) : result);
        return;
      }
      const quads = store.query(query, { use_default_graph_as_union: true });
      if (!Array.isArray(quads)) throw new Error('unexpected result');
      res.type('application/n-triples').send(new Writer({ format: 'N-Triples' }).quadsToString(quads as never));
    } catch (error) {
      res.status(400).type('text/plain').send(`Parse error: ${(error as Error).message}`);
    }
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    store,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Rewrites SPARQL 1.1 JSON results the way Virtuoso 7 writes them. */
function toVirtuosoJson(text: string): string {
  const json = JSON.parse(text) as { head: Record<string, unknown>; results?: { bindings: Record<string, { type: string; value: string; datatype?: string }>[] } };
  json.head['link'] = [];
  for (const row of json.results?.bindings ?? []) {
    for (const term of Object.values(row)) {
      if (term.type === 'literal' && term.datatype !== undefined) term.type = 'typed-literal';
      if (term.type === 'bnode') term.value = `nodeID://${term.value}`;
    }
  }
  return JSON.stringify(json);
}
