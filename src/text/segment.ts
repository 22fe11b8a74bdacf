// **segment** splits a telegram's text into segments with [start, end) spans into the original.
// Invariant: text.slice(s.span.start, s.span.end) === s.text for every segment s, and every
// non-whitespace character of the text lies in at least one segment.
//
// Layout is read from structure (blank lines, markers, capitals, length) plus an optional
// vocabulary of line openers ("Received", "Copies to"…) that the caller compiles once from
// data/lexicon/header.yaml; without a vocabulary the segmenter still covers every character.

import type { Span } from './span.js';

export type SegmentKind =
  | 'title'
  | 'header-line'
  | 'distribution'
  | 'copy'
  | 'received'
  | 'priority'
  | 'addressee'
  | 'reference'
  | 'point'
  | 'list-item'
  | 'paragraph'
  | 'sentence'
  | 'signature'
  | 'closing';

export interface Segment {
  readonly kind: SegmentKind;
  readonly span: Span;
  readonly text: string;
  /** 1-based line of span.start. */
  readonly line: number;
  /** A list marker as printed ("3.", "a)", "1 -"), for points, list items and copies. */
  readonly marker?: string;
  /** Index of the enclosing segment in the same array (a sentence's paragraph), if any. */
  readonly parent?: number;
}

/** Words that open a header line of a given kind, and abbreviations that do not end a sentence. */
export interface SegmentVocabulary {
  /** Openers of a distribution list ("Copies to", "Distribution"). */
  readonly distribution?: readonly string[];
  readonly received?: readonly string[];
  readonly priority?: readonly string[];
  /** Openers of the addressee line ("To", "TO COMRADE"). */
  readonly addressee?: readonly string[];
  /** Openers of a reference line ("In response to", "Re:", "To my No."). Checked before addressee. */
  readonly reference?: readonly string[];
  /** Openers of other header lines ("From", "Sent", "Copy No.", "Strictly Secret"). */
  readonly headerFields?: readonly string[];
  /** Tokens after which "." does not end a sentence ("cde", "No", "Mr"), compared case-insensitively. */
  readonly abbreviations?: readonly string[];
}

/** A vocabulary compiled once (see compileSegmenter). */
export interface Segmenter {
  readonly openers: readonly { readonly kind: LineKind; readonly re: RegExp }[];
  readonly abbreviations: ReadonlySet<string>;
}

type LineKind = 'distribution' | 'received' | 'priority' | 'addressee' | 'reference' | 'header-line';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles a vocabulary into line-opener regexes (case-insensitive, whole words). */
export function compileSegmenter(vocab: SegmentVocabulary = {}): Segmenter {
  const order: [LineKind, readonly string[] | undefined][] = [
    ['distribution', vocab.distribution],
    ['received', vocab.received],
    ['priority', vocab.priority],
    ['reference', vocab.reference],
    ['addressee', vocab.addressee],
    ['header-line', vocab.headerFields],
  ];
  const openers = order.flatMap(([kind, words]) => {
    if (!words || words.length === 0) return [];
    const alt = [...words].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
    // An opener ends at a non-letter: "To IVANOV" but not "Top Secret".
    return [{ kind, re: new RegExp(`^(?:\\*\\*)?(?:${alt})(?![\\p{L}])`, 'iu') }];
  });
  return { openers, abbreviations: new Set((vocab.abbreviations ?? []).map((a) => a.replace(/\.$/, '').toLowerCase())) };
}

interface Line {
  /** Trimmed span. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly lineNo: number;
  /** True when a blank line (or the start of the text) precedes it. */
  readonly afterBlank: boolean;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let lineNo = 1;
  let pos = 0;
  let afterBlank = true;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let s = pos;
    let e = nl;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) {
      lines.push({ start: s, end: e, text: text.slice(s, e), lineNo, afterBlank });
      afterBlank = false;
    } else {
      afterBlank = true;
    }
    pos = nl + 1;
    lineNo++;
  }
  return lines;
}

const TITLE_RE = /^(?:\*\*[^*].*\*\*|#{1,3}\s+\S.*)$/;
const COPY_RE = /^(\d{1,2}(?:\s*\.)?(?:\s*[-–—]+|\s*\.-|\))?)\s*(?=\S)/;
const POINT_RE = /^(\d{1,2}\.)\s+(?=\S)/;
const LIST_RE = /^(\(?[a-zа-я]\)|\d{1,2}\))\s+(?=\S)/;
const MID_POINT_RE = /[:;]\s+(\d{1,2}\.)\s+(?=\S)/g;
const SENTENCE_END_RE = /[.!?]+["'”’)\]]*\s+(?=["'“‘(\[]?[\p{Lu}\d])/gu;

function words(s: string): string[] {
  return s.split(/\s+/).filter((w) => w !== '');
}

/** Body prose: enough words, mostly lower case, or a lead-in ending with ":" or ",". */
function isProse(s: string): boolean {
  const ws = words(s.replace(/^\d{1,2}\.\s+/, ''));
  const lower = ws.filter((w) => /^[\p{Ll}]/u.test(w)).length;
  if (ws.length >= 6 && lower / ws.length >= 0.4) return true;
  return /[,:]$/.test(s) && lower >= 1 && lower / ws.length >= 0.3;
}

function isAllCaps(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s.replace(/\[[^[\]]*\]/g, ''));
}

