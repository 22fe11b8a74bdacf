// **interop-site** takes nothing and returns the real thing for interop tests: the dataset built by
// the CLI into a temporary folder (the reference dumps) and the real server (startServer) on an
// ephemeral loopback port with a silent logger, plus helpers to fetch from it and run external
// programs without blocking the server (it lives in this process).

import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli.js';
import { createLogger } from '../../../src/serve/log.js';
import { startServer } from '../../../src/server.js';
import { UNUSUAL_TELEGRAM_SLUG, UNUSUAL_TELEGRAM_TEXT } from './unusual-telegram.js';

/** The base IRI of the built data: not the address served, as for a real deployment behind a proxy. */
export const BASE = 'http://localhost:3000/';

export interface InteropSite {
  /** Where the server answers, e.g. "http://127.0.0.1:41234/". */
  readonly url: string;
  readonly base: string;
  /** The temporary folder: the data in `data/`, the CLI's build in `dist/`, files fetched by tests beside it. */
  readonly dir: string;
  /** The CLI build's files: file name → absolute path. */
  readonly dump: ReadonlyMap<string, string>;
  /** GETs `path` (relative to the server URL) and saves the body under `dir`; returns the file path and the response. */
  readonly fetchToFile: (path: string, fileName: string, accept?: string) => Promise<{ file: string; status: number; contentType: string }>;
  readonly close: () => Promise<void>;
}

/**
 * Copies data/ into a temporary folder with one more telegram (unusual-telegram.ts), builds it
 * with the CLI (`cablegraph build`) and serves the same folder with startServer on 127.0.0.1,
 * port 0. Call once per test file (beforeAll); close() in afterAll.
 */
export async function startInteropSite(): Promise<InteropSite> {
  const dir = await mkdtemp(join(tmpdir(), 'cablegraph-interop-'));
  const data = join(dir, 'data');
  await cp('data', data, { recursive: true });
  await writeFile(join(data, 'telegrams', `${UNUSUAL_TELEGRAM_SLUG}.txt`), UNUSUAL_TELEGRAM_TEXT, 'utf8');
  const out = join(dir, 'dist');
  const errors: string[] = [];
  const code = await main(['build', '--data', data, '--out', out, '--base', BASE], { stdout: () => undefined, stderr: (s) => void errors.push(s) });
  if (code !== 0) throw new Error(`cablegraph build failed (exit ${code}): ${errors.join('')}`);
  const dump = new Map((await readdir(out)).map((name) => [name, join(out, name)] as const));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    base: BASE,
    data,
    queryTimeoutMs: 20_000,
    maxResults: 100_000,
    cors: false,
    workers: 1,
    handleSignals: false,
    print: () => undefined,
    logger: createLogger({ silent: true }),
  });
  const fetchToFile: InteropSite['fetchToFile'] = async (path, fileName, accept) => {
    const response = await fetch(new URL(path, server.url), accept !== undefined ? { headers: { accept } } : {});
    const file = join(dir, fileName);
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    return { file, status: response.status, contentType: response.headers.get('content-type') ?? '' };
  };
  return {
    url: server.url,
    base: BASE,
    dir,
    dump,
    fetchToFile,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface ProgramResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a program asynchronously (the server answering it runs in this process, so a synchronous
 * spawn would deadlock) and resolves with its exit code and output, whatever the code.
 */
export function runProgram(command: string, args: readonly string[], options: { input?: string; timeoutMs?: number } = {}): Promise<ProgramResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      [...args],
      { timeout: options.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C.UTF-8', PYTHONIOENCODING: 'utf-8' } },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`${command} ${args.join(' ')}: ${error.message}\n${stderr}`));
          return;
        }
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}
