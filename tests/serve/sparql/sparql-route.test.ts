// The /sparql router against the W3C SPARQL 1.1 Protocol manifest, plus conneg, limits and errors.
import { readFileSync } from 'node:fs';
import type { Quad, Term } from '@rdfjs/types';
import { Parser, Store } from 'n3';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINT, readGraph, startTestApp, W3C } from './sparql-test-app.js';
import type { TestApp } from './sparql-test-app.js';

const MF = 'http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#';
const HT = 'http://www.w3.org/2011/http#';
const CNT = 'http://www.w3.org/2011/content#';
const UT = 'http://www.w3.org/2009/sparql/tests/test-update#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';

interface ProtocolRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly encoding: string | undefined;
  readonly expectedBoolean: boolean | undefined;
  readonly expectedFormat: string | undefined;
}

interface ProtocolCase {
  readonly name: string;
  readonly title: string;
  readonly graphs: readonly { readonly file: string; readonly name: string }[];
  readonly requests: readonly ProtocolRequest[];
}

/** Reads every test of protocol/manifest.ttl: its graphs and its HTTP requests. */
function readProtocolManifest(): ProtocolCase[] {
  const file = `${W3C}/protocol/manifest.ttl`;
  const store = new Store(new Parser({ baseIRI: `file://${file}` }).parse(readFileSync(file, 'utf8')));
  const one = (s: Term, p: string): Term | undefined => store.getObjects(s, p, null)[0];
  const list = (head: Term | undefined): Term[] => {
    const out: Term[] = [];
    for (let h = head; h !== undefined && h.value !== `${RDF}nil`; h = one(h, `${RDF}rest`)) {
      const first = one(h, `${RDF}first`);
      if (first) out.push(first);
    }
    return out;
  };
  const manifest = store.getSubjects(`${RDF}type`, `${MF}Manifest`, null)[0];
  if (!manifest) throw new Error('no manifest');
  return list(one(manifest, `${MF}entries`)).map((test) => ({
    name: test.value.split('#')[1] ?? test.value,
    title: one(test, `${MF}name`)?.value ?? '',
    graphs: store.getObjects(test, `${UT}graphData`, null).map((g) => ({
      file: (one(g, `${UT}graph`)?.value ?? '').replace('file://', ''),
      name: one(g, `${RDFS}label`)?.value ?? '',
    })),
    requests: list(one(one(test, `${MF}action`) ?? test, `${HT}requests`)).map((r) => {
      const body = one(r, `${HT}body`);
      const resp = one(r, `${HT}resp`);
      const headers: Record<string, string> = {};
      for (const h of list(one(r, `${HT}headers`))) headers[one(h, `${HT}fieldName`)?.value ?? ''] = one(h, `${HT}fieldValue`)?.value ?? '';
      const expectedBoolean = resp ? one(resp, `${MF}expectedBoolean`)?.value : undefined;
      return {
        method: one(r, `${HT}methodName`)?.value ?? 'GET',
        path: one(r, `${HT}absolutePath`)?.value ?? '/sparql/',
        headers,
        body: body ? one(body, `${CNT}chars`)?.value : undefined,
        encoding: body ? one(body, `${CNT}characterEncoding`)?.value : undefined,
        expectedBoolean: expectedBoolean === undefined ? undefined : expectedBoolean === 'true',
        expectedFormat: resp ? one(resp, `${MF}expectedFormat`)?.value : undefined,
      };
    }),
  }));
}

/**
 * What this read-only endpoint answers to each manifest case. Queries follow the suite; updates,
 * which the suite expects to succeed, are refused with 403 (read-only); bad requests get a precise 4xx.
 */
