// **write-files** takes a build's files and an output folder and writes them atomically: every
// file goes into a temp folder beside the output, which then replaces the output folder by
// rename. On failure nothing partial is left. The only file writing in the pipeline.

import { lstat, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';

export interface WritableFile {
  readonly fileName: string;
  readonly content: string;
}

export interface WriteOptions {
  /** Writes one file (injected by tests to simulate a failure part-way). */
  readonly writeFile?: (path: string, content: string) => Promise<void>;
}

/** The marker that a folder holds a previous build, so it may be replaced. */
const BUILD_MARKER = 'SHA256SUMS';

function errnoCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

function explain(code: string): string {
  switch (code) {
    case 'ENOTDIR':
      return 'a part of the path is a regular file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on device';
    default:
      return code;
  }
}

function unwritable(outDir: string, error: unknown): ConfigError {
  return new ConfigError(`cannot write the output folder ${outDir}: ${explain(errnoCode(error))}`, 'unwritable-out', { cause: error });
}

/** Checks a file name is a plain name (no folders, no "..", no NUL). */
function checkFileName(name: string): void {
  if (name === '' || name === '.' || name === '..' || /[\\/\u0000]/.test(name)) {
    throw new ConfigError(`refusing to write a file named ${JSON.stringify(name)}: names must not contain folders`, 'bad-file-name');
  }
}

/** Whether `dir` may be replaced: it does not exist, is empty, or holds a previous build. */
async function checkReplaceable(dir: string): Promise<boolean> {
  let stats;
  try {
    stats = await lstat(dir);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return false;
    throw unwritable(dir, error);
  }
  if (!stats.isDirectory()) throw new ConfigError(`cannot write the output folder ${dir}: it exists and is not a folder`, 'unwritable-out');
  const names = await readdir(dir);
  if (names.length > 0 && !names.includes(BUILD_MARKER)) {
    throw new ConfigError(`refusing to replace ${dir}: it is not empty and holds no ${BUILD_MARKER} from a previous build`, 'out-not-a-build');
  }
  return true;
}

/**
 * Writes `files` as the whole content of `outDir` (created if missing, replaced if it holds a
 * previous build). Throws ConfigError naming the path when the folder cannot be written; on any
 * failure the previous content of `outDir` (if any) is left as it was and no temp folder remains.
 */
export async function writeDatasetFiles(files: readonly WritableFile[], outDir: string, options: WriteOptions = {}): Promise<void> {
  const out = resolve(outDir);
  for (const f of files) checkFileName(f.fileName);
  const exists = await checkReplaceable(out);
  const parent = dirname(out);
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    throw unwritable(out, error);
  }
  let temp: string;
  try {
    temp = await mkdtemp(join(parent, `.${basename(out)}.tmp-`));
  } catch (error) {
    throw unwritable(out, error);
  }
  const write = options.writeFile ?? ((path: string, content: string) => writeFile(path, content, 'utf8'));
  const old = `${temp}-old`;
  try {
    for (const f of files) await write(join(temp, f.fileName), f.content);
    if (exists) await rename(out, old);
    try {
      await rename(temp, out);
    } catch (error) {
      if (exists) await rename(old, out);
      throw error;
    }
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    if (error instanceof ConfigError) throw error;
    throw unwritable(out, error);
  }
  if (exists) await rm(old, { recursive: true, force: true });
}
