// Hostile telegram files against the transformer: mutated, truncated, binary and degenerate inputs
// go through decoding, extraction and graph building in-process (decodeTelegram, extractTelegram,
// buildGraph), and a sample through the CLI (`cablegraph extract`, and `build` with SHACL). Each
// must give a clear one-line error (a PublisherError naming the file) or a graph with a report:
// never a crash, never a stack trace, never a span outside the text, and in bounded time.

import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { PublisherError } from '../../src/errors.js';
import { compileExtractors, extractTelegram, type Extractors } from '../../src/extract/extract-telegram.js';
import { buildGraph } from '../../src/graph/to-quads.js';
import { decodeTelegram, DEFAULT_MAX_TELEGRAM_BYTES, loadRawInputs } from '../../src/load-inputs.js';
import { createPrng } from './hostile/prng.js';
import { formatTable, summarize, writeSummarySection, type Outcome } from './hostile/summary.js';
import { binaryTelegrams, degenerateTelegrams, mutatedTelegrams, truncatedTelegrams, type TelegramInput } from './hostile/telegram-inputs.js';

const SEED = 19_501_007;
const ORIGINAL = 'data/telegrams/1950-10-07-roshchin-to-filippov.txt';
const BASE = 'http://localhost:3000/';
/**
 * Per input, generous for a loaded 2-core machine: the first telegram takes under a second, and
 * the largest input here (a 600 kB line) about 4 s. Work that grows with the square of a line's
 * length blows it (a 60 kB word, 60,000 open brackets).
 */
const LIMIT_MS = 10_000;
const STACK = /^\s*at .*(:\d+:\d+\)?|<anonymous>)\s*$/m;

let extractors: Extractors;
let original: Buffer;
let dir: string;
const outcomes: Outcome[] = [];

interface Run {
  readonly outcome: string;
  readonly ms: number;
  readonly problem?: string;
  readonly triples?: number;
  readonly reportItems?: number;
}

/** Every {start, end} pair anywhere in `value` that is not inside [0, length]. */
function spansOutside(value: unknown, length: number, seen = new Set<unknown>()): string[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const out: string[] = [];
  const o = value as Record<string, unknown>;
  if (typeof o['start'] === 'number' && typeof o['end'] === 'number') {
    const { start, end } = o as { start: number; end: number };
    if (!(start >= 0 && start <= end && end <= length)) out.push(`[${start}, ${end})`);
  }
  for (const v of Array.isArray(value) ? value : Object.values(o)) out.push(...spansOutside(v, length, seen));
  return out;
}

/** Decodes, extracts and builds the graph of one input; classifies what happened. */
function runPipeline(input: TelegramInput, file: string): Run {
  const started = performance.now();
  const ms = () => performance.now() - started;
  let text: string;
  try {
    text = decodeTelegram(input.bytes, file);
  } catch (error) {
    return classifyError(error, file, ms());
  }
  try {
    const result = extractTelegram({ slug: 'hostile', file, text }, extractors);
    const quads = buildGraph([result], { base: BASE });
    const outside = spansOutside(result, text.length);
    const problem = outside.length > 0 ? `spans outside the text (length ${text.length}): ${outside.slice(0, 5).join(', ')}` : undefined;
    return { outcome: 'graph', ms: ms(), triples: quads.length, reportItems: result.report.length, ...(problem !== undefined ? { problem } : {}) };
  } catch (error) {
    return classifyError(error, file, ms());
  }
}

function classifyError(error: unknown, file: string, ms: number): Run {
  if (!(error instanceof PublisherError)) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { outcome: `crash:${e.name}`, ms, problem: `crash (${e.name}): ${e.message.split('\n')[0] ?? ''} ${e.stack?.split('\n')[1]?.trim() ?? ''}` };
  }
  const lines = error.message.split('\n');
  const problem = lines.length > 1 ? `a ${lines.length}-line message` : !error.message.includes(file) ? `the message does not name the file: ${error.message}` : undefined;
  return { outcome: `error:${error.code}`, ms, ...(problem !== undefined ? { problem } : {}) };
}

async function runCategory(category: string, inputs: readonly TelegramInput[]): Promise<string[]> {
  const problems: string[] = [];
  for (const [i, input] of inputs.entries()) {
    const file = join(dir, `${category}-${i}.txt`);
    const run = runPipeline(input, file);
    outcomes.push({ category, label: input.label, outcome: run.outcome, ms: run.ms });
    if (run.problem !== undefined) problems.push(`${input.label}: ${run.problem}`);
    if (run.ms > LIMIT_MS) problems.push(`${input.label}: took ${Math.round(run.ms)} ms`);
    // Let the event loop breathe between inputs (vitest's worker heartbeat).
    await new Promise((r) => setImmediate(r));
  }
  return problems;
}

