// **claims** takes a telegram (text, mentions, header, sender) and returns its reported statements
// (claimant, reporter, speech act, exact words) and the telegrams quoted inside it.
// compileClaimRules() reads data/lexicon/reporting-verbs.yaml once per build; extractClaims() is pure.

import { ConfigError } from '../errors.js';
import { offsetToLineColumn } from '../text/location.js';
import type { Span } from '../text/span.js';
import { compileDateRules, findDates, referenceOf, type DateRules } from './dates.js';
import type { RawInputs, SourceDoc } from './inputs.js';
import type {
  ClaimRecord,
  EntityRef,
  HeaderRecord,
  MentionRecord,
  QuotedTelegramRecord,
  ReportItem,
  StatedDateTime,
} from './record.js';

const FILE = 'data/lexicon/reporting-verbs.yaml';

/** A speech act of the scheme, as the lexicon defines it. */
export interface SpeechActEntry {
  readonly key: string;
  readonly label: string;
  readonly definition: string;
  readonly forms: readonly string[];
}

/** Compiled reporting-verb rules; build once with compileClaimRules(). */
export interface CompiledClaimRules {
  readonly speechActs: readonly SpeechActEntry[];
  /** Global, case-insensitive: every verb form and every speaker-after frame. */
  readonly verbRe: RegExp;
  /** Lower-cased, space-normalised form → speech act and where the speaker stands. */
  readonly formIndex: ReadonlyMap<string, { readonly act: string; readonly speakerAfter: boolean }>;
  /** Anchored at the start: whitespace, then an optional complementizer ("that", "the fact that"). */
  readonly complementizerRe: RegExp;
  /** Anchored at the end: one word allowed between speaker and verb ("also", "firmly"). */
  readonly gapTailRe: RegExp;
  readonly notAfter: ReadonlySet<string>;
  readonly passiveMarkers: ReadonlySet<string>;
  readonly impliedActs: readonly { readonly act: string; readonly re: RegExp }[];
  /** Anchored at the start of a sentence: the sender's own statement ("I am waiting"), by act. */
  readonly senderStatements: readonly { readonly act: string; readonly re: RegExp }[];
  readonly narrationRe: RegExp | null;
  readonly speakerPronouns: ReadonlySet<string>;
  readonly senderPronouns: ReadonlySet<string>;
  readonly unresolvedPronouns: ReadonlySet<string>;
  readonly abbreviations: ReadonlySet<string>;
  /** Words that open a numbered point at a paragraph's start ("Firstly"). */
  readonly pointWords: ReadonlySet<string>;
  /** Anchored: the first line of a quoted telegram that names its addressee ("To Comrade X"). */
  readonly addressLineRe: RegExp | null;
  /** Anchored, whole line: closing words beside a signature ("With respect,"). */
  readonly closingRe: RegExp;
  /** Case-insensitive: a telegram cue in the sentence that introduces a quotation. */
  readonly quoteIntroRe: RegExp | null;
  /** Global: «…», “…”, "…" (across paragraphs: a quoted telegram may have several), ': '…'' and Quote … Unquote blocks (group `body` or `block`). */
  readonly quotationRe: RegExp;
  readonly dates: DateRules;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown, entry: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ConfigError(`${FILE}: "${entry}" must be a list of strings, found ${JSON.stringify(v)}`, 'lexicon-shape');
  return v.map((x, i) => {
    if (typeof x !== 'string' || x.trim() === '') {
      throw new ConfigError(`${FILE}: "${entry}"[${i}]: expected a non-empty string, found ${JSON.stringify(x)}`, 'lexicon-shape');
    }
    return x.trim();
  });
}