/** A signature line: a short ALL-CAPS name, possibly with initials or an editorial bracket. */
function isSignature(s: string): boolean {
  const ws = words(s.replace(/\[[^[\]]*\]/g, ' '));
  return ws.length >= 1 && ws.length <= 4 && isAllCaps(s) && !/\d/.test(s) && /^[\p{Lu}\p{M}.'’\- ()[\]/*]+$/u.test(s.replace(/\[[^[\]]*\]/g, ''));
}

/** A closing line: short, with a number, and no lower-case word of four letters or more. */
function isClosing(s: string): boolean {
  const ws = words(s);
  return ws.length <= 5 && /\d/.test(s) && !ws.some((w) => /^\p{Ll}{4,}/u.test(w));
}

/** A line of no words: cipher groups, digits and symbols ("QXZR VVTK 48213 55190", "~~~ ~~~"). */
function isNoise(s: string): boolean {
  if (/\p{Ll}{2,}/u.test(s)) return false;
  const ws = words(s);
  const groups = ws.filter((w) => /^(?:\d{4,}|[^\p{L}\d]+|\p{Lu}{4}|\p{Lu}{5})$/u.test(w)).length;
  return ws.length > 0 && groups / ws.length >= 0.6 && !/^\d{1,2}[.)]/.test(s);
}

function classify(line: Line, seg: Segmenter): LineKind | 'title' | undefined {
  if (TITLE_RE.test(line.text)) return 'title';
  for (const o of seg.openers) if (o.re.test(line.text)) return o.kind;
  return undefined;
}

