// Dereferencing: /id → 303 → /doc for every kind of resource, negotiation, overrides, ETag/304,
// 404 and 406, and the telegram page's highlighted text.
import { Parser } from 'n3';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/serve/app.js';
import { BASE, IRI, testDataset, testDeps } from './test-dataset.js';

const app = createApp(testDeps());
const path = (iri: string) => iri.slice(BASE.length - 1);
const docOf = (iri: string) => path(iri).replace(/^\/id\//, '/doc/');

const KINDS: [string, string][] = [
  ['telegram', IRI.telegram],
  ['person', IRI.alpha],
  ['place', IRI.charlie],
  ['org', IRI.office],
  ['claim', IRI.claim],
  ['quantity', IRI.quantity],
  ['event', IRI.event],
  ['annotation', IRI.annotation],
];

describe('GET /id/… and /doc/…', () => {
  it.each(KINDS)('%s: 303 See Other to /doc/…, then 200 in Turtle and HTML', async (_kind, iri) => {
    const redirect = await request(app).get(path(iri)).set('Accept', 'text/turtle');
    expect(redirect.status).toBe(303);
    expect(redirect.headers['location']).toBe(docOf(iri));
    expect(redirect.headers['vary']).toMatch(/Accept/);

    const ttl = await request(app).get(docOf(iri)).set('Accept', 'text/turtle');
    expect(ttl.status).toBe(200);
    expect(ttl.headers['content-type']).toBe('text/turtle; charset=utf-8');
    const quads = new Parser({ format: 'Turtle' }).parse(ttl.text);
    expect(quads.some((q) => q.subject.value === iri)).toBe(true);

    const page = await request(app).get(docOf(iri)).set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain('<main id="main"');
    expect(page.text).toContain('application/ld+json');
  });

  it('keeps the query string on the redirect, and HEAD works', async () => {
    const r = await request(app).get(`${path(IRI.alpha)}?format=nt`);
    expect(r.headers['location']).toBe(`${docOf(IRI.alpha)}?format=nt`);
    const head = await request(app).head(docOf(IRI.alpha)).set('Accept', 'text/turtle');
    expect(head.status).toBe(200);
    expect(head.headers['etag']).toMatch(/^"[0-9a-f]{64}"$/);
  });

  it('answers every RDF format, each parsing back to the resource', async () => {
    for (const [accept, format] of [
      ['application/n-triples', 'N-Triples'],
      ['application/n-quads', 'N-Quads'],
      ['application/trig', 'TriG'],
    ] as const) {
      const r = await request(app).get(docOf(IRI.claim)).set('Accept', accept);
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toContain(accept);
      expect(new Parser({ format }).parse(r.text).some((q) => q.subject.value === IRI.claim)).toBe(true);
    }
    const json = await request(app).get(docOf(IRI.claim)).set('Accept', 'application/ld+json');
    expect(json.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(JSON.stringify(JSON.parse(json.text))).toContain('claim/1');
    const xml = await request(app).get(docOf(IRI.claim)).set('Accept', 'application/rdf+xml');
    expect(xml.text).toContain('rdf:RDF');
  });

  it('describes a claim with its evidence annotation and the labels of what it links to', async () => {
    const r = await request(app).get(`${docOf(IRI.claim)}?format=nt`);
    expect(r.text).toContain(`<${IRI.annotation}> <http://www.w3.org/ns/oa#hasBody> <${IRI.claim}>`);
    expect(r.text).toContain(`<${IRI.annotation}#target>`);
    expect(r.text).toContain('"Alpha Alphason"');
  });

  it('describes a telegram with its parts, and an entity with what refers to it', async () => {
    const t = await request(app).get(`${docOf(IRI.telegram)}?format=nt`);
    for (const part of [IRI.claim, IRI.quantity, IRI.event, IRI.annotation]) expect(t.text).toContain(`<${part}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>`);
    const p = await request(app).get(`${docOf(IRI.alpha)}?format=nt`);
    expect(p.text).toContain(`<${IRI.claim}> <https://w3id.org/cablegraph/ontology#claimant> <${IRI.alpha}>`);
    expect(p.text).not.toContain('oa#hasBody');
  });

  it('?format= and file extensions override Accept, with Vary and Content-Location', async () => {
    const a = await request(app).get(`${docOf(IRI.alpha)}?format=ttl`).set('Accept', 'text/html');
    expect(a.headers['content-type']).toBe('text/turtle; charset=utf-8');
    expect(a.headers['vary']).toMatch(/Accept/);
    const b = await request(app).get(`${docOf(IRI.alpha)}.jsonld`).set('Accept', 'text/html');
    expect(b.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(b.headers['content-location']).toBe(`${docOf(IRI.alpha)}.jsonld`);
    const c = await request(app).get(`${docOf(IRI.alpha)}.html`).set('Accept', 'text/turtle');
    expect(c.headers['content-type']).toBe('text/html; charset=utf-8');
    const d = await request(app).get(`${docOf(IRI.alpha)}?format=pdf`);
    expect(d.status).toBe(400);
    expect(d.text).toContain('unknown format');
    const e = await request(app).get(`${path(IRI.alpha)}.ttl`);
    expect(e.status).toBe(303);
    expect(e.headers['location']).toBe(`${docOf(IRI.alpha)}.ttl`);
  });

  it('sends a strong ETag and 304 on If-None-Match; another format has another ETag', async () => {
    const first = await request(app).get(docOf(IRI.telegram)).set('Accept', 'text/turtle');
    const etag = first.headers['etag'] ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await request(app).get(docOf(IRI.telegram)).set('Accept', 'text/turtle').set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    const weak = await request(app).get(docOf(IRI.telegram)).set('Accept', 'text/turtle').set('If-None-Match', `"x", W/${etag}`);
    expect(weak.status).toBe(304);
    const html = await request(app).get(docOf(IRI.telegram)).set('Accept', 'text/html').set('If-None-Match', etag);
    expect(html.status).toBe(200);
    expect(html.headers['etag']).not.toBe(etag);
  });

  it('406 lists the available types', async () => {
    const r = await request(app).get(docOf(IRI.alpha)).set('Accept', 'image/png');
    expect(r.status).toBe(406);
    expect(r.headers['vary']).toMatch(/Accept/);
    for (const t of ['text/turtle', 'text/html', 'application/ld+json', 'application/n-triples', 'application/n-quads', 'application/trig', 'application/rdf+xml']) {
      expect(r.text).toContain(t);
    }
  });

  it('404 for unknown resources, with a helpful page for people', async () => {
    const id = await request(app).get('/id/person/nobody');
    expect(id.status).toBe(404);
    const doc = await request(app).get('/doc/person/nobody').set('Accept', 'text/html');
    expect(doc.status).toBe(404);
    expect(doc.headers['content-type']).toContain('text/html');
    expect(doc.text).toContain('list of telegrams');
    expect((await request(app).get('/doc/')).status).toBe(404);
    expect((await request(app).get('/doc/person/alpha.pdf')).status).toBe(404);
  });

  it('405 for other methods', async () => {
    const r = await request(app).post(docOf(IRI.alpha));
    expect(r.status).toBe(405);
    expect(r.headers['allow']).toBe('GET, HEAD');
  });
});

describe('the telegram page', () => {
  it('shows the full text with claims, mentions and quantities highlighted and linked', async () => {
    const r = await request(app).get(docOf(IRI.telegram)).set('Accept', 'text/html');
    const text = /<div class="telegram-text"[^>]*>([\s\S]*?)<\/div>/.exec(r.text)?.[1] ?? '';
    expect(text).toContain('<span class="claim first"');
    expect(text).toContain('<a class="mention" href="/doc/person/alpha"');
    expect(text).toContain('<a class="mention" href="/doc/place/charlie-city"');
    expect(text).toContain(`<a class="quantity" href="${docOf(IRI.quantity)}"`);
    expect(text).toContain('at least nine divisions</a>');
    // the text itself is unchanged once tags are removed and entities decoded
    const plain = text.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    expect(plain).toBe(testDataset().results[0]?.text);
    expect(r.text).not.toContain('<script>.');
    expect(r.text).toContain('Claims (1)');
    expect(r.text).toContain('unresolved-name');
    expect(r.text).toMatch(/<link rel="alternate" type="text\/turtle" href="\/doc\/telegram\/[^"]+\.ttl"/);
  });

  it('embeds JSON-LD that cannot end the script block early', async () => {
    const r = await request(app).get(docOf(IRI.telegram)).set('Accept', 'text/html');
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(r.text)?.[1] ?? '';
    expect(block).not.toContain('<');
    const json = JSON.parse(block) as unknown;
    expect(JSON.stringify(json)).toContain('<script>');
  });

  it('entity pages show names, codenames, sameAs links, appearances and claims', async () => {
    const r = await request(app).get(docOf(IRI.alpha)).set('Accept', 'text/html');
    expect(r.text).toContain('<h1>Alpha Alphason</h1>');
    expect(r.text).toContain('ZULU');
    expect(r.text).toContain('href="http://www.wikidata.org/entity/Q42"');
    expect(r.text).toContain('<mark>Alpha</mark>');
    expect(r.text).toContain('Claims made by Alpha Alphason (1)');
  });
});
