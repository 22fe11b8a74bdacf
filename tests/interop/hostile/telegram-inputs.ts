// **telegram-inputs** takes a telegram's bytes and a seeded generator and returns hostile telegram
// files by category: mutated (byte flips, line shuffles, deletions, duplications), truncated (every
// `step` bytes, and inside a multi-byte character), binary (random bytes, NULs, invalid UTF-8, PNG,
// UTF-16) and degenerate text (very long lines, no newlines, only digits, odd line endings).

import type { Prng } from './prng.js';

export interface TelegramInput {
  readonly category: 'mutated' | 'truncated' | 'binary' | 'degenerate';
  readonly label: string;
  readonly bytes: Buffer;
}

function lines(text: string): string[] {
  return text.split('\n');
}

function shuffle<T>(items: readonly T[], rng: Prng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/** Mutations of the original: byte flips, line shuffles and swaps, deletions, duplications, insertions. */
export function mutatedTelegrams(original: Buffer, rng: Prng): TelegramInput[] {
  const text = original.toString('utf8');
  const out: TelegramInput[] = [];
  for (let i = 0; i < 30; i++) {
    const bytes = Buffer.from(original);
    const flips = rng.int(1, 24);
    for (let k = 0; k < flips; k++) {
      const at = rng.int(0, bytes.length - 1);
      bytes[at] = (bytes[at] ?? 0) ^ (1 << rng.int(0, 6));
    }
    out.push({ category: 'mutated', label: `${flips} bit flips (ASCII-safe bits) #${i}`, bytes });
  }
  for (let i = 0; i < 10; i++) {
    const bytes = Buffer.from(original);
    const at = rng.int(0, bytes.length - 1);
    bytes[at] = rng.int(0x80, 0xff);
    out.push({ category: 'mutated', label: `one high byte at ${at} #${i}`, bytes });
  }
  for (let i = 0; i < 15; i++) out.push({ category: 'mutated', label: `lines shuffled #${i}`, bytes: Buffer.from(shuffle(lines(text), rng).join('\n')) });
  for (let i = 0; i < 15; i++) {
    const all = lines(text);
    const keep = all.filter(() => !rng.chance(0.3));
    out.push({ category: 'mutated', label: `${all.length - keep.length} lines deleted #${i}`, bytes: Buffer.from(keep.join('\n')) });
  }
  for (let i = 0; i < 15; i++) {
    const at = rng.int(0, text.length - 1);
    const len = rng.int(1, 400);
    out.push({ category: 'mutated', label: `${len} characters deleted at ${at}`, bytes: Buffer.from(text.slice(0, at) + text.slice(at + len)) });
  }
  for (let i = 0; i < 10; i++) {
    const all = lines(text);
    const at = rng.int(0, all.length - 1);
    const copies = rng.int(2, 50);
    out.push({ category: 'mutated', label: `line ${at + 1} repeated ${copies} times`, bytes: Buffer.from([...all.slice(0, at), ...Array<string>(copies).fill(all[at] ?? ''), ...all.slice(at + 1)].join('\n')) });
  }
  const inserts = ['[', ']', '"', '“', '(', ')', '1.', '25348', '[sic', 'No. ', 'cde. ', ' - ', '\u0000', '\u200b', '\ufeff', '\r'];
  for (let i = 0; i < 20; i++) {
    let t = text;
    const n = rng.int(1, 20);
    for (let k = 0; k < n; k++) {
      const at = rng.int(0, t.length);
      t = t.slice(0, at) + rng.pick(inserts) + t.slice(at);
    }
    out.push({ category: 'mutated', label: `${n} brackets, quotes, numbers or invisible characters inserted #${i}`, bytes: Buffer.from(t) });
  }
  out.push({ category: 'mutated', label: 'the text twice', bytes: Buffer.concat([original, Buffer.from('\n\n'), original]) });
  out.push({ category: 'mutated', label: 'lines reversed', bytes: Buffer.from(lines(text).reverse().join('\n')) });
  return out;
}

/** The original cut after every `step` bytes, and inside a multi-byte character. */
export function truncatedTelegrams(original: Buffer, step: number): TelegramInput[] {
  const out: TelegramInput[] = [];
  for (let at = 1; at < original.length; at += step) out.push({ category: 'truncated', label: `first ${at} bytes`, bytes: original.subarray(0, at) });
  const multi = original.findIndex((b) => b >= 0xc0);
  const cut = multi >= 0 ? original.subarray(0, multi + 1) : Buffer.concat([original.subarray(0, 200), Buffer.from('Zhou Enla\u00ef').subarray(0, -1)]);
  out.push({ category: 'truncated', label: `cut inside a multi-byte character (byte ${cut.length - 1})`, bytes: cut });
  out.push({ category: 'truncated', label: 'last 300 bytes only', bytes: original.subarray(Math.max(0, original.length - 300)) });
  return out;
}

/** Files that are not UTF-8 text. */
export function binaryTelegrams(rng: Prng): TelegramInput[] {
  const random = (n: number) => Buffer.from(Array.from({ length: n }, () => rng.int(0, 255)));
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), random(200)]);
  return [
    ...[1, 16, 1000, 64_000].map((n) => ({ category: 'binary' as const, label: `${n} random bytes`, bytes: random(n) })),
    { category: 'binary', label: '4,096 NUL bytes', bytes: Buffer.alloc(4096) },
    { category: 'binary', label: 'text with one NUL in the middle', bytes: Buffer.from('CIPHERED TELEGRAM NO. 1\n\nTop\u0000 Secret.\n') },
    { category: 'binary', label: 'PNG header', bytes: png },
    { category: 'binary', label: 'gzip header', bytes: Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), random(100)]) },
    { category: 'binary', label: 'ELF header', bytes: Buffer.concat([Buffer.from('\u007fELF', 'latin1'), random(100)]) },
    { category: 'binary', label: 'UTF-16LE with BOM', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('CIPHERED TELEGRAM NO. 1\nTo FILIPPOV\n', 'utf16le')]) },
    { category: 'binary', label: 'UTF-16BE with BOM', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('CIPHERED TELEGRAM', 'utf16le').swap16()]) },
    { category: 'binary', label: 'UTF-16LE without BOM', bytes: Buffer.from('CIPHERED TELEGRAM NO. 1\n', 'utf16le') },
    { category: 'binary', label: 'lone continuation byte', bytes: Buffer.from([0x54, 0x6f, 0x70, 0x80, 0x0a]) },
    { category: 'binary', label: 'overlong slash', bytes: Buffer.from([0x41, 0xc0, 0xaf, 0x42]) },
    { category: 'binary', label: 'encoded surrogate', bytes: Buffer.from([0x41, 0xed, 0xa0, 0x80, 0x42]) },
    { category: 'binary', label: 'Latin-1 text (é as 0xE9)', bytes: Buffer.from('Telegram from the Ambassador, 7 October 1950. Cde. Molotov: caf\u00e9\n', 'latin1') },
    { category: 'binary', label: 'byte 0xFF at the end', bytes: Buffer.from([0x54, 0x6f, 0x70, 0x0a, 0xff]) },
    { category: 'binary', label: 'empty file', bytes: Buffer.alloc(0) },
    { category: 'binary', label: 'byte order mark only', bytes: Buffer.from([0xef, 0xbb, 0xbf]) },
  ];
}

