// **run** takes flags (--telegrams N, --quick, --seed S, --repeat R, --full-build-max N,
// --server-sizes A,B, --load-seconds S, --no-virtuoso, --start-timeout S, --out FILE, --json FILE) and runs the whole
// benchmark in one process: build throughput (segment reference, extract, full build) with peak
// memory; `cablegraph serve` start-up and memory at each size; Q1–Q6 latency through our /sparql
// beside in-process Oxigraph and Virtuoso; requests/s under a loopback load generator. It prints
// the Markdown report and writes it to bench/results/latest.md (--quick: quick.md). One function per measurement.

import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Store } from 'oxigraph';
import { compileExtractors, extractTelegram } from '../src/extract/extract-telegram.js';
import type { RawInputs } from '../src/extract/inputs.js';
import { loadRawInputs } from '../src/load-inputs.js';
import { buildDataset } from '../src/publish/build-dataset.js';
import { defaultStages } from '../src/publish/default-stages.js';
import { readOntologyFile } from '../src/publish/ontology-files.js';
import { loadNQuads } from '../src/serve/sparql/load-nquads.js';
import { segmentText } from '../src/text/segment.js';
import { generateCorpus, type SyntheticCorpus } from './corpus.js';
import { writeDataDir } from './data-dir.js';
import { countJsonRows, createHttpClient, sparqlGetUrl, timeSeries, type LatencyStats, type SeriesBudget } from './latency.js';
import { loadInProcess, loadUrl, type LoadResult } from './load-test.js';
import { benchQueries, PICK_ANY_PERSON, PICK_PERSON, PICK_SPEAKER, type BenchQuery, type QueryParameters } from './queries.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { bulkLoadNQuads, startVirtuoso, virtuosoMissing, type RunningVirtuoso } from './virtuoso.js';

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

/**
 * The lexicons and authorities of data/ plus the corpus's synthetic authorities, leaving out any
 * synthetic entry whose slug or surface forms data/ already has. Throws when the extractors refuse them.
 */
export async function benchInputs(corpus: SyntheticCorpus, dataDir: string): Promise<{ raw: RawInputs; note: string }> {
  const real = await loadRawInputs(dataDir);
  const taken = new Set<string>();
  for (const entry of real.authorities) {
    if (typeof entry !== 'object' || entry === null) continue;
    const e = entry as Record<string, unknown>;
    taken.add(`slug ${String(e['type'])}/${String(e['slug'])}`);
    for (const f of Array.isArray(e['surfaceForms']) ? e['surfaceForms'] : []) taken.add(`form ${String(f).toLowerCase()}`);
  }
  const synthetic = corpus.authorities.filter(
    (e) => !taken.has(`slug ${String(e['type'])}/${String(e['slug'])}`) && !(Array.isArray(e['surfaceForms']) ? e['surfaceForms'] : []).some((f) => taken.has(`form ${String(f).toLowerCase()}`)),
  );
  const raw: RawInputs = { lexicon: real.lexicon, authorities: [...real.authorities, ...synthetic] };
  compileExtractors(raw);
  return { raw, note: `${synthetic.length} synthetic authority entries added to data/'s ${real.authorities.length}` };
}

// ---------------------------------------------------------------------------------------------
// serving: start-up and memory, query latency beside in-process Oxigraph and Virtuoso, load

/** Start-up and memory of `cablegraph serve` at one corpus size. */
export interface ServerStart {
  readonly telegrams: number;
  readonly triples: number;
  readonly startMs: number;
  /** Resident memory of the server process right after it listens (workers included), in MB. */
  readonly rssMb: number;
  /** Why it did not start. */
  readonly note?: string;
}

/** Latency of one query in one engine (undefined fields: not measured, with the reason in `note`). */
export interface QueryTiming {
  readonly id: string;
  readonly label: string;
  readonly inProcess?: LatencyStats;
  readonly ours?: LatencyStats;
  readonly virtuoso?: LatencyStats;
  readonly note?: string;
}

