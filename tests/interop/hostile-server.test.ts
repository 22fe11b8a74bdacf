// Hostile input against the real server (startServer over data/, 127.0.0.1, ephemeral port): random
// and mutated SPARQL, huge and deeply nested queries, malformed percent-encoding and bodies, wrong
// and absent content types, absurd Accept headers, path traversal, oversized requests, and more slow
// queries at once than workers and queue hold. Every answer must be a 4xx or a controlled 5xx (or a
// 2xx where the input happens to be valid), never a crash, a hang, a stack trace or a file outside
// the dataset; a simple GET /doc/… is timed throughout and must stay quick. Bounded in count and time.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { createPrng } from './hostile/prng.js';
import { percentEncode, requestBytes, sendRaw, type RawRequest, type RawResponse } from './hostile/raw-http.js';
import {
  acceptInputs,
  contentTypeInputs,
  hugeAndNestedInputs,
  malformedBodyInputs,
  oversizedInputs,
  percentEncodingInputs,
  traversalInputs,
  type HostileRequest,
} from './hostile/server-inputs.js';
import { mutatedSparql, randomSparql } from './hostile/sparql-inputs.js';
import { startRealServer } from './hostile/start-real-server.js';
import { formatTable, summarize, writeSummarySection, type Outcome } from './hostile/summary.js';

const SEED = 20_251_004;
const QUERY_TIMEOUT_MS = 400;
const PROBE_PATH = '/doc/person/joseph-stalin';
/** The generous bound on the probe's latency while the server is under hostile input. */
const PROBE_LIMIT_MS = 2000;
const SIMPLE_ASK = 'ASK { ?s ?p ?o }';
const SLOW_QUERY = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }';

let server: RunningServer;
let port = 0;
const outcomes: Outcome[] = [];
const probe: { ms: number; status: number; during: string }[] = [];
let baselineMs = 0;
let phase = 'baseline';
let probing = true;
let prober: Promise<void> | undefined;

const send = (request: RawRequest, options: { timeoutMs?: number; abortAfterMs?: number } = {}): Promise<RawResponse> =>
  sendRaw(port, requestBytes(`127.0.0.1:${port}`, request), { timeoutMs: 30_000, ...options });

/** What must never be in a body: stack frames, source paths, files outside the dataset. */
const LEAKS: readonly [string, RegExp][] = [
  ['stack frame', /^\s*at .*(:\d+:\d+\)?|\(native\)|<anonymous>)\s*$/m],
  ['source path', /\/work\/|node_modules\/|\/src\/[\w/-]+\.(ts|js)|\.(ts|js):\d+:\d+/],
  ['package.json', /"devDependencies"\s*:|"scripts"\s*:\s*\{/],
  ['/etc/passwd', /root:[^:\n]*:0:0:/],
  ['git config', /\[core\]\s*\n\s*repositoryformatversion/],
  ['error class', /\b(TypeError|RangeError|ReferenceError|SyntaxError|RuntimeError): /],
];

/** Why an answer is not acceptable, or undefined when it is. */
function problemOf(input: HostileRequest | { label: string; expect?: readonly number[] }, response: RawResponse, allow2xx: boolean): string | undefined {
  const s = response.status;
  if (s === -1) return `no answer within 30 s (hang)`;
  if (s === 0) return `connection closed without an answer${response.error !== undefined ? ` (${response.error})` : ''}`;
  if (input.expect !== undefined && !input.expect.includes(s)) return `status ${s}, expected ${input.expect.join(' or ')}`;
  const expected = input.expect?.includes(s) === true;
  const controlled = expected || (s >= 400 && s < 500) || s === 500 || s === 503 || s === 504 || (allow2xx && s >= 200 && s < 400);
  if (!controlled) return `status ${s} is not a 4xx or a controlled 5xx`;
  if (s === 500 && response.body.length > 300) return `a 500 with a ${response.body.length}-character body`;
  for (const [what, re] of LEAKS) if (re.test(response.body)) return `body leaks a ${what}: ${JSON.stringify(re.exec(response.body)?.[0])}`;
  return undefined;
}