/** Valid UTF-8 that is no telegram: very long lines, no newlines, only digits, odd line endings. */
export function degenerateTelegrams(original: Buffer, maxBytes: number): TelegramInput[] {
  const text = original.toString('utf8');
  const words = text.replace(/\s+/g, ' ');
  const t = (label: string, s: string): TelegramInput => ({ category: 'degenerate', label, bytes: Buffer.from(s) });
  return [
    t('whitespace only', ' \n\t\r\n   \n'),
    t('one line: the text without newlines', text.replace(/\r?\n/g, ' ')),
    t('one 600 kB line of the text repeated', words.repeat(Math.ceil(600_000 / words.length)).slice(0, 600_000)),
    t('one 60 kB word', 'a'.repeat(60_000)),
    t('only digits, 200 kB', '1234567890'.repeat(20_000)),
    t('only digits on 20,000 lines', '1950\n'.repeat(20_000)),
    t('20,000 numbered points', Array.from({ length: 20_000 }, (_, i) => `${i + 1}. `).join('\n')),
    t('only punctuation', '.,;:!?-–—()[]{}"“”«»\n'.repeat(2000)),
    t('60,000 open brackets', '['.repeat(60_000)),
    t('10,000 nested brackets', `${'['.repeat(5000)}STALIN${']'.repeat(5000)}`),
    t('50,000 quotes', '"'.repeat(50_000)),
    t('header lines only, repeated', 'CIPHERED TELEGRAM NO. 25348\nTop Secret.\nCopies to: 1 - cde. Stalin\n'.repeat(2000)),
    t('all capitals', text.toUpperCase()),
    t('all lower case', text.toLowerCase()),
    t('CRLF line endings', text.replace(/\n/g, '\r\n')),
    t('CR line endings', text.replace(/\n/g, '\r')),
    t('Unicode line separators', text.replace(/\n/g, '\u2028')),
    t('tabs for spaces', text.replace(/ /g, '\t')),
    t('right-to-left overrides', text.replace(/\n/g, '\u202e\n')),
    t('combining marks on every letter', text.slice(0, 1500).replace(/([A-Za-z])/g, '$1\u0301')),
    t('emoji and astral characters', text.replace(/ /g, ' \u{1f600} ')),
    t('Cyrillic lookalikes', text.replace(/a/g, '\u0430').replace(/o/g, '\u043e')),
    t('numbers of 400 digits', `Mao said we have ${'9'.repeat(400)} divisions and ${'1'.repeat(400)}.${'5'.repeat(400)} tanks.\n`),
    t('a thousand amounts', Array.from({ length: 1000 }, (_, i) => `${i} thousand two hundred million dollars, ${i}-${i + 1} divisions`).join('; ')),
    { category: 'degenerate', label: `over the size limit (${maxBytes + 1} bytes)`, bytes: Buffer.alloc(maxBytes + 1, 0x61) },
  ];
}
