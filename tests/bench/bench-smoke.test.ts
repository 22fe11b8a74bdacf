// The quick benchmark's functions on a tiny corpus: every row of the report is there (no timings
// are asserted). Needs build/ (the server runs `build/src/cli.js serve` in a child process).
import { describe, expect, it } from 'vitest';
import { formatReport, parseBenchArgs, runBenchmark, type BenchResults } from '../../bench/run.js';

describe('bench (quick, tiny corpus)', () => {
  it('measures and reports every row', { timeout: 240_000 }, async () => {
    const { options } = parseBenchArgs(['--quick', '--telegrams', '12', '--load-seconds', '1', '--no-virtuoso']);
    expect(options).toMatchObject({ telegrams: 12, loadSeconds: 1, virtuoso: false, serverSizes: [12, 12, 12] });
    const results: BenchResults = await runBenchmark({ ...options, seriesBudgetMs: 50, log: () => undefined });
    const report = formatReport(results, 'npm run bench -- --quick');

    for (const stage of ['reference: segment texts', 'extract', 'full build (extract+graph+validate+serialize)']) expect(report).toContain(`| ${stage} | 12 |`);
    expect(results.servers).toHaveLength(1);
    expect(results.servers[0]?.triples).toBeGreaterThan(12 * 100);
    expect(report).toMatch(/^\| 12 \| \d+ \| [\d.]+ \| \d+ \|/m);
    for (const id of ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q6b']) {
      const row = results.queries.find((q) => q.id === id);
      expect(row?.ours?.size, id).toBeGreaterThan(0);
      expect(row?.ours?.size, `${id}: our /sparql and in-process Oxigraph agree`).toBe(row?.inProcess?.size);
      expect(report).toContain(`| ${id} `);
    }
    expect(report).toContain('Virtuoso: skipped (--no-virtuoso).');
    for (const name of ['(Turtle)', '(HTML)', 'Q1 through our /sparql', 'Q1 in-process Oxigraph']) {
      const row = results.load.find((l) => l.name.includes(name));
      expect(row?.result?.total, name).toBeGreaterThan(0);
      expect(row?.result?.failures, name).toBe(0);
    }
    // Header and separator lines, then: 3 build rows, 1 server, 7 queries, 4 load rows (no Virtuoso row).
    expect(report.split('\n').filter((l) => l.startsWith('| ')).length).toBe(2 + 3 + 2 + 1 + 2 + 7 + 2 + 4);
  });
});