/** Runs the CLI in-process and captures its output. */
async function cli(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  extractors = compileExtractors(await loadRawInputs('data'));
  original = await readFile(ORIGINAL);
  dir = await mkdtemp(join(tmpdir(), 'cablegraph-hostile-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  const rows = summarize(outcomes);
  process.stdout.write(formatTable(`hostile telegram files against the transformer (seed ${SEED})`, rows));
  writeSummarySection('transformer', { seed: SEED, categories: rows, total: outcomes.length });
});

describe('hostile telegram files against the transformer', () => {
  it('the original gives a graph (the baseline the mutations start from)', () => {
    const run = runPipeline({ category: 'mutated', label: 'original', bytes: original }, ORIGINAL);
    expect(run.outcome).toBe('graph');
    expect(run.triples).toBeGreaterThan(1000);
  });

  it('mutated files (byte flips, shuffled, deleted, repeated and inserted lines): a graph with a report or a one-line error', async () => {
    const inputs = mutatedTelegrams(original, createPrng(SEED));
    expect(inputs.length).toBeGreaterThan(100);
    expect(await runCategory('mutated', inputs)).toEqual([]);
    // A high byte makes invalid UTF-8 more often than not: those are errors with line and column.
    const highByte = outcomes.filter((o) => o.category === 'mutated' && o.label.startsWith('one high byte'));
    expect(highByte.some((o) => o.outcome === 'error:invalid-utf8')).toBe(true);
  }, 300_000);

  it('truncated files (every 128 bytes, inside a multi-byte character): a graph or a one-line error', async () => {
    const inputs = truncatedTelegrams(original, 128);
    expect(await runCategory('truncated', inputs)).toEqual([]);
    const cut = outcomes.find((o) => o.category === 'truncated' && o.label.startsWith('cut inside'));
    expect(cut).toBeDefined();
    expect(cut?.outcome).toBe('error:invalid-utf8');
  }, 300_000);

  it('binary files (random bytes, NULs, invalid UTF-8, PNG, UTF-16, empty): a one-line error naming the file', async () => {
    const inputs = binaryTelegrams(createPrng(SEED + 1));
    expect(await runCategory('binary', inputs)).toEqual([]);
    for (const o of outcomes.filter((x) => x.category === 'binary')) expect(o.outcome, o.label).toMatch(/^error:/);
  }, 300_000);

  it('degenerate text (very long lines, no newlines, only digits, odd line endings): a graph with a report or a one-line error, in bounded time', async () => {
    const inputs = degenerateTelegrams(original, DEFAULT_MAX_TELEGRAM_BYTES);
    expect(await runCategory('degenerate', inputs)).toEqual([]);
    const over = outcomes.find((o) => o.category === 'degenerate' && o.label.startsWith('over the size limit'));
    expect(over?.outcome).toBe('error:too-large');
  }, 600_000);

  it('through the CLI: `extract` exits 0 with N-Triples and a report, or 1 with one line "cablegraph: …", never a stack', async () => {
    const rng = createPrng(SEED + 2);
    const sample = [
      ...mutatedTelegrams(original, rng).filter((_, i) => i % 20 === 0),
      ...truncatedTelegrams(original, 1000),
      ...binaryTelegrams(rng).filter((_, i) => i % 3 === 0),
      ...degenerateTelegrams(original, DEFAULT_MAX_TELEGRAM_BYTES).filter((i) => i.bytes.length < 20_000 || i.label.startsWith('over the size limit')),
    ];
    const problems: string[] = [];
    for (const [i, input] of sample.entries()) {
      const file = join(dir, `cli-${i}.txt`);
      await writeFile(file, input.bytes);
      const started = performance.now();
      const r = await cli(['extract', file, '--data', 'data', '--format', 'nt']);
      outcomes.push({ category: 'cli-extract', label: input.label, outcome: `exit ${r.code}`, ms: performance.now() - started });
      const where = `${input.label}: exit ${r.code}`;
      if (STACK.test(r.stderr) || STACK.test(r.stdout)) problems.push(`${where}: a stack trace`);
      if (r.stderr.includes('internal error')) problems.push(`${where}: ${r.stderr.trim()}`);
      if (r.code === 1) {
        if (!/^cablegraph: [^\n]+\n$/.test(r.stderr)) problems.push(`${where}: stderr is not one line "cablegraph: …": ${JSON.stringify(r.stderr.slice(0, 300))}`);
      } else if (r.code === 0) {
        try {
          new Parser({ format: 'application/n-triples' }).parse(r.stdout);
        } catch (error) {
          problems.push(`${where}: stdout is not N-Triples: ${(error as Error).message}`);
        }
        if (r.stderr.trim() === '') problems.push(`${where}: no report on stderr`);
      } else problems.push(`${where}: unexpected exit code`);
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('through the CLI: `build` (with SHACL) of a data folder holding one hostile telegram succeeds or fails with a readable message', async () => {
    const rng = createPrng(SEED + 3);
    const sample: TelegramInput[] = [
      ...mutatedTelegrams(original, rng).filter((_, i) => i % 40 === 5),
      ...truncatedTelegrams(original, 1600),
      { category: 'degenerate', label: 'only digits', bytes: Buffer.from('1234567890\n'.repeat(100)) },
      { category: 'binary', label: 'PNG header', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]) },
    ];
    const problems: string[] = [];
    for (const [i, input] of sample.entries()) {
      const data = join(dir, `data-${i}`);
      await mkdir(join(data, 'telegrams'), { recursive: true });
      for (const name of ['authorities', 'lexicon', 'dataset.yaml']) await symlink(resolve('data', name), join(data, name));
      await writeFile(join(data, 'telegrams', `1950-01-01-hostile-${i}.txt`), input.bytes);
      const started = performance.now();
      const r = await cli(['build', '--data', data, '--out', join(dir, `out-${i}`)]);
      outcomes.push({ category: 'cli-build', label: input.label, outcome: `exit ${r.code}`, ms: performance.now() - started });
      const where = `${input.label}: exit ${r.code}`;
      if (STACK.test(r.stderr) || STACK.test(r.stdout)) problems.push(`${where}: a stack trace`);
      if (r.stderr.includes('internal error')) problems.push(`${where}: ${r.stderr.trim()}`);
      if (r.code === 1 && !/^cablegraph: [^\n]+\n/.test(r.stderr)) problems.push(`${where}: stderr does not start with "cablegraph: …": ${JSON.stringify(r.stderr.slice(0, 300))}`);
      if (r.code === 0 && !/report item/.test(r.stdout)) problems.push(`${where}: no build report`);
      if (r.code !== 0 && r.code !== 1) problems.push(`${where}: unexpected exit code`);
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
