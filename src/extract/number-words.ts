// **number-words** takes a text and data/lexicon/numbers.yaml and returns the numbers it prints in
// digits and words ("1,500", "1.5 million", "twenty-one", "two\n\nbillion two hundred million"),
// each with its span and its exact value as a decimal string.

import { ConfigError } from '../errors.js';

const FILE = 'data/lexicon/numbers.yaml';

/** What a number word does inside a number. */
type WordKind = 'one' | 'teen' | 'ten' | 'hundred' | 'scale' | 'dozen' | 'half' | 'article';
type TokenKind = WordKind | 'digits';

/** An exact decimal: value = n / 10^s. */
interface Dec {
  readonly n: bigint;
  readonly s: number;
}

/** Compiled number words; build once with compileNumberLexicon(). */
export interface NumberLexicon {
  /** Global regex over number tokens: group `d` digits, group `w` a number word. */
  readonly tokenRe: RegExp;
  /** Lower-cased word → what it does and its value. */
  readonly words: ReadonlyMap<string, { readonly kind: WordKind; readonly value: string }>;
  /** Bare four-digit numbers in [yearMin, yearMax] are years when nothing is counted. */
  readonly yearMin: number;
  readonly yearMax: number;
  /** Lower-cased scale words ("thousand", "million"). */
  readonly scaleWords: ReadonlySet<string>;
}

/** A number printed in the text. */
export interface NumberMatch {
  /** Canonical decimal string: "1500", "0.5", "2200000000". */
  readonly value: string;
  /** [start, end) in UTF-16 code units. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** At least one token is a word ("five", "million"). */
  readonly hasWords: boolean;
  /** A scale word or hundred multiplies it ("120 thousand", "two hundred"). */
  readonly scaled: boolean;
  /** One bare run of digits: no grouping, decimals or words ("10234", "1951"). */
  readonly plainDigits: boolean;
  /** The first token, lower-cased ("one", "a", "1,500"). */
  readonly first: string;
  /** The number runs across a line break. */
  readonly lineBreak: boolean;
  /** A word that stands alone only as a fraction ("half"). */
  readonly fraction: boolean;
  /** The multiplier of the last word when it is hundred or a scale ("7 thousand" → "1000"). */
  readonly trailingScale?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternation(words: Iterable<string>): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRe).join('|');
}

function stringList(v: unknown, entry: string): string[] {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((x, i) => {
    if (typeof x !== 'string' || x.trim() === '') {
      throw new ConfigError(`${FILE}: "${entry}"[${i}]: expected a non-empty string, found ${JSON.stringify(x)}`, 'lexicon-shape');
    }
    return x.trim().toLowerCase();
  });
}

function wordMap(v: unknown, entry: string, min: number, max: number): [string, number][] {
  if (v === undefined) return [];
  if (!isRecord(v)) throw new ConfigError(`${FILE}: "${entry}" must map words to numbers`, 'lexicon-shape');
  return Object.entries(v).map(([word, value]) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max || word.trim() === '') {
      throw new ConfigError(`${FILE}: "${entry}.${word}": expected a whole number ${min}-${max}, found ${JSON.stringify(value)}`, 'lexicon-shape');
    }
    return [word.trim().toLowerCase(), value];
  });
}

/**
 * Compiles data/lexicon/numbers.yaml (`raw.lexicon.numbers`, already parsed). Without the file,
 * only numbers in digits are found. A malformed entry throws ConfigError naming it.
 */
