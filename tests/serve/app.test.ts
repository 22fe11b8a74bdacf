// The server edge of createApp: security headers, CORS, path traversal, errors without stack
// traces, the /sparql mount, and the query page.
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/serve/app.js';
import { renderQueryPage } from '../../src/serve/query-page.js';
import { siteOf } from '../../src/serve/app.js';
import { HttpError } from '../../src/errors.js';
import { testDataset, testDeps } from './test-dataset.js';

const app = createApp(testDeps());

describe('security headers and CORS', () => {
  it('sends nosniff, a CSP allowing only this origin, and a referrer policy', async () => {
    const r = await request(app).get('/');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(r.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(r.headers['x-powered-by']).toBeUndefined();
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('CORS when asked for, with preflights', async () => {
    const cors = createApp(testDeps({ cors: true }));
    const r = await request(cors).get('/doc/person/alpha');
    expect(r.headers['access-control-allow-origin']).toBe('*');
    const pre = await request(cors).options('/sparql').set('Origin', 'http://elsewhere.example').set('Access-Control-Request-Method', 'POST');
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-methods']).toContain('POST');
  });
});

describe('path traversal never reaches a file outside the dataset', () => {
  const attempts = [
    '/download/../package.json',
    '/download/..%2fpackage.json',
    '/download/%2e%2e%2fpackage.json',
    '/download/%2e%2e/%2e%2e/etc/passwd',
    '/download/..%5c..%5cpackage.json',
    '/download/cablegraph.nq%00.txt',
    '/download/%2Fetc%2Fpasswd',
    '/doc/../package.json',
    '/doc/%2e%2e/%2e%2e/etc/passwd',
    '/doc/person/%2e%2e',
    '/doc/person/alpha%2F..%2F..%2Fpackage.json',
    '/id/%2e%2e/person/alpha',
    '/static/%2e%2e/%2e%2e/package.json',
    '/static/yasgui/%2e%2e/package.json',
    '/static/yasgui/..%2f..%2fpackage.json',
    '/doc/person/%E0%A4%A',
  ];
  it.each(attempts)('%s → 400 or 404', async (p) => {
    const r = await request(app).get(p);
    expect([400, 404]).toContain(r.status);
    expect(r.text).not.toContain('"name": "cablegraph"');
    expect(r.text).not.toContain('root:');
    expect(r.text).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe('errors', () => {
  const failing = () => {
    const router = express.Router();
    router.get('/boom', () => {
      throw new Error('secret detail at /srv/x.ts:12:3');
    });
    router.get('/async', async () => {
      await Promise.resolve();
      throw new TypeError('async secret');
    });
    router.get('/teapot', () => {
      throw new HttpError(400, 'your query is bad at 1:5', 'query-error');
    });
    return router;
  };
  const logged: unknown[] = [];
  const logger = testDeps().logger;
  const spy = Object.assign(Object.create(logger) as typeof logger, {
    error: (obj: unknown) => {
      logged.push(obj);
    },
  });
  const withSparql = createApp(testDeps({ sparql: failing(), logger: spy }));

  it('masks anything but an HttpError as a 500 "internal error", logged with the stack', async () => {
    for (const accept of ['text/html', 'application/json', 'text/plain', '*/*', 'image/png']) {
      for (const p of ['/sparql/boom', '/sparql/async']) {
        const r = await request(withSparql).get(p).set('Accept', accept);
        expect(r.status).toBe(500);
        expect(r.text).toContain('internal error');
        expect(r.text).not.toContain('secret');
        expect(r.text).not.toMatch(/\.ts:\d+|at [A-Za-z]/);
      }
    }
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged[0], Object.getOwnPropertyNames(Error.prototype).concat(['err', 'stack', 'message']))).toContain('secret');
  });

  it('an HttpError keeps its status and message, as HTML, JSON or text by Accept', async () => {
    const json = await request(withSparql).get('/sparql/teapot').set('Accept', 'application/json');
    expect(json.status).toBe(400);
    expect(JSON.parse(json.text)).toEqual({ status: 400, code: 'query-error', message: 'your query is bad at 1:5' });
    const html = await request(withSparql).get('/sparql/teapot').set('Accept', 'text/html');
    expect(html.text).toContain('<h1>400 Bad request</h1>');
    const text = await request(withSparql).get('/sparql/teapot');
    expect(text.text).toBe('400 your query is bad at 1:5\n');
  });

  it('escapes what the request put in the 404 page', async () => {
    const r = await request(app).get('/nothing/%3Cscript%3Ealert(1)%3C%2Fscript%3E').set('Accept', 'text/html');
    expect(r.status).toBe(404);
    expect(r.text).not.toContain('<script>alert');
  });

  it('without a SPARQL router, /sparql is a 503', async () => {
    expect((await request(app).get('/sparql')).status).toBe(503);
  });
});

describe('the query page', () => {
  const site = siteOf(testDataset());
  const page = renderQueryPage(site, { query: 'SELECT * WHERE { ?s ?p "</textarea><script>" }' });
  it('works as a plain form without JavaScript', () => {
    expect(page).toContain('<form id="query-form" class="query-form" method="get" action="/sparql">');
    expect(page).toContain('<textarea id="query" name="query"');
    expect(page).toContain('<select id="format" name="format">');
    expect(page).toContain('class="example-form"');
    expect(page).not.toContain('</textarea><script>');
  });
  it('loads YASGUI and its script from /static, with no inline script', () => {
    expect(page).toContain('src="/static/yasgui/yasgui.min.js"');
    expect(page).toContain('href="/static/yasgui/yasgui.min.css"');
    expect(page).not.toMatch(/<script>(?!<\/script>)/);
  });
});
