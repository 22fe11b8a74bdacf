// startServer on the real data folder: builds, starts the query pool, listens on a free port,
// prints the startup line, serves pages, dereferencing and /sparql, and closes cleanly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/serve/log.js';
import { startServer, type RunningServer } from '../src/server.js';

let server: RunningServer;
const printed: string[] = [];

beforeAll(async () => {
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    base: 'http://localhost:3000/',
    data: 'data',
    queryTimeoutMs: 10_000,
    maxResults: 1000,
    cors: true,
    workers: 1,
    handleSignals: false,
    print: (line) => printed.push(line),
    logger: createLogger({ silent: true }),
  });
});

afterAll(async () => {
  await server?.close();
});

describe('startServer', () => {
  it('prints where it serves', () => {
    expect(printed[0]).toMatch(/^cablegraph: serving \d+ triples from \d+ telegrams? at http:\/\/127\.0\.0\.1:\d+\/ \(open it in a browser\)$/);
  });

  it('serves the index, a telegram page with linked mentions, and dereferencing', async () => {
    const index = await fetch(server.url, { headers: { accept: 'text/html' } });
    const html = await index.text();
    const link = /href="(\/doc\/telegram\/[^"#]+)"/.exec(html)?.[1];
    expect(link).toBeDefined();
    const page = await (await fetch(new URL(link ?? '', server.url), { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('class="telegram-text"');
    expect(page).toMatch(/<a class="mention" href="\/doc\/person\/[^"]+"/);
    expect(page).toContain('<span class="claim first"');
    const redirect = await fetch(new URL((link ?? '').replace('/doc/', '/id/'), server.url), { redirect: 'manual' });
    expect(redirect.status).toBe(303);
  });

  it('answers SPARQL through the query pool, and the query page for browsers', async () => {
    const q = encodeURIComponent('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }');
    const r = await fetch(new URL(`sparql?query=${q}`, server.url), { headers: { accept: 'application/sparql-results+json' } });
    expect(r.status).toBe(200);
    const json = (await r.json()) as { results: { bindings: { n: { value: string } }[] } };
    expect(Number(json.results.bindings[0]?.n.value)).toBeGreaterThan(100);
    const form = await fetch(new URL(`sparql?query=${q}&format=csv`, server.url), { headers: { accept: 'text/html' } });
    expect(form.headers.get('content-type')).toContain('text/csv');
    const page = await fetch(new URL('sparql', server.url), { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('<form id="query-form"');
  });

  it('closes: the port stops answering', async () => {
    const url = server.url;
    await server.close();
    await expect(fetch(url)).rejects.toThrow();
  });
});