function requiredString(v: unknown, entry: string): string {
  if (typeof v !== 'string' || v.trim() === '') {
    throw new ConfigError(`${FILE}: "${entry}": expected a non-empty string, found ${JSON.stringify(v)}`, 'lexicon-shape');
  }
  return v.trim();
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Alternation of phrases, longest first; spaces match any whitespace (line breaks included). */
export function phraseAlternation(phrases: Iterable<string>): string {
  return [...new Set(phrases)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((p) => p.split(/\s+/).map(escapeRe).join('\\s+'))
    .join('|');
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ');
}

/** A regex matching any of `phrases` as whole words, or null for an empty list. */
function phraseRe(phrases: readonly string[], flags: string, anchor = ''): RegExp | null {
  return phrases.length ? new RegExp(`${anchor}(?<![\\w-])(?:${phraseAlternation(phrases)})(?![\\w-])`, flags) : null;
}

const KEY_RE = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Compiles data/lexicon/reporting-verbs.yaml (`raw.lexicon['reporting-verbs']`) and the date rules.
 * Throws ConfigError naming the entry when the file is malformed (a form listed under two acts,
 * a key that is not kebab-case ASCII, a missing label or definition).
 */
export function compileClaimRules(raw: RawInputs): CompiledClaimRules {
  const lex = raw.lexicon['reporting-verbs'] ?? {};
  if (!isRecord(lex)) throw new ConfigError(`${FILE}: expected a mapping`, 'lexicon-shape');
  const actsRaw = lex['speechActs'] ?? {};
  if (!isRecord(actsRaw)) throw new ConfigError(`${FILE}: "speechActs" must map keys to { label, definition, forms }`, 'lexicon-shape');
  const speechActs: SpeechActEntry[] = [];
  const formIndex = new Map<string, { act: string; speakerAfter: boolean }>();
  const addForm = (form: string, act: string, speakerAfter: boolean, entry: string): void => {
    const k = normalise(form);
    const prior = formIndex.get(k);
    if (prior && prior.act !== act) {
      throw new ConfigError(`${FILE}: "${entry}": form "${form}" is already listed under "${prior.act}"`, 'lexicon-shape');
    }
    formIndex.set(k, { act, speakerAfter });
  };
  for (const [key, v] of Object.entries(actsRaw)) {
    if (!KEY_RE.test(key)) throw new ConfigError(`${FILE}: speech act key "${key}" must be lower-case ASCII kebab-case`, 'lexicon-shape');
    if (!isRecord(v)) throw new ConfigError(`${FILE}: "speechActs.${key}" must be a mapping with label, definition, forms`, 'lexicon-shape');
    const forms = stringList(v['forms'], `speechActs.${key}.forms`);
    speechActs.push({
      key,
      label: requiredString(v['label'], `speechActs.${key}.label`),
      definition: requiredString(v['definition'], `speechActs.${key}.definition`),
      forms,
    });
    for (const f of forms) addForm(f, key, false, `speechActs.${key}.forms`);
  }
  const known = new Set(speechActs.map((a) => a.key));
  const actOf = (v: unknown, entry: string): string => {
    const act = requiredString(v, entry);
    if (!known.has(act)) throw new ConfigError(`${FILE}: "${entry}": "${act}" is not a key of speechActs`, 'lexicon-shape');
    return act;
  };
  const after = lex['speakerAfter'] ?? [];
  if (!Array.isArray(after)) throw new ConfigError(`${FILE}: "speakerAfter" must be a list of { form, act }`, 'lexicon-shape');
  after.forEach((x: unknown, i) => {
    if (!isRecord(x)) throw new ConfigError(`${FILE}: "speakerAfter"[${i}] must be { form, act }`, 'lexicon-shape');
    addForm(requiredString(x['form'], `speakerAfter[${i}].form`), actOf(x['act'], `speakerAfter[${i}].act`), true, `speakerAfter[${i}]`);
  });
  const implied = lex['impliedActs'] ?? {};
  if (!isRecord(implied)) throw new ConfigError(`${FILE}: "impliedActs" must map speech act keys to phrases`, 'lexicon-shape');
  const impliedActs = Object.entries(implied).flatMap(([act, phrases]) => {
    const re = phraseRe(stringList(phrases, `impliedActs.${act}`), 'i');
    return re ? [{ act: actOf(act, `impliedActs.${act}`), re }] : [];
  });
  const sender = lex['senderStatements'] ?? {};
  if (!isRecord(sender)) throw new ConfigError(`${FILE}: "senderStatements" must map speech act keys to openers`, 'lexicon-shape');
  const senderStatements = Object.entries(sender)
    .map(([act, openers]) => ({ act: actOf(act, `senderStatements.${act}`), re: phraseRe(stringList(openers, `senderStatements.${act}`), '', '^') }))
    .flatMap((x) => (x.re ? [{ act: x.act, re: x.re }] : []))
    // the longest opener wins: "I am waiting for your instructions" before "I am"
    .sort((a, b) => b.re.source.length - a.re.source.length);
  const pronouns = lex['pronouns'] ?? {};
  if (!isRecord(pronouns)) throw new ConfigError(`${FILE}: "pronouns" must map speaker/sender/unresolved to words`, 'lexicon-shape');
  const quotation = lex['quotation'] ?? {};
  if (!isRecord(quotation)) throw new ConfigError(`${FILE}: "quotation" must be { introducers, open, close }`, 'lexicon-shape');
  const open = stringList(quotation['open'], 'quotation.open');
  const close = stringList(quotation['close'], 'quotation.close');
  const block =
    open.length && close.length
      ? `|(?<![\\w])(?:${phraseAlternation(open)})(?![\\w])[.:,]?(?<block>[\\s\\S]*?)(?<![\\w])(?:${phraseAlternation(close)})(?![\\w])`
      : '';
  const gap = stringList(lex['subjectGap'], 'subjectGap');
  const forms = [...formIndex.keys()];
  return {
    speechActs,
    verbRe: new RegExp(forms.length ? `(?<![\\w-])(?:${phraseAlternation(forms)})(?![\\w-])` : '(?!)', 'gi'),
    formIndex,
    complementizerRe: new RegExp(`^\\s*(?:(?:${phraseAlternation(stringList(lex['complementizers'], 'complementizers'))})(?![\\w-]))?`, 'i'),
    gapTailRe: new RegExp(`(?:^|[\\s,])(?:${gap.length ? `${phraseAlternation(gap)}|` : ''}[a-z]+ly)$`),
    notAfter: new Set(stringList(lex['notAfter'], 'notAfter').map((s) => s.toLowerCase())),
    passiveMarkers: new Set(stringList(lex['passiveMarkers'], 'passiveMarkers').map((s) => s.toLowerCase())),
    impliedActs,
    senderStatements,
    narrationRe: phraseRe(stringList(lex['narration'], 'narration'), 'i'),
    speakerPronouns: new Set(stringList(pronouns['speaker'], 'pronouns.speaker')),
    senderPronouns: new Set(stringList(pronouns['sender'], 'pronouns.sender')),
    unresolvedPronouns: new Set(stringList(pronouns['unresolved'], 'pronouns.unresolved')),
    abbreviations: new Set([
      ...stringList(lex['abbreviations'], 'abbreviations').map((s) => s.toLowerCase().replace(/\.$/, '')),
      // "#" marks a word that abbreviates only before a number ("No. 123", but "No. It is")
      ...stringList(lex['numberAbbreviations'], 'numberAbbreviations').map((s) => `${s.toLowerCase().replace(/\.$/, '')}#`),
    ]),
    quoteIntroRe: phraseRe(stringList(quotation['introducers'], 'quotation.introducers'), 'i'),
    pointWords: new Set(stringList(lex['pointWords'], 'pointWords')),
    addressLineRe: phraseRe(stringList(quotation['addressLines'], 'quotation.addressLines'), '', '^\\s*'),
    closingRe: new RegExp(`^[\\s,.;:!]*(?:(?:${phraseAlternation(stringList(quotation['closings'], 'quotation.closings')) || '(?!)'})(?![\\w-]))?[\\s,.;:!]*$`, 'i'),
    quotationRe: new RegExp(`«(?<body>[^»]*)»|“(?<body2>[^”]*)”|"(?<body3>[^"]*)"|:\\s*'(?<body4>[\\s\\S]*?)'(?=[\\s.,;:)]|$)${block}`, 'g'),
    dates: compileDateRules(raw),
  };
}

// ---------------------------------------------------------------------------------------------
// Sentences

/** A sentence of a region: [start, end) with no surrounding whitespace. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  /** True when the sentence opens a paragraph (or a numbered point inside one). */
  readonly paragraphStart: boolean;
  /** The numbered point's marker as printed ("3."), when the sentence opens a point. */
  readonly pointMarker?: string;
}

const POINT_RE = /^(\d{1,2}[.)])(?=\s)/;
const LIST_ITEM_RE = /^[a-z][).](?=\s)/;

