// **latency** takes a function or a URL and returns latency statistics (median, p95, in ms) of
// sequential runs: in-process calls, or HTTP GETs over one keep-alive loopback connection.

import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** Latencies of one series, in milliseconds. */
export interface LatencyStats {
  readonly runs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  /** Result rows (or body bytes) of the last run, to check that engines agree. */
  readonly size: number;
}

/** The q-quantile (0..1) of values, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

function stats(times: readonly number[], size: number): LatencyStats {
  return { runs: times.length, medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95), size };
}

/** How many runs a series gets: at least `minRuns`, more while under `budgetMs`, at most `maxRuns`. */
export interface SeriesBudget {
  readonly minRuns: number;
  readonly maxRuns: number;
  readonly budgetMs: number;
  /** Unmeasured runs first (JIT, caches). */
  readonly warmup: number;
}

/** Runs `fn` sequentially within the budget; `fn` returns the result size. */
export async function timeSeries(fn: () => number | Promise<number>, budget: SeriesBudget): Promise<LatencyStats> {
  let size = 0;
  for (let i = 0; i < budget.warmup; i++) size = await fn();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < budget.maxRuns && (times.length < budget.minRuns || performance.now() - started < budget.budgetMs)) {
    const t = performance.now();
    size = await fn();
    times.push(performance.now() - t);
  }
  return stats(times, size);
}

/** A response read whole. */
export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

/** A GET client over one keep-alive connection (as a browser or a SPARQL library would hold one). */
export interface HttpClient {
  get(url: string, headers?: Record<string, string>): Promise<HttpAnswer>;
  close(): void;
}

/** Creates a keep-alive client with at most one socket. */
export function createHttpClient(timeoutMs = 120_000): HttpClient {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    get: (url, headers = {}) =>
      new Promise<HttpAnswer>((resolve, reject) => {
        const req = request(url, { agent, headers, timeout: timeoutMs }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(new Error(`GET ${url.slice(0, 120)} timed out after ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end();
      }),
    close: () => agent.destroy(),
  };
}

/** Rows in a SPARQL JSON results body (1 for ASK); throws on a non-200 answer. */
export function countJsonRows(answer: HttpAnswer, what: string): number {
  if (answer.status !== 200) throw new Error(`${what}: HTTP ${answer.status}: ${answer.body.slice(0, 300)}`);
  const parsed = JSON.parse(answer.body) as { results?: { bindings?: unknown[] }; boolean?: boolean };
  return parsed.results?.bindings?.length ?? (parsed.boolean === undefined ? 0 : 1);
}

/** The URL of a SPARQL GET request for `query` at `endpoint`. */
export function sparqlGetUrl(endpoint: string, query: string): string {
  return `${endpoint}?query=${encodeURIComponent(query)}`;
}
