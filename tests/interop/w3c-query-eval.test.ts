// The W3C SPARQL 1.1 test suite run through our HTTP endpoint, one `it` per category: every failure
// must be a documented known failure (tests/interop/w3c/known-failures.ts), every skip has a reason,
// and each category passes at least as many tests as measured. Prints a table; writes
// tests/artifacts/w3c/results.json, and tests/interop/W3C-RESULTS.md when W3C_WRITE_SUMMARY=1.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { KNOWN_FAILURES, MIN_PASSED, NUMERIC_FORMS } from './w3c/known-failures.js';
import { hasCategory, listCategories, W3C_SPARQL11_DIR } from './w3c/manifest.js';
import { ENGINE_CONFIRMED, LEXICAL_ONLY, READ_ONLY_REASON, runCategory, SKIPPED_CATEGORIES } from './w3c/run-category.js';
import type { CategoryOutcome } from './w3c/run-category.js';
import { formatConsoleTable, formatMarkdown } from './w3c/write-summary.js';
import { compareResults } from './w3c/compare-results.js';
import { createDirectEngine } from './w3c/direct-engine.js';
import { parseCsv, parseSrj, parseSrx, parseTsv } from './w3c/result-parsers.js';
import { asCsvStrings, parseAnswer } from './w3c/run-category.js';
import { startTestEndpoint } from './w3c/test-endpoint.js';

const SUITE_PRESENT = existsSync(`${W3C_SPARQL11_DIR}/manifest-all.ttl`);
const CATEGORIES = SUITE_PRESENT ? listCategories().filter(hasCategory) : [];
const UPDATE_CATEGORIES = new Set(['add', 'basic-update', 'clear', 'copy', 'delete-data', 'delete-insert', 'delete-where', 'delete', 'drop', 'move', 'syntax-update-1', 'syntax-update-2', 'update-silent']);
const ARTIFACTS = new URL('../artifacts/w3c/', import.meta.url);
const SUMMARY = new URL('./W3C-RESULTS.md', import.meta.url);

function engineName(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../node_modules/oxigraph/package.json', import.meta.url), 'utf8')) as { version?: string };
  return `Oxigraph ${pkg.version ?? '?'} (npm \`oxigraph\`, WASM) in worker threads`;
}

describe.skipIf(!SUITE_PRESENT)(`W3C SPARQL 1.1 suite through /sparql (${W3C_SPARQL11_DIR})`, () => {
  const results = new Map<string, CategoryOutcome>();

  afterAll(() => {
    const ran = CATEGORIES.flatMap((c) => results.get(c) ?? []);
    if (ran.length === 0) return;
    console.log(`W3C SPARQL 1.1 results through /sparql:\n${formatConsoleTable(ran)}`);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(new URL('results.json', ARTIFACTS), `${JSON.stringify(ran, null, 1)}\n`);
    if (process.env['W3C_WRITE_SUMMARY'] === '1') {
      if (ran.length === CATEGORIES.length) writeFileSync(SUMMARY, formatMarkdown(ran, KNOWN_FAILURES, SKIPPED_CATEGORIES, engineName()));
      else console.warn(`W3C_WRITE_SUMMARY=1 ignored: only ${ran.length} of ${CATEGORIES.length} categories ran`);
    }
  });

  it('finds the query categories in the suite', () => {
    for (const c of ['aggregates', 'bind', 'bindings', 'cast', 'construct', 'csv-tsv-res', 'exists', 'functions', 'grouping', 'json-res', 'negation', 'project-expression', 'property-path', 'subquery', 'syntax-query']) {
      expect(CATEGORIES).toContain(c);
    }
  });

  for (const category of CATEGORIES) {
    it(category, async () => {
      const outcome = await runCategory(category);
      results.set(category, outcome);
      const failed = outcome.outcomes.filter((o) => o.status === 'failed');
      const passed = outcome.outcomes.filter((o) => o.status === 'passed').length;
      // Every failure is documented, with its reason, and every documented failure still fails.
      expect(failed.filter((o) => KNOWN_FAILURES[`${category}/${o.id}`] === undefined).map((o) => `${o.id}: ${o.reason}`)).toEqual([]);
      const listed = Object.keys(KNOWN_FAILURES).filter((k) => k.startsWith(`${category}/`));
      expect(listed.filter((k) => !failed.some((o) => `${category}/${o.id}` === k)), 'known failures that now pass: remove them from known-failures.ts').toEqual([]);
      // Each known failure is the engine's: Oxigraph alone, without our router, pool and writers, fails it too.
      expect(failed.filter((o) => !o.reason.includes(ENGINE_CONFIRMED)).map((o) => `${o.id}: ${o.reason}`)).toEqual([]);
      // Failures put down to numeric lexical forms are equal by value in every format that keeps
      // datatypes (CSV does not: its cells are bare strings).
      for (const o of failed.filter((f) => KNOWN_FAILURES[`${category}/${f.id}`] === NUMERIC_FORMS)) {
        const typed = o.reason.split(' || ').filter((part) => /^[a-z]+\/[a-z+-]+: /.test(part) && !part.startsWith('text/csv:'));
        expect(typed.length, o.id).toBeGreaterThan(0);
        for (const part of typed) expect(part, o.id).toContain(LEXICAL_ONLY);
      }
      // Every skip states a reason.
      expect(outcome.outcomes.filter((o) => o.status === 'skipped' && o.reason.trim() === '')).toEqual([]);
      // The regression gate.
      expect(passed).toBeGreaterThanOrEqual(MIN_PASSED[category] ?? 0);
      if (SKIPPED_CATEGORIES[category] !== undefined) {
        expect(outcome.outcomes.every((o) => o.status === 'skipped')).toBe(true);
      }
      if (UPDATE_CATEGORIES.has(category)) {
        // Read-only: every update request was refused with 403 (anything else is a failure above).
        expect(outcome.outcomes.length).toBeGreaterThan(0);
        expect(outcome.outcomes.every((o) => o.status === 'skipped' && o.reason === READ_ONLY_REASON)).toBe(true);
      }
    }, 120_000);
  }
});

