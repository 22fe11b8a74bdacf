#!/usr/bin/env node
// **cli** takes command-line arguments and runs `build`, `extract`, `publish` or `serve`; it returns an exit
// code. A user error (PublisherError) prints one line "cablegraph: <message>" to stderr, never a
// stack: exit 2 for usage, 1 for input. The thin edge: it reads flags and calls the pipeline.

import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, MappingError, PublisherError } from './errors.js';
import { compileExtractors, extractTelegram } from './extract/extract-telegram.js';
import { buildGraph } from './graph/to-quads.js';
import { DEFAULT_MAX_TELEGRAM_BYTES, loadInputs, loadRawInputs, loadTelegramFile } from './load-inputs.js';
import { buildDataset } from './publish/build-dataset.js';
import type { BuildReport } from './publish/dataset.js';
import { defaultStages } from './publish/default-stages.js';
import { findFormatByKey, RDF_FORMATS } from './publish/formats.js';
import { formatBuildReport } from './publish/format-report.js';
import { readPackageInfo } from './publish/ontology-files.js';
import { serializeQuads } from './publish/serialize.js';
import { writeDatasetFiles } from './publish/write-files.js';
import { createAuthFetch } from './remote/http-auth.js';
import { checkQueryEndpoint, deriveQueryEndpoint, publishDataset } from './remote/push-graph-store.js';

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** A bad flag or argument: exit code 2. */
export class UsageError extends ConfigError {}

const DEFAULT_BASE = 'http://localhost:3000/';

/** Options passed to startServer() of src/server.ts. */
export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly base: string;
  readonly data: string;
  readonly queryTimeoutMs: number;
  readonly maxResults: number;
  readonly cors: boolean;
  readonly sparqlEndpoint?: string;
}

/**
 * Checks and normalises --base: an absolute http(s) URL, with "/" added when missing.
 * @example normalizeBase('http://example.org/data') // "http://example.org/data/"
 */
export function normalizeBase(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--base must be an absolute http(s) URL such as ${DEFAULT_BASE}, got "${value}"`, 'bad-base');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--base must be an http(s) URL, got "${value}"`, 'bad-base');
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new UsageError(`--base must have no query, fragment or credentials, got "${value}"`, 'bad-base');
  }
  const href = url.href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** Parses a duration such as "10s", "500ms", "2m" or "10" (seconds) into milliseconds. */
export function parseDurationMs(value: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/.exec(value.trim());
  if (!m?.[1]) throw new UsageError(`${flag} must be a duration such as 10s, 500ms or 2m, got "${value}"`, 'bad-duration');
  const n = Number(m[1]) * (m[2] === 'ms' ? 1 : m[2] === 'm' ? 60_000 : 1000);
  if (!(n > 0)) throw new UsageError(`${flag} must be positive, got "${value}"`, 'bad-duration');
  return Math.round(n);
}

