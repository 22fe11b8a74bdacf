// **start-real-server** takes query limits and returns the real server (src/server.ts startServer)
// over the real data/ folder on an ephemeral 127.0.0.1 port, with a silent logger, for the
// browser and hostile-input tests.

import { createLogger } from '../../../src/serve/log.js';
import { startServer, type RunningServer } from '../../../src/server.js';

export interface RealServerOptions {
  /** SPARQL time limit in milliseconds (default 10 s, the CLI's default). */
  readonly queryTimeoutMs?: number;
  /** Query worker threads (default 2, the server's default). */
  readonly workers?: number;
  readonly maxResults?: number;
}

/**
 * Starts the server with the base IRI http://localhost:3000/ (pages are served at "/").
 * @example const server = await startRealServer({ queryTimeoutMs: 500 }); … await server.close();
 */
export async function startRealServer(options: RealServerOptions = {}): Promise<RunningServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    base: 'http://localhost:3000/',
    data: 'data',
    queryTimeoutMs: options.queryTimeoutMs ?? 10_000,
    maxResults: options.maxResults ?? 10_000,
    cors: false,
    workers: options.workers ?? 2,
    handleSignals: false,
    print: () => undefined,
    logger: createLogger({ silent: true }),
  });
}
