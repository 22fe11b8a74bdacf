// **load-inputs** takes a data folder (or one telegram file) and returns the decoded telegrams,
// the parsed lexicons and authorities (RawInputs) and optional dataset metadata. Bad input gives a
// SourceError with a one-line message naming the file (and line:column where there is one).

import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { ConfigError, SourceError } from './errors.js';
import type { RawInputs } from './extract/inputs.js';

/** Default size limit of one telegram file, in bytes. */
export const DEFAULT_MAX_TELEGRAM_BYTES = 1024 * 1024;
/** Size limit of one YAML data file, in bytes. */
export const MAX_YAML_BYTES = 16 * 1024 * 1024;

/** One telegram as read from disk. */
export interface LoadedTelegram {
  /** ASCII slug from the file name without extension. */
  readonly slug: string;
  /** The path as given, for messages. */
  readonly file: string;
  /** The decoded text (UTF-8, without a byte order mark). */
  readonly text: string;
  /** Lower-case hex SHA-256 of the file's bytes. */
  readonly sha256: string;
  /** The parsed `<slug>.meta.yaml` beside it, when there is one. */
  readonly meta?: unknown;
}

export interface LoadedInputs {
  readonly dataDir: string;
  readonly raw: RawInputs;
  /** Sorted by file name. */
  readonly telegrams: readonly LoadedTelegram[];
  /** The parsed data/dataset.yaml (title, description, license…), when there is one. */
  readonly dataset?: unknown;
}

export interface LoadOptions {
  /** Size limit of one telegram file in bytes (default 1 MB). */
  readonly maxTelegramBytes?: number;
}

/** Orders strings by UTF-16 code units, independent of the locale. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} kB` : `${n} bytes`;
}

/** 1-based line and column (in characters) of byte `offset` in UTF-8 `bytes` that are valid before it. */
function byteLineColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: [...prefix].length + 1 };
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b === 0xe0) [need, min] = [2, 0xa0];
    else if (b === 0xed) [need, min, max] = [2, 0x80, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) [need, min] = [2, 0x80];
    else if (b === 0xf0) [need, min] = [3, 0x90];
    else if (b >= 0xf1 && b <= 0xf3) [need, min] = [3, 0x80];
    else if (b === 0xf4) [need, min, max] = [3, 0x80, 0x8f];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Decodes a telegram file's bytes. Throws SourceError for an empty file, a binary file (NUL
 * bytes; UTF-16 is named), invalid UTF-8 (with the line and column of the first bad byte), or a
 * file over the size limit.
 */
export function decodeTelegram(bytes: Uint8Array, file: string, options: LoadOptions = {}): string {
  const max = options.maxTelegramBytes ?? DEFAULT_MAX_TELEGRAM_BYTES;
  if (bytes.length > max) {
    throw new SourceError(`${file}: file is ${formatBytes(bytes.length)}, over the ${formatBytes(max)} limit for one telegram`, 'too-large', file);
  }
  if (bytes.length === 0) throw new SourceError(`${file}: empty file; a telegram needs text`, 'empty-file', file);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new SourceError(`${file}: file is UTF-16 (byte order mark ${bytes[0] === 0xff ? 'FF FE' : 'FE FF'}); save it as UTF-8`, 'utf16', file, { line: 1, column: 1, offset: 0 });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const at = byteLineColumn(bytes, nul);
    throw new SourceError(`${file}:${at.line}:${at.column}: binary file (NUL byte at byte offset ${nul}); a telegram must be UTF-8 text`, 'binary-file', file, { ...at, offset: nul });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    const bad = findInvalidUtf8(bytes);
    const offset = bad < 0 ? 0 : bad;
    const at = byteLineColumn(bytes, offset);
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new SourceError(`${file}:${at.line}:${at.column}: invalid UTF-8 (byte 0x${byte} at byte offset ${offset})`, 'invalid-utf8', file, { ...at, offset }, { cause: error });
  }
  if (text.trim() === '') throw new SourceError(`${file}: empty file (only whitespace); a telegram needs text`, 'empty-file', file);
  return text;
}

/** An ASCII slug from a file name: "1950-10-07-a-to-b.txt" → "1950-10-07-a-to-b". */
export function slugFromFileName(file: string): string {
  const name = basename(file).replace(/\.[^.]*$/, '');
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Parses YAML text; a syntax error becomes a SourceError "file:line:column: message". */
export function parseYaml(text: string, file: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    const what = error.message.split('\n')[0] ?? error.message;
    throw new SourceError(`${file}:${pos.line}:${pos.col}: YAML error: ${what}`, 'yaml-syntax', file, { line: pos.line, column: pos.col, offset: error.pos[0] }, { cause: error });
  }
  return doc.toJS() as unknown;
}

/** A short reason for a failed file-system call. */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return code ?? (error as Error).message;
  }
}