/** One load-generator row. */
export interface LoadRow {
  readonly name: string;
  readonly result?: LoadResult;
  readonly note?: string;
}

/** Everything one run measured. */
export interface BenchResults {
  readonly options: BenchOptions;
  readonly corpusNote: string;
  readonly transform: readonly Measurement[];
  readonly servers: readonly ServerStart[];
  readonly queries: readonly QueryTiming[];
  readonly load: readonly LoadRow[];
  readonly virtuoso: { readonly startMs?: number; readonly loadMs?: number; readonly rssMb?: number; readonly triples?: number; readonly note?: string };
  readonly inProcessLoadMs?: number;
  readonly notes: readonly string[];
}

export interface BenchOptions {
  readonly telegrams: number;
  readonly seed: number;
  readonly repeat: number;
  readonly data: string;
  /** The full build is measured on at most this many telegrams (it is the slow stage). */
  readonly fullBuildMax: number;
  /** Corpus sizes the server is started at (the largest serves the query and load rows). */
  readonly serverSizes: readonly number[];
  /** Duration of each load-generator run, in seconds. */
  readonly loadSeconds: number;
  readonly connections: number;
  /** Time budget of each latency series, in ms. */
  readonly seriesBudgetMs: number;
  /** Longest wait for a server to start (build included), in ms. */
  readonly startTimeoutMs: number;
  /** False: skip Virtuoso (its column says so). */
  readonly virtuoso: boolean;
  /** Where the temp folders go (default os.tmpdir()). */
  readonly tmp?: string;
  /** Progress lines (default: stderr). */
  readonly log?: (line: string) => void;
}

const BASE = 'http://localhost:3000/';
const JSON_RESULTS = 'application/sparql-results+json';

/** Loads N-Quads into an in-memory Oxigraph store the way the query workers do (loadNQuads). */
export function loadOxigraph(nquads: string): { store: Store; ms: number } {
  const started = performance.now();
  const store = new Store();
  loadNQuads(store, Buffer.from(nquads, 'utf8'));
  return { store, ms: performance.now() - started };
}

/** Runs one query in-process as the server's worker does (union default graph, JSON results); returns rows. */
export function queryInProcess(store: Store, query: string): number {
  const text = store.query(query, { use_default_graph_as_union: true, base_iri: BASE, results_format: JSON_RESULTS });
  if (typeof text !== 'string') throw new Error('expected serialized results');
  const parsed = JSON.parse(text) as { results?: { bindings?: unknown[] } };
  return parsed.results?.bindings?.length ?? 1;
}

function firstIri(store: Store, query: string, variable: string): string | undefined {
  const text = store.query(query, { use_default_graph_as_union: true, results_format: JSON_RESULTS });
  const parsed = JSON.parse(String(text)) as { results: { bindings: Record<string, { value: string }>[] } };
  return parsed.results.bindings[0]?.[variable]?.value;
}

/** Picks the query parameters from the data (see PICK_PERSON, PICK_ANY_PERSON, PICK_SPEAKER). */
export function pickParameters(store: Store): QueryParameters {
  const person = firstIri(store, PICK_PERSON, 'p') ?? firstIri(store, PICK_ANY_PERSON, 'p');
  const speaker = firstIri(store, PICK_SPEAKER, 's');
  if (person === undefined || speaker === undefined) throw new Error('the data has no mentioned person or no claim to query');
  return { person, speaker, threshold: 100 };
}

/** Starts `cablegraph serve` over the first `count` telegrams and reads its start-up time and memory. */
export async function measureServerStart(corpus: SyntheticCorpus, raw: RawInputs, count: number, options: BenchOptions, dir: string): Promise<{ start: ServerStart; server: ServerProcess }> {
  writeDataDir(dir, corpus.telegrams.slice(0, count), raw, options.data);
  const server = await startServerProcess({ dataDir: dir, startTimeoutMs: options.startTimeoutMs, args: ['--query-timeout', '300s', '--max-results', '1000000'] });
  await new Promise((r) => setTimeout(r, 500));
  const { rssMb } = server.memory();
  return { start: { telegrams: count, triples: server.triples, startMs: server.startMs, rssMb }, server };
}