/** Sends inputs with a small concurrency, records outcomes, returns the problems found. */
async function runAll(category: string, inputs: readonly HostileRequest[], options: { allow2xx: boolean; concurrency?: number }): Promise<string[]> {
  phase = category;
  const problems: string[] = [];
  let next = 0;
  const worker = async () => {
    for (;;) {
      const input = inputs[next++];
      if (input === undefined) return;
      const response = await send(input.request);
      outcomes.push({ category, label: input.label, outcome: String(response.status), ms: response.ms });
      const problem = problemOf(input, response, options.allow2xx);
      if (problem !== undefined) problems.push(`${input.label}: ${problem}`);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return problems;
}

/** The server still answers a page and a SPARQL query (waiting for replaced workers up to 10 s). */
async function expectAlive(): Promise<void> {
  const page = await send({ path: PROBE_PATH, headers: [['Accept', 'text/turtle']] });
  expect(page.status).toBe(200);
  const deadline = Date.now() + 10_000;
  let ask: RawResponse;
  do {
    ask = await send({ path: `/sparql?query=${percentEncode(SIMPLE_ASK)}`, headers: [['Accept', 'application/sparql-results+json']] });
    if (ask.status === 200) break;
    await new Promise((r) => setTimeout(r, 200));
  } while (Date.now() < deadline);
  expect(ask.status).toBe(200);
  expect(JSON.parse(ask.body)).toEqual({ head: {}, boolean: true });
}

/** A SPARQL request in one of the protocol's three shapes, with one of several Accept headers. */
function sparqlRequest(query: string, i: number, rng: ReturnType<typeof createPrng>): RawRequest {
  const accept = rng.pick(['application/sparql-results+json', 'application/sparql-results+xml', 'text/csv', 'text/turtle', '*/*', 'text/html', '']);
  const headers: [string, string][] = accept !== '' ? [['Accept', accept]] : [];
  if (i % 3 === 0) return { method: 'GET', path: `/sparql?query=${percentEncode(query)}`, headers };
  if (i % 3 === 1) return { method: 'POST', path: '/sparql', headers: [...headers, ['Content-Type', 'application/x-www-form-urlencoded']], body: `query=${percentEncode(query)}` };
  return { method: 'POST', path: '/sparql', headers: [...headers, ['Content-Type', 'application/sparql-query']], body: query };
}

beforeAll(async () => {
  server = await startRealServer({ queryTimeoutMs: QUERY_TIMEOUT_MS, workers: 2 });
  port = Number(new URL(server.url).port);
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const r = await send({ path: PROBE_PATH, headers: [['Accept', 'text/turtle']] });
    expect(r.status).toBe(200);
    times.push(r.ms);
  }
  times.sort((a, b) => a - b);
  baselineMs = times[Math.floor(times.length / 2)] ?? 0;
  prober = (async () => {
    while (probing) {
      const r = await send({ path: PROBE_PATH, headers: [['Accept', 'text/turtle']] });
      probe.push({ ms: r.ms, status: r.status, during: phase });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
});

afterAll(async () => {
  probing = false;
  await prober;
  await server?.close();
  const rows = summarize(outcomes);
  const sorted = probe.map((p) => p.ms).sort((a, b) => a - b);
  const probeStats = {
    path: PROBE_PATH,
    requests: probe.length,
    baselineMedianMs: Math.round(baselineMs * 10) / 10,
    medianMs: Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 10) / 10,
    p95Ms: Math.round((sorted[Math.floor(sorted.length * 0.95)] ?? 0) * 10) / 10,
    maxMs: Math.round((sorted[sorted.length - 1] ?? 0) * 10) / 10,
    limitMs: PROBE_LIMIT_MS,
  };
  process.stdout.write(
    `${formatTable(`hostile input against the server (seed ${SEED}, query time limit ${QUERY_TIMEOUT_MS} ms, 2 workers)`, rows)}` +
      `probe GET ${PROBE_PATH}: ${probeStats.requests} requests, baseline median ${probeStats.baselineMedianMs} ms, median ${probeStats.medianMs} ms, p95 ${probeStats.p95Ms} ms, max ${probeStats.maxMs} ms\n`,
  );
  writeSummarySection('server', { seed: SEED, queryTimeoutMs: QUERY_TIMEOUT_MS, workers: 2, categories: rows, total: outcomes.length, probe: probeStats });
});

describe('hostile input against the server', () => {
  it('malformed percent-encoding in paths and query strings: 4xx (or the page when the escape is valid)', async () => {
    const inputs = percentEncodingInputs();
    const problems = await runAll('percent-encoding', inputs, { allow2xx: true });
    expect(problems).toEqual([]);
    const bad = outcomes.filter((o) => o.category === 'percent-encoding' && o.label.startsWith('path ') && /%(zz|E0%A4%A$|C0%AE|G1|$)/i.test(o.label));
    expect(bad.length).toBeGreaterThan(3);
    for (const o of bad) expect(o.outcome, o.label).toMatch(/^4\d\d$/);
    await expectAlive();
  });

  it('malformed bodies: 4xx, never a 500', async () => {
    const problems = await runAll('malformed-body', malformedBodyInputs(), { allow2xx: true });
    expect(problems).toEqual([]);
    expect(outcomes.filter((o) => o.category === 'malformed-body' && o.outcome === '500')).toEqual([]);
    await expectAlive();
  });

  it('absent and wrong content types: 415 (403 for an update, 200 for the type in capitals or a first charset UTF-8)', async () => {
    const problems = await runAll('content-type', contentTypeInputs(), { allow2xx: true });
    expect(problems).toEqual([]);
    for (const o of outcomes.filter((x) => x.category === 'content-type')) {
      if (o.label.includes('sparql-update')) expect(o.outcome, o.label).toBe('403');
      else if (o.label.includes('APPLICATION/SPARQL-QUERY')) expect(o.outcome, o.label).toBe('200');
      // Two charset parameters: the first (UTF-8) is read.
      else if (o.label.includes('charset=UTF-8;charset')) expect(o.outcome, o.label).toMatch(/^(200|415)$/);
      else expect(o.outcome, o.label).toMatch(/^4(15|00|31)$/);
    }
    await expectAlive();
  });

  it('absurd Accept headers: a representation, 406 or 431 (504 when a query meets the time limit), never a 500', async () => {
    const problems = await runAll('accept', acceptInputs(), { allow2xx: true });
    expect(problems).toEqual([]);
    for (const o of outcomes.filter((x) => x.category === 'accept')) expect(o.outcome, o.label).toMatch(/^(200|404|406|431|504)$/);
    await expectAlive();
  });

  it('path traversal on /download/, /doc/, /id/, /static/ and /ontology: 4xx, never a file outside the dataset', async () => {
    const inputs = traversalInputs();
    const problems = await runAll('path-traversal', inputs, { allow2xx: false });
    expect(problems).toEqual([]);
    await expectAlive();
  });

  it('oversized bodies, headers and URLs: 413, 431 or 414', async () => {
    const problems = await runAll('oversized', oversizedInputs(), { allow2xx: true, concurrency: 2 });
    expect(problems).toEqual([]);
    await expectAlive();
  });

  it('huge (~1 MB) and deeply nested (5,000 levels) queries: 4xx or a clean 500, and the pool replaces a dead worker', async () => {
    const problems = await runAll('huge-and-nested', hugeAndNestedInputs(), { allow2xx: true, concurrency: 2 });
    expect(problems).toEqual([]);
    // Bracket nesting is refused before it reaches a worker.
    for (const o of outcomes.filter((x) => x.category === 'huge-and-nested' && /nested (braces|parentheses|brackets|optional|not-exists) ×(5000|1000|300)/.test(x.label))) {
      expect(o.outcome, o.label).toBe('400');
    }
    await expectAlive();
  }, 120_000);

  it('a few hundred random SPARQL strings (seeded): answers, never a crash', async () => {
    const rng = createPrng(SEED);
    const inputs = Array.from({ length: 200 }, (_, i) => {
      const query = randomSparql(rng);
      return { label: `random #${i} ${JSON.stringify(query.slice(0, 60))}`, request: sparqlRequest(query, i, rng) };
    });
    const problems = await runAll('random-sparql', inputs, { allow2xx: true });
    expect(problems).toEqual([]);
    await expectAlive();
  }, 120_000);

  it('mutated valid queries (seeded deletions, insertions, swaps, flips, truncations): answers, never a crash', async () => {
    const rng = createPrng(SEED + 1);
    const inputs = Array.from({ length: 300 }, (_, i) => {
      const query = mutatedSparql(rng);
      return { label: `mutated #${i} ${JSON.stringify(query.slice(0, 60))}`, request: sparqlRequest(query, i, rng) };
    });
    const problems = await runAll('mutated-sparql', inputs, { allow2xx: true });
    expect(problems).toEqual([]);
    await expectAlive();
  }, 120_000);

  it('more slow queries at once than workers and queue hold: 503 or 504 for each, clients that give up are dropped, no hang', async () => {
    phase = 'concurrent-slow';
    const body = SLOW_QUERY;
    const request: RawRequest = { method: 'POST', path: '/sparql', headers: [['Content-Type', 'application/sparql-query'], ['Accept', 'application/sparql-results+json']], body };
    const burst = Array.from({ length: 80 }, () => send(request, { timeoutMs: 90_000 }));
    const abandoned = Array.from({ length: 10 }, () => send(request, { abortAfterMs: 150 }));
    const [answers, gaveUp] = await Promise.all([Promise.all(burst), Promise.all(abandoned)]);
    const problems: string[] = [];
    answers.forEach((r, i) => {
      outcomes.push({ category: 'concurrent-slow', label: `slow #${i}`, outcome: String(r.status), ms: r.ms });
      const problem = problemOf({ label: `slow #${i}`, expect: [503, 504] }, r, false);
      if (problem !== undefined) problems.push(`slow #${i}: ${problem}`);
    });
    gaveUp.forEach((r, i) => outcomes.push({ category: 'concurrent-slow', label: `abandoned #${i}`, outcome: r.status === 0 ? 'client-gave-up' : String(r.status), ms: r.ms }));
    expect(problems).toEqual([]);
    const statuses = new Set(answers.map((r) => r.status));
    expect(statuses.has(503), 'some were refused: queue full').toBe(true);
    expect(statuses.has(504), 'some were stopped at the time limit').toBe(true);
    const refused = answers.find((r) => r.status === 503);
    expect(refused?.headers.get('retry-after')).toBe('1');
    await expectAlive();
  }, 180_000);

  it('a simple GET /doc/… kept answering quickly throughout', () => {
    expect(probe.length).toBeGreaterThan(20);
    const failed = probe.filter((p) => p.status !== 200);
    expect(failed).toEqual([]);
    const slow = probe.filter((p) => p.ms > PROBE_LIMIT_MS).map((p) => `${Math.round(p.ms)} ms during ${p.during}`);
    expect(slow, `baseline median ${baselineMs.toFixed(1)} ms`).toEqual([]);
  });
});