async function readChecked(path: string, max: number, what: string): Promise<Buffer> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new SourceError(`${path}: cannot read ${what}: ${s.isDirectory() ? 'it is a folder' : 'not a regular file'}`, 'not-a-file', path);
    size = s.size;
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(`${path}: cannot read ${what}: ${reason(error)}`, 'unreadable', path, undefined, { cause: error });
  }
  if (size > max) throw new SourceError(`${path}: file is ${formatBytes(size)}, over the ${formatBytes(max)} limit for one ${what}`, 'too-large', path);
  try {
    return await readFile(path);
  } catch (error) {
    throw new SourceError(`${path}: cannot read ${what}: ${reason(error)}`, 'unreadable', path, undefined, { cause: error });
  }
}

async function readYamlFile(path: string): Promise<unknown> {
  const bytes = await readChecked(path, MAX_YAML_BYTES, 'YAML file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    const bad = Math.max(0, findInvalidUtf8(bytes));
    const at = byteLineColumn(bytes, bad);
    throw new SourceError(`${path}:${at.line}:${at.column}: invalid UTF-8 (byte offset ${bad})`, 'invalid-utf8', path, { ...at, offset: bad }, { cause: error });
  }
  return parseYaml(text, path);
}

/** Reads one telegram file from any path (with its `.meta.yaml` beside it, if present). */
export async function loadTelegramFile(path: string, options: LoadOptions = {}): Promise<LoadedTelegram> {
  const max = options.maxTelegramBytes ?? DEFAULT_MAX_TELEGRAM_BYTES;
  const bytes = await readChecked(path, max, 'telegram');
  const text = decodeTelegram(bytes, path, options);
  const slug = slugFromFileName(path);
  if (slug === '') throw new SourceError(`${path}: the file name gives no ASCII slug; rename it (e.g. 1950-10-07-sender-to-recipient.txt)`, 'bad-slug', path);
  const metaPath = path.replace(/\.txt$/i, '.meta.yaml');
  const meta = metaPath !== path && (await isFile(metaPath)) ? await readYamlFile(metaPath) : undefined;
  return {
    slug,
    file: path,
    text,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...(meta !== undefined ? { meta } : {}),
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function listFiles(dir: string, suffixes: readonly string[], required: boolean): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ConfigError(`cannot read the folder ${dir}: ${reason(error)}`, 'data-dir', { cause: error });
  }
  return names
    .filter((n) => suffixes.some((s) => n.toLowerCase().endsWith(s)))
    .sort(byCodeUnits)
    .map((n) => join(dir, n));
}

/** The entries a data/authorities/ file contributes: a list's items, or an `entries` list. */
function authorityEntries(content: unknown, file: string): unknown[] {
  if (content === null || content === undefined) return [];
  if (Array.isArray(content)) return content as unknown[];
  if (typeof content === 'object' && 'entries' in content && Array.isArray(content.entries)) return content.entries as unknown[];
  throw new SourceError(`${file}: expected a YAML list of authority entries (or a mapping with "entries:")`, 'authorities-shape', file);
}

/**
 * Reads what the extractors are driven by: lexicon/*.yaml (keyed by base name) and
 * authorities/*.yaml (entries concatenated). Missing folders give empty inputs.
 */
export async function loadRawInputs(dataDir: string): Promise<RawInputs> {
  const lexicon: Record<string, unknown> = {};
  for (const file of await listFiles(join(dataDir, 'lexicon'), ['.yaml', '.yml'], false)) {
    lexicon[basename(file).replace(/\.ya?ml$/i, '')] = await readYamlFile(file);
  }
  const authorities: unknown[] = [];
  for (const file of await listFiles(join(dataDir, 'authorities'), ['.yaml', '.yml'], false)) {
    authorities.push(...authorityEntries(await readYamlFile(file), file));
  }
  return { lexicon, authorities };
}

/**
 * Reads a data folder: telegrams/*.txt (sorted by name), lexicon/*.yaml (keyed by base name),
 * authorities/*.yaml (entries concatenated) and the optional dataset.yaml.
 * Throws ConfigError for a missing folder, SourceError for a bad file.
 */
export async function loadInputs(dataDir: string, options: LoadOptions = {}): Promise<LoadedInputs> {
  const telegramFiles = await listFiles(join(dataDir, 'telegrams'), ['.txt'], true);
  if (telegramFiles.length === 0) throw new ConfigError(`no telegrams in ${join(dataDir, 'telegrams')} (expected *.txt files)`, 'no-telegrams');
  const telegrams: LoadedTelegram[] = [];
  const slugs = new Map<string, string>();
  for (const file of telegramFiles) {
    const t = await loadTelegramFile(file, options);
    const other = slugs.get(t.slug);
    if (other !== undefined) throw new SourceError(`${file}: gives the same slug "${t.slug}" as ${other}; rename one of them`, 'duplicate-slug', file);
    slugs.set(t.slug, file);
    telegrams.push(t);
  }

  const raw = await loadRawInputs(dataDir);
  const datasetFile = join(dataDir, 'dataset.yaml');
  const dataset = (await isFile(datasetFile)) ? await readYamlFile(datasetFile) : undefined;
  return { dataDir, raw, telegrams, ...(dataset !== undefined ? { dataset } : {}) };
}