function budget(options: BenchOptions): SeriesBudget {
  return { minRuns: 3, maxRuns: 1000, budgetMs: options.seriesBudgetMs, warmup: 20 };
}

/** Median and p95 of every query run in-process on the store. */
export async function measureInProcessQueries(store: Store, queries: readonly BenchQuery[], options: BenchOptions): Promise<Map<string, LatencyStats>> {
  const out = new Map<string, LatencyStats>();
  for (const q of queries) out.set(q.id, await timeSeries(() => queryInProcess(store, q.text), budget(options)));
  return out;
}

/** Median and p95 of every query through a SPARQL endpoint over HTTP (one keep-alive connection). */
export async function measureHttpQueries(endpoint: string, queries: readonly BenchQuery[], options: BenchOptions): Promise<Map<string, LatencyStats | Error>> {
  const client = createHttpClient();
  const out = new Map<string, LatencyStats | Error>();
  try {
    for (const q of queries) {
      const url = sparqlGetUrl(endpoint, q.text);
      try {
        out.set(q.id, await timeSeries(async () => countJsonRows(await client.get(url, { accept: JSON_RESULTS }), `${q.id} at ${endpoint}`), budget(options)));
      } catch (error) {
        out.set(q.id, error as Error);
      }
    }
  } finally {
    client.close();
  }
  return out;
}

/** Starts Virtuoso in `dir`, bulk-loads the N-Quads and counts what it holds in our graphs. */
export async function measureVirtuosoLoad(nquads: string, dir: string): Promise<{ virtuoso: RunningVirtuoso; startMs: number; loadMs: number; triples: number }> {
  const file = join(dir, 'data.nq');
  writeFileSync(file, nquads);
  const virtuoso = await startVirtuoso(dir);
  try {
    const loadMs = bulkLoadNQuads(virtuoso.sqlPort, file, `${BASE}graph/default`);
    const client = createHttpClient();
    const count = await client.get(sparqlGetUrl(virtuoso.sparql, `SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "${BASE}")) }`), { accept: JSON_RESULTS });
    client.close();
    const parsed = JSON.parse(count.body) as { results: { bindings: { n?: { value: string } }[] } };
    return { virtuoso, startMs: virtuoso.startMs, loadMs, triples: Number(parsed.results.bindings[0]?.n?.value ?? 0) };
  } catch (error) {
    await virtuoso.stop();
    throw error;
  }
}

/** Requests/s and median latency under load (autocannon, `connections` loopback connections). */
export async function measureLoad(name: string, url: string, headers: Record<string, string>, options: BenchOptions): Promise<LoadRow> {
  try {
    return { name, result: await loadUrl(url, { connections: options.connections, seconds: options.loadSeconds, headers }) };
  } catch (error) {
    return { name, note: (error as Error).message.split('\n')[0] ?? 'failed' };
  }
}

/** The same Q1 back to back in-process (one thread), for the HTTP overhead ratio. */
export function measureInProcessLoad(store: Store, query: string, options: BenchOptions): LoadRow {
  return { name: 'Q1 in-process Oxigraph (1 thread, no HTTP)', result: loadInProcess(() => queryInProcess(store, query), options.loadSeconds) };
}

/** The document path (/doc/…) of a resource IRI under the default base. */
function docPathOf(iri: string): string {
  return iri.startsWith(`${BASE}id/`) ? `doc/${iri.slice(BASE.length + 3)}` : '';
}