interface Piece {
  start: number;
  end: number;
  paragraphStart: boolean;
  marker?: string;
  /** Ends without terminal punctuation (may continue in the next paragraph). */
  open: boolean;
}

function trimmed(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  return s < e ? { start: s, end: e } : null;
}

/** Paragraphs of [start, end): blocks separated by blank lines, trimmed. */
function paragraphs(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  const re = /\n[ \t\r]*\n/g;
  re.lastIndex = start;
  let from = start;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    const p = trimmed(text, from, m.index);
    if (p) out.push(p);
    from = m.index + m[0].length;
  }
  const last = trimmed(text, from, end);
  if (last) out.push(last);
  return out;
}

/** The run of ASCII letters that ends at `end` (not before `floor`), "" when there is none. */
function wordBefore(s: string, end: number, floor: number): string {
  let i = end;
  while (i > floor && /[A-Za-z]/.test(s.charAt(i - 1))) i--;
  return s.slice(i, end);
}

/** A short line without lower-case letters (a signature, a number) never continues a sentence. */
function looksLikeSignature(s: string): boolean {
  return !/[a-z]/.test(s) && s.split(/\s+/).length <= 5;
}

/**
 * Splits `region` of `text` into sentences, skipping `holes` (quotations), which always end a
 * sentence. A paragraph that ends without terminal punctuation continues into the next one when
 * it ends with , ; : or the next one opens in lower case or with a list item ("a)"), unless the
 * next one opens a numbered point. "1." at the start of a paragraph, or after a colon, opens a point.
 * @example splitSentences("He said: 1. Yes. 2. No.", { start: 0, end: 23 }, new Set()).map((s) => s.pointMarker)
 *   // [undefined, "1.", "2."]
 */