/** Whether the period ending at `dot` (exclusive of following text) closes a sentence. */
function endsSentence(text: string, dot: number, seg: Segmenter): boolean {
  let s = dot;
  while (s > 0 && !/\s/.test(text[s - 1] ?? '')) s--;
  const token = text.slice(s, dot).replace(/^["'“‘(\[]+/, '');
  if (token === '') return true;
  if (/^\p{L}$/u.test(token)) return false; // an initial: "N."
  if (/^(?:\p{L}\.)+\p{L}$/u.test(token)) return false; // "N.V", "U.S"
  if (seg.abbreviations.has(token.toLowerCase())) return false;
  return true;
}

/** Splits a body piece into sentence segments (children of `parent`). */
function pushSentences(out: Segment[], text: string, start: number, end: number, lineOf: (o: number) => number, parent: number, seg: Segmenter): void {
  const body = text.slice(start, end);
  let from = 0;
  const emit = (a: number, b: number): void => {
    let s = a;
    let e = b;
    while (s < e && /\s/.test(body[s] ?? '')) s++;
    while (e > s && /\s/.test(body[e - 1] ?? '')) e--;
    if (e > s) out.push({ kind: 'sentence', span: { start: start + s, end: start + e }, text: body.slice(s, e), line: lineOf(start + s), parent });
  };
  for (const m of body.matchAll(SENTENCE_END_RE)) {
    const idx = m.index;
    if (body[idx] === '.' && !endsSentence(body, idx, seg)) continue;
    const cut = idx + m[0].trimEnd().length;
    emit(from, cut);
    from = cut;
  }
  emit(from, body.length);
}

/**
 * Splits `text` into segments, in reading order (children right after their parent).
 * @example segmentText("URGENT\n\nTo X\n\n1. He said so. He left.", seg)
 *   // priority, addressee, point "1." with two sentence children
 */
export function segmentText(text: string, segmenter?: Segmenter): Segment[] {
  const seg = segmenter ?? compileSegmenter();
  const lines = splitLines(text);
  const lineStarts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const out: Segment[] = [];
  const push = (kind: SegmentKind, start: number, end: number, extra: { marker?: string; parent?: number } = {}): number => {
    out.push({ kind, span: { start, end }, text: text.slice(start, end), line: lineOf(start), ...extra });
    return out.length - 1;
  };

  // 1. The closing zone: trailing signature and closing lines (numbers, dates), read backwards.
  let closingFrom = lines.length;
  while (closingFrom > 0 && lines.length - closingFrom < 6) {
    const l = lines[closingFrom - 1];
    if (!l || !(isSignature(l.text) || isClosing(l.text)) || classify(l, seg) === 'priority') break;
    closingFrom--;
  }

  // 2. The header zone, line by line.
  let i = 0;
  let seenAddress = false;
  let distribution: { index: number; start: number } | undefined;
  const closeDistribution = (): void => {
    if (!distribution) return;
    const d = distribution;
    const last = out[out.length - 1];
    const end = last ? last.span.end : d.start;
    out[d.index] = { kind: 'distribution', span: { start: d.start, end }, text: text.slice(d.start, end), line: lineOf(d.start) };
    distribution = undefined;
  };
  for (; i < closingFrom; i++) {
    const l = lines[i];
    if (!l) break;
    const kind = classify(l, seg);
    const copy = COPY_RE.exec(l.text);
    const short = words(l.text).length <= 6;
    if (distribution && kind === undefined && copy && short && !isProse(l.text)) {
      push('copy', l.start, l.end, { marker: copy[1]?.trim() ?? '', parent: distribution.index });
      continue;
    }
    closeDistribution();
    // After the addressee or a reference, the first line of no known kind opens the body.
    // (a short data line such as a date stays in the header).
    if (seenAddress && kind === undefined && !isClosing(l.text)) break;
    if (kind === undefined) {
      if (isProse(l.text) || (POINT_RE.test(l.text) && !/[-–—]/.test(copy?.[1] ?? ''))) break;
      if (copy && short && /^\d{1,2}\s*(?:\.?\s*[-–—]|\))/.test(l.text)) {
        // A numbered list of recipients without an opener.
        distribution = { index: push('distribution', l.start, l.start), start: l.start };
        push('copy', l.start, l.end, { marker: copy[1]?.trim() ?? '', parent: distribution.index });
        continue;
      }
      if (words(l.text).length > 14) break;
      push('header-line', l.start, l.end);
      continue;
    }
    if (kind === 'distribution') {
      distribution = { index: push('distribution', l.start, l.end), start: l.start };
      // The first copy may share the opener's line: "Copies to: 1 - cde. Stalin".
      const inline = /^(.*?:\s*)(\d{1,2}(?:\s*\.)?(?:\s*[-–—]+|\s*\.-|\))?)\s*\S/.exec(l.text);
      if (inline?.[1] !== undefined && inline[2] !== undefined) {
        const cs = l.start + inline[1].length;
        push('copy', cs, l.end, { marker: inline[2].trim(), parent: distribution.index });
      }
      continue;
    }
    if (kind === 'addressee' || kind === 'reference') seenAddress = true;
    push(kind, l.start, l.end);
  }
  closeDistribution();

  // 3. The body: blocks of lines, broken at blank lines and at lines opening with a marker.
  const blocks: { start: number; end: number }[] = [];
  for (let j = i; j < closingFrom; j++) {
    const l = lines[j];
    if (!l) continue;
    const prev = blocks[blocks.length - 1];
    // Garbled lines (cipher groups, symbols: "0000 0000 ## %%") stand alone, so they can be reported.
    const noise = isNoise(l.text);
    if (noise || (prev && isNoise(text.slice(prev.start, prev.end)))) {
      blocks.push({ start: l.start, end: l.end });
      continue;
    }
    const marked = POINT_RE.test(l.text) || LIST_RE.test(l.text);
    // A sentence broken across a blank line continues in lower case: "… is two\n\nbillion …".
    const continues = prev && /^\p{Ll}/u.test(l.text) && !/[.!?:;]["'”’)\]]*$/.test(text.slice(prev.start, prev.end));
    if (prev && !marked && (!l.afterBlank || continues)) prev.end = l.end;
    else blocks.push({ start: l.start, end: l.end });
  }
  let lastBlock: number | undefined;
  for (const b of blocks) {
    const body = text.slice(b.start, b.end);
    const list = LIST_RE.exec(body);
    if (list?.[1] !== undefined) {
      // A list item belongs to the point or paragraph before it ("… for:"), which is widened to enclose it.
      const owner = lastBlock !== undefined ? out[lastBlock] : undefined;
      if (owner && lastBlock !== undefined) {
        out[lastBlock] = { ...owner, span: { start: owner.span.start, end: b.end }, text: text.slice(owner.span.start, b.end) };
      }
      const idx = push('list-item', b.start, b.end, { marker: list[1], ...(lastBlock !== undefined ? { parent: lastBlock } : {}) });
      pushSentences(out, text, b.start + list[0].length, b.end, lineOf, idx, seg);
      continue;
    }
    // Points may begin mid-paragraph after a colon: "… declared that: 1. He is …".
    const cuts: { at: number; marker?: string; skip: number }[] = [];
    const lead = POINT_RE.exec(body);
    cuts.push(lead?.[1] !== undefined ? { at: 0, marker: lead[1], skip: lead[0].length } : { at: 0, skip: 0 });
    for (const m of body.matchAll(MID_POINT_RE)) {
      const markerAt = m.index + m[0].indexOf(m[1] ?? '', 1);
      if (m[1] !== undefined) cuts.push({ at: markerAt, marker: m[1], skip: m[0].length - (markerAt - m.index) });
    }
    cuts.forEach((c, k) => {
      const next = cuts[k + 1];
      let e = next ? next.at : body.length;
      while (e > c.at && /\s/.test(body[e - 1] ?? '')) e--;
      const s = b.start + c.at;
      const idx =
        c.marker !== undefined ? push('point', s, b.start + e, { marker: c.marker }) : push('paragraph', s, b.start + e);
      lastBlock = idx;
      pushSentences(out, text, s + c.skip, b.start + e, lineOf, idx, seg);
    });
  }

  // 4. The closing zone.
  for (let j = closingFrom; j < lines.length; j++) {
    const l = lines[j];
    if (l) push(isSignature(l.text) ? 'signature' : 'closing', l.start, l.end);
  }
  return out;
}