export function compileNumberLexicon(lex: unknown): NumberLexicon {
  const src = lex ?? {};
  if (!isRecord(src)) throw new ConfigError(`${FILE}: expected a mapping`, 'lexicon-shape');
  const words = new Map<string, { kind: WordKind; value: string }>();
  const put = (word: string, kind: WordKind, value: string): void => {
    const prior = words.get(word);
    if (prior && (prior.kind !== kind || prior.value !== value)) {
      throw new ConfigError(`${FILE}: "${word}" is listed twice with different meanings`, 'lexicon-shape');
    }
    words.set(word, { kind, value });
  };
  for (const [w, n] of wordMap(src['ones'], 'ones', 0, 9)) put(w, 'one', String(n));
  for (const [w, n] of wordMap(src['teens'], 'teens', 10, 19)) put(w, 'teen', String(n));
  for (const [w, n] of wordMap(src['tens'], 'tens', 20, 90)) put(w, 'ten', String(n));
  for (const w of stringList(src['hundred'], 'hundred')) put(w, 'hundred', '100');
  const scales = src['scales'] ?? [];
  if (!Array.isArray(scales)) throw new ConfigError(`${FILE}: "scales" must be a list of { value, forms }`, 'lexicon-shape');
  const scaleWords = new Set<string>();
  scales.forEach((s: unknown, i) => {
    const value = isRecord(s) ? s['value'] : undefined;
    if (!isRecord(s) || typeof value !== 'number' || !Number.isInteger(value) || value < 1000 || !/^10*$/.test(String(value))) {
      throw new ConfigError(`${FILE}: "scales"[${i}]: expected { value: a power of ten ≥ 1000, forms: [...] }`, 'lexicon-shape');
    }
    for (const w of stringList(s['forms'], `scales[${i}].forms`)) {
      put(w, 'scale', String(value));
      scaleWords.add(w);
    }
  });
  const dozen = stringList(src['dozen'], 'dozen');
  for (const w of dozen) put(w, 'dozen', '12');
  const half = stringList(src['half'], 'half');
  for (const w of half) put(w, 'half', '0.5');
  const articles = stringList(src['articles'], 'articles');
  for (const w of articles) put(w, 'article', '1');
  const range = src['yearRange'] ?? [1800, 2099];
  if (!Array.isArray(range) || range.length !== 2 || !range.every((y) => typeof y === 'number' && Number.isInteger(y) && y >= 1000 && y <= 9999)) {
    throw new ConfigError(`${FILE}: "yearRange" must be [first year, last year] (four digits each), found ${JSON.stringify(range)}`, 'lexicon-shape');
  }

  const multiplied = [...words].filter(([, w]) => w.kind === 'hundred' || w.kind === 'scale' || w.kind === 'dozen').map(([k]) => k);
  const plain = [...words].filter(([, w]) => w.kind !== 'article' && w.kind !== 'half').map(([k]) => k);
  const boundary = "(?![\\p{L}\\p{N}_'’])";
  const alternatives: string[] = [];
  if (plain.length > 0) alternatives.push(`(?:${alternation(plain)})${boundary}`);
  if (half.length > 0) {
    const art = articles.length > 0 ? `(?:\\s+(?:${alternation(articles)})${boundary})?` : '';
    alternatives.push(`(?:${alternation(half)})${art}${boundary}`);
  }
  if (articles.length > 0 && multiplied.length > 0) {
    alternatives.push(`(?:${alternation(articles)})(?=\\s+(?:${alternation(multiplied)})${boundary})`);
  }
  const digit = String.raw`(?<![\p{L}\p{N}_]|\p{N}[.,:]|\p{L}[-‑–])(?<d>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?!\d)|\d+(?:\.\d+)?)(?![\p{L}\p{N}_]|[.,:]\p{N})`;
  const word = alternatives.length > 0 ? `|(?<![\\p{L}\\p{N}_'’])(?<w>${alternatives.join('|')})` : '';
  return {
    tokenRe: new RegExp(digit + word, 'giu'),
    words,
    yearMin: range[0] as number,
    yearMax: range[1] as number,
    scaleWords,
  };
}

// ── exact decimals ────────────────────────────────────────────────────────────────────────────

function dec(printed: string): Dec {
  const clean = printed.replace(/[,\s\u00a0\u2009\u202f]/g, '');
  const dot = clean.indexOf('.');
  if (dot < 0) return { n: BigInt(clean), s: 0 };
  return { n: BigInt(clean.slice(0, dot) + clean.slice(dot + 1)), s: clean.length - dot - 1 };
}

function align(a: Dec, s: number): bigint {
  return a.n * 10n ** BigInt(s - a.s);
}

function add(a: Dec, b: Dec): Dec {
  const s = Math.max(a.s, b.s);
  return { n: align(a, s) + align(b, s), s };
}

function mul(a: Dec, b: Dec): Dec {
  return { n: a.n * b.n, s: a.s + b.s };
}

function isZero(a: Dec): boolean {
  return a.n === 0n;
}

