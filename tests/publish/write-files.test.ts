// writeDatasetFiles: the output folder is replaced as a whole or not at all.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { writeDatasetFiles } from '../../src/publish/write-files.js';

const tmp = mkdtempSync(join(tmpdir(), 'cablegraph-write-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const files = [
  { fileName: 'a.ttl', content: 'new a' },
  { fileName: 'b.nt', content: 'new b' },
  { fileName: 'SHA256SUMS', content: 'sums' },
];

/** Files and folders in `dir` other than the expected ones (temp leftovers). */
const leftovers = (dir: string, keep: string[]) => readdirSync(dir).filter((n) => !keep.includes(n));

describe('writeDatasetFiles', () => {
  it('creates the output folder (and its parents) with exactly the files', async () => {
    const out = join(tmp, 'new', 'dist');
    await writeDatasetFiles(files, out);
    expect(readdirSync(out).sort()).toEqual(['SHA256SUMS', 'a.ttl', 'b.nt']);
    expect(readFileSync(join(out, 'a.ttl'), 'utf8')).toBe('new a');
    expect(leftovers(join(tmp, 'new'), ['dist'])).toEqual([]);
  });

  it('replaces a previous build, removing files it no longer has', async () => {
    const out = join(tmp, 'replace');
    mkdirSync(out);
    writeFileSync(join(out, 'SHA256SUMS'), 'old');
    writeFileSync(join(out, 'stale.ttl'), 'old');
    await writeDatasetFiles(files, out);
    expect(readdirSync(out).sort()).toEqual(['SHA256SUMS', 'a.ttl', 'b.nt']);
    expect(leftovers(tmp, ['new', 'replace'])).toEqual([]);
  });

  it('leaves the previous build untouched and no temp folder when writing fails part-way', async () => {
    const out = join(tmp, 'fail');
    mkdirSync(out);
    writeFileSync(join(out, 'SHA256SUMS'), 'old sums');
    let calls = 0;
    const writeFile = async (path: string, content: string) => {
      if (++calls === 2) throw new Error('disk full');
      writeFileSync(path, content);
    };
    await expect(writeDatasetFiles(files, out, { writeFile })).rejects.toThrow(`cannot write the output folder ${out}: disk full`);
    expect(readdirSync(out)).toEqual(['SHA256SUMS']);
    expect(readFileSync(join(out, 'SHA256SUMS'), 'utf8')).toBe('old sums');
    expect(leftovers(tmp, ['new', 'replace', 'fail'])).toEqual([]);
  });

  it('refuses an output path under a regular file, naming the path', async () => {
    const file = join(tmp, 'plain-file');
    writeFileSync(file, 'x');
    const out = join(file, 'dist');
    const error = await writeDatasetFiles(files, out).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(`cannot write the output folder ${out}: a part of the path is a regular file, not a folder`);
  });

  it('refuses to replace a folder that does not hold a previous build', async () => {
    const out = join(tmp, 'precious');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    await expect(writeDatasetFiles(files, out)).rejects.toThrow(/refusing to replace .*precious: it is not empty and holds no SHA256SUMS/);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses file names with folders', async () => {
    await expect(writeDatasetFiles([{ fileName: '../x', content: '' }], join(tmp, 'names'))).rejects.toThrow(/names must not contain folders/);
    expect(existsSync(join(tmp, 'names'))).toBe(false);
  });
});
