// **query-pool** takes the dataset's N-Quads and returns a pool of worker threads, each with its own
// Oxigraph store, that answers SPARQL queries with a time limit, a result-size limit and a bounded queue.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { HttpError } from '../../errors.js';
import type { RdfFormatName } from '../../publish/formats.js';
import type { QueryJobMessage, QueryWorkerData, QueryWorkerMessage, ResultKind } from './query-messages.js';
import type { ResultsFormatName } from './sparql-results.js';

export interface QueryPoolOptions {
  /** The dataset as N-Quads text (BuiltDataset.nquads). */
  readonly nquads: string;
  /** Worker threads, each holding a full copy of the store (~480 MB per million triples). Default 2. */
  readonly size?: number;
  /** Wall-clock limit for one query in a worker, in milliseconds (serialization included). */
  readonly timeoutMs: number;
  /** SELECT rows or CONSTRUCT/DESCRIBE triples beyond this are cut off and flagged as truncated. */
  readonly maxResults: number;
  /** Base IRI for relative IRIs in queries and prefixes in RDF output. Default "http://localhost:3000/". */
  readonly baseIri?: string;
  /** Requests waiting for a free worker beyond this are refused with 503. Default 64. */
  readonly maxQueue?: number;
  /**
   * Longest a request waits in the queue for a free worker, in milliseconds; then it is refused
   * with 503 `queue-wait`, so that no request waits without bound while slow queries keep every
   * worker busy (each one stopped at the time limit costs a worker reload). Default 2 × timeoutMs + 5 s.
   */
  readonly maxWaitMs?: number;
  /** Called when a worker is stopped or replaced (for logging). */
  readonly onWorkerEvent?: (event: { readonly kind: 'timeout' | 'crash' | 'replaced' | 'replace-failed'; readonly message: string }) => void;
}

export interface QueryRequest {
  readonly query: string;
  readonly defaultGraphUris?: readonly string[];
  readonly namedGraphUris?: readonly string[];
  /** Formats to answer in: `solutions` for SELECT/ASK, `graph` for CONSTRUCT/DESCRIBE. */
  readonly resultsFormat: { readonly solutions: ResultsFormatName; readonly graph: RdfFormatName };
  /** Aborting while the request waits in the queue drops it (a running query runs to its limit). */
  readonly signal?: AbortSignal;
}

/** A serialized answer. */
export interface QueryOutcome {
  readonly kind: ResultKind;
  readonly body: string;
  /** Content-Type value, with charset. */
  readonly contentType: string;
  /** Rows, triples, or 1 for ASK. */
  readonly count: number;
  /** True when results beyond `maxResults` were cut off. */
  readonly truncated: boolean;
}

export interface QueryPool {
  /**
   * Runs a query in a free worker (queued when all are busy). Rejects with an HttpError:
   * 400 `query-error` (syntax, with Oxigraph's line:column; unsupported feature), 504 `query-timeout`,
   * 503 `queue-full`, `queue-wait` or `engine-unavailable`, 500 `engine-failure`.
   */
  run(request: QueryRequest): Promise<QueryOutcome>;
  /** Limits in force, for messages and the service description. */
  readonly limits: { readonly timeoutMs: number; readonly maxResults: number; readonly size: number };
  /** Workers ready to serve now (replacements count once loaded). */
  readyWorkers(): number;
  /** Stops every worker; queued and running requests are rejected. */
  close(): Promise<void>;
}

