// **run** takes flags (--telegrams N, --seed S, --repeat R, --json FILE) and prints the transform
// benchmark: throughput in telegrams/s of a reference pass (segmenting the texts), of the extract
// stage and of the full build (extract + graph + validate + canonicalize + serialize), as ratios
// against the reference, with peak memory. One function per measurement, so others can add theirs.

import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compileExtractors, extractTelegram } from '../src/extract/extract-telegram.js';
import type { RawInputs } from '../src/extract/inputs.js';
import { loadRawInputs } from '../src/load-inputs.js';
import { buildDataset } from '../src/publish/build-dataset.js';
import { defaultStages } from '../src/publish/default-stages.js';
import { readOntologyFile } from '../src/publish/ontology-files.js';
import { segmentText } from '../src/text/segment.js';
import { generateCorpus, type SyntheticCorpus } from './corpus.js';

/** One measured stage. */
export interface Measurement {
  readonly name: string;
  readonly telegrams: number;
  /** Median wall time over the repetitions, in milliseconds. */
  readonly ms: number;
  readonly telegramsPerSecond: number;
  /** Peak resident set size of the process after this measurement, in MB. */
  readonly peakRssMb: number;
  /** Heap in use right after the measurement, in MB. */
  readonly heapUsedMb: number;
  readonly extra?: Readonly<Record<string, number | string>>;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Runs `fn` `repeat` times and returns the median wall time in ms and the last result. */
async function timed<T>(repeat: number, fn: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    result = await fn();
    times.push(performance.now() - start);
  }
  if (result === undefined) throw new Error('repeat must be at least 1');
  return { ms: median(times), result };
}

function measurement(name: string, telegrams: number, ms: number, extra?: Record<string, number | string>): Measurement {
  const mem = process.memoryUsage();
  return {
    name,
    telegrams,
    ms,
    telegramsPerSecond: telegrams / (ms / 1000),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapUsedMb: mem.heapUsed / (1024 * 1024),
    ...(extra ? { extra } : {}),
  };
}

/** Reference: split every text into segments (what any parser must at least do). */
export async function measureSegment(corpus: SyntheticCorpus, repeat: number): Promise<Measurement> {
  const { ms, result } = await timed(repeat, () => corpus.telegrams.reduce((n, t) => n + segmentText(t.text).length, 0));
  return measurement('reference: segment texts', corpus.telegrams.length, ms, { segments: result });
}

/** The extract stage: compile the lexicons and authorities once, extract every telegram. */
export async function measureExtract(corpus: SyntheticCorpus, raw: RawInputs, repeat: number): Promise<Measurement> {
  const { ms, result } = await timed(repeat, () => {
    const x = compileExtractors(raw);
    return corpus.telegrams.map((t) => extractTelegram(t, x));
  });
  const count = (f: (r: (typeof result)[number]) => number) => result.reduce((n, r) => n + f(r), 0);
  return measurement('extract', corpus.telegrams.length, ms, {
    mentions: count((r) => r.mentions.length),
    quantities: count((r) => r.quantities.length),
    claims: count((r) => r.claims.length),
    events: count((r) => r.events.length),
    'report-items': count((r) => r.report.length),
  });
}

/** The full build in memory: extract + graph + SHACL + canonicalize + every serialization. */
export async function measureFullBuild(corpus: SyntheticCorpus, raw: RawInputs, repeat: number): Promise<Measurement> {
  const shapes = readOntologyFile('shapes.ttl');
  const { ms, result } = await timed(repeat, () =>
    buildDataset({ raw, telegrams: corpus.telegrams, shapes }, { base: 'http://localhost:3000/', stages: defaultStages(), software: { name: 'cablegraph', version: 'bench' } }),
  );
  return measurement('full build (extract+graph+validate+serialize)', corpus.telegrams.length, ms, {
    triples: result.report.totals['triples'] ?? 0,
    quads: result.quads.length,
    'output MB': Number((result.files.reduce((n, f) => n + Buffer.byteLength(f.content, 'utf8'), 0) / (1024 * 1024)).toFixed(1)),
  });
}

/** The lexicons and authorities of data/, plus the corpus's synthetic authorities (when the data has none of its own format to follow, these are used as they are). */
export async function benchInputs(corpus: SyntheticCorpus, dataDir: string): Promise<{ raw: RawInputs; note: string }> {
  const real = await loadRawInputs(dataDir);
  const withSynthetic: RawInputs = { lexicon: real.lexicon, authorities: [...real.authorities, ...corpus.authorities] };
  try {
    compileExtractors(withSynthetic);
    return { raw: withSynthetic, note: `${corpus.authorities.length} synthetic authority entries added` };
  } catch (error) {
    compileExtractors(real);
    return { raw: real, note: `synthetic authorities rejected by the extractors (${(error as Error).message.split('\n')[0] ?? ''}); names stay unresolved` };
  }
}

function formatTable(results: readonly Measurement[], reference: Measurement): string {
  const rows = [['stage', 'telegrams', 'median ms', 'telegrams/s', 'x reference', 'peak RSS MB', 'heap MB', 'details']];
  for (const m of results) {
    rows.push([
      m.name,
      String(m.telegrams),
      m.ms.toFixed(1),
      m.telegramsPerSecond.toFixed(0),
      (reference.telegramsPerSecond / m.telegramsPerSecond).toFixed(1),
      m.peakRssMb.toFixed(0),
      m.heapUsedMb.toFixed(0),
      Object.entries(m.extra ?? {}).map(([k, v]) => `${k} ${v}`).join(', '),
    ]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => (i === 0 || i === 7 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd()).join('\n');
}

/** Runs every measurement and prints the table; returns the measurements. */
export async function runTransformBenchmark(options: { telegrams: number; seed: number; repeat: number; data: string }): Promise<Measurement[]> {
  const corpus = generateCorpus({ count: options.telegrams, seed: options.seed });
  const { raw, note } = await benchInputs(corpus, options.data);
  // Warm up the JIT and the module caches on a small slice, then measure.
  const warm: SyntheticCorpus = { ...corpus, telegrams: corpus.telegrams.slice(0, Math.min(20, corpus.telegrams.length)) };
  await measureExtract(warm, raw, 1);
  await measureFullBuild(warm, raw, 1);

  const reference = await measureSegment(corpus, options.repeat);
  const extract = await measureExtract(corpus, raw, options.repeat);
  const full = await measureFullBuild(corpus, raw, Math.max(1, Math.min(options.repeat, 2)));
  const results = [reference, extract, full];
  console.log(`cablegraph transform benchmark: ${options.telegrams} synthetic telegrams (seed ${options.seed}), ${note}`);
  console.log(`node ${process.version}, ${process.platform}/${process.arch}; "x reference" = how many times slower than segmenting the texts\n`);
  console.log(formatTable(results, reference));
  return results;
}

async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      telegrams: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1950' },
      repeat: { type: 'string', default: '3' },
      data: { type: 'string', default: 'data' },
      json: { type: 'string' },
    },
  });
  const results = await runTransformBenchmark({
    telegrams: Number(values.telegrams),
    seed: Number(values.seed),
    repeat: Math.max(1, Number(values.repeat)),
    data: values.data,
  });
  if (values.json) {
    mkdirSync(dirname(values.json), { recursive: true });
    writeFileSync(values.json, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
    console.log(`\nresults written to ${values.json}`);
  }
}

function isEntryPoint(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) await cli();