/** Canonical decimal string of an exact decimal: no exponent, no trailing fractional zeros. */
function decString(a: Dec): string {
  const neg = a.n < 0n;
  const digits = (neg ? -a.n : a.n).toString().padStart(a.s + 1, '0');
  const int = digits.slice(0, digits.length - a.s);
  const frac = digits.slice(digits.length - a.s).replace(/0+$/, '');
  return (neg ? '-' : '') + int + (frac ? `.${frac}` : '');
}

/** Compares two canonical decimal strings numerically (negative, zero, positive). */
export function compareDecimals(a: string, b: string): number {
  const x = dec(a);
  const y = dec(b);
  const s = Math.max(x.s, y.s);
  const d = align(x, s) - align(y, s);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Adds two decimal strings exactly ("1", "0.5" → "1.5"). */
export function addDecimals(a: string, b: string): string {
  return decString(add(dec(a), dec(b)));
}

/** Multiplies two decimal strings exactly ("1.5", "1000000" → "1500000"). */
export function multiplyDecimals(a: string, b: string): string {
  return decString(mul(dec(a), dec(b)));
}

// ── tokens to numbers ─────────────────────────────────────────────────────────────────────────

interface Token {
  readonly kind: TokenKind;
  readonly value: Dec;
  readonly start: number;
  readonly end: number;
  readonly lower: string;
}

type Gap = 'space' | 'break' | 'hyphen' | 'and' | 'and-a' | 'none';

const STARTS: ReadonlySet<TokenKind> = new Set(['one', 'teen', 'ten', 'digits', 'article', 'half']);

/** Which token kinds may follow which, across plain white space. */
const FOLLOWS: Readonly<Record<TokenKind, ReadonlySet<TokenKind>>> = {
  one: new Set(['hundred', 'scale', 'dozen']),
  teen: new Set(['hundred', 'scale']),
  ten: new Set(['one', 'scale']),
  hundred: new Set(['one', 'teen', 'ten', 'scale']),
  scale: new Set(['one', 'teen', 'ten']),
  digits: new Set(['hundred', 'scale', 'dozen']),
  article: new Set(['hundred', 'scale', 'dozen']),
  half: new Set(['hundred', 'scale', 'dozen']),
  dozen: new Set(),
};

function classifyGap(gap: string): Gap {
  if (gap === '') return 'none';
  if (/^[ \t\u00a0]*[-‑–][ \t\u00a0]*$/.test(gap)) return 'hyphen';
  if (/^\s+and\s+an?\s+$/i.test(gap)) return 'and-a';
  if (/^\s+and\s+$/i.test(gap)) return 'and';
  if (/^[ \t\u00a0]+$/.test(gap)) return 'space';
  // At most one blank line in between: "two\n\nbillion".
  if (/^\s+$/.test(gap) && (gap.match(/\n/g) ?? []).length <= 3) return 'break';
  return 'none';
}

/** Mutable parse state of one number (local to findNumbers). */
interface State {
  total: Dec;
  current: Dec;
  last: TokenKind;
  lastScale: bigint | undefined;
}

function canJoin(st: State, next: Token, gap: Gap, nextText: string): boolean {
  if (gap === 'none') return false;
  if (gap === 'break' && /^\p{Lu}/u.test(nextText) && nextText !== nextText.toUpperCase()) return false;
  if (gap === 'and-a') return next.kind === 'half' && !/\s/.test(next.lower) && ['one', 'teen', 'ten', 'digits', 'hundred'].includes(st.last);
  if (gap === 'and') return (st.last === 'hundred' || st.last === 'scale') && (next.kind === 'one' || next.kind === 'teen' || next.kind === 'ten');
  if (gap === 'hyphen') return st.last === 'ten' && next.kind === 'one' && next.value.n !== 0n;
  if (!FOLLOWS[st.last].has(next.kind)) return false;
  if (st.last === 'ten' && next.kind === 'one' && next.value.n === 0n) return false;
  if (next.kind === 'scale' && st.lastScale !== undefined && next.value.n >= st.lastScale) return false;
  // "two thousand three hundred": a hundred after a scale needs its own ones first (handled by FOLLOWS).
  return true;
}

function apply(st: State, t: Token, gap: Gap): void {
  const one: Dec = { n: 1n, s: 0 };
  switch (t.kind) {
    case 'hundred':
    case 'dozen':
      st.current = mul(isZero(st.current) ? one : st.current, t.value);
      break;
    case 'scale':
      st.total = add(st.total, mul(isZero(st.current) ? one : st.current, t.value));
      st.current = { n: 0n, s: 0 };
      st.lastScale = t.value.n;
      break;
    default:
      st.current = gap === 'and-a' || !isZero(st.current) ? add(st.current, t.value) : t.value;
  }
  st.last = t.kind;
}

/** The tokens of text[from, to): digit runs and number words. */
function tokensOf(text: string, lex: NumberLexicon, from: number, to: number): Token[] {
  const out: Token[] = [];
  // The compiled regex is used in place (lastIndex set here and reset below), not cloned.
  const re = lex.tokenRe;
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (end > to) break;
    const d = m.groups?.['d'];
    if (d !== undefined) {
      out.push({ kind: 'digits', value: dec(d), start: m.index, end, lower: d });
      continue;
    }
    const lower = m[0].toLowerCase();
    const key = lower.split(/\s+/)[0] ?? lower;
    const w = lex.words.get(key);
    if (w) out.push({ kind: w.kind, value: dec(w.value), start: m.index, end, lower });
  }
  re.lastIndex = 0;
  return out;
}

