// /dataset, /.well-known/void, /download/<file>, /context.jsonld, /ontology, /, static files.
import { createHash } from 'node:crypto';
import { Parser } from 'n3';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/serve/app.js';
import { testDataset, testDeps } from './test-dataset.js';

const app = createApp(testDeps());
const dataset = testDataset();

describe('dataset routes', () => {
  it('/dataset and /.well-known/void negotiate the VoID description', async () => {
    for (const p of ['/dataset', '/.well-known/void']) {
      const ttl = await request(app).get(p);
      expect(ttl.status).toBe(200);
      expect(ttl.headers['content-type']).toBe('text/turtle; charset=utf-8');
      expect(new Parser().parse(ttl.text).some((q) => q.object.value === 'http://rdfs.org/ns/void#Dataset')).toBe(true);
    }
    const html = await request(app).get('/dataset').set('Accept', 'text/html');
    expect(html.text).toContain('<h1>Test telegrams</h1>');
    expect(html.text).toContain(dataset.canonicalHash);
    for (const f of dataset.files) {
      expect(html.text).toContain(`href="/download/${f.fileName}"`);
      expect(html.text).toContain(f.sha256);
    }
    const json = await request(app).get('/dataset.jsonld');
    expect(json.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect((await request(app).get('/id/dataset')).headers['location']).toBe('/dataset');
  });

  it('/download/<file> sends every file with its checksum as ETag', async () => {
    for (const f of dataset.files) {
      const r = await request(app).get(`/download/${f.fileName}`).buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect(r.status).toBe(200);
      const body = r.body as Buffer;
      expect(createHash('sha256').update(body).digest('hex')).toBe(f.sha256);
      expect(r.headers['etag']).toBe(`"${f.sha256}"`);
      expect(r.headers['content-type']?.split(';')[0]).toBe(f.mediaType);
      expect(r.headers['content-disposition']).toBe(`attachment; filename="${f.fileName}"`);
      const again = await request(app).get(`/download/${f.fileName}`).set('If-None-Match', `"${f.sha256}"`);
      expect(again.status).toBe(304);
    }
    const sums = await request(app).get('/download/SHA256SUMS');
    for (const f of dataset.files.filter((x) => x.fileName !== 'SHA256SUMS')) expect(sums.text).toContain(`${f.sha256}  ${f.fileName}`);
  });

  it('/download of anything not in the list is a 404', async () => {
    for (const p of ['/download/nothing.ttl', '/download/', '/download/cablegraph.NQ', '/download/cablegraph.nq.bak', '/download/package.json']) {
      expect((await request(app).get(p)).status).toBe(404);
    }
  });

  it('/context.jsonld is the ontology context, with CORS', async () => {
    const r = await request(app).get('/context.jsonld');
    expect(r.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(r.headers['access-control-allow-origin']).toBe('*');
    expect((JSON.parse(r.text) as { '@context': unknown })['@context']).toBeTruthy();
  });

  it('/ontology negotiates: Turtle for machines, a page listing classes and properties for people', async () => {
    const ttl = await request(app).get('/ontology');
    expect(ttl.headers['content-type']).toBe('text/turtle; charset=utf-8');
    expect(ttl.text).toContain('cg:Telegram');
    const html = await request(app).get('/ontology').set('Accept', 'text/html');
    expect(html.text).toContain('id="Telegram"');
    expect(html.text).toContain('id="Claim"');
    expect(html.text).toContain('id="claimant"');
    const nt = await request(app).get('/ontology.nt');
    expect(nt.headers['content-type']).toContain('application/n-triples');
  });

  it('/ lists the telegrams and points to everything', async () => {
    const r = await request(app).get('/').set('Accept', 'text/html');
    expect(r.status).toBe(200);
    expect(r.text).toContain('href="/doc/telegram/1951-01-02-alpha-to-bravo"');
    for (const p of ['/dataset', '/ontology', '/sparql']) expect(r.text).toContain(`href="${p}"`);
    expect(r.text).toContain('class="skip-link"');
  });

  it('serves the style sheet, the query page script and YASGUI', async () => {
    const css = await request(app).get('/static/cablegraph.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.text).toContain(':focus-visible');
    const js = await request(app).get('/static/query-page.js');
    expect(js.headers['content-type']).toContain('javascript');
    const yasgui = await request(app).get('/static/yasgui/yasgui.min.js');
    expect(yasgui.status).toBe(200);
    expect((await request(app).get('/static/yasgui/yasgui.min.css')).status).toBe(200);
    expect((await request(app).get('/static/yasgui/../package.json')).status).toBeGreaterThanOrEqual(400);
  });

  it('serves everything under the base IRI path when it has one', async () => {
    const base = 'https://example.org/cables/';
    const sub = createApp(testDeps({ dataset: testDataset(base) }));
    const r = await request(sub).get('/cables/id/person/alpha');
    expect(r.status).toBe(303);
    expect(r.headers['location']).toBe('/cables/doc/person/alpha');
    const doc = await request(sub).get('/cables/doc/person/alpha').set('Accept', 'application/n-triples');
    expect(doc.text).toContain(`<${base}id/person/alpha>`);
    const page = await request(sub).get('/cables/doc/person/alpha').set('Accept', 'text/html');
    expect(page.text).toContain('href="/cables/static/cablegraph.css"');
    expect((await request(sub).get('/cables/')).status).toBe(200);
    expect((await request(sub).get('/id/person/alpha')).status).toBe(404);
  });
});
