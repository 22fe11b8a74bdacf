import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileHeaderRules } from '../../src/extract/header.js';
import { segmentText, type Segment } from '../../src/text/segment.js';
import { FIRST_TELEGRAM, projectInputs } from '../extract/load-test-inputs.js';

const seg = compileHeaderRules(projectInputs()).segmenter;

/** Asserts the segment invariants: spans slice back to their text; every non-space char is covered. */
function expectInvariants(text: string, segments: readonly Segment[]): void {
  const covered = new Uint8Array(text.length);
  for (const s of segments) {
    expect(text.slice(s.span.start, s.span.end)).toBe(s.text);
    expect(s.span.start).toBeLessThan(s.span.end);
    if (s.parent !== undefined) {
      const p = segments[s.parent];
      expect(p && p.span.start <= s.span.start && s.span.end <= p.span.end).toBe(true);
    }
    covered.fill(1, s.span.start, s.span.end);
  }
  // by UTF-16 code unit, as spans count (a surrogate half is not whitespace)
  const missed = Array.from({ length: text.length }, (_, i) => i).filter((i) => /\S/.test(text[i] ?? '') && !covered[i]);
  expect(missed.map((i) => JSON.stringify(text.slice(Math.max(0, i - 10), i + 10)))).toEqual([]);
}

function fixtureTexts(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? fixtureTexts(p) : n.endsWith('.txt') ? [p] : [];
    });
  } catch {
    return [];
  }
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(text: string, seed: number): string {
  const r = rng(seed);
  const pieces = ['\n', '\n\n', ' ', '1. ', 'a) ', 'No. 12', 'cde. ', 'KIM IL SUNG ', '[STAMP]', '**', ':', '.', '\r\n', '\t', 'URGENT', 'To ', '7.10.50'];
  const lines = text.split('\n');
  for (let k = 0; k < 5; k++) {
    const i = Math.floor(r() * lines.length);
    const j = Math.floor(r() * lines.length);
    const [a, b] = [lines[i] ?? '', lines[j] ?? ''];
    lines[i] = b;
    lines[j] = a;
  }
  let out = lines.join(r() < 0.3 ? '\r\n' : '\n');
  for (let k = 0; k < 30; k++) {
    const at = Math.floor(r() * out.length);
    const op = r();
    if (op < 0.4) out = out.slice(0, at) + (pieces[Math.floor(r() * pieces.length)] ?? '') + out.slice(at);
    else if (op < 0.8) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(r() * 5));
    else out = out.slice(0, at) + out.slice(at, at + 20).toUpperCase() + out.slice(at + 20);
  }
  return out;
}

const brief = (s: readonly Segment[], kind: Segment['kind']): string[] => s.filter((x) => x.kind === kind).map((x) => x.marker ?? x.text);

describe('segmentText on the first telegram', () => {
  const segments = segmentText(FIRST_TELEGRAM, seg);

  it('keeps the invariants', () => expectInvariants(FIRST_TELEGRAM, segments));

  it('reads the header lines in order', () => {
    expect(brief(segments, 'title')).toEqual(['**Telegram from Soviet Ambassador N.V. Roshchin to Stalin, 7 October 1950**']);
    expect(brief(segments, 'header-line')).toEqual([
      'CIPHERED TELEGRAM NO. 25348',
      'SECOND CHIEF DIRECTORATE OF THE GENERAL STAFF OF THE SOVIEV ARMY',
      'Top Secret.',
      '7 October 1950',
    ]);
    expect(brief(segments, 'copy')).toEqual(['1 -', '2 -', '3 -', '4 -', '1. -', '2. -', '3. -', '4. -']);
    const dist = segments.findIndex((s) => s.kind === 'distribution');
    expect(segments.filter((s) => s.kind === 'copy').every((c) => c.parent === dist)).toBe(true);
    expect(segments[dist]?.text.startsWith('Copies to: 1 - cde. Stalin')).toBe(true);
    expect(segments[dist]?.text.endsWith('4. - cde. Bulganin')).toBe(true);
    expect(brief(segments, 'received')).toEqual(['Received from Beijing on 11: 55 on 7 October, 1950.']);
    expect(brief(segments, 'priority')).toEqual(['URGENT [*vne ocherednaia*]']);
    expect(brief(segments, 'addressee')).toEqual(['To FILIPPOV [STALIN]']);
    expect(brief(segments, 'reference')).toEqual(['In response to Your no. 4676']);
  });

  it('finds the points (numbering restarts, one begins mid-paragraph) and list items', () => {
    expect(brief(segments, 'point')).toEqual(['1.', '2.', '3.', '4.', '1.', '2.', '3.']);
    const first = segments.find((s) => s.kind === 'point');
    expect(first?.text.startsWith('1. He is in full agreement')).toBe(true);
    expect(segments.some((s) => s.kind === 'paragraph' && s.text === 'MAO ZEDONG declared that:')).toBe(true);
    expect(brief(segments, 'list-item')).toEqual(['a)', 'b)', 'c)']);
    const items = segments.filter((s) => s.kind === 'list-item');
    expect(items.map((s) => segments[s.parent ?? -1]?.marker)).toEqual(['4.', '4.', '4.']);
  });

  it('splits sentences under their paragraph or point, not at abbreviations', () => {
    const sentences = segments.filter((s) => s.kind === 'sentence');
    expect(sentences.every((s) => s.parent !== undefined && ['paragraph', 'point', 'list-item'].includes(segments[s.parent]?.kind ?? ''))).toBe(true);
    const point2 = segments.findIndex((s) => s.kind === 'point' && s.marker === '2.');
    expect(sentences.filter((s) => s.parent === point2).map((s) => s.text.slice(0, 12))).toEqual(['He is very g', 'He emphasize', 'He added tha']);
    // a sentence broken across a blank line stays one sentence
    expect(sentences.some((s) => s.text.startsWith('The entire 1951 budget is two\n\nbillion') && s.text.endsWith('armament.'))).toBe(true);
  });

  it('reads the closing lines', () => {
    expect(brief(segments, 'signature')).toEqual(['ROSHCHIN']);
    expect(brief(segments, 'closing')).toEqual(['No. 2318', '7.10.50']);
    expect(segments.at(-1)?.line).toBe(FIRST_TELEGRAM.split('\n').length);
  });
});

