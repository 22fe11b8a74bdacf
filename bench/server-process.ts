// **server-process** takes a data folder and returns `cablegraph serve` running in a child process
// on a free loopback port: its URL, start-up time (spawn to "serving … at URL"), resident memory
// read from /proc, and stop(). A child process, so that a load generator in the benchmark's process
// does not share the server's event loop.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export interface ServerProcess {
  /** e.g. "http://127.0.0.1:41234/" */
  readonly url: string;
  readonly pid: number;
  /** Spawn to the "serving" line, in ms: build + query workers loaded + listening. */
  readonly startMs: number;
  /** Triples the server said it serves. */
  readonly triples: number;
  /** Resident and peak resident memory of the server process now, in MB (workers included). */
  memory(): { rssMb: number; peakRssMb: number };
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  readonly dataDir: string;
  /** Longest wait for the "serving" line, in ms (default 30 min). */
  readonly startTimeoutMs?: number;
  /** Extra arguments for `cablegraph serve` (e.g. ["--max-results", "100000"]). */
  readonly args?: readonly string[];
}

/** The compiled CLI (build/src/cli.js), found from this module in build/bench/ or bench/. */
export function cliScript(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '../src/cli.js'), join(here, '../build/src/cli.js')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('build/src/cli.js not found: run `npm run build` first');
}

/** VmRSS and VmHWM of a process, in MB (0 when /proc is not readable). */
export function processMemory(pid: number): { rssMb: number; peakRssMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: 0, peakRssMb: 0 };
  }
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

/**
 * Starts the server on a free port and resolves once it listens. Rejects with the server's last
 * output when it exits or does not start in time.
 */
export function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const started = performance.now();
  const args = [cliScript(), 'serve', '--data', options.dataDir, '--port', '0', '--host', '127.0.0.1', ...(options.args ?? [])];
  // Request logs go to stderr: keep only the tail for error messages, as a terminal would scroll.
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let errTail = '';
  child.stderr?.on('data', (c: Buffer) => {
    errTail = (errTail + c.toString('utf8')).slice(-2000);
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if (!(await exited(child, 10_000))) {
      child.kill('SIGKILL');
      await exited(child, 5_000);
    }
  };
  return new Promise<ServerProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the server did not start within ${(options.startTimeoutMs ?? 1_800_000) / 1000} s\n${errTail}`));
    }, options.startTimeoutMs ?? 1_800_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      const said = `${out}\n${errTail}`.trim().split('\n').filter((l) => l.trim() !== '');
      reject(new Error(`the server exited (${code}) before listening: ${said.slice(-3).join(' / ').slice(0, 500)}`));
    };
    child.once('exit', onExit);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /serving (\d+) triples from \d+ telegrams? at (\S+)/.exec(out);
      if (m?.[2] === undefined || child.pid === undefined) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      const pid = child.pid;
      resolve({ url: m[2], pid, startMs: performance.now() - started, triples: Number(m[1]), memory: () => processMemory(pid), stop });
    });
  });
}