const EXPECTED_STATUS: Readonly<Record<string, number>> = {
  update_dataset_default_graph: 403,
  update_dataset_default_graphs: 403,
  update_dataset_named_graphs: 403,
  update_dataset_full: 403,
  update_post_form: 403,
  update_post_direct: 403,
  update_base_uri: 403,
  bad_query_method: 405,
  bad_multiple_queries: 400,
  bad_query_wrong_media_type: 415,
  bad_query_missing_form_type: 415,
  bad_query_missing_direct_type: 415,
  bad_query_non_utf8: 415,
  bad_query_syntax: 400,
  bad_update_get: 403,
  bad_multiple_updates: 403,
  bad_update_wrong_media_type: 415,
  bad_update_missing_form_type: 415,
  bad_update_non_utf8: 403,
  bad_update_syntax: 403,
  bad_update_dataset_conflict: 403,
};

const RESULT_TYPES = ['application/sparql-results+json', 'application/sparql-results+xml', 'text/csv', 'text/tab-separated-values'];
const RDF_TYPES = ['text/turtle', 'application/rdf+xml', 'application/n-triples', 'application/ld+json', 'application/n-quads', 'application/trig'];

const CASES = readProtocolManifest();

function send(app: TestApp['app'], r: ProtocolRequest): request.Test {
  const path = r.path.replace(/^\/sparql\//, '/sparql/');
  const agent = request(app);
  const method = r.method.toUpperCase();
  let test =
    method === 'GET' ? agent.get(path) : method === 'POST' ? agent.post(path) : method === 'PUT' ? agent.put(path) : agent.delete(path);
  for (const [k, v] of Object.entries(r.headers)) test = test.set(k, v);
  if (r.body !== undefined) {
    const bytes = r.encoding?.toUpperCase() === 'UTF-16' ? Buffer.from(`\ufeff${r.body}`, 'utf16le') : r.body;
    // supertest adds a Content-Type for some bodies; the manifest's "missing type" cases must have none.
    test = test.send(bytes);
    if (r.headers['content-type'] === undefined) test = test.unset('Content-Type');
  }
  return test;
}

function booleanOf(res: request.Response): boolean | undefined {
  const type = String(res.headers['content-type'] ?? '');
  if (type.startsWith('application/sparql-results+json')) return (JSON.parse(res.text) as { boolean?: boolean }).boolean;
  if (type.startsWith('application/sparql-results+xml')) return /<boolean>true<\/boolean>/.test(res.text);
  return undefined;
}

describe('SPARQL 1.1 Protocol manifest', () => {
  let t: TestApp;
  beforeAll(async () => {
    const graphs = new Map<string, Quad[]>();
    for (const c of CASES) for (const g of c.graphs) graphs.set(g.name, readGraph(g.file, g.name));
    t = await startTestApp([...graphs.values()].flat());
  });
  afterAll(() => t.close());

  it('reads the whole manifest', () => {
    expect(CASES.length).toBe(34);
    expect(CASES.every((c) => c.requests.length > 0)).toBe(true);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const first = c.requests[0];
    if (!first) throw new Error(`${name} has no request`);
    const res = await send(t.app, first);
    const expected = EXPECTED_STATUS[name];
    if (expected !== undefined) {
      expect(res.status, `${c.title}: ${res.text}`).toBe(expected);
      expect(res.headers['content-type']).toMatch(/^text\/plain; charset=utf-8/);
      expect(res.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
      return;
    }
    expect(res.status, `${c.title}: ${res.text}`).toBe(200);
    expect(res.headers['vary']).toMatch(/Accept/);
    const type = String(res.headers['content-type']).split(';')[0] ?? '';
    if (first.expectedFormat === 'RDF') expect(RDF_TYPES).toContain(type);
    else expect(RESULT_TYPES).toContain(type);
    if (first.expectedBoolean !== undefined) expect(booleanOf(res)).toBe(first.expectedBoolean);
  });
});

describe('/sparql protocol details', () => {
  let t: TestApp;
  const G1 = 'http://example.org/g1';
  const G2 = 'http://example.org/g2';
  beforeAll(async () => {
    const turtle = `@prefix ex: <http://example.org/> .
      ex:a ex:p "A" . ex:a ex:q ex:b . ex:b ex:p "B"@en .`;
    const quads = new Parser().parse(turtle);
    const { DataFactory } = await import('n3');
    const inGraph = (g: string) => quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object, DataFactory.namedNode(g)));
    t = await startTestApp([...inGraph(G1).slice(0, 2), ...inGraph(G2).slice(2)], { maxResults: 2 });
  });
  afterAll(() => t.close());

  const ask = (query: string, params = ''): Promise<boolean | undefined> =>
    request(t.app)
      .get(`/sparql?query=${encodeURIComponent(query)}${params}`)
      .then((res) => booleanOf(res));

  it('queries the union of all named graphs by default', async () => {
    expect(await ask('ASK { <http://example.org/a> ?p ?o . <http://example.org/b> ?p ?x }')).toBe(true);
  });

  it('restricts the default graph to default-graph-uri', async () => {
    const q = 'ASK { <http://example.org/b> ?p ?o }';
    expect(await ask(q, `&default-graph-uri=${encodeURIComponent(G1)}`)).toBe(false);
    expect(await ask(q, `&default-graph-uri=${encodeURIComponent(G2)}`)).toBe(true);
  });

  it('gives an empty default graph when only named-graph-uri is given', async () => {
    expect(await ask('ASK { ?s ?p ?o }', `&named-graph-uri=${encodeURIComponent(G1)}`)).toBe(false);
    expect(await ask('ASK { GRAPH ?g { <http://example.org/b> ?p ?o } }', `&named-graph-uri=${encodeURIComponent(G1)}`)).toBe(false);
    expect(await ask('ASK { GRAPH ?g { <http://example.org/b> ?p ?o } }', `&named-graph-uri=${encodeURIComponent(G2)}`)).toBe(true);
  });

  it("honours the query's own FROM clause", async () => {
    expect(await ask(`ASK FROM <${G1}> { <http://example.org/b> ?p ?o }`)).toBe(false);
    expect(await ask(`ASK FROM <${G2}> { <http://example.org/b> ?p ?o }`)).toBe(true);
  });

  it('lets protocol graphs override FROM', async () => {
    expect(await ask(`ASK FROM <${G1}> { <http://example.org/b> ?p ?o }`, `&default-graph-uri=${encodeURIComponent(G2)}`)).toBe(true);
  });

  it('refuses a graph IRI that is not absolute', async () => {
    const res = await request(t.app).get('/sparql?query=ASK%7B%7D&default-graph-uri=not%20an%20iri');
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/default-graph-uri must be an absolute IRI/);
  });

  it.each([
    [undefined, 'application/sparql-results+json'],
    ['*/*', 'application/sparql-results+json'],
    ['application/json', 'application/sparql-results+json'],
    ['application/sparql-results+xml', 'application/sparql-results+xml'],
    ['application/xml', 'application/sparql-results+xml'],
    ['text/csv', 'text/csv'],
    ['text/tab-separated-values', 'text/tab-separated-values'],
    ['text/*', 'text/csv'],
    ['text/csv;q=0.5, text/tab-separated-values', 'text/tab-separated-values'],
    ['application/sparql-results+xml;q=0.9, application/sparql-results+json;q=0.1', 'application/sparql-results+xml'],
    ['text/html, */*;q=0.1', 'application/sparql-results+json'],
    ['image/png', 406],
  ] as const)('SELECT with Accept %s → %s', async (accept, expected) => {
    let req = request(t.app).get(`/sparql?query=${encodeURIComponent('SELECT ?o WHERE { ?s ?p ?o } LIMIT 1')}`);
    if (accept !== undefined) req = req.set('Accept', accept);
    const res = await req;
    if (typeof expected === 'number') {
      expect(res.status).toBe(expected);
      expect(res.text).toMatch(/application\/sparql-results\+json, application\/sparql-results\+xml, text\/csv, text\/tab-separated-values/);
    } else {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(`${expected}; charset=utf-8`);
    }
  });

  it('answers ASK only in JSON or XML (406 for CSV alone)', async () => {
    const res = await request(t.app).get('/sparql?query=ASK%7B%7D').set('Accept', 'text/csv');
    expect(res.status).toBe(406);
    expect(res.text).toMatch(/application\/sparql-results\+json, application\/sparql-results\+xml$/m);
  });

  it.each([
    [undefined, 'text/turtle'],
    ['application/ld+json', 'application/ld+json'],
    ['application/json', 'application/ld+json'],
    ['application/n-triples', 'application/n-triples'],
    ['application/n-quads', 'application/n-quads'],
    ['application/trig', 'application/trig'],
    ['application/rdf+xml', 'application/rdf+xml'],
    ['text/turtle;q=0.2, application/rdf+xml;q=0.8', 'application/rdf+xml'],
    ['application/sparql-results+json', 406],
  ] as const)('CONSTRUCT with Accept %s → %s', async (accept, expected) => {
    let req = request(t.app)
      .post('/sparql')
      .set('Content-Type', 'application/sparql-query')
      .send('CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 2');
    if (accept !== undefined) req = req.set('Accept', accept);
    const res = await req;
    if (typeof expected === 'number') {
      expect(res.status).toBe(expected);
      expect(res.text).toMatch(/available: text\/turtle, application\/ld\+json/);
      return;
    }
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(`${expected}; charset=utf-8`);
    expect(res.text).toContain(expected === 'application/ld+json' ? 'http://example.org/a' : 'example.org');
  });

  it('DESCRIBE returns the description of a resource in RDF', async () => {
    const res = await request(t.app).get(`/sparql?query=${encodeURIComponent('DESCRIBE <http://example.org/a>')}`).set('Accept', 'application/n-triples');
    expect(res.status).toBe(200);
    expect(res.text.trim().split('\n').sort()).toEqual([
      '<http://example.org/a> <http://example.org/p> "A" .',
      '<http://example.org/a> <http://example.org/q> <http://example.org/b> .',
    ]);
  });

  it('answers a syntax error with 400 and the line and column', async () => {
    const res = await request(t.app).get(`/sparql?query=${encodeURIComponent('SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o = }')}`);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/^SPARQL syntax error at line 3, column \d+: /);
  });

  it.each([
    ['GET update parameter', () => request(t.app).get('/sparql?update=CLEAR%20ALL')],
    ['form update', () => request(t.app).post('/sparql').type('form').send('update=DROP%20ALL')],
    ['direct update', () => request(t.app).post('/sparql').set('Content-Type', 'application/sparql-update').send('DROP ALL')],
    ['update text as a query', () => request(t.app).get(`/sparql?query=${encodeURIComponent('PREFIX ex: <http://e/> # c\nINSERT DATA { ex:a ex:b ex:c }')}`)],
    ['update text posted as a query', () => request(t.app).post('/sparql').set('Content-Type', 'application/sparql-query').send('DELETE WHERE { ?s ?p ?o }')],
  ])('refuses SPARQL Update with 403 (%s)', async (_name, make) => {
    const res = await make();
    expect(res.status).toBe(403);
    expect(res.text).toMatch(/read-only/);
    expect(await ask('ASK { <http://example.org/a> ?p ?o }')).toBe(true);
  });

  it('refuses a body over maxBodyBytes with 413', async () => {
    const query = `SELECT * WHERE { ?s ?p ?o } # ${'x'.repeat(70 * 1024)}`;
    const res = await request(t.app).post('/sparql').set('Content-Type', 'application/sparql-query').send(query);
    expect(res.status).toBe(413);
    expect(res.text).toMatch(/exceeds the limit of 65536 bytes/);
  });

  it('accepts a body just under maxBodyBytes', async () => {
    const query = `ASK {} # ${'x'.repeat(60 * 1024)}`;
    const res = await request(t.app).post('/sparql').set('Content-Type', 'application/sparql-query').send(query);
    expect(res.status).toBe(200);
  });

  it('refuses a direct POST that also has a query parameter', async () => {
    const res = await request(t.app).post('/sparql?query=ASK%7B%7D').set('Content-Type', 'application/sparql-query').send('ASK {}');
    expect(res.status).toBe(400);
  });

  it('counts query parameters from the URL and the form body together', async () => {
    const res = await request(t.app).post('/sparql?query=ASK%7B%7D').type('form').send('query=ASK%20%7B%7D');
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/Exactly one "query" parameter/);
  });

  it('refuses an empty query with 400', async () => {
    const res = await request(t.app).get('/sparql?query=');
    expect(res.status).toBe(400);
  });

  it('refuses a body that is not UTF-8 with 400', async () => {
    const res = await request(t.app).post('/sparql').set('Content-Type', 'application/sparql-query').send(Buffer.from([0x41, 0x53, 0x4b, 0xff, 0x7b, 0x7d]));
    expect(res.status).toBe(400);
  });

  it('cuts SELECT results at maxResults and says so in X-Result-Truncated', async () => {
    const res = await request(t.app).get(`/sparql?query=${encodeURIComponent('SELECT * WHERE { ?s ?p ?o }')}`);
    expect(res.status).toBe(200);
    expect(res.headers['x-result-truncated']).toBe('true');
    expect(res.headers['x-result-limit']).toBe('2');
    expect((JSON.parse(res.text) as { results: { bindings: unknown[] } }).results.bindings).toHaveLength(2);
    expect(res.headers['access-control-expose-headers']).toMatch(/X-Result-Truncated/);
  });

  it('does not flag results within the limit', async () => {
    const res = await request(t.app).get(`/sparql?query=${encodeURIComponent('SELECT * WHERE { ?s ?p ?o } LIMIT 2')}`);
    expect(res.headers['x-result-truncated']).toBeUndefined();
  });

  it('cuts CONSTRUCT results at maxResults triples', async () => {
    const res = await request(t.app).get(`/sparql?query=${encodeURIComponent('CONSTRUCT WHERE { ?s ?p ?o }')}`).set('Accept', 'application/n-triples');
    expect(res.headers['x-result-truncated']).toBe('true');
    expect(res.text.trim().split('\n')).toHaveLength(2);
  });

  it('sends CORS headers and answers preflights', async () => {
    const res = await request(t.app).options('/sparql').set('Origin', 'https://other.example').set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'content-type');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-methods']).toMatch(/POST/);
    expect(res.headers['access-control-allow-headers']).toBe('content-type');
    const get = await request(t.app).get('/sparql?query=ASK%7B%7D').set('Origin', 'https://other.example');
    expect(get.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers other methods with 405 and Allow', async () => {
    const res = await request(t.app).delete('/sparql');
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('GET, HEAD, POST, OPTIONS');
  });

  it.each([
    [undefined, 'text/turtle'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'text/html'],
    ['application/ld+json', 'application/ld+json'],
    ['application/rdf+xml', 'application/rdf+xml'],
    ['image/png', 406],
  ] as const)('bare GET with Accept %s → %s', async (accept, expected) => {
    let req = request(t.app).get('/sparql');
    if (accept !== undefined) req = req.set('Accept', accept);
    const res = await req;
    if (typeof expected === 'number') {
      expect(res.status).toBe(expected);
      return;
    }
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(`${expected}; charset=utf-8`);
    expect(res.headers['vary']).toMatch(/Accept/);
    expect(res.text).toContain(expected === 'text/html' ? '<title>SPARQL</title>' : ENDPOINT);
  });
});

describe('/sparql without CORS and with a failing service description', () => {
  let t: TestApp;
  const logged: string[] = [];
  beforeAll(async () => {
    t = await startTestApp([], { size: 1 }, {
      cors: false,
      serviceDescription: () => {
        throw new Error('secret internal detail');
      },
      logger: { warn: (_d, m) => void logged.push(m), error: (_d, m) => void logged.push(m) },
    });
  });
  afterAll(() => t.close());

  it('sends no CORS header', async () => {
    const res = await request(t.app).get('/sparql?query=ASK%7B%7D');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('masks an internal error as a short 500 and logs it', async () => {
    const res = await request(t.app).get('/sparql').set('Accept', 'text/turtle');
    expect(res.status).toBe(500);
    expect(res.text).not.toMatch(/secret|Error:|\.ts:/);
    expect(logged).toContain('SPARQL request failed');
  });
});
