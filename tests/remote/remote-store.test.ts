// remote-store (src/serve/remote-store.ts): the SPARQL router served from an external endpoint (a
// fake store: Oxigraph behind express, answering like Virtuoso), errors of that endpoint as 400/502/504,
// and /doc descriptions read from it equal to the embedded ones.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Parser } from 'n3';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/serve/app.js';
import { createRemoteStore, describedSubjects, parseJsonResults, type RemoteStore } from '../../src/serve/remote-store.js';
import { createSparqlRouter } from '../../src/serve/sparql/sparql-route.js';
import { IRI, testDataset, testDeps } from '../serve/test-dataset.js';
import { startFakeStore, type FakeStore } from './fake-store.js';

let fake: FakeStore;
const dataset = testDataset();

const remoteOf = (endpoint: string, overrides: { timeoutMs?: number; maxResults?: number } = {}): RemoteStore =>
  createRemoteStore({ endpoint, timeoutMs: overrides.timeoutMs ?? 2000, maxResults: overrides.maxResults ?? 1000, baseIri: dataset.base });

const routerApp = (remote: RemoteStore) => {
  const app = express();
  app.use('/sparql', createSparqlRouter({ pool: remote.pool, serviceDescription: () => '', cors: false }));
  return app;
};

const select = (q: string) => `/sparql?query=${encodeURIComponent(q)}`;

beforeAll(async () => {
  fake = await startFakeStore();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.state.mode = 'ok';
  fake.state.virtuosoJson = true;
  fake.state.queryDelayMs = 0;
  fake.store.update('CLEAR ALL');
  fake.store.load(dataset.nquads, { format: 'application/n-quads' });
});

describe('parseJsonResults', () => {
  it("normalizes Virtuoso's typed-literal, nodeID:// blank nodes, 1/0 booleans and extra head keys", () => {
    const XSD = 'http://www.w3.org/2001/XMLSchema#';
    const text = JSON.stringify({
      head: { link: [], vars: ['a', 'b', 'c', 'd'] },
      results: {
        bindings: [
          { a: { type: 'typed-literal', datatype: `${XSD}integer`, value: '3' }, b: { type: 'bnode', value: 'nodeID://b1' }, c: { type: 'literal', 'xml:lang': 'en', value: 'x' }, d: { type: 'typed-literal', datatype: `${XSD}boolean`, value: '0' } },
        ],
      },
    });
    expect(parseJsonResults(text)).toEqual({
      head: { vars: ['a', 'b', 'c', 'd'] },
      results: {
        bindings: [
          { a: { type: 'literal', datatype: `${XSD}integer`, value: '3' }, b: { type: 'bnode', value: 'b1' }, c: { type: 'literal', 'xml:lang': 'en', value: 'x' }, d: { type: 'literal', datatype: `${XSD}boolean`, value: 'false' } },
        ],
      },
    });
    expect(parseJsonResults('{"head":{},"boolean":true}')).toEqual({ head: {}, boolean: true });
    expect(() => parseJsonResults('{"head":{}}')).toThrow(/no results.bindings/);
  });
});

