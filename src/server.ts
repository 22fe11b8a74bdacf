// **server** takes the serve options (port, host, base, data folder, query limits, CORS) and returns
// a running server: it loads and builds the dataset (same validation as `build`), starts the SPARQL
// query pool (or, with --sparql-endpoint, forwards to an external store), mounts everything with
// createApp, listens, and closes cleanly on SIGINT/SIGTERM.
// The thin edge: the only place that listens, reads the clock for logs and touches process signals.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from './errors.js';
import { loadInputs } from './load-inputs.js';
import { buildDataset } from './publish/build-dataset.js';
import type { BuiltDataset } from './publish/dataset.js';
import { defaultStages } from './publish/default-stages.js';
import { createApp, siteOf } from './serve/app.js';
import { createLogger, type Logger } from './serve/log.js';
import { findYasguiDir, renderQueryPage } from './serve/query-page.js';
import { createRemoteStore, type RemoteStore } from './serve/remote-store.js';
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
  /**
   * An external SPARQL 1.1 endpoint holding the published dataset (`cablegraph publish`): /sparql
   * forwards to it and /doc/… descriptions are read from it; the build still gives the pages' text,
   * records, downloads and the dataset description. No query workers are started.
   */
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
 * Checks that the external endpoint answers and holds the dataset: fails when it cannot be reached;
 * prints a warning when a graph of the build is missing there or has another number of triples.
 */
async function checkRemote(remote: RemoteStore, endpoint: string, dataset: BuiltDataset, print: (line: string) => void): Promise<void> {
  const expected = new Map<string, number>();
  for (const q of dataset.quads) if (q.graph.termType === 'NamedNode') expected.set(q.graph.value, (expected.get(q.graph.value) ?? 0) + 1);
  const graphs = [...expected.keys()].sort();
  const sample = graphs.slice(0, 50);
  let counts: Map<string, number>;
  try {
    const values = sample.map((g) => `<${g}>`).join(' ');
    const results = await remote.select(`SELECT ?g (COUNT(*) AS ?n) WHERE { VALUES ?g { ${values} } GRAPH ?g { ?s ?p ?o } } GROUP BY ?g`);
    counts = new Map();
    if ('results' in results) {
      for (const b of results.results.bindings) {
        const g = b['g'];
        const n = b['n'];
        if (g?.type === 'uri' && n?.type === 'literal') counts.set(g.value, Number(n.value));
      }
    }
  } catch (error) {
    throw new ConfigError(`--sparql-endpoint: ${(error as Error).message}`, 'remote-unavailable', { cause: error });
  }
  const missing = sample.filter((g) => counts.get(g) !== expected.get(g));
  if (missing.length > 0) {
    print(
      `cablegraph: warning: the SPARQL endpoint at ${endpoint} does not hold ${missing.length} of ${sample.length} graphs checked as built ` +
        `(first: <${missing[0] ?? ''}>, ${counts.get(missing[0] ?? '') ?? 0} triples, ${expected.get(missing[0] ?? '') ?? 0} built); run \`cablegraph publish\` first`,
    );
  }
}

/**
 * Builds the dataset from `options.data` and serves it. Resolves once listening.
 * @example const { url, close } = await startServer({ port: 0, host: '127.0.0.1', base: 'http://localhost:3000/', data: 'data', queryTimeoutMs: 10_000, maxResults: 10_000, cors: false })
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? createLogger();
  const print = options.print ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const inputs = await loadInputs(options.data);
  const dataset = await buildDataset(
    { raw: inputs.raw, telegrams: inputs.telegrams, ...(inputs.dataset !== undefined ? { dataset: inputs.dataset } : {}) },
    { base: options.base, stages: defaultStages() },
  );
  const remote =
    options.sparqlEndpoint === undefined
      ? undefined
      : createRemoteStore({ endpoint: options.sparqlEndpoint, timeoutMs: options.queryTimeoutMs, maxResults: options.maxResults, baseIri: dataset.base });
  if (remote && options.sparqlEndpoint !== undefined) await checkRemote(remote, options.sparqlEndpoint, dataset, print);
  const pool =
    remote?.pool ??
    (await createQueryPool({
      nquads: dataset.nquads,
      size: options.workers ?? 2,
      timeoutMs: options.queryTimeoutMs,
      maxResults: options.maxResults,
      baseIri: dataset.base,
      onWorkerEvent: (event) => logger.warn(event, 'query worker'),
    }));
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
  const app = createApp({ dataset, sparql, logger, cors: options.cors, ...(remote ? { describe: remote.describe } : {}) });
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
  if (options.sparqlEndpoint !== undefined) print(`cablegraph: /sparql and resource descriptions come from the SPARQL endpoint at ${options.sparqlEndpoint}`);
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
