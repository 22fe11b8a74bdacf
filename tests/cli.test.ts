// The CLI: user errors print one line "cablegraph: …" (never a stack), exit 2 for usage and 1 for
// input, and leave no partial output; a telegram without a recognisable header still extracts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, normalizeBase, parseDurationMs } from '../src/cli.js';

const ROOT = join(import.meta.dirname, '..');
const FIRST = join(ROOT, 'data/telegrams/1950-10-07-roshchin-to-filippov.txt');
const tmp = mkdtempSync(join(tmpdir(), 'cablegraph-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

/** A data folder holding the given telegrams. */
function dataDir(name: string, telegrams: Record<string, string | Uint8Array>): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'telegrams'), { recursive: true });
  for (const [n, content] of Object.entries(telegrams)) writeFileSync(join(dir, 'telegrams', n), content);
  return dir;
}

/** Asserts a one-line user error with the given exit code. */
function expectOneLineError(r: { code: number; stderr: string; stdout: string }, code: number, message: RegExp): void {
  expect(r.code).toBe(code);
  expect(r.stderr).toMatch(/^cablegraph: [^\n]+\n$/);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stdout).toBe('');
}

describe('cablegraph extract: bad input', () => {
  it.each([
    ['an empty file', () => file('empty.txt', ''), /empty\.txt: empty file/],
    ['a binary file', () => file('binary.txt', Buffer.from([0x41, 0x0a, 0x42, 0x00, 0x43])), /binary\.txt:2:2: binary file/],
    ['invalid UTF-8', () => file('latin1.txt', Buffer.concat([Buffer.from('Line one\nCaf'), Buffer.from([0xe9]), Buffer.from(' noir\n')])), /latin1\.txt:2:4: invalid UTF-8 \(byte 0xE9/],
    ['a 10 MB file', () => file('huge.txt', Buffer.alloc(10 * 1024 * 1024, 0x61)), /huge\.txt: file is 10\.0 MB, over the 1\.0 MB limit for one telegram/],
    ['a missing file', () => join(tmp, 'missing.txt'), /missing\.txt: cannot read telegram: no such file/],
    ['a folder', () => tmp, /cannot read telegram: it is a folder/],
  ])('%s → one line, exit 1', async (_name, makePath, message) => {
    expectOneLineError(await run('extract', makePath()), 1, message);
  });
});

describe('cablegraph extract', () => {
  it('extracts a telegram with no recognisable header: partial graph on stdout, report on stderr, exit 0', async () => {
    const path = file('no-header.txt', 'Some words that look like no telegram header at all.\n\nAnd a second paragraph.\n');
    const r = await run('extract', path, '--format', 'nt');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<http://localhost:3000/id/telegram/no-header> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/cablegraph/ontology#Telegram> .');
    expect(r.stderr).toMatch(/no-header\.txt:\d+:\d+: /);
  });

  it('takes any path and another base, adding the missing "/"', async () => {
    const r = await run('extract', FIRST, '--format', 'ttl', '--base', 'https://example.org/cables');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('@prefix telegram: <https://example.org/cables/id/telegram/>.');
  });

  it('refuses an unknown --format with one line listing the valid formats, exit 2', async () => {
    expectOneLineError(await run('extract', FIRST, '--format', 'yaml'), 2, /unknown format "yaml"; valid formats: ttl, jsonld, nt, nq, trig, rdf/);
  });

  it('refuses a base that is not an absolute http(s) URL, exit 2', async () => {
    expectOneLineError(await run('extract', FIRST, '--base', 'localhost:3000'), 2, /--base must be/);
  });

  it('reports unknown options and commands as usage errors, exit 2', async () => {
    expectOneLineError(await run('extract', FIRST, '--colour'), 2, /unknown option '--colour'/);
    expectOneLineError(await run('frobnicate'), 2, /unknown command 'frobnicate'/);
  });
});

describe('cablegraph build', () => {
  it('writes every file and a report; a second build is byte-identical', async () => {
    const data = dataDir('ok', { 'a.txt': readFileSync(FIRST), 'b.txt': 'Another telegram without a header.\n' });
    const out = join(tmp, 'ok-dist');
    const first = await run('build', '--data', data, '--out', out);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^cablegraph build: 2 telegrams, /);
    expect(first.stdout).toMatch(/^total\s+\d+/m);
    expect(first.stdout).toMatch(/canonical hash \(RDFC-1\.0, SHA-256\): [0-9a-f]{64}/);
    const names = readdirSync(out).sort();
    expect(names).toEqual(['SHA256SUMS', 'cablegraph.framed.jsonld', 'cablegraph.jsonld', 'cablegraph.nq', 'cablegraph.nt', 'cablegraph.rdf', 'cablegraph.trig', 'cablegraph.ttl', 'void.ttl']);
    const before = names.map((n) => readFileSync(join(out, n)));
    expect((await run('build', '--data', data, '--out', out)).code).toBe(0);
    expect(names.map((n) => readFileSync(join(out, n)))).toEqual(before);
  });

  it('refuses an unwritable --out (a path under a regular file) with one line, exit 1, no files', async () => {
    const data = dataDir('ok2', { 'a.txt': 'Text.\n' });
    const plain = file('plain', 'x');
    const r = await run('build', '--data', data, '--out', join(plain, 'dist'));
    expectOneLineError(r, 1, new RegExp(`cannot write the output folder ${join(plain, 'dist')}: a part of the path is a regular file`));
    expect(readFileSync(plain, 'utf8')).toBe('x');
  });

  it.each([
    ['an empty telegram', { 'a.txt': 'Fine.\n', 'b.txt': '' }, /b\.txt: empty file/],
    ['invalid UTF-8', { 'a.txt': Buffer.from([0x61, 0x0a, 0x62, 0xff]) }, /a\.txt:2:2: invalid UTF-8/],
    ['a binary telegram', { 'a.txt': Buffer.from([0x00, 0x01]) }, /a\.txt:1:1: binary file/],
  ])('stops on %s with one line, exit 1, and writes nothing', async (name, telegrams, message) => {
    const data = dataDir(`bad-${name.replace(/\W+/g, '-')}`, telegrams);
    const out = join(tmp, `bad-dist-${name.replace(/\W+/g, '-')}`);
    expectOneLineError(await run('build', '--data', data, '--out', out), 1, message);
    expect(existsSync(out)).toBe(false);
  });

  it('leaves the previous build intact and no temp folder when a serializer fails', async () => {
    const data = dataDir('ff', { 'a.txt': 'Page one.\n' });
    const parent = join(tmp, 'ff-parent');
    const out = join(parent, 'dist');
    expect((await run('build', '--data', data, '--out', out)).code).toBe(0);
    const before = readFileSync(join(out, 'SHA256SUMS'), 'utf8');
    writeFileSync(join(data, 'telegrams', 'b.txt'), 'Page one.\fPage two.\n'); // a form feed: XML 1.0 cannot carry it
    const r = await run('build', '--data', data, '--out', out);
    expectOneLineError(r, 1, /U\+000C.*RDF\/XML/);
    expect(readFileSync(join(out, 'SHA256SUMS'), 'utf8')).toBe(before);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('refuses a missing data folder with one line', async () => {
    expectOneLineError(await run('build', '--data', join(tmp, 'nowhere'), '--out', join(tmp, 'x')), 1, /cannot read the folder .*nowhere.*: no such file/);
  });
});

describe('cablegraph serve flags', () => {
  it.each([
    [['--port', '70000'], /--port must be between 0 and 65535/],
    [['--query-timeout', 'soon'], /--query-timeout must be a duration/],
    [['--max-results', '-3'], /--max-results must be a whole number/],
    [['--sparql-endpoint', 'not a url'], /--sparql-endpoint must be an absolute http\(s\) URL/],
  ])('%j → usage error', async (flags, message) => {
    expectOneLineError(await run('serve', ...flags), 2, message);
  });
});

describe('flag parsing', () => {
  it.each([
    ['http://localhost:3000', 'http://localhost:3000/'],
    ['https://example.org/data', 'https://example.org/data/'],
    ['https://example.org/data/', 'https://example.org/data/'],
  ])('normalizeBase(%s) = %s', (input, expected) => expect(normalizeBase(input)).toBe(expected));
  it.each([['10s', 10_000], ['500ms', 500], ['2m', 120_000], ['3', 3000]])('parseDurationMs(%s) = %d', (input, ms) => expect(parseDurationMs(input, '--t')).toBe(ms));
});

describe('the built binary', () => {
  const bin = join(ROOT, 'build/src/cli.js');
  it.skipIf(!existsSync(bin))('prints one line and exits 2 for an unknown format, with no stack', () => {
    const r = spawnSync(process.execPath, [bin, 'extract', FIRST, '--format', 'docx'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('cablegraph: unknown format "docx"; valid formats: ttl, jsonld, nt, nq, trig, rdf\n');
  });
  it.skipIf(!existsSync(bin))('prints one line and exits 1 for invalid UTF-8', () => {
    const path = file('bin-latin1.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9]));
    const r = spawnSync(process.execPath, [bin, 'extract', path], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`cablegraph: ${path}:1:4: invalid UTF-8 (byte 0xE9 at byte offset 3)\n`);
    expect(r.stdout).toBe('');
  });
});