/** Runs every measurement of the benchmark in this process (servers and Virtuoso in children). */
export async function runBenchmark(options: BenchOptions): Promise<BenchResults> {
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const notes: string[] = [];
  const corpus = generateCorpus({ count: options.telegrams, seed: options.seed });
  const { raw, note } = await benchInputs(corpus, options.data);
  const tmp = mkdtempSync(join(options.tmp ?? tmpdir(), 'cablegraph-bench-'));
  const servers: ServerStart[] = [];
  let running: ServerProcess | undefined;
  let virtuoso: RunningVirtuoso | undefined;
  try {
    log(`transform: ${options.telegrams} telegrams`);
    const transform = await measureTransform(corpus, raw, options);

    const sizes = [...new Set(options.serverSizes.filter((n) => n > 0 && n <= options.telegrams))].sort((a, b) => a - b);
    if (sizes.length === 0) sizes.push(options.telegrams);
    for (const size of sizes) {
      log(`server start-up: ${size} telegrams`);
      try {
        const { start, server } = await measureServerStart(corpus, raw, size, options, join(tmp, `data-${size}`));
        servers.push(start);
        await running?.stop();
        running = server;
        log(`  started in ${(start.startMs / 1000).toFixed(1)} s, ${start.triples} triples, RSS ${start.rssMb.toFixed(0)} MB`);
      } catch (error) {
        servers.push({ telegrams: size, triples: 0, startMs: Number.NaN, rssMb: Number.NaN, note: (error as Error).message.split('\n')[0] ?? 'failed' });
      }
    }
    if (!running) throw new Error(`no server started: ${servers.map((s) => s.note ?? '').join('; ')}`);
    const server = running;
    const servedTelegrams = [...servers].reverse().find((x) => x.note === undefined)?.telegrams ?? options.telegrams;

    log('in-process Oxigraph: loading the served N-Quads');
    const client = createHttpClient();
    const dump = await client.get(`${server.url}download/cablegraph.nq`);
    client.close();
    if (dump.status !== 200) throw new Error(`GET /download/cablegraph.nq: HTTP ${dump.status}`);
    const nquads = dump.body;
    const { store, ms: inProcessLoadMs } = loadOxigraph(nquads);
    const parameters = pickParameters(store);
    const queries = benchQueries(parameters);
    notes.push(`queries at ${servedTelegrams} telegrams (${store.size} quads); person ${parameters.person}, speaker ${parameters.speaker}`);

    log('latency: in-process Oxigraph');
    const inProcess = await measureInProcessQueries(store, queries, options);
    log('latency: our /sparql');
    const ours = await measureHttpQueries(`${server.url}sparql`, queries, options);

    let virtuosoInfo: BenchResults['virtuoso'] = {};
    let theirs = new Map<string, LatencyStats | Error>();
    const missing = options.virtuoso ? virtuosoMissing() : 'skipped (--no-virtuoso)';
    if (missing !== undefined) {
      virtuosoInfo = { note: missing };
    } else {
      log('Virtuoso: start and bulk load');
      try {
        const vdir = join(tmp, 'virtuoso');
        mkdirSync(vdir);
        const loaded = await measureVirtuosoLoad(nquads, vdir);
        virtuoso = loaded.virtuoso;
        log('latency: Virtuoso /sparql');
        theirs = await measureHttpQueries(virtuoso.sparql, queries, options);
        virtuosoInfo = { startMs: loaded.startMs, loadMs: loaded.loadMs, rssMb: virtuoso.memory().rssMb, triples: loaded.triples };
      } catch (error) {
        virtuosoInfo = { note: `Virtuoso failed: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}` };
      }
    }
    const timings: QueryTiming[] = queries.map((q) => {
      const o = ours.get(q.id);
      const v = theirs.get(q.id);
      const errors = [o instanceof Error ? `ours: ${o.message.slice(0, 160)}` : '', v instanceof Error ? `Virtuoso: ${v.message.slice(0, 160)}` : ''].filter(Boolean);
      const i = inProcess.get(q.id);
      return {
        id: q.id,
        label: q.label,
        ...(i ? { inProcess: i } : {}),
        ...(o && !(o instanceof Error) ? { ours: o } : {}),
        ...(v && !(v instanceof Error) ? { virtuoso: v } : {}),
        ...(errors.length > 0 ? { note: errors.join('; ') } : {}),
      };
    });

    log('load: dereferencing and Q1');
    const doc = `${server.url}${docPathOf(parameters.person)}`;
    const q1 = queries.find((q) => q.id === 'Q1')?.text ?? '';
    const load: LoadRow[] = [];
    load.push(await measureLoad(`deref ${docPathOf(parameters.person)} (Turtle)`, doc, { accept: 'text/turtle' }, options));
    load.push(await measureLoad(`deref ${docPathOf(parameters.person)} (HTML)`, doc, { accept: 'text/html' }, options));
    load.push(await measureLoad('Q1 through our /sparql', sparqlGetUrl(`${server.url}sparql`, q1), { accept: JSON_RESULTS }, options));
    if (virtuoso) load.push(await measureLoad('Q1 through Virtuoso /sparql', sparqlGetUrl(virtuoso.sparql, q1), { accept: JSON_RESULTS }, options));
    load.push(measureInProcessLoad(store, q1, options));
    const after = server.memory();
    notes.push(`server RSS after the load runs ${after.rssMb.toFixed(0)} MB (peak ${after.peakRssMb.toFixed(0)} MB)`);
    return { options, corpusNote: note, transform, servers, queries: timings, load, virtuoso: virtuosoInfo, inProcessLoadMs, notes };
  } finally {
    await running?.stop();
    await virtuoso?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The transform rows: reference, extract (every telegram), full build (at most fullBuildMax). */
export async function measureTransform(corpus: SyntheticCorpus, raw: RawInputs, options: BenchOptions): Promise<Measurement[]> {
  const warm: SyntheticCorpus = { ...corpus, telegrams: corpus.telegrams.slice(0, Math.min(20, corpus.telegrams.length)) };
  await measureExtract(warm, raw, 1);
  await measureFullBuild(warm, raw, 1);
  const reference = await measureSegment(corpus, options.repeat);
  const extract = await measureExtract(corpus, raw, options.repeat);
  const buildCorpus: SyntheticCorpus = { ...corpus, telegrams: corpus.telegrams.slice(0, Math.min(options.fullBuildMax, corpus.telegrams.length)) };
  const full = await measureFullBuild(buildCorpus, raw, 1);
  return [reference, extract, full];
}

// ---------------------------------------------------------------------------------------------
// the report

const fmt = (n: number | undefined, digits = 1): string => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits));
const ms = (s: LatencyStats | undefined): string => (s === undefined ? '–' : `${fmt(s.medianMs, s.medianMs < 10 ? 2 : 0)} / ${fmt(s.p95Ms, s.p95Ms < 10 ? 2 : 0)}`);
const verdict = (ok: boolean | undefined): string => (ok === undefined ? 'n/a' : ok ? 'met' : '**missed**');

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** What each query is held to (issue 5), and whether the measured figures meet it. */
export function queryTarget(t: QueryTiming): { target: string; met?: boolean } {
  const o = t.ours?.medianMs;
  const i = t.inProcess?.medianMs;
  const v = t.virtuoso?.medianMs;
  if (['Q1', 'Q2', 'Q3', 'Q5'].includes(t.id)) {
    const met = o === undefined || i === undefined ? undefined : o <= 1.5 * i + 0.5 && (v === undefined || o < v);
    return { target: '≤ 1.5 × in-process + 0.5 ms, < Virtuoso', ...(met !== undefined ? { met } : {}) };
  }
  if (t.id.startsWith('Q6')) return { target: '≤ Virtuoso', ...(o !== undefined && v !== undefined ? { met: o <= v } : {}) };
  return { target: 'report ratio to Virtuoso' };
}