export function splitSentences(
  text: string,
  region: Span,
  abbreviations: ReadonlySet<string>,
  holes: readonly Span[] = [],
  pointWords: ReadonlySet<string> = new Set(),
): Sentence[] {
  const pieces: Piece[] = [];
  const stretches: Span[] = [];
  let from = region.start;
  for (const h of [...holes].sort((a, b) => a.start - b.start)) {
    if (h.start > from) stretches.push({ start: from, end: Math.min(h.start, region.end) });
    from = Math.max(from, h.end);
  }
  if (from < region.end) stretches.push({ start: from, end: region.end });
  // terminal punctuation; a colon before "1."; a line break before a line that opens with "2." or "3)"
  const boundaryRe = /[.!?]["'”»)\]]*(?=\s|$)|:(?=\s+\d{1,2}[.)]\s)|\n(?=[ \t]*\d{1,2}[.)][ \t])/g;
  for (const stretch of stretches) {
    for (const para of paragraphs(text, stretch.start, stretch.end)) {
      const body = text.slice(para.start, para.end);
      let pieceStart = 0;
      let afterColon = false;
      let lastNumber: number | undefined;
      const push = (s: number, e: number, open: boolean): void => {
        const t = trimmed(body, s, e);
        if (!t) return;
        const chunk = body.slice(t.start, t.end);
        const word = /^([A-Z][a-z]+),/.exec(chunk)?.[1];
        const found = POINT_RE.exec(chunk)?.[1] ?? (word !== undefined && pointWords.has(word) && s === 0 ? word : undefined);
        // a marker opens a point at a paragraph's start, after a colon, or as the next number ("1. Yes. 2. No.")
        const next = found !== undefined && lastNumber !== undefined && Number.parseInt(found, 10) === lastNumber + 1;
        const opens = s === 0 || afterColon || next;
        const marker = opens ? found : undefined;
        if (marker !== undefined && /^\d/.test(marker)) lastNumber = Number.parseInt(marker, 10);
        pieces.push({
          start: para.start + t.start,
          end: para.start + t.end,
          paragraphStart: opens,
          ...(marker !== undefined ? { marker } : {}),
          open,
        });
      };
      boundaryRe.lastIndex = 0;
      for (let m = boundaryRe.exec(body); m; m = boundaryRe.exec(body)) {
        const at = m.index;
        if (m[0].startsWith('.')) {
          const printed = wordBefore(body, at, pieceStart);
          const word = printed.toLowerCase();
          if (word !== '' && (abbreviations.has(word) || /^[A-Z]$/.test(printed))) continue;
          if (word !== '' && abbreviations.has(`${word}#`) && /^\s*\d/.test(body.slice(at + 1, at + 4))) continue;
          if (at - pieceStart <= 4 && /^\s*\d{1,2}$/.test(body.slice(pieceStart, at))) continue; // a point marker "3."
        }
        push(pieceStart, at + m[0].length, m[0] === '\n');
        afterColon = m[0] === ':' || m[0] === '\n';
        pieceStart = at + m[0].length;
      }
      push(pieceStart, body.length, true);
    }
  }
  // join pieces across paragraph breaks where the sentence visibly continues
  const out: Sentence[] = [];
  let cur: Piece | undefined;
  for (const p of pieces) {
    if (cur && cur.open && p.paragraphStart && p.marker === undefined) {
      const prevEnd = text.charAt(cur.end - 1);
      const next = text.slice(p.start, p.end);
      const inSameStretch = !holes.some((h) => h.start >= cur!.end && h.end <= p.start);
      if (inSameStretch && (/[,;:]/.test(prevEnd) || /^[a-z]/.test(next) || LIST_ITEM_RE.test(next)) && !looksLikeSignature(next)) {
        cur = { ...cur, end: p.end, open: p.open };
        continue;
      }
    }
    if (cur) out.push(toSentence(cur));
    cur = { ...p };
  }
  if (cur) out.push(toSentence(cur));
  return out;
}

function toSentence(p: Piece): Sentence {
  return { start: p.start, end: p.end, paragraphStart: p.paragraphStart, ...(p.marker !== undefined ? { pointMarker: p.marker } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Regions of a telegram

/**
 * The body of a telegram: the longest stretch of text between header facts (title, numbers,
 * copies, addressee, reference… before it; signature, outgoing number, closing date after it).
 * The whole text when the header is empty.
 */
export function bodyRegion(text: string, header: HeaderRecord): Span {
  const head: Span[] = [];
  const add = (x: { readonly span: Span } | undefined): void => {
    if (x) head.push(x.span);
  };
  add(header.title);
  add(header.classification);
  add(header.issuingOffice);
  add(header.dateSent);
  add(header.receivedFrom);
  add(header.dateReceived);
  add(header.priority);
  add(header.addressee);
  add(header.signature);
  add(header.closingDate);
  for (const x of [...header.identifiers, ...header.copies, ...header.references]) head.push(x.span);
  head.sort((a, b) => a.start - b.start);
  let best: Span = { start: 0, end: 0 };
  let from = 0;
  for (const h of [...head, { start: text.length, end: text.length }]) {
    if (h.start - from > best.end - best.start) best = { start: from, end: h.start };
    from = Math.max(from, h.end);
  }
  return best;
}

/** The date a telegram's year-less dates are read against: sent, received or closing date. */
export function referenceDate(header: HeaderRecord): { year: number; month: number } | undefined {
  const d = header.dateSent ?? header.dateReceived ?? header.closingDate;
  return d ? referenceOf(d) : undefined;
}

/** Builds a report item for `span` of `text`. */
export function reportItem(text: string, code: ReportItem['code'], message: string, span: Span): ReportItem {
  const at = offsetToLineColumn(text, span.start);
  return { code, message, span, line: at.line, column: at.column, text: text.slice(span.start, span.end) };
}

/** Mentions sorted by start, with lookups by start and by end offset. */
export interface MentionIndex {
  readonly sorted: readonly MentionRecord[];
  readonly byStart: ReadonlyMap<number, MentionRecord>;
  readonly byEnd: ReadonlyMap<number, MentionRecord>;
}

/** Index in `index.sorted` of the first mention that starts at or after `pos` (binary search). */
export function firstMentionFrom(index: MentionIndex, pos: number): number {
  let lo = 0;
  let hi = index.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((index.sorted[mid]?.span.start ?? Infinity) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when some mention overlaps [start, end). Mentions are assumed shorter than 300 code units. */
function overlapsMention(index: MentionIndex, start: number, end: number): boolean {
  for (let i = firstMentionFrom(index, end) - 1; i >= 0; i--) {
    const m = index.sorted[i];
    if (!m || m.span.start < start - 300) break;
    if (m.span.start < end && start < m.span.end) return true;
  }
  return false;
}

/** Indexes mentions by start and end offset (the longest wins at a shared offset). */
export function indexMentions(mentions: readonly MentionRecord[]): MentionIndex {
  const sorted = [...mentions].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const byStart = new Map<number, MentionRecord>();
  const byEnd = new Map<number, MentionRecord>();
  for (const m of sorted) {
    if (!byStart.has(m.span.start)) byStart.set(m.span.start, m);
    const e = byEnd.get(m.span.end);
    if (!e || e.span.start > m.span.start) byEnd.set(m.span.end, m);
  }
  return { sorted, byStart, byEnd };
}

/** The mention that starts at `pos` after whitespace and at most one honorific-like word ("cde."). */
export function mentionAfter(text: string, pos: number, index: MentionIndex, limit: number): MentionRecord | undefined {
  let p = pos;
  while (p < limit && /\s/.test(text.charAt(p))) p++;
  const direct = index.byStart.get(p);
  if (direct) return direct;
  const word = /^[a-z]+\.?\s+/.exec(text.slice(p, Math.min(limit, p + 20)));
  return word ? index.byStart.get(p + word[0].length) : undefined;
}

export function sameEntity(a: EntityRef | undefined, b: EntityRef | undefined): boolean {
  return a !== undefined && b !== undefined && a.type === b.type && a.slug === b.slug;
}

// ---------------------------------------------------------------------------------------------
// Quotations

interface Quotation {
  /** The quoted text (inside the delimiters). */
  readonly content: Span;
  readonly intro: Span;
  readonly author?: EntityRef;
  readonly recipient?: EntityRef;
  readonly dateSent?: StatedDateTime;
  readonly depth: number;
}

/** Start of the sentence that ends at `pos` (whitespace before `pos` skipped), not before `floor`. */
function sentenceStartBefore(text: string, pos: number, floor: number): number {
  let end = pos;
  while (end > floor && /\s/.test(text.charAt(end - 1))) end--;
  const lo = Math.max(floor, end - 400);
  const head = text.slice(lo, end);
  let cut = 0;
  for (const m of head.matchAll(/[.!?]["'”»)]*\s+|\n[ \t\r]*\n\s*/g)) cut = m.index + m[0].length;
  return lo + cut;
}

const AUTHOR_AFTER_RE = /^(?:'s|’s)?\s+(?:telegraphed|cabled|wired|wrote|writes|telegram|cable)\b/i;

function findQuotations(
  text: string,
  region: Span,
  rules: CompiledClaimRules,
  index: MentionIndex,
  reference: { year: number; month: number } | undefined,
  depth: number,
  report: ReportItem[],
): Quotation[] {
  if (depth > 3) return [];
  const out: Quotation[] = [];
  const re = new RegExp(rules.quotationRe.source, 'gd');
  re.lastIndex = region.start;
  for (let m = re.exec(text); m && m.index < region.end; m = re.exec(text)) {
    const whole = { start: m.index, end: m.index + m[0].length };
    if (whole.end > region.end) break;
    const g = m.indices?.groups ?? {};
    const inner = g['block'] ?? g['body'] ?? g['body2'] ?? g['body3'] ?? g['body4'];
    if (inner === undefined) continue;
    const content = trimmed(text, inner[0], inner[1]);
    if (!content) continue;
    const intro = { start: sentenceStartBefore(text, whole.start, region.start), end: whole.start };
    const introText = text.slice(intro.start, intro.end);
    const isBlock = m.groups?.['block'] !== undefined;
    if (!isBlock && !(rules.quoteIntroRe?.test(introText) ?? false)) continue;
    let author: EntityRef | undefined;
    let recipient: EntityRef | undefined;
    for (const mention of index.sorted) {
      if (mention.span.start < intro.start || mention.span.end > intro.end) continue;
      const before = text.slice(Math.max(intro.start, mention.span.start - 24), mention.span.start);
      const after = text.slice(mention.span.end, Math.min(intro.end + 1, mention.span.end + 20));
      if (!author && (/\bfrom\s+(?:[A-Za-z]+\.?\s+)?$/i.test(before) || AUTHOR_AFTER_RE.test(after))) author = mention.entity;
      else if (!recipient && /\bto\s+(?:[A-Za-z]+\.?\s+)?$/i.test(before)) recipient = mention.entity;
    }
    const lineOf = (pos: number): Span => {
      const start = Math.max(content.start, text.lastIndexOf('\n', pos - 1) + 1);
      const end = text.indexOf('\n', pos);
      return { start, end: end < 0 || end > content.end ? content.end : end };
    };
    const mentionsIn = (line: Span): MentionRecord[] => index.sorted.filter((x) => x.span.start >= line.start && x.span.end <= line.end);
    // its own addressee: "To Comrade PETROV" on its first line
    const firstLine = lineOf(content.start);
    if (!recipient && rules.addressLineRe?.test(text.slice(firstLine.start, firstLine.end))) {
      recipient = mentionsIn(firstLine).find((x) => x.entity.type === 'Person')?.entity;
    }
    // its own signature: a line near its end holding only names and closing words
    const lines = text.slice(content.start, content.end).split('\n');
    const tail = lines.slice(-5).join('\n');
    const tailStart = content.end - tail.length;
    if (!author) {
      for (let pos = tailStart; pos < content.end; ) {
        const line = lineOf(pos);
        const names = mentionsIn(line).filter((x) => x.entity.type === 'Person');
        let rest = text.slice(line.start, line.end);
        for (const n of [...names].reverse()) rest = rest.slice(0, n.span.start - line.start) + rest.slice(n.span.end - line.start);
        if (names[0] && rules.closingRe.test(rest)) {
          author = names[0].entity;
          break;
        }
        pos = line.end + 1;
      }
    }
    // its closing date, else the date the introduction gives
    const dateSent = findDates(tail, tailStart, rules.dates, reference).at(-1) ?? findDates(introText, intro.start, rules.dates, reference)[0];
    if (!author) {
      report.push(reportItem(text, 'ambiguous', 'quoted telegram: the text does not say who wrote it', content));
    }
    out.push({
      content,
      intro,
      depth,
      ...(author ? { author } : {}),
      ...(recipient ? { recipient } : {}),
      ...(dateSent ? { dateSent } : {}),
    });
    out.push(...findQuotations(text, content, rules, index, reference, depth + 1, report));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Claims

interface Frame {
  readonly act: string;
  readonly verbSpan: Span;
  readonly speaker?: EntityRef;
  /** Start of the reporting frame (speaker or verb) and its end (verb, complementizer or speaker). */
  readonly frameStart: number;
  readonly frameEnd: number;
  readonly speakerAfter: boolean;
  readonly unresolved?: string;
}

interface RegionContext {
  readonly region: Span;
  readonly holes: readonly Span[];
  /** Who reports the claims (sender, or a quoted telegram's author) and who "I" is. */
  readonly reporter?: EntityRef;
  readonly quotedIn?: number;
}

interface State {
  /** The last person who spoke: what "he"/"she" refer to. */
  speaker: EntityRef | undefined;
  /** The frame of "X declared that:", which heads the numbered points that follow. */
  heading: Frame | undefined;
  headingJustSet: boolean;
  /** The last frame in the current paragraph (or point heading), inherited by unframed sentences. */
  lastFrame: Frame | undefined;
  point: string | undefined;
  /** Who speaks in the current point: later paragraphs belong to the point while this speaker speaks. */
  pointSpeaker: EntityRef | undefined;
  /** A new paragraph opened inside a point: it stays in the point only if the point's speaker speaks first. */
  pointPending: boolean;
}

const TRAIL_RE = /(?:[\s.,;:!?]|\s(?:but|and|while|whereas|or))+$/;

function trimContent(text: string, start: number, end: number): Span | null {
  const t = trimmed(text, start, end);
  if (!t) return null;
  const tail = TRAIL_RE.exec(text.slice(t.start, t.end));
  const e = tail ? t.start + tail.index : t.end;
  const lead = POINT_RE.exec(text.slice(t.start, e));
  const s = lead ? t.start + lead[0].length : t.start;
  return trimmed(text, s, e);
}

/** Strips words allowed between a speaker and the verb ("also", ", however,") from the end. */
function stripGap(prefix: string, rules: CompiledClaimRules): string {
  let p = prefix.replace(/\s+$/, '').replace(/\s*\([^()]{1,40}\)$/, '');
  for (let i = 0; i < 4; i++) {
    const q = p.replace(/\s*,$/, '');
    const m = rules.gapTailRe.exec(q);
    if (!m) break;
    p = q.slice(0, m.index + (m[0].length > 0 && /[\s,]/.test(m[0].charAt(0)) ? 1 : 0)).replace(/[\s,]+$/, '');
  }
  return p;
}

function lastWord(s: string): { word: string; start: number } | undefined {
  const m = /(?:^|[^\w'])(\w+)$/.exec(s);
  return m?.[1] !== undefined ? { word: m[1], start: s.length - m[1].length } : undefined;
}

/** A reporting-verb form found in the text: [start, end) and the form as printed. */
interface VerbHit {
  readonly start: number;
  readonly end: number;
  readonly form: string;
}

function findFrames(text: string, s: Sentence, hits: readonly VerbHit[], rules: CompiledClaimRules, index: MentionIndex): Frame[] {
  const frames: Frame[] = [];
  for (const h of hits) {
    const vs = h.start;
    let ve = h.end;
    if (overlapsMention(index, vs, ve)) continue;
    const entry = rules.formIndex.get(normalise(h.form));
    if (!entry) continue;
    // only the last words before the verb matter: a window keeps the end-anchored regexes cheap
    const w = Math.max(s.start, vs - 80);
    const before = text.slice(w, vs);
    const prev = lastWord(before.replace(/\s+$/, ''));
    const prevWord = prev && /\s$/.test(before) ? prev.word.toLowerCase() : undefined;
    if (prevWord !== undefined && rules.notAfter.has(prevWord)) continue;
    const comp = rules.complementizerRe.exec(text.slice(ve, Math.min(s.end, ve + 40)));
    const verbEnd = comp && comp[0].trim() !== '' ? ve + comp[0].length : ve;
    const base = { act: entry.act, verbSpan: { start: vs, end: verbEnd }, speakerAfter: entry.speakerAfter };
    if (entry.speakerAfter) {
      const who = mentionAfter(text, ve, index, s.end);
      frames.push(who ? { ...base, speaker: who.entity, frameStart: vs, frameEnd: who.span.end } : { ...base, frameStart: vs, frameEnd: verbEnd, unresolved: 'no speaker after the frame' });
      continue;
    }
    if (prevWord !== undefined && rules.passiveMarkers.has(prevWord)) {
      frames.push({ ...base, frameStart: vs, frameEnd: verbEnd, unresolved: 'passive: the speaker is not stated' });
      continue;
    }
    const p = stripGap(before, rules);
    const subj = index.byEnd.get(w + p.length);
    if (subj && subj.span.start >= s.start) {
      frames.push({ ...base, speaker: subj.entity, frameStart: subj.span.start, frameEnd: verbEnd });
      continue;
    }
    const pw = lastWord(p);
    if (pw && (rules.speakerPronouns.has(pw.word) || rules.senderPronouns.has(pw.word) || rules.unresolvedPronouns.has(pw.word))) {
      frames.push({ ...base, frameStart: w + pw.start, frameEnd: verbEnd, unresolved: `pronoun:${pw.word}` });
      continue;
    }
    const inverted = mentionAfter(text, ve, index, s.end);
    if (inverted && /^\s*$/.test(text.slice(ve, inverted.span.start).replace(/^\s*[a-z]+\.?/, ''))) {
      ve = inverted.span.end;
      frames.push({ ...base, speaker: inverted.entity, frameStart: vs, frameEnd: ve });
      continue;
    }
    const invertedPronoun = /^\s+(\w+)\b/.exec(text.slice(ve, Math.min(s.end, ve + 40)));
    if (invertedPronoun?.[1] !== undefined && rules.speakerPronouns.has(invertedPronoun[1])) {
      frames.push({ ...base, frameStart: vs, frameEnd: ve + invertedPronoun[0].length, unresolved: `pronoun:${invertedPronoun[1]}` });
      continue;
    }
    frames.push({ ...base, frameStart: vs, frameEnd: verbEnd, unresolved: 'no speaker before or after the reporting verb' });
  }
  // A later frame splits the sentence only after a clause break (", but he believes"); otherwise
  // it is nested inside the earlier frame's words ("He said that X told him…") and is not a claim.
  const kept: Frame[] = [];
  for (const f of frames) {
    const prev = kept[kept.length - 1];
    if (prev && !/(?:[,;:]|\b(?:but|and|while|whereas|however))\s*$/i.test(text.slice(prev.frameEnd, f.frameStart))) continue;
    if (prev && f.frameStart < prev.frameEnd) continue;
    kept.push(f);
  }
  return kept;
}

/** The last mention of a person before `pos` in the region, other than `except`. */
function lastPersonBefore(index: MentionIndex, region: Span, pos: number, except: EntityRef | undefined): EntityRef | undefined {
  let found: EntityRef | undefined;
  for (const m of index.sorted) {
    if (m.span.start >= pos) break;
    if (m.span.start >= region.start && m.entity.type === 'Person' && !sameEntity(m.entity, except)) found = m.entity;
  }
  return found;
}

/** The frame with its speaker resolved (and no `unresolved` note). */
function withSpeaker(f: Frame, speaker: EntityRef): Frame {
  return { act: f.act, verbSpan: f.verbSpan, frameStart: f.frameStart, frameEnd: f.frameEnd, speakerAfter: f.speakerAfter, speaker };
}

/** Resolves a frame's pronoun speaker; returns the frame with `speaker` set, or with `unresolved` kept. */
function resolveSpeaker(f: Frame, ctx: RegionContext, st: State, index: MentionIndex, rules: CompiledClaimRules): Frame {
  if (f.speaker || f.unresolved === undefined || !f.unresolved.startsWith('pronoun:')) return f;
  const word = f.unresolved.slice('pronoun:'.length);
  if (rules.senderPronouns.has(word)) {
    return ctx.reporter ? withSpeaker(f, ctx.reporter) : { ...f, unresolved: `"${word}" stands for the telegram's author, who is not known` };
  }
  if (rules.speakerPronouns.has(word)) {
    const who = st.speaker ?? lastPersonBefore(index, ctx.region, f.frameStart, ctx.reporter);
    return who ? withSpeaker(f, who) : { ...f, unresolved: `"${word}" has no speaker to refer to` };
  }
  return { ...f, unresolved: `"${word}" may stand for several people` };
}

/** The words of a frame: after it ("declared that <words>"), or the whole clause when the frame is parenthetical. */
function frameContent(text: string, f: Frame, clauseStart: number, limit: number, rules: CompiledClaimRules, index: MentionIndex): Span | null {
  const beforeFrame = text.slice(clauseStart, f.frameStart);
  const afterFrame = text.slice(f.frameEnd, limit);
  if (/^\s*,/.test(afterFrame) && /\S\s*,\s*$/.test(beforeFrame) && trimContent(text, clauseStart, f.frameStart) !== null) {
    return trimContent(text, clauseStart, limit); // "Such a situation, said X, might…"
  }
  if (/^[\s.!?;]*$/.test(afterFrame) && /\S\s*,\s*$/.test(beforeFrame)) {
    const before = trimContent(text, clauseStart, f.frameStart);
    if (before) return before; // "The front holds, said KIM IL SUNG."
  }
  let pos = f.frameEnd;
  if (!f.speakerAfter && !/\bthat$/i.test(text.slice(f.verbSpan.start, f.verbSpan.end))) {
    // the addressee: "told PETROV that", "informed me today that"
    const obj = mentionAfter(text, pos, index, limit);
    const objEnd = obj ? obj.span.end : pos + (/^\s+(?:him|her|me|us|you|them)\b/.exec(afterFrame)?.[0].length ?? 0);
    const tail = /^(?:\s+[a-z]+){0,2}?\s*(?:,|:|that\b)/.exec(text.slice(objEnd, limit));
    if (objEnd > pos && tail) pos = objEnd + tail[0].length - (tail[0].endsWith('that') ? 4 : 1);
  }
  const lead = /^[\s,:]*/.exec(text.slice(pos, limit))?.[0].length ?? 0;
  const comp = rules.complementizerRe.exec(text.slice(pos + lead, limit));
  pos += lead + (comp?.[0].length ?? 0);
  return trimContent(text, pos, limit);
}

function processRegion(
  text: string,
  ctx: RegionContext,
  rules: CompiledClaimRules,
  index: MentionIndex,
  claims: ClaimRecord[],
  report: ReportItem[],
): void {
  const st: State = {
    speaker: undefined,
    heading: undefined,
    headingJustSet: false,
    lastFrame: undefined,
    point: undefined,
    pointSpeaker: undefined,
    pointPending: false,
  };
  const emit = (frame: Frame, span: Span, act: string, point: boolean): void => {
    const actLabel = rules.speechActs.find((a) => a.key === act)?.label;
    claims.push({
      kind: 'claim',
      ...(frame.speaker ? { claimant: frame.speaker } : {}),
      ...(ctx.reporter ? { reportedBy: ctx.reporter } : {}),
      speechAct: act,
      ...(actLabel !== undefined ? { speechActLabel: actLabel } : {}),
      verbAsPrinted: text.slice(frame.verbSpan.start, frame.verbSpan.end),
      verbSpan: frame.verbSpan,
      text: text.slice(span.start, span.end),
      span,
      ...(point && st.point !== undefined ? { pointAsPrinted: st.point } : {}),
      ...(ctx.quotedIn !== undefined ? { quotedIn: ctx.quotedIn } : {}),
    });
  };
  /** Decides whether a new paragraph inside a point still belongs to it, from who speaks first. */
  const settlePoint = (speaker: EntityRef | undefined): void => {
    if (!st.pointPending) return;
    st.pointPending = false;
    if (!sameEntity(speaker, st.pointSpeaker)) {
      st.point = undefined;
      st.pointSpeaker = undefined;
    }
  };
  const hits: VerbHit[] = [];
  for (const m of text.slice(ctx.region.start, ctx.region.end).matchAll(rules.verbRe)) {
    const start = ctx.region.start + m.index;
    hits.push({ start, end: start + m[0].length, form: m[0] });
  }
  let h = 0;
  for (const s of splitSentences(text, ctx.region, rules.abbreviations, ctx.holes, rules.pointWords)) {
    while (h < hits.length && (hits[h]?.start ?? Infinity) < s.start) h++;
    const inSentence: VerbHit[] = [];
    for (let k = h; k < hits.length; k++) {
      const hit = hits[k];
      if (!hit || hit.start >= s.end) break;
      if (hit.end <= s.end) inSentence.push(hit);
    }
    if (s.pointMarker !== undefined) {
      st.point = s.pointMarker;
      st.pointSpeaker = st.heading?.speaker;
      st.pointPending = false;
      st.lastFrame = st.heading;
    } else if (s.paragraphStart) {
      if (!st.headingJustSet) st.lastFrame = undefined;
      if (st.point !== undefined) st.pointPending = true;
    }
    st.headingJustSet = false;
    const found = findFrames(text, s, inSentence, rules, index);
    if (found.length === 0) {
      const content = trimContent(text, s.start, s.end);
      if (!content) continue;
      const words = text.slice(content.start, content.end);
      if (rules.narrationRe?.test(words)) {
        st.lastFrame = undefined;
        continue;
      }
      let own: { act: string; length: number } | undefined;
      for (const x of rules.senderStatements) {
        const m = x.re.exec(words);
        if (m && (!own || m[0].length > own.length)) own = { act: x.act, length: m[0].length };
      }
      if (own) {
        settlePoint(ctx.reporter);
        const frame: Frame = {
          act: own.act,
          verbSpan: { start: content.start, end: content.start + own.length },
          frameStart: content.start,
          frameEnd: content.start,
          speakerAfter: false,
          ...(ctx.reporter ? { speaker: ctx.reporter } : {}),
        };
        if (!ctx.reporter) report.push(reportItem(text, 'ambiguous', "the author's own statement, but the telegram's author is not known", content));
        emit(frame, content, own.act, st.point !== undefined && sameEntity(ctx.reporter, st.pointSpeaker));
        st.lastFrame = undefined;
        continue;
      }
      const inherited = st.lastFrame;
      if (!inherited) {
        settlePoint(undefined);
        continue;
      }
      settlePoint(inherited.speaker);
      const implied = rules.impliedActs.find((x) => x.re.test(words));
      emit(inherited, content, implied?.act ?? inherited.act, true);
      continue;
    }
    let previous: Frame | undefined;
    found.forEach((raw, k) => {
      let f = resolveSpeaker(raw, ctx, st, index, rules);
      // "He requested that … and asked whether …": the second verb shares the subject
      if (previous?.speaker && f.unresolved?.startsWith('no speaker') && /\band\s*$/.test(text.slice(previous.frameEnd, f.frameStart))) {
        f = withSpeaker(f, previous.speaker);
      }
      previous = f;
      if (f.unresolved !== undefined) {
        report.push(reportItem(text, 'ambiguous', `reporting verb "${text.slice(f.verbSpan.start, f.verbSpan.end)}" (${f.act}) without a resolvable speaker: ${f.unresolved.replace(/^pronoun:/, 'pronoun ')}`, f.verbSpan));
      } else if (f.speaker?.type === 'Person' && !sameEntity(f.speaker, ctx.reporter)) {
        st.speaker = f.speaker;
      }
      if (k === 0) settlePoint(f.speaker);
      if (st.point !== undefined && st.pointSpeaker === undefined) st.pointSpeaker = f.speaker;
      const next = found[k + 1];
      const limit = next ? next.frameStart : s.end;
      const clauseStart = k === 0 ? s.start : (found[k - 1]?.frameEnd ?? s.start);
      let content = frameContent(text, f, clauseStart, limit, rules, index);
      if (!content) {
        if (!next && /:\s*$/.test(text.slice(f.frameEnd, s.end))) {
          // "X declared that:" heads the numbered points or paragraphs that follow.
          st.heading = f;
          st.lastFrame = f;
          st.headingJustSet = true;
          return;
        }
        content = trimContent(text, f.frameStart, limit);
        if (!content) return;
      }
      emit(f, content, f.act, true);
      st.lastFrame = f;
    });
  }
}

export interface ClaimResult {
  readonly claims: readonly ClaimRecord[];
  readonly quotedTelegrams: readonly QuotedTelegramRecord[];
  readonly report: readonly ReportItem[];
}

/**
 * Finds the reported statements of one telegram. The speaker stands before the reporting verb
 * ("PETROV declared that"), after it ("said PETROV") or after a frame ("in the opinion of
 * X"); "he" is the current speaker, "I" the author. Numbered points after "X declared that:" and
 * sentences without a reporting verb of their own belong to the current speaker. Claims inside a
 * quoted telegram are reported by its author. Every claim's `text === doc.text.slice(span)`.
 */
export function extractClaims(
  doc: SourceDoc,
  rules: CompiledClaimRules,
  mentions: readonly MentionRecord[],
  header: HeaderRecord,
  sender: EntityRef | undefined,
): ClaimResult {
  const { text } = doc;
  const index = indexMentions(mentions);
  const report: ReportItem[] = [];
  const body = bodyRegion(text, header);
  const quotations = findQuotations(text, body, rules, index, referenceDate(header), 0, report).sort(
    (a, b) => a.content.start - b.content.start || b.content.end - a.content.end,
  );
  const claims: ClaimRecord[] = [];
  const childrenOf = (outer: Span, depth: number): Span[] =>
    quotations.filter((q) => q.depth === depth && q.content.start >= outer.start && q.content.end <= outer.end).map((q) => q.content);
  processRegion(text, { region: body, holes: childrenOf(body, 0), ...(sender ? { reporter: sender } : {}) }, rules, index, claims, report);
  quotations.forEach((q, i) => {
    processRegion(text, { region: q.content, holes: childrenOf(q.content, q.depth + 1), quotedIn: i, ...(q.author ? { reporter: q.author } : {}) }, rules, index, claims, report);
  });
  const quotedTelegrams: QuotedTelegramRecord[] = quotations.map((q) => ({
    kind: 'quoted-telegram',
    span: q.content,
    ...(q.author ? { author: q.author } : {}),
    ...(q.recipient ? { recipient: q.recipient } : {}),
    ...(q.dateSent ? { dateSent: q.dateSent } : {}),
  }));
  claims.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  return { claims, quotedTelegrams, report };
}