describe('the SPARQL router over a remote endpoint', () => {
  it('answers SELECT in our formats (CSV here), from Virtuoso-style JSON', async () => {
    const app = routerApp(remoteOf(`${fake.url}query`));
    const r = await request(app).get(select(`SELECT ?name WHERE { <${IRI.alpha}> <https://schema.org/name> ?name }`)).set('Accept', 'text/csv');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.text).toBe('name\r\nAlpha Alphason\r\n');
    const typed = await request(app).get(select(`SELECT ?v WHERE { <${IRI.quantity}> <https://schema.org/minValue> ?v }`));
    expect(JSON.parse(typed.text)).toEqual({ head: { vars: ['v'] }, results: { bindings: [{ v: { type: 'literal', datatype: 'http://www.w3.org/2001/XMLSchema#decimal', value: '9' } }] } });
  });

  it('answers ASK, and CONSTRUCT re-serialized in the negotiated RDF format', async () => {
    const app = routerApp(remoteOf(`${fake.url}query`));
    const ask = await request(app).get(select(`ASK { <${IRI.alpha}> ?p ?o }`)).set('Accept', 'application/sparql-results+xml');
    expect(ask.text).toContain('<boolean>true</boolean>');
    const graph = await request(app).get(select(`CONSTRUCT { <${IRI.alpha}> ?p ?o } WHERE { <${IRI.alpha}> ?p ?o }`)).set('Accept', 'text/turtle');
    expect(graph.headers['content-type']).toBe('text/turtle; charset=utf-8');
    expect(new Parser().parse(graph.text)).toHaveLength(5);
  });

  it('cuts results at maxResults and says so', async () => {
    const app = routerApp(remoteOf(`${fake.url}query`, { maxResults: 2 }));
    const r = await request(app).get(select('SELECT * WHERE { ?s ?p ?o }')).set('Accept', 'text/tab-separated-values');
    expect(r.headers['x-result-truncated']).toBe('true');
    expect(r.text.trimEnd().split('\n')).toHaveLength(3);
  });

  it("passes the endpoint's syntax error on as a 400", async () => {
    const r = await request(routerApp(remoteOf(`${fake.url}query`))).get(select('SELECT * WHERE { ?s ?p '));
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/^the SPARQL endpoint at http:\/\/127\.0\.0\.1:\d+\/query rejected the request \(400 Bad Request\): Parse error: .+\n$/);
  });

  it('answers 504 when the endpoint is slower than the time limit', async () => {
    fake.state.queryDelayMs = 1500;
    const r = await request(routerApp(remoteOf(`${fake.url}query`, { timeoutMs: 300 }))).get(select('ASK {}'));
    expect(r.status).toBe(504);
    expect(r.text).toMatch(/^the SPARQL endpoint at http:\/\/127\.0\.0\.1:\d+\/query did not answer within 0\.3 s\n$/);
  });

  it("answers 502 with the endpoint's message when it fails, and when it cannot be reached", async () => {
    fake.state.mode = 'fail';
    const failed = await request(routerApp(remoteOf(`${fake.url}query`))).get(select('ASK {}'));
    expect(failed.status).toBe(502);
    expect(failed.text).toMatch(/failed \(500 Internal Server Error\): Internal error Transaction log full x+…\n$/);
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const down = await request(routerApp(remoteOf(`http://127.0.0.1:${port}/sparql`))).get(select('ASK {}'));
    expect(down.status).toBe(502);
    expect(down.text).toBe(`cannot reach the SPARQL endpoint at http://127.0.0.1:${port}/sparql (ECONNREFUSED); is it running, and is the URL right?\n`);
  });
});

describe('descriptions from the remote endpoint', () => {
  const sorted = (text: string) => text.trim().split('\n').sort();
  /** Oxigraph (the fake store) keeps xsd:nonNegativeInteger values as xsd:integer. */
  const asStored = (text: string) => sorted(text.replaceAll('XMLSchema#nonNegativeInteger>', 'XMLSchema#integer>'));

  it('describedSubjects: the resource, its parts and its evidence annotations', () => {
    const local = dataset.quads.filter((q) => q.subject.value.startsWith(IRI.claim) || q.subject.value.startsWith(IRI.annotation) || q.object.value === IRI.claim);
    expect(describedSubjects(IRI.claim, local)).toEqual([IRI.annotation, `${IRI.annotation}#position`, `${IRI.annotation}#target`, IRI.claim]);
  });

  it.each(Object.entries(IRI))('%s: the same N-Triples as the embedded description', async (_name, iri) => {
    const path = `/doc/${iri.slice(`${dataset.base}id/`.length)}`;
    const embedded = await request(createApp(testDeps())).get(path).set('Accept', 'application/n-triples');
    const remote = await request(createApp(testDeps({ describe: remoteOf(`${fake.url}query`).describe }))).get(path).set('Accept', 'application/n-triples');
    expect(remote.status).toBe(200);
    expect(sorted(remote.text)).toEqual(asStored(embedded.text));
  });

  it('shows what the store says now (not a cached build), HTML included; errors of the store are a 502', async () => {
    const app = createApp(testDeps({ describe: remoteOf(`${fake.url}query`).describe }));
    fake.store.update(`INSERT DATA { GRAPH <http://example.org/curated> { <${IRI.alpha}> <http://www.w3.org/2000/01/rdf-schema#comment> "added in the store" } }`);
    const ttl = await request(app).get('/doc/person/alpha').set('Accept', 'text/turtle');
    expect(ttl.text).toContain('added in the store');
    const html = await request(app).get('/doc/person/alpha').set('Accept', 'text/html');
    expect(html.status).toBe(200);
    expect(html.text).toContain('added in the store');
    fake.state.mode = 'fail';
    const failed = await request(app).get('/doc/person/alpha').set('Accept', 'text/turtle');
    expect(failed.status).toBe(502);
  });
});
