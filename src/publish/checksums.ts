// **checksums** takes file contents and returns SHA-256 digests and a SHA256SUMS text in the
// coreutils format ("<hex>  <name>\n", sorted by name), which `sha256sum -c` verifies.

import { createHash } from 'node:crypto';

/** Lower-case hex SHA-256 of the UTF-8 bytes of `content`. */
export function sha256Hex(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

export interface FileDigest {
  readonly fileName: string;
  readonly sha256: string;
}

/**
 * Formats SHA256SUMS: one "<hex>  <name>" line per file (text mode), sorted by name.
 * @example formatSha256Sums([{ fileName: 'a.ttl', sha256: 'ab…' }]) // 'ab…  a.ttl\n'
 */
export function formatSha256Sums(files: readonly FileDigest[]): string {
  return [...files]
    .sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0))
    .map((f) => {
      if (/[\n\r\\]/.test(f.fileName)) throw new Error(`file name ${JSON.stringify(f.fileName)} cannot be listed in SHA256SUMS`);
      if (!/^[0-9a-f]{64}$/.test(f.sha256)) throw new Error(`"${f.sha256}" is not a hex SHA-256 (file ${f.fileName})`);
      return `${f.sha256}  ${f.fileName}\n`;
    })
    .join('');
}

/** Parses a SHA256SUMS text (text or binary mode lines). Throws on a malformed line, naming it. */
export function parseSha256Sums(text: string): FileDigest[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line, i) => {
      const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
      if (!m || m[1] === undefined || m[2] === undefined) throw new Error(`SHA256SUMS line ${i + 1} is malformed: ${JSON.stringify(line)}`);
      return { fileName: m[2], sha256: m[1].toLowerCase() };
    });
}