// Beyond the suite: literals the suite's data lacks, through every results format, compared with
// what Oxigraph alone answers (so that only our router, pool and writers are under test).
describe('awkward terms through every results format', () => {
  const G = 'http://example/g';
  const NQUADS = [
    '_:a <http://example/p> "carriage\\r\\nreturn\\rhere" <http://example/g> .',
    '_:a <http://example/p> "tab\\there, quote \\" and \\\\ backslash" <http://example/g> .',
    '_:b <http://example/p> "<tag>&amp; \\u0026" <http://example/g> .',
    '_:b <http://example/p> "family \\U0001F46A outside the BMP" <http://example/g> .',
    '<http://example/\\u00E9?a=1&b=2> <http://example/p> "chat"@fr-CA <http://example/g> .',
    '<http://example/s> <http://example/p> "" <http://example/g> .',
    '<http://example/s> <http://example/p> "  spaces around  " <http://example/g> .',
    '<http://example/s> <http://example/p> "x"^^<http://example/dt> <http://example/g> .',
    '<http://example/s> <http://example/p> "line one\\nline two" <http://example/g> .',
    '<http://example/s> <http://example/p> _:a <http://example/g> .',
  ].join('\n');
  const QUERY = 'SELECT ?s ?o WHERE { ?s <http://example/p> ?o }';
  const FORMATS = [
    ['application/sparql-results+xml', parseSrx],
    ['application/sparql-results+json', parseSrj],
    ['text/tab-separated-values', parseTsv],
    ['text/csv', parseCsv],
  ] as const;

  it.each(FORMATS)('%s gives the same solutions as Oxigraph alone', async (accept, parse) => {
    const endpoint = await startTestEndpoint(NQUADS, 'http://example/');
    try {
      const expected = createDirectEngine(NQUADS, 'http://example/').answer(QUERY, { defaultGraphs: [G], namedGraphs: [] });
      if ('error' in expected) throw new Error(expected.error);
      expect(expected.kind === 'solutions' && expected.solutions.length).toBe(10);
      const url = `${endpoint.url}?${new URLSearchParams({ query: QUERY, 'default-graph-uri': G }).toString()}`;
      const response = await fetch(url, { headers: { accept } });
      expect(response.status).toBe(200);
      const actual = parse(await response.text());
      expect(compareResults(actual, accept === 'text/csv' ? asCsvStrings(expected) : expected)).toEqual({ ok: true });
    } finally {
      await endpoint.close();
    }
  });

  it('answers a literal XML cannot carry (U+0007) in JSON, and refuses XML with a message saying why', async () => {
    const endpoint = await startTestEndpoint('<http://example/s> <http://example/p> "bell \\u0007 here" .\n', 'http://example/');
    try {
      const url = `${endpoint.url}?${new URLSearchParams({ query: 'SELECT ?o { ?s ?p ?o }' }).toString()}`;
      const xml = await fetch(url, { headers: { accept: 'application/sparql-results+xml' } });
      expect(xml.status).toBe(400);
      expect(await xml.text()).toMatch(/U\+0007.*application\/sparql-results\+json/);
      const json = await fetch(url, { headers: { accept: 'application/sparql-results+json' } });
      expect(json.status).toBe(200);
      const result = parseSrj(await json.text());
      expect(result.kind === 'solutions' && result.solutions[0]?.get('o')?.value).toBe('bell \u0007 here');
    } finally {
      await endpoint.close();
    }
  });

  const CONSTRUCT = 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }';
  it.each(['text/turtle', 'application/n-triples', 'application/n-quads', 'application/trig', 'application/rdf+xml', 'application/ld+json'])(
    'CONSTRUCT as %s gives a graph isomorphic to what Oxigraph alone builds',
    async (accept) => {
      const endpoint = await startTestEndpoint(NQUADS, 'http://example/');
      try {
        const expected = createDirectEngine(NQUADS, 'http://example/').answer(CONSTRUCT, { defaultGraphs: [G], namedGraphs: [] });
        if ('error' in expected) throw new Error(expected.error);
        expect(expected.kind === 'graph' && expected.quads.length).toBe(10);
        const url = `${endpoint.url}?${new URLSearchParams({ query: CONSTRUCT, 'default-graph-uri': G }).toString()}`;
        const response = await fetch(url, { headers: { accept } });
        const body = await response.text();
        expect(response.status, body).toBe(200);
        const actual = await parseAnswer({ status: response.status, contentType: response.headers.get('content-type') ?? '', body }, 'http://example/');
        expect(compareResults(actual, expected)).toEqual({ ok: true });
      } finally {
        await endpoint.close();
      }
    },
  );
});