/**
 * Finds the numbers printed in text[from, to), in order, each as long as the grammar of numbers
 * allows ("five-six" is two numbers; "twenty-six" is one). Words that are numbers only in company
 * ("hundred", "a") are not numbers alone.
 * @example findNumbers("is two\n\nbillion two hundred million dollars", lex)[0].value // "2200000000"
 */
export function findNumbers(text: string, lex: NumberLexicon, from = 0, to = text.length): NumberMatch[] {
  const tokens = tokensOf(text, lex, from, to);
  const out: NumberMatch[] = [];
  for (let i = 0; i < tokens.length; ) {
    const first = tokens[i];
    if (!first || !STARTS.has(first.kind)) {
      i++;
      continue;
    }
    const st: State = { total: { n: 0n, s: 0 }, current: { n: 0n, s: 0 }, last: first.kind, lastScale: undefined };
    apply(st, first, 'space');
    let j = i + 1;
    let lineBreak = false;
    let scaled = first.kind === 'hundred' || first.kind === 'scale' || first.kind === 'dozen';
    let hasWords = first.kind !== 'digits';
    let lastEnd = first.end;
    let lastToken = first;
    let count = 1;
    for (; j < tokens.length; j++) {
      const next = tokens[j];
      if (!next) break;
      const gapText = text.slice(lastEnd, next.start);
      const gap = classifyGap(gapText);
      if (!canJoin(st, next, gap, text.slice(next.start, next.end))) break;
      apply(st, next, gap);
      if (gapText.includes('\n')) lineBreak = true;
      if (next.kind === 'hundred' || next.kind === 'scale' || next.kind === 'dozen') scaled = true;
      if (next.kind !== 'digits') hasWords = true;
      lastEnd = next.end;
      lastToken = next;
      count++;
    }
    // An article or "half a" alone is not a number ("a", "half a loaf").
    if (first.kind === 'article' && count === 1) {
      i = j;
      continue;
    }
    const value = decString(add(st.total, st.current));
    const printed = text.slice(first.start, lastEnd);
    out.push({
      value,
      start: first.start,
      end: lastEnd,
      text: printed,
      hasWords,
      scaled,
      plainDigits: count === 1 && first.kind === 'digits' && /^\d+$/.test(first.lower),
      first: first.lower,
      lineBreak,
      fraction: count === 1 && first.kind === 'half',
      ...(lastToken.kind === 'scale' || lastToken.kind === 'hundred' ? { trailingScale: decString(lastToken.value) } : {}),
    });
    i = j;
  }
  return out;
}

/**
 * Reads one whole printed number, or undefined when `printed` is not exactly one number.
 * @example parseNumber("twenty-one", lex) // "21"
 */
export function parseNumber(printed: string, lex: NumberLexicon): string | undefined {
  const trimmed = printed.trim();
  const found = findNumbers(trimmed, lex);
  const only = found[0];
  return found.length === 1 && only && only.start === 0 && only.end === trimmed.length ? only.value : undefined;
}
