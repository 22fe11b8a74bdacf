// **load-test** takes a URL (or an in-process function) and a duration and returns requests per
// second and median latency under load: autocannon with N keep-alive loopback connections for HTTP,
// a tight loop for in-process calls.

import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { quantile } from './latency.js';

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly medianMs: number;
  /** Answers that were not 2xx, plus connection errors and timeouts. */
  readonly failures: number;
  readonly total: number;
}

/** Loads `url` with GETs from `connections` keep-alive connections for `seconds`. */
export async function loadUrl(url: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const result = await autocannon({ url, connections: options.connections, duration: options.seconds, ...(options.headers ? { headers: options.headers } : {}) });
  return {
    requestsPerSecond: result.requests.average,
    medianMs: result.latency.p50,
    failures: result.non2xx + result.errors + result.timeouts,
    total: result.requests.total,
  };
}

/** Calls `fn` back to back for `seconds` (one thread: what one query worker could do at most). */
export function loadInProcess(fn: () => unknown, seconds: number): LoadResult {
  const times: number[] = [];
  const started = performance.now();
  const end = started + seconds * 1000;
  for (let now = started; now < end; ) {
    fn();
    const after = performance.now();
    times.push(after - now);
    now = after;
  }
  return { requestsPerSecond: times.length / ((performance.now() - started) / 1000), medianMs: quantile(times, 0.5), failures: 0, total: times.length };
}
