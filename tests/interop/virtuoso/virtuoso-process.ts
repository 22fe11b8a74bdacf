// Starts Debian's Virtuoso (virtuoso-t) for a test: config from virtuoso.ini beside this file, with
// the database in a temp folder and free loopback ports; waits until /sparql answers; stops the
// whole process group with bounded waits.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const VIRTUOSO_BIN = '/usr/bin/virtuoso-t';

export interface RunningVirtuoso {
  /** e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  readonly sparql: string;
  /** The Graph Store Protocol endpoint protected by Digest authentication. */
  readonly graphStore: string;
  readonly startMs: number;
  /** The last lines of virtuoso.log and of its console output, for failure messages. */
  logTail(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function tail(path: string, lines = 15): string {
  return existsSync(path) ? readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '';
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts virtuoso-t in `dir` and resolves once `ASK {}` answers on /sparql (at most `waitMs`). */
export async function startVirtuoso(dir: string, waitMs = 60_000): Promise<RunningVirtuoso> {
  const sqlPort = await freePort();
  const httpPort = await freePort();
  const ini = readFileSync(join(import.meta.dirname, 'virtuoso.ini'), 'utf8')
    .replaceAll('{{DIR}}', dir)
    .replaceAll('{{SQL_PORT}}', String(sqlPort))
    .replaceAll('{{HTTP_PORT}}', String(httpPort));
  const config = join(dir, 'virtuoso.ini');
  writeFileSync(config, ini);
  const consoleLog = join(dir, 'console.log');
  const out = openSync(consoleLog, 'a');
  const started = performance.now();
  // detached: its own process group, so that stop() can signal the server and anything it forks.
  const child = spawn(VIRTUOSO_BIN, ['+foreground', '+configfile', config], { cwd: dir, detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  const origin = `http://127.0.0.1:${httpPort}`;
  const logTail = () => `virtuoso.log:\n${tail(join(dir, 'virtuoso.log'))}\nconsole:\n${tail(consoleLog)}`;

  const stop = async (): Promise<void> => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    if (await exited(child, 15_000)) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      return;
    }
    await exited(child, 5_000);
  };

  const deadline = started + waitMs;
  let last = 'no answer yet';
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`virtuoso-t exited (${child.exitCode ?? child.signalCode}) before answering\n${logTail()}`);
    }
    try {
      const r = await fetch(`${origin}/sparql?query=${encodeURIComponent('ASK {}')}`, { headers: { accept: 'application/sparql-results+json' }, signal: AbortSignal.timeout(2000) });
      await r.text();
      if (r.status === 200) {
        return { origin, sparql: `${origin}/sparql`, graphStore: `${origin}/sparql-graph-crud-auth`, startMs: performance.now() - started, logTail, stop };
      }
      last = `HTTP ${r.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`virtuoso-t did not answer on ${origin}/sparql within ${waitMs / 1000} s (${last})\n${logTail()}`);
}