interface PendingJob {
  readonly message: QueryJobMessage;
  readonly resolve: (outcome: QueryOutcome) => void;
  readonly reject: (error: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
  /** Refuses the job when it has waited maxWaitMs in the queue. */
  waitTimer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  state: 'loading' | 'idle' | 'busy' | 'dead';
  job?: PendingJob;
  timer?: NodeJS.Timeout;
}

/**
 * Finds the compiled worker script: beside this module when running from build/, else under build/
 * (vitest runs the TypeScript sources, and a worker thread needs JavaScript).
 */
export function resolveWorkerScript(moduleUrl: string = import.meta.url): URL {
  const beside = new URL('./query-worker.js', moduleUrl);
  if (existsSync(fileURLToPath(beside))) return beside;
  const path = fileURLToPath(beside);
  const marker = '/src/serve/sparql/';
  const at = path.lastIndexOf(marker);
  const built = at < 0 ? path : `${path.slice(0, at)}/build${path.slice(at)}`;
  if (!existsSync(built)) {
    throw new HttpError(500, `SPARQL worker script not found at ${path} or ${built}; run \`npm run build\``, 'worker-missing');
  }
  return new URL(`file://${built}`);
}

/**
 * Starts `size` workers, each loading the N-Quads, and resolves once all are ready.
 * @example const pool = await createQueryPool({ nquads, timeoutMs: 10_000, maxResults: 10_000 });
 */
export async function createQueryPool(options: QueryPoolOptions): Promise<QueryPool> {
  const size = Math.max(1, options.size ?? 2);
  const maxQueue = options.maxQueue ?? 64;
  const maxWaitMs = options.maxWaitMs ?? 2 * options.timeoutMs + 5000;
  const data: QueryWorkerData = { nquads: toSharedUtf8(options.nquads), baseIri: options.baseIri ?? 'http://localhost:3000/', maxResults: options.maxResults };
  const script = resolveWorkerScript();
  const slots: Slot[] = [];
  const queue: PendingJob[] = [];
  let nextId = 1;
  let closed = false;

  const startWorker = (): { slot: Slot; ready: Promise<void> } => {
    const worker = new Worker(script, { workerData: data });
    const slot: Slot = { worker, state: 'loading' };
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: QueryWorkerMessage) => {
        if (message.type === 'ready') {
          slot.state = 'idle';
          resolve();
          dispatch();
        } else if (message.type === 'load-error') {
          slot.state = 'dead';
          void worker.terminate();
          reject(new Error(`SPARQL worker could not load the dataset: ${message.message}`));
        } else {
          settle(slot, message);
        }
      });
      worker.on('error', (error: Error) => {
        if (slot.state === 'loading') reject(error);
        fail(slot, `worker crashed: ${error.message}`);
      });
      worker.on('exit', (code) => {
        if (slot.state === 'loading') reject(new Error(`SPARQL worker exited with code ${code} while loading`));
        if (slot.state !== 'dead') fail(slot, `worker exited with code ${code}`);
      });
    });
    slots.push(slot);
    return { slot, ready };
  };

  const removeSlot = (slot: Slot): void => {
    const at = slots.indexOf(slot);
    if (at >= 0) slots.splice(at, 1);
  };

  /** Removes a slot, rejects its job, and starts a replacement unless the pool is closed. */
  const fail = (slot: Slot, reason: string): void => {
    if (slot.state === 'dead') return;
    const wasLoading = slot.state === 'loading';
    slot.state = 'dead';
    if (slot.timer) clearTimeout(slot.timer);
    const job = slot.job;
    delete slot.job;
    removeSlot(slot);
    void slot.worker.terminate();
    job?.reject(new HttpError(500, 'The query engine failed while answering this query.', 'engine-failure', { cause: new Error(reason) }));
    options.onWorkerEvent?.({ kind: 'crash', message: reason });
    if (!closed && !wasLoading) replace();
  };

  const replace = (): void => {
    const { ready } = startWorker();
    ready.then(
      () => options.onWorkerEvent?.({ kind: 'replaced', message: 'replacement worker ready' }),
      (error: unknown) => {
        options.onWorkerEvent?.({ kind: 'replace-failed', message: error instanceof Error ? error.message : String(error) });
        if (slots.every((s) => s.state === 'dead')) rejectQueue(new HttpError(503, 'The SPARQL engine is unavailable.', 'engine-unavailable'));
      },
    );
  };

  const rejectQueue = (error: HttpError): void => {
    for (const job of queue.splice(0)) {
      clearTimeout(job.waitTimer);
      job.signal?.removeEventListener('abort', job.onAbort);
      job.reject(error);
    }
  };

  const settle = (slot: Slot, message: Exclude<QueryWorkerMessage, { type: 'ready' | 'load-error' }>): void => {
    const job = slot.job;
    if (job === undefined || job.message.id !== message.id) return;
    if (slot.timer) clearTimeout(slot.timer);
    delete slot.job;
    if (message.type === 'result') {
      slot.state = 'idle';
      job.resolve({ kind: message.kind, body: message.body, contentType: message.contentType, count: message.count, truncated: message.truncated });
    } else if (message.cause === 'query') {
      slot.state = 'idle';
      job.reject(new HttpError(400, describeQueryError(message.message), 'query-error'));
    } else {
      slot.job = job;
      fail(slot, message.message);
      return;
    }
    dispatch();
  };

  const onTimeout = (slot: Slot): void => {
    const job = slot.job;
    if (job === undefined || slot.state !== 'busy') return;
    delete slot.job;
    slot.state = 'dead';
    removeSlot(slot);
    void slot.worker.terminate();
    job.reject(
      new HttpError(504, `The query was stopped after the time limit of ${options.timeoutMs} ms. Add a LIMIT, make the patterns more selective, or avoid unbounded property paths.`, 'query-timeout'),
    );
    options.onWorkerEvent?.({ kind: 'timeout', message: `query stopped after ${options.timeoutMs} ms; worker replaced` });
    if (!closed) replace();
  };

  const dispatch = (): void => {
    for (const slot of slots) {
      if (slot.state !== 'idle') continue;
      const job = queue.shift();
      if (job === undefined) return;
      clearTimeout(job.waitTimer);
      job.signal?.removeEventListener('abort', job.onAbort);
      slot.state = 'busy';
      slot.job = job;
      slot.timer = setTimeout(() => onTimeout(slot), options.timeoutMs);
      slot.worker.postMessage(job.message);
    }
  };

  const initial = Array.from({ length: size }, () => startWorker().ready);
  try {
    await Promise.all(initial);
  } catch (error) {
    closed = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
    throw error;
  }

  return {
    limits: { timeoutMs: options.timeoutMs, maxResults: options.maxResults, size },
    readyWorkers: () => slots.filter((s) => s.state === 'idle' || s.state === 'busy').length,
    run(request: QueryRequest): Promise<QueryOutcome> {
      if (closed) return Promise.reject(new HttpError(503, 'The SPARQL engine is shutting down.', 'engine-unavailable'));
      if (slots.length === 0) return Promise.reject(new HttpError(503, 'The SPARQL engine is unavailable.', 'engine-unavailable'));
      if (queue.length >= maxQueue) {
        return Promise.reject(new HttpError(503, `The SPARQL endpoint is busy (${maxQueue} queries waiting); retry shortly.`, 'queue-full'));
      }
      if (request.signal?.aborted === true) return Promise.reject(new HttpError(499, 'The client closed the request.', 'client-closed'));
      return new Promise<QueryOutcome>((resolve, reject) => {
        const message: QueryJobMessage = {
          id: nextId++,
          query: request.query,
          defaultGraphUris: request.defaultGraphUris ?? [],
          namedGraphUris: request.namedGraphUris ?? [],
          solutionsFormat: request.resultsFormat.solutions,
          graphFormat: request.resultsFormat.graph,
        };
        const job: PendingJob = {
          message,
          resolve,
          reject,
          signal: request.signal,
          onAbort: () => {
            clearTimeout(job.waitTimer);
            const at = queue.indexOf(job);
            if (at >= 0) queue.splice(at, 1);
            reject(new HttpError(499, 'The client closed the request.', 'client-closed'));
          },
        };
        request.signal?.addEventListener('abort', job.onAbort, { once: true });
        job.waitTimer = setTimeout(() => {
          const at = queue.indexOf(job);
          if (at < 0) return;
          queue.splice(at, 1);
          request.signal?.removeEventListener('abort', job.onAbort);
          reject(new HttpError(503, `The SPARQL endpoint is busy: no query worker was free within ${maxWaitMs} ms; retry shortly.`, 'queue-wait'));
        }, maxWaitMs);
        queue.push(job);
        dispatch();
      });
    },
    async close(): Promise<void> {
      closed = true;
      rejectQueue(new HttpError(503, 'The SPARQL engine is shutting down.', 'engine-unavailable'));
      const all = slots.splice(0);
      for (const slot of all) {
        if (slot.timer) clearTimeout(slot.timer);
        const job = slot.job;
        slot.state = 'dead';
        delete slot.job;
        job?.reject(new HttpError(503, 'The SPARQL engine is shutting down.', 'engine-unavailable'));
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}

/** Encodes text once into shared memory, which every worker reads without a copy of its own. */
function toSharedUtf8(text: string): SharedArrayBuffer {
  const bytes = Buffer.from(text, 'utf8');
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  return shared;
}

/** Oxigraph reports syntax errors as "error at 3:15: expected …": say so in words, and keep it short. */
export function describeQueryError(message: string): string {
  const m = /^error at (\d+):(\d+): ([\s\S]*)$/.exec(message);
  const text = m ? `SPARQL syntax error at line ${m[1]}, column ${m[2]}: ${m[3]}` : message;
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}
