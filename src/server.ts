// **server** takes the serve options (port, host, base, data folder, query limits, CORS) and returns
// a running server: it loads and builds the dataset (same validation as `build`), starts the SPARQL
// query pool, mounts everything with createApp, listens, and closes cleanly on SIGINT/SIGTERM.
// The thin edge: the only place that listens, reads the clock for logs and touches process signals.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from './errors.js';
import { loadInputs } from './load-inputs.js';
import { buildDataset } from './publish/build-dataset.js';
import { defaultStages } from './publish/default-stages.js';
import { createApp, siteOf } from './serve/app.js';
import { createLogger, type Logger } from './serve/log.js';
import { findYasguiDir, renderQueryPage } from './serve/query-page.js';
import { createQueryPool } from './serve/sparql/query-pool.js';
import { serviceDescriptionTurtle } from './serve/sparql/service-description.js';
import { createSparqlRouter } from './serve/sparql/sparql-route.js';

export interface ServerOptions {
  readonly port: number;
  /** Interface to listen on (default 127.0.0.1: not reachable from other machines). */
  readonly host: string;
  /** Base IRI of the dataset, ending in "/": its path is where the site is served. */
  readonly base: string;
  /** The data folder (telegrams/, authorities/, lexicon/). */
  readonly data: string;
  readonly queryTimeoutMs: number;
  readonly maxResults: number;
  readonly cors: boolean;
  /** Not supported yet: forwarding /sparql to an external endpoint (startServer refuses it). */
  readonly sparqlEndpoint?: string;
  /** Query worker threads (default 2: each holds a copy of the store). */
  readonly workers?: number;
  /** Install SIGINT/SIGTERM handlers that close the server (default true). */
  readonly handleSignals?: boolean;
  /** Where the startup line goes (default: stdout). */
  readonly print?: (line: string) => void;
  readonly logger?: Logger;
}

export interface RunningServer {
  /** The URL the server answers at, e.g. "http://127.0.0.1:3000/" (with the base's path). */
  readonly url: string;
  /** Stops accepting connections, closes open ones, stops the query workers. Idempotent. */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new ConfigError(`port ${port} on ${host} is already in use; choose another with --port`, 'port-in-use', { cause: error })
          : new ConfigError(`cannot listen on ${host}:${port}: ${error.message}`, 'listen-failed', { cause: error }),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Builds the dataset from `options.data` and serves it. Resolves once listening.
 * @example const { url, close } = await startServer({ port: 0, host: '127.0.0.1', base: 'http://localhost:3000/', data: 'data', queryTimeoutMs: 10_000, maxResults: 10_000, cors: false })
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  if (options.sparqlEndpoint !== undefined) {
    throw new ConfigError('--sparql-endpoint (forwarding to an external store) is not supported by this server yet', 'no-forwarding');
  }
  const logger = options.logger ?? createLogger();
  const print = options.print ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const inputs = await loadInputs(options.data);
  const dataset = await buildDataset(
    { raw: inputs.raw, telegrams: inputs.telegrams, ...(inputs.dataset !== undefined ? { dataset: inputs.dataset } : {}) },
    { base: options.base, stages: defaultStages() },
  );
  const pool = await createQueryPool({
    nquads: dataset.nquads,
    size: options.workers ?? 2,
    timeoutMs: options.queryTimeoutMs,
    maxResults: options.maxResults,
    baseIri: dataset.base,
    onWorkerEvent: (event) => logger.warn(event, 'query worker'),
  });
  const site = siteOf(dataset);
  const yasgui = findYasguiDir() !== undefined;
  const sparql = createSparqlRouter({
    pool,
    serviceDescription: () => serviceDescriptionTurtle({ endpoint: `${dataset.base}sparql`, quads: dataset.quads }),
    htmlQueryPage: (req) => {
      const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '').get('query');
      return renderQueryPage(site, { yasgui, limits: pool.limits, ...(query !== null ? { query } : {}) });
    },
    cors: options.cors,
    baseIri: dataset.base,
    logger,
  });
  const app = createApp({ dataset, sparql, logger, cors: options.cors });
  const http = createServer(app);
  let address: AddressInfo;
  try {
    address = await listen(http, options.port, options.host);
  } catch (error) {
    await pool.close();
    throw error;
  }
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}${site.basePath}`;
  const telegrams = dataset.results.length;
  const triples = dataset.report.totals['triples'] ?? dataset.quads.length;
  print(`cablegraph: serving ${triples} triples from ${telegrams} telegram${telegrams === 1 ? '' : 's'} at ${url} (open it in a browser)`);
  if (new URL(dataset.base).origin !== new URL(url).origin) {
    print(`cablegraph: IRIs use the base ${dataset.base}; pages are served under ${site.basePath} here`);
  }

  let closing: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    void close().then(() => process.exit(0));
  };
  const close = (): Promise<void> => {
    closing ??= (async () => {
      if (options.handleSignals !== false) {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
      await pool.close();
      logger.flush();
    })();
    return closing;
  };
  if (options.handleSignals !== false) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { url, close };
}