/** What each load row is held to. */
export function loadTarget(row: LoadRow): { target: string; met?: boolean } {
  const rps = row.result?.requestsPerSecond;
  if (row.name.startsWith('deref')) return { target: '≥ 8,000 req/s', ...(rps !== undefined ? { met: rps >= 8000 } : {}) };
  if (row.name === 'Q1 through our /sparql') return { target: '≥ 5,000 req/s', ...(rps !== undefined ? { met: rps >= 5000 } : {}) };
  return { target: '' };
}

/** The report as Markdown: machine, command, and one table per kind of measurement. */
export function formatReport(r: BenchResults, command: string): string {
  const o = r.options;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const out: string[] = [];
  out.push('# cablegraph benchmark', '');
  out.push(`Command: \`${command}\``, '');
  out.push(`Machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${platform()}/${arch()}, Node ${process.version}; shared with other work, so figures are noisy.`, '');
  out.push(`Corpus: ${o.telegrams} synthetic telegrams (seed ${o.seed}, bench/corpus.ts, short shape), persons from a pool of 2,000 with labels, codenames and sameAs links (alias pairs); ${r.corpusNote}.`, '');

  const [reference] = r.transform;
  out.push('## Build', '');
  out.push(
    markdownTable(
      ['stage', 'telegrams', 'median ms', 'telegrams/s', '× slower than reference', 'peak RSS MB', 'RSS ÷ reference', 'target', 'details'],
      r.transform.map((m) => {
        const full = m.name.startsWith('full build');
        return [
          m.name,
          String(m.telegrams),
          fmt(m.ms, 0),
          fmt(m.telegramsPerSecond, 0),
          reference ? fmt(reference.telegramsPerSecond / m.telegramsPerSecond, 1) : '–',
          fmt(m.peakRssMb, 0),
          reference ? fmt(m.peakRssMb / reference.peakRssMb, 2) : '–',
          full ? `≥ 1,000 telegrams/s: ${verdict(m.telegramsPerSecond >= 1000)}` : '',
          Object.entries(m.extra ?? {}).map(([k, v]) => `${k} ${v}`).join(', '),
        ];
      }),
    ),
    '',
  );

  out.push('## Server start-up and memory (`cablegraph serve` in a child process, 2 query workers)', '');
  out.push(
    markdownTable(
      ['telegrams', 'triples', 'start-up s (build + workers + listen)', 'RSS after load MB', 'target', 'note'],
      r.servers.map((s) => [
        String(s.telegrams),
        String(s.triples),
        fmt(s.startMs / 1000, 1),
        fmt(s.rssMb, 0),
        s.telegrams >= 10_000 || s.triples >= 900_000 ? `≤ 1,024 MB at 10k telegrams (~1M triples): ${verdict(Number.isFinite(s.rssMb) ? s.rssMb <= 1024 : undefined)}` : '',
        s.note ?? '',
      ]),
    ),
    '',
  );
  const v = r.virtuoso;
  out.push(
    v.note !== undefined
      ? `Virtuoso: ${v.note}.`
      : `Virtuoso 7 (Debian virtuoso-opensource, 2 threads per query): started in ${fmt((v.startMs ?? 0) / 1000, 1)} s, bulk load ${fmt((v.loadMs ?? 0) / 1000, 1)} s (${v.triples} quads in our graphs), RSS ${fmt(v.rssMb, 0)} MB. In-process Oxigraph load: ${fmt((r.inProcessLoadMs ?? 0) / 1000, 1)} s.`,
    '',
  );

  out.push('## Query latency, median / p95 ms (sequential, one keep-alive loopback connection; JSON results)', '');
  out.push(
    markdownTable(
      ['query', 'rows', 'in-process Oxigraph', 'our /sparql', 'Virtuoso /sparql', 'ours ÷ in-process', 'ours ÷ Virtuoso', 'target', 'verdict'],
      r.queries.map((t) => {
        const target = queryTarget(t);
        const rows = [t.inProcess?.size, t.ours?.size, t.virtuoso?.size].filter((x): x is number => x !== undefined);
        const rowText = rows.length > 0 && rows.every((x) => x === rows[0]) ? String(rows[0]) : rows.join('/');
        return [
          `${t.id} ${t.label}`,
          rowText,
          ms(t.inProcess),
          ms(t.ours),
          ms(t.virtuoso) + (t.note ? ` (${t.note})` : ''),
          t.ours && t.inProcess ? fmt(t.ours.medianMs / t.inProcess.medianMs, 2) : '–',
          t.ours && t.virtuoso ? fmt(t.ours.medianMs / t.virtuoso.medianMs, 2) : '–',
          target.target,
          verdict(target.met),
        ];
      }),
    ),
    '',
  );

  out.push(`## Load (autocannon, ${o.connections} loopback connections, ${o.loadSeconds} s each; the generator shares the 2 cores)`, '');
  const inProcessQ1 = r.load.find((l) => l.name.startsWith('Q1 in-process'))?.result?.requestsPerSecond;
  out.push(
    markdownTable(
      ['what', 'requests/s', 'median ms', 'failures', 'in-process ÷ this', 'target', 'verdict'],
      r.load.map((l) => {
        const target = loadTarget(l);
        return [
          l.name,
          l.result ? fmt(l.result.requestsPerSecond, 0) : `– (${l.note ?? ''})`,
          l.result ? fmt(l.result.medianMs, 2) : '–',
          l.result ? `${l.result.failures} of ${l.result.total}` : '–',
          l.result && inProcessQ1 !== undefined && l.name.startsWith('Q1 through') ? fmt(inProcessQ1 / l.result.requestsPerSecond, 1) : '',
          target.target,
          target.target === '' ? '' : verdict(target.met),
        ];
      }),
    ),
    '',
  );
  if (r.notes.length > 0) out.push(...r.notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// command line

/** Options for `npm run bench -- [--quick] [--telegrams N] …`. */
export function parseBenchArgs(argv: readonly string[]): { options: BenchOptions; out: string; json?: string } {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      telegrams: { type: 'string' },
      seed: { type: 'string', default: '1950' },
      repeat: { type: 'string' },
      data: { type: 'string', default: 'data' },
      quick: { type: 'boolean', default: false },
      'full-build-max': { type: 'string' },
      'load-seconds': { type: 'string' },
      'server-sizes': { type: 'string' },
      'no-virtuoso': { type: 'boolean', default: false },
      'start-timeout': { type: 'string', default: '3600' },
      out: { type: 'string' },
      json: { type: 'string' },
    },
  });
  const quick = values.quick === true;
  const telegrams = Number(values.telegrams ?? (quick ? 200 : 1000));
  // 1k, about a million triples (4k short telegrams: the design's scale), and the whole corpus.
  const sizes = values['server-sizes'] !== undefined ? values['server-sizes'].split(',').map(Number) : [1000, 4000, telegrams].map((n) => Math.min(n, telegrams));
  const options: BenchOptions = {
    telegrams,
    seed: Number(values.seed),
    repeat: Math.max(1, Number(values.repeat ?? (quick ? 1 : 3))),
    data: values.data,
    fullBuildMax: Number(values['full-build-max'] ?? (quick ? 200 : 1000)),
    serverSizes: sizes,
    loadSeconds: Number(values['load-seconds'] ?? (quick ? 2 : 6)),
    connections: 8,
    seriesBudgetMs: quick ? 500 : 3000,
    startTimeoutMs: Number(values['start-timeout']) * 1000,
    virtuoso: values['no-virtuoso'] !== true,
  };
  // A quick run does not replace the committed figures of a full one.
  const out = values.out ?? (quick ? 'bench/results/quick.md' : 'bench/results/latest.md');
  return { options, out, ...(values.json !== undefined ? { json: values.json } : {}) };
}

async function cli(): Promise<void> {
  const argv = process.argv.slice(2);
  const { options, out, json } = parseBenchArgs(argv);
  const results = await runBenchmark(options);
  const report = formatReport(results, `npm run bench -- ${argv.join(' ')}`.trim());
  console.log(report);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${report}\n`);
  console.log(`\nwritten to ${out}`);
  if (json) {
    mkdirSync(dirname(json), { recursive: true });
    writeFileSync(json, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
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