function parseInteger(value: string, flag: string, min: number, max: number): number {
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${flag} must be a whole number, got "${value}"`, 'bad-number');
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`${flag} must be between ${min} and ${max}, got ${n}`, 'bad-number');
  return n;
}

function formatKeys(): string {
  return RDF_FORMATS.map((f) => f.extensions[0] ?? f.name).join(', ');
}

function summaryLine(report: BuildReport): string {
  const t = report.totals;
  const n = (count: number | undefined, noun: string) => `${count ?? 0} ${noun}${count === 1 ? '' : 's'}`;
  return `${n(t['telegrams'], 'telegram')}, ${n(t['triples'], 'triple')}, ${n(t['report-items'], 'report item')}`;
}

async function runBuild(opts: { data: string; out: string; base: string; created?: string; maxTelegramBytes: number }, io: CliIo): Promise<void> {
  const inputs = await loadInputs(opts.data, { maxTelegramBytes: opts.maxTelegramBytes });
  const built = await buildDataset(
    { raw: inputs.raw, telegrams: inputs.telegrams, ...(inputs.dataset !== undefined ? { dataset: inputs.dataset } : {}) },
    { base: opts.base, stages: defaultStages(), ...(opts.created !== undefined ? { created: opts.created } : {}) },
  );
  await writeDatasetFiles(built.files, opts.out);
  io.stdout(`cablegraph build: ${summaryLine(built.report)} → ${opts.out} (base ${opts.base})\n\n`);
  io.stdout(formatBuildReport(built.report));
  io.stdout(`\ncanonical hash (RDFC-1.0, SHA-256): ${built.canonicalHash}\n`);
  io.stdout(`files: ${built.files.map((f) => `${f.fileName} (${Buffer.byteLength(f.content, 'utf8')} bytes)`).join(', ')}\n`);
}

/** Options of `publish`, checked. */
interface PublishCliOptions {
  readonly data: string;
  readonly base: string;
  readonly to: string;
  readonly sparql: string;
  readonly graph?: string;
  readonly user?: string;
  readonly password?: string;
  readonly timeoutMs: number;
  readonly parallel: number;
  readonly maxTelegramBytes: number;
}

async function runPublish(opts: PublishCliOptions, io: CliIo): Promise<void> {
  const fetch = createAuthFetch({ ...(opts.user !== undefined ? { user: opts.user } : {}), ...(opts.password !== undefined ? { password: opts.password } : {}) });
  // Fail fast, before the build, when the store is not there.
  await checkQueryEndpoint({ queryEndpoint: opts.sparql, fetch, timeoutMs: opts.timeoutMs, role: 'the SPARQL endpoint', credentials: fetch.hasCredentials });
  const inputs = await loadInputs(opts.data, { maxTelegramBytes: opts.maxTelegramBytes });
  const built = await buildDataset(
    { raw: inputs.raw, telegrams: inputs.telegrams, ...(inputs.dataset !== undefined ? { dataset: inputs.dataset } : {}) },
    { base: opts.base, stages: defaultStages() },
  );
  io.stderr(`cablegraph publish: built ${summaryLine(built.report)} (base ${opts.base}); pushing to ${opts.to}, verifying through ${opts.sparql}\n`);
  const report = await publishDataset(built, {
    graphStore: opts.to,
    queryEndpoint: opts.sparql,
    fetch,
    timeoutMs: opts.timeoutMs,
    parallel: opts.parallel,
    ...(opts.graph !== undefined ? { graph: opts.graph } : {}),
    progress: (line) => io.stderr(`cablegraph publish: ${line}\n`),
  });
  const graphs = report.graphs.length;
  io.stdout(`cablegraph publish: ${report.triples} triples in ${graphs} graph${graphs === 1 ? '' : 's'} → ${opts.to}, counts verified (${(report.ms / 1000).toFixed(2)} s)\n`);
}

async function runExtract(file: string, opts: { format: string; base: string; data: string; maxTelegramBytes: number }, io: CliIo): Promise<void> {
  const format = findFormatByKey(opts.format);
  if (!format) throw new UsageError(`unknown format "${opts.format}"; valid formats: ${formatKeys()}`, 'unknown-format');
  const telegram = await loadTelegramFile(file, { maxTelegramBytes: opts.maxTelegramBytes });
  const raw = await loadRawInputs(opts.data);
  const result = extractTelegram({ slug: telegram.slug, file: telegram.file, text: telegram.text }, compileExtractors(raw));
  const quads = buildGraph([result], { base: opts.base });
  io.stdout(await serializeQuads(quads, format.name, { base: opts.base }));
  const counts: Record<string, number> = {
    mentions: result.mentions.length,
    entities: result.entities.length,
    quantities: result.quantities.length,
    claims: result.claims.length,
    events: result.events.length,
    copies: result.header.copies.length,
    identifiers: result.header.identifiers.length,
    'report-items': result.report.length,
    triples: quads.length,
  };
  const report: BuildReport = { telegrams: [{ slug: result.slug, file: result.file, counts, items: result.report }], totals: { ...counts, telegrams: 1 } };
  io.stderr(formatBuildReport(report));
}

async function runServe(options: ServeOptions): Promise<void> {
  const specifier = './server.js';
  let mod: unknown;
  try {
    mod = (await import(specifier)) as unknown;
  } catch (error) {
    throw new ConfigError(`the server is not available (${(error as Error).message.split('\n')[0] ?? ''})`, 'no-server', { cause: error });
  }
  const start = typeof mod === 'object' && mod !== null && 'startServer' in mod ? mod.startServer : undefined;
  if (typeof start !== 'function') throw new ConfigError('src/server.ts exports no startServer(options)', 'no-server');
  await (start as (o: ServeOptions) => unknown)(options);
}

function program(io: CliIo, run: { task?: () => Promise<void> }): Command {
  const version = readPackageInfo().version;
  const cmd = new Command('cablegraph')
    .description('Linked-data publisher for historical diplomatic telegrams')
    .version(version)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`cablegraph: ${s.replace(/^error: /, '').trim()}\n`),
    });
  const baseOption = () => new Option('--base <url>', 'base IRI of the dataset (absolute http(s) URL)').default(DEFAULT_BASE);
  const sizeOption = () => new Option('--max-telegram-size <bytes>', 'size limit of one telegram file in bytes').default(String(DEFAULT_MAX_TELEGRAM_BYTES));

  cmd
    .command('build')
    .description('extract every telegram in --data, build, validate and write every file to --out')
    .option('--data <dir>', 'data folder', 'data')
    .option('--out <dir>', 'output folder (replaced atomically)', 'dist')
    .addOption(baseOption())
    .option('--created <date>', 'dcterms:created of the dataset (xsd:date or xsd:dateTime); default: the newest telegram date')
    .addOption(sizeOption())
    .action((o: { data: string; out: string; base: string; created?: string; maxTelegramSize: string }) => {
      if (o.created !== undefined && !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(o.created)) {
        throw new UsageError(`--created must be an xsd:date or xsd:dateTime such as 1950-10-07, got "${o.created}"`, 'bad-date');
      }
      const opts = {
        data: o.data,
        out: o.out,
        base: normalizeBase(o.base),
        maxTelegramBytes: parseInteger(o.maxTelegramSize, '--max-telegram-size', 1, Number.MAX_SAFE_INTEGER),
        ...(o.created !== undefined ? { created: o.created } : {}),
      };
      run.task = () => runBuild(opts, io);
    });

  cmd
    .command('extract')
    .description('extract one telegram file (any path): graph to stdout, report to stderr')
    .argument('<file>', 'telegram text file')
    .option('--format <format>', `output format: ${formatKeys()}`, 'ttl')
    .addOption(baseOption())
    .option('--data <dir>', 'data folder with lexicon/ and authorities/', 'data')
    .addOption(sizeOption())
    .action((file: string, o: { format: string; base: string; data: string; maxTelegramSize: string }) => {
      if (!findFormatByKey(o.format)) throw new UsageError(`unknown format "${o.format}"; valid formats: ${formatKeys()}`, 'unknown-format');
      const opts = {
        format: o.format,
        base: normalizeBase(o.base),
        data: o.data,
        maxTelegramBytes: parseInteger(o.maxTelegramSize, '--max-telegram-size', 1, Number.MAX_SAFE_INTEGER),
      };
      run.task = () => runExtract(file, opts, io);
    });

  cmd
    .command('publish')
    .description('build the dataset and push it to a SPARQL 1.1 store (Graph Store Protocol), then verify the triple counts')
    .requiredOption('--to <url>', 'Graph Store Protocol endpoint, e.g. http://127.0.0.1:8890/sparql-graph-crud-auth')
    .option('--graph <iri>', "put every triple into this one graph (default: keep the dataset's graphs, one per telegram plus entities)")
    .option('--sparql <url>', 'SPARQL query endpoint for the count check (default: derived from --to for Virtuoso, Fuseki, Oxigraph, RDF4J)')
    .option('--user <name>', 'user for HTTP Digest or Basic authentication')
    .option('--password <password>', 'password (default: the CABLEGRAPH_PASSWORD environment variable)')
    .option('--data <dir>', 'data folder', 'data')
    .addOption(baseOption())
    .option('--timeout <duration>', 'time limit of each request to the store (e.g. 60s)', '60s')
    .option('--parallel <n>', 'graphs pushed at the same time', '2')
    .addOption(sizeOption())
    .action((o: { to: string; graph?: string; sparql?: string; user?: string; password?: string; data: string; base: string; timeout: string; parallel: string; maxTelegramSize: string }) => {
      const to = checkHttpUrl(o.to, '--to');
      const sparql = o.sparql !== undefined ? checkHttpUrl(o.sparql, '--sparql') : deriveQueryEndpoint(to);
      if (sparql === undefined) {
        throw new UsageError(`cannot tell the SPARQL query endpoint of the store at ${to}; give it with --sparql URL`, 'no-query-endpoint');
      }
      if (o.graph !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/.test(o.graph)) {
        throw new UsageError(`--graph must be an absolute IRI, got "${o.graph}"`, 'bad-graph');
      }
      const password = o.password ?? (o.user !== undefined ? process.env['CABLEGRAPH_PASSWORD'] : undefined);
      if (o.user !== undefined && password === undefined) throw new UsageError('--user needs --password (or the CABLEGRAPH_PASSWORD environment variable)', 'no-password');
      if (o.user === undefined && o.password !== undefined) throw new UsageError('--password needs --user', 'no-user');
      const opts: PublishCliOptions = {
        data: o.data,
        base: normalizeBase(o.base),
        to,
        sparql,
        timeoutMs: parseDurationMs(o.timeout, '--timeout'),
        parallel: parseInteger(o.parallel, '--parallel', 1, 64),
        maxTelegramBytes: parseInteger(o.maxTelegramSize, '--max-telegram-size', 1, Number.MAX_SAFE_INTEGER),
        ...(o.graph !== undefined ? { graph: o.graph } : {}),
        ...(o.user !== undefined ? { user: o.user } : {}),
        ...(password !== undefined ? { password } : {}),
      };
      run.task = () => runPublish(opts, io);
    });

  cmd
    .command('serve')
    .description('serve the dataset: dereferenceable IRIs, HTML pages, downloads and /sparql')
    .option('--port <n>', 'TCP port', '3000')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .addOption(baseOption())
    .option('--data <dir>', 'data folder', 'data')
    .option('--query-timeout <duration>', 'SPARQL query time limit (e.g. 10s, 500ms)', '10s')
    .option('--max-results <n>', 'most result rows or triples a query may return', '10000')
    .option('--cors', 'send CORS headers on every response', false)
    .option('--sparql-endpoint <url>', 'forward /sparql and dereferencing to this external SPARQL 1.1 endpoint')
    .action((o: { port: string; host: string; base: string; data: string; queryTimeout: string; maxResults: string; cors: boolean; sparqlEndpoint?: string }) => {
      const options: ServeOptions = {
        port: parseInteger(o.port, '--port', 0, 65535),
        host: o.host,
        base: normalizeBase(o.base),
        data: o.data,
        queryTimeoutMs: parseDurationMs(o.queryTimeout, '--query-timeout'),
        maxResults: parseInteger(o.maxResults, '--max-results', 1, Number.MAX_SAFE_INTEGER),
        cors: o.cors,
        ...(o.sparqlEndpoint !== undefined ? { sparqlEndpoint: checkEndpoint(o.sparqlEndpoint) } : {}),
      };
      run.task = () => runServe(options);
    });
  return cmd;
}

function checkHttpUrl(value: string, flag: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // reported below
  }
  throw new UsageError(`${flag} must be an absolute http(s) URL, got "${value}"`, 'bad-url');
}

function checkEndpoint(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // reported below
  }
  throw new UsageError(`--sparql-endpoint must be an absolute http(s) URL, got "${value}"`, 'bad-endpoint');
}

/** One line for a user error; a SHACL report keeps its list of violations below it. */
function errorText(error: PublisherError): string {
  const [first, ...rest] = error.message.split('\n');
  if (error instanceof MappingError && error.code === 'shacl-violation') return `cablegraph: ${first ?? ''}\n${rest.join('\n')}\n`;
  return `cablegraph: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`;
}

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit code: 0 on success,
 * 2 for a usage error, 1 for bad input or any other failure. Never prints a stack trace.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const run: { task?: () => Promise<void> } = {};
  try {
    await program(io, run).parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander but successes to users.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof PublisherError) {
      io.stderr(errorText(error));
      return error instanceof UsageError ? 2 : 1;
    }
    io.stderr(`cablegraph: internal error: ${String((error as Error).message ?? error).split('\n')[0] ?? ''}\n`);
    return 1;
  }
  if (!run.task) return 0;
  try {
    await run.task();
    return 0;
  } catch (error) {
    if (error instanceof PublisherError) {
      io.stderr(errorText(error));
      return error instanceof UsageError ? 2 : 1;
    }
    io.stderr(`cablegraph: internal error: ${String((error as Error).message ?? error).split('\n')[0] ?? ''}\n`);
    return 1;
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return pathToFileURL(realpathSync(resolve(script))).href === pathToFileURL(realpathSync(fileURLToPath(import.meta.url))).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const io: CliIo = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };
  process.exitCode = await main(process.argv.slice(2), io);
}