describe('segmentText on other layouts', () => {
  it('does not split sentences at cde., No., N.V., U.S. or initials', () => {
    const text = 'Present were cde. Vasilevsky and No. 5 of N.V. Roshchin. The U.S. corps left. J. Smith came! Then rain.';
    const s = segmentText(text, seg).filter((x) => x.kind === 'sentence').map((x) => x.text);
    expect(s).toEqual(['Present were cde. Vasilevsky and No. 5 of N.V. Roshchin.', 'The U.S. corps left.', 'J. Smith came!', 'Then rain.']);
  });

  it('reads a header of consecutive lines without blank lines', () => {
    const text = [
      'CIPHERED TELEGRAM No. 4581',
      'Strictly Secret',
      'Copy No. 3',
      'From: Pyongyang',
      'To: Moscow',
      'Sent 10 October 1950 at 3:40',
      'Received 10 October 1950 at 9:15',
      'TO COMRADE FILIPPOV',
      'Re: your telegram No. 123',
      'The situation at the front has worsened considerably since yesterday evening.',
      'KIM IL SUNG',
      '10.X.50',
    ].join('\n');
    const s = segmentText(text, seg);
    expectInvariants(text, s);
    expect(s.map((x) => x.kind)).toEqual([
      'header-line', 'header-line', 'header-line', 'header-line', 'addressee', 'header-line', 'received', 'addressee', 'reference',
      'paragraph', 'sentence', 'signature', 'closing',
    ]);
  });

  it('starts the body at once when there is no header', () => {
    const text = 'MAO ZEDONG told me today that the troops are ready to move.\n\n2. They will go.\n\nROSHCHIN';
    const s = segmentText(text, seg);
    expect(s.map((x) => x.kind)).toEqual(['paragraph', 'sentence', 'point', 'sentence', 'signature']);
  });

  it('reads a numbered distribution list without an opener and "[Stamp: …]" lines', () => {
    const text = '[Stamp: Incoming No. 777]\n\nStrictly Secret\n\n1 - cde. Stalin\n2 - cde. Molotov\n\nURGENT\n\nTo FILIPPOV\n\nThe talks are over.';
    const s = segmentText(text, seg);
    expectInvariants(text, s);
    expect(brief(s, 'copy')).toEqual(['1 -', '2 -']);
    expect(brief(s, 'header-line')).toEqual(['[Stamp: Incoming No. 777]', 'Strictly Secret']);
    expect(brief(s, 'priority')).toEqual(['URGENT']);
  });

  it('keeps garbled lines (cipher groups, symbols) as segments of their own', () => {
    const text = 'The enemy has 8 divisions and\n0000 0000 ## %%\nQXZR VVTK 48213 55190\nmorale remains high.';
    const s = segmentText(text, seg).filter((x) => x.kind === 'paragraph').map((x) => x.text);
    expect(s).toEqual(['The enemy has 8 divisions and', '0000 0000 ## %%', 'QXZR VVTK 48213 55190', 'morale remains high.']);
  });

  it('works without a vocabulary and on empty or blank texts', () => {
    expect(segmentText('')).toEqual([]);
    expect(segmentText(' \n\n\t ')).toEqual([]);
    expectInvariants(FIRST_TELEGRAM, segmentText(FIRST_TELEGRAM));
  });
});

describe('segment invariants (property test)', () => {
  const fixtures = fixtureTexts(new URL('../fixtures/', import.meta.url).pathname);
  it.each(fixtures.map((f) => [f]))('holds on fixture %s', (file) => {
    const text = readFileSync(file, 'utf8');
    expectInvariants(text, segmentText(text, seg));
  });

  it('holds on 300 mutated telegrams', () => {
    for (let k = 0; k < 300; k++) {
      const text = mutate(FIRST_TELEGRAM, k + 1);
      expectInvariants(text, segmentText(text, seg));
    }
  });

  it('holds on generated texts of random tokens', () => {
    const r = rng(42);
    const toks = ['1.', 'a)', 'No.', 'cde.', 'URGENT', 'To', 'Received', 'Copies to:', 'ROSHCHIN', '7.10.50', 'word', 'Word.', '\n', '\n\n', ' ', '**', '[x]', ':', '2 -', 'é', '\u00a0', '\r\n'];
    for (let k = 0; k < 300; k++) {
      let text = '';
      const n = Math.floor(r() * 60);
      for (let i = 0; i < n; i++) text += (toks[Math.floor(r() * toks.length)] ?? '') + (r() < 0.7 ? ' ' : '');
      expectInvariants(text, segmentText(text, seg));
    }
  });
});
