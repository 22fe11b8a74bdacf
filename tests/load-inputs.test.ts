// load-inputs: every bad input gives one SourceError line naming the file (and line:column).
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, SourceError } from '../src/errors.js';
import { decodeTelegram, findInvalidUtf8, loadInputs, loadTelegramFile, parseYaml, slugFromFileName } from '../src/load-inputs.js';

const tmp = mkdtempSync(join(tmpdir(), 'cablegraph-load-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

function decodeError(b: Uint8Array, options = {}): SourceError {
  try {
    decodeTelegram(b, 'x.txt', options);
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).not.toContain('\n');
    return error as SourceError;
  }
  throw new Error('expected a SourceError');
}

describe('decodeTelegram', () => {
  it('decodes UTF-8 and drops a byte order mark', () => {
    expect(decodeTelegram(bytes([0xef, 0xbb, 0xbf], 'Пекин'), 'x.txt')).toBe('Пекин');
  });
  it.each([
    ['an empty file', bytes(''), 'empty-file', /x\.txt: empty file/],
    ['a whitespace-only file', bytes(' \n\t\n'), 'empty-file', /only whitespace/],
    ['a binary file', bytes('ab\ncd', [0], 'x'), 'binary-file', /x\.txt:2:3: binary file \(NUL byte/],
    ['a UTF-16 file', bytes([0xff, 0xfe, 0x41, 0x00]), 'utf16', /UTF-16.*save it as UTF-8/],
    ['a lone continuation byte', bytes('line one\nПе', [0x80], 'x'), 'invalid-utf8', /x\.txt:2:3: invalid UTF-8 \(byte 0x80/],
    ['a truncated sequence at the end', bytes('ab', [0xe2, 0x82]), 'invalid-utf8', /x\.txt:1:3: invalid UTF-8 \(byte 0xE2/],
    ['an overlong encoding', bytes([0xc0, 0xaf]), 'invalid-utf8', /x\.txt:1:1: invalid UTF-8/],
    ['an encoded surrogate', bytes('a', [0xed, 0xa0, 0x80]), 'invalid-utf8', /x\.txt:1:2: invalid UTF-8/],
  ])('rejects %s', (_name, input, code, message) => {
    const error = decodeError(input);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
  it('rejects a file over the size limit, saying both sizes', () => {
    const error = decodeError(new Uint8Array(2048).fill(0x61), { maxTelegramBytes: 1024 });
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('x.txt: file is 2.0 kB, over the 1.0 kB limit for one telegram');
  });
  it('gives the position of invalid UTF-8 in the SourceError', () => {
    expect(decodeError(bytes('ab\nc', [0xff])).position).toEqual({ line: 2, column: 2, offset: 4 });
  });
});

describe('findInvalidUtf8', () => {
  it('accepts every well-formed sequence length', () => {
    expect(findInvalidUtf8(Buffer.from('a é € 😀', 'utf8'))).toBe(-1);
  });
  it('finds the first bad byte', () => {
    expect(findInvalidUtf8(bytes('é', [0xf5, 0x80]))).toBe(2);
  });
});

describe('slugFromFileName', () => {
  it.each([
    ['data/telegrams/1950-10-07-a-to-b.txt', '1950-10-07-a-to-b'],
    ['/tmp/Telegram Nr. 5 (Zhou Énlai).txt', 'telegram-nr-5-zhou-enlai'],
    ['x/Пекин.txt', ''],
  ])('%s → %s', (file, slug) => expect(slugFromFileName(file)).toBe(slug));
});

describe('parseYaml', () => {
  it('parses YAML', () => expect(parseYaml('a: [1, 2]\n', 'f.yaml')).toEqual({ a: [1, 2] }));
  it('names file, line and column of a syntax error on one line', () => {
    try {
      parseYaml('a: 1\nb: [1, 2\nc: 3\n', 'data/lexicon/units.yaml');
      throw new Error('expected a SourceError');
    } catch (error) {
      expect(error).toBeInstanceOf(SourceError);
      expect((error as Error).message).toMatch(/^data\/lexicon\/units\.yaml:\d+:\d+: YAML error: /);
      expect((error as Error).message).not.toContain('\n');
    }
  });
  it('rejects duplicate keys', () => {
    expect(() => parseYaml('a: 1\na: 2\n', 'f.yaml')).toThrow(/f\.yaml:2:1: YAML error: .*unique/i);
  });
});

describe('loadInputs', () => {
  const data = join(tmp, 'data');
  mkdirSync(join(data, 'telegrams'), { recursive: true });
  mkdirSync(join(data, 'lexicon'), { recursive: true });
  mkdirSync(join(data, 'authorities'), { recursive: true });
  writeFileSync(join(data, 'telegrams', 'b.txt'), 'Second telegram.\n');
  writeFileSync(join(data, 'telegrams', 'a.txt'), 'First telegram.\n');
  writeFileSync(join(data, 'telegrams', 'a.meta.yaml'), 'archive: X\n');
  writeFileSync(join(data, 'lexicon', 'units.yaml'), 'division: [division, divisions]\n');
  writeFileSync(join(data, 'authorities', 'persons.yaml'), '- slug: a\n- slug: b\n');
  writeFileSync(join(data, 'authorities', 'places.yaml'), 'entries:\n  - slug: c\n');

  it('reads telegrams sorted by name with their hashes and meta, lexicons by name, authorities concatenated', async () => {
    const inputs = await loadInputs(data);
    expect(inputs.telegrams.map((t) => t.slug)).toEqual(['a', 'b']);
    expect(inputs.telegrams[0]?.meta).toEqual({ archive: 'X' });
    expect(inputs.telegrams[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(inputs.raw.lexicon).toEqual({ units: { division: ['division', 'divisions'] } });
    expect(inputs.raw.authorities).toEqual([{ slug: 'a' }, { slug: 'b' }, { slug: 'c' }]);
  });

  it('hashes the file bytes, byte order mark included', async () => {
    const file = join(tmp, 'bom.txt');
    writeFileSync(file, bytes([0xef, 0xbb, 0xbf], 'Text.'));
    const t = await loadTelegramFile(file);
    expect(t.text).toBe('Text.');
    expect(t.sha256).toBe(createHash('sha256').update(bytes([0xef, 0xbb, 0xbf], 'Text.')).digest('hex'));
  });

  it('refuses a 10 MB telegram before reading it, with a clear message', async () => {
    const file = join(tmp, 'big.txt');
    writeFileSync(file, Buffer.alloc(10 * 1024 * 1024, 0x61));
    await expect(loadTelegramFile(file)).rejects.toThrow(`${file}: file is 10.0 MB, over the 1.0 MB limit for one telegram`);
  });

  it('names the YAML file and position of a syntax error', async () => {
    const bad = join(tmp, 'bad');
    mkdirSync(join(bad, 'telegrams'), { recursive: true });
    mkdirSync(join(bad, 'lexicon'), { recursive: true });
    writeFileSync(join(bad, 'telegrams', 'a.txt'), 'Text.\n');
    writeFileSync(join(bad, 'lexicon', 'units.yaml'), 'a: 1\n  b: 2\n');
    await expect(loadInputs(bad)).rejects.toThrow(new RegExp(`^${join(bad, 'lexicon', 'units.yaml')}:\\d+:\\d+: YAML error`));
  });

  it('refuses a folder without telegrams, naming it', async () => {
    const empty = join(tmp, 'empty');
    mkdirSync(join(empty, 'telegrams'), { recursive: true });
    await expect(loadInputs(empty)).rejects.toBeInstanceOf(ConfigError);
    await expect(loadInputs(join(tmp, 'missing'))).rejects.toThrow(/cannot read the folder .*missing/);
  });
});
