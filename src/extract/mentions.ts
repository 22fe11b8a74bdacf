// **mentions** takes a segmented telegram, data/lexicon/names.yaml and the authorities, and returns
// mentions of persons, places, organisations and countries: authority surface forms (longest match)
// plus names the authorities do not know ("Comrade GAO GANG", "KIM IL SUNG"), minted locally and reported.

import { ConfigError } from '../errors.js';
import { offsetToLineColumn } from '../text/location.js';
import { compareSpans, spansOverlap, type Span } from '../text/span.js';
import type { SegmentKind } from '../text/segment.js';
import { describeEntity, localEntity, matchAuthorities, refOf, type CompiledAuthorities } from './authorities.js';
import type { RawInputs, SourceDoc } from './inputs.js';
import { compileNameCues, findCuedNames, repeatNames, type CompiledNameCues, type CuedName } from './name-cues.js';
import type { EntityDescription, EntityType, MentionRecord, ReportItem } from './record.js';

const FILE = 'data/lexicon/names.yaml';
/** Segments searched for unknown names (leaf-level blocks; sentences would repeat them). */
const NAME_KINDS: ReadonlySet<SegmentKind> = new Set(['paragraph', 'point', 'list-item', 'addressee', 'signature', 'copy']);
const TYPES: readonly EntityType[] = ['Person', 'Place', 'Organization', 'Country', 'Group'];

export interface CompiledNameRules {
  /** A word followed by 1–3 capitalised name tokens (lookahead, group 2); group 1 is checked against `honorificWords`. */
  readonly wordThenName: RegExp;
  /** Single-word honorifics, lower-cased without the trailing "." ("cde", "comrade", "marshal"). */
  readonly honorificWords: ReadonlySet<string>;
  /** Runs of ALL-CAPS tokens separated by single spaces. */
  readonly capsRun: RegExp;
  /** Upper-cased words that are never names (header words, institutions…), honorifics included. */
  readonly notNames: ReadonlySet<string>;
  /** Honorifics, lower-cased without the trailing ".", for stripping. */
  readonly honorifics: readonly string[];
  /** Matches leading honorifics of a name ("cde. ", "COMRADE "). */
  readonly leadingHonorific: RegExp | null;
  readonly unknownType: EntityType;
  /** Generic cues for unknown places and persons (data/lexicon/name-cues.yaml). */
  readonly cues: CompiledNameCues;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(lex: Record<string, unknown>, key: string): string[] {
  const v = lex[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ConfigError(`${FILE}: "${key}" must be a list of strings`, 'lexicon-shape');
  return v.map((x, i) => {
    if (typeof x !== 'string' || x.trim() === '') throw new ConfigError(`${FILE}: "${key}"[${i}] must be a non-empty string, found ${JSON.stringify(x)}`, 'lexicon-shape');
    return x.trim();
  });
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** lower, Title and UPPER case variants of an honorific, each with an optional trailing ".". */
function honorificAlternation(honorifics: readonly string[]): string {
  const forms = new Set<string>();
  for (const h of honorifics) {
    const base = h.replace(/\.$/, '');
    for (const v of [base.toLowerCase(), base.charAt(0).toUpperCase() + base.slice(1).toLowerCase(), base.toUpperCase(), base]) forms.add(v);
  }
  return [...forms].sort((a, b) => b.length - a.length).map((f) => `${escapeRe(f)}\\.?`).join('|');
}

/** Compiles data/lexicon/names.yaml once per build (a missing file gives empty lists). */
export function compileNameRules(raw: RawInputs): CompiledNameRules {
  const lex = raw.lexicon['names'] ?? {};
  if (!isRecord(lex)) throw new ConfigError(`${FILE}: expected a mapping`, 'lexicon-shape');
  const honorifics = stringList(lex, 'honorifics');
  stringList(lex, 'notMentions'); // validated here, used by compileAuthorities
  const type = lex['defaultUnknownType'] ?? 'Person';
  const unknownType = TYPES.find((t) => t === type);
  if (!unknownType) throw new ConfigError(`${FILE}: "defaultUnknownType" must be one of ${TYPES.join(', ')}`, 'lexicon-shape');
  const notNames = new Set([
    ...stringList(lex, 'notNames').map((w) => w.toUpperCase()),
    ...honorifics.flatMap((h) => h.replace(/\.$/, '').toUpperCase().split(/\s+/)),
  ]);
  const alt = honorificAlternation(honorifics);
  const nameTok = `(?:\\p{Lu}\\.(?:\\s?\\p{Lu}\\.)*\\s?)?\\p{Lu}[\\p{L}'’-]*`;
  return {
    wordThenName: new RegExp(`(?<![\\p{L}])(\\p{L}+)\\.?(?=\\s+(${nameTok}(?: ${nameTok}){0,2})(?![\\p{L}]))`, 'gu'),
    honorificWords: new Set(honorifics.flatMap((h) => h.replace(/\.$/, '').toLowerCase().split(/\s+/).slice(-1))),
    capsRun: /(?<![\p{L}\p{N}]|\p{N}\.)\p{Lu}[\p{Lu}'’-]*(?: \p{Lu}[\p{Lu}'’-]*)*(?![\p{L}\p{N}]|\.\p{N})/gu,
    notNames,
    honorifics: honorifics.map((h) => h.replace(/\.$/, '').toLowerCase()),
    leadingHonorific: alt ? new RegExp(`^(?:(?:${alt})\\s*)+`, 'u') : null,
    unknownType,
    cues: compileNameCues(raw),
  };
}

/** A name with leading honorifics removed ("cde. Stalin" → "Stalin", "COMRADE GAO GANG" → "GAO GANG"). */
export function stripHonorifics(name: string, rules: CompiledNameRules): string {
  const trimmed = name.trim();
  if (!rules.leadingHonorific) return trimmed;
  const stripped = trimmed.replace(rules.leadingHonorific, '').trim();
  return stripped === '' ? trimmed : stripped;
}

export interface MentionResult {
  readonly mentions: readonly MentionRecord[];
  /** Authority entities that were mentioned, plus locally minted (unresolved) ones. */
  readonly entities: readonly EntityDescription[];
  readonly report: readonly ReportItem[];
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  /** The type a cue gives (a place after "near", a person before "said"). */
  readonly type?: 'Person' | 'Place';
  /** Found after an honorific: a person whatever other cues say. */
  readonly strong?: boolean;
}

/** Unknown-name candidates in one segment's text (document offsets). */
function nameCandidates(text: string, offset: number, rules: CompiledNameRules): Candidate[] {
  const out: Candidate[] = [];
  if (rules.honorificWords.size) {
    for (const m of text.matchAll(rules.wordThenName)) {
      const name = m[2];
      if (name === undefined || !rules.honorificWords.has((m[1] ?? '').toLowerCase())) continue;
      // Drop trailing words that cannot be names ("General Staff").
      const toks = name.split(' ');
      while (toks.length && rules.notNames.has((toks[toks.length - 1] ?? '').toUpperCase())) toks.pop();
      if (toks.length === 0 || rules.notNames.has((toks[0] ?? '').toUpperCase())) continue;
      const kept = toks.join(' ').replace(/['’]s$/u, '');
      const start = offset + m.index + text.slice(m.index).indexOf(name, m[0].length);
      out.push({ start, end: start + kept.length, name: kept, strong: true });
    }
  }
  for (const m of text.matchAll(rules.capsRun)) {
    // Split the run at words that are not names; keep sub-runs of 1–3 tokens with two letters or more.
    let pos = m.index;
    let run: { text: string; start: number }[] = [];
    const flush = (): void => {
      const letters = run.map((t) => t.text).join('').replace(/[^\p{L}]/gu, '').length;
      const first = run[0];
      const last = run[run.length - 1];
      const roman = run.every((t) => /^[IVXLC]+$/.test(t.text));
      if (first && last && run.length <= 3 && letters >= 2 && !roman && run.some((t) => t.text.length >= 2)) {
        out.push({ start: offset + first.start, end: offset + last.start + last.text.length, name: text.slice(first.start, last.start + last.text.length) });
      }
      run = [];
    };
    for (const tok of m[0].split(' ')) {
      const bare = tok.replace(/['’-]+$/, '');
      if (rules.notNames.has(bare.toUpperCase())) flush();
      else run.push({ text: bare, start: pos });
      pos += tok.length + 1;
    }
    flush();
  }
  return out;
}

/**
 * Finds mentions: every authority surface form in the text (an editorial bracket "[STALIN]" is
 * marked as such), then unknown names in body segments, each minted as a local unresolved entity
 * with one 'unresolved-name' report item at its first occurrence. Entities are deduplicated.
 */
export function extractMentions(doc: SourceDoc, rules: CompiledNameRules, authorities: CompiledAuthorities): MentionResult {
  const { text } = doc;
  const mentions: MentionRecord[] = [];
  const entities = new Map<string, EntityDescription>();
  const taken: Span[] = [];
  for (const m of matchAuthorities(text, authorities)) {
    const bracket = /\[\**$/.test(text.slice(Math.max(0, m.span.start - 3), m.span.start)) && /^\**\]/.test(text.slice(m.span.end, m.span.end + 3));
    mentions.push({ kind: 'mention', entity: refOf(m.entry), surface: m.surface, span: m.span, via: bracket ? 'editorial-bracket' : 'authority' });
    const key = `${m.entry.type}/${m.entry.slug}`;
    if (!entities.has(key)) entities.set(key, describeEntity(m.entry));
    taken.push(m.span);
  }
  const report: ReportItem[] = [];
  const nameSegments = doc.segments
    // a list item inside a point is read with the point
    .filter((s) => NAME_KINDS.has(s.kind) && !(s.parent !== undefined && NAME_KINDS.has(doc.segments[s.parent]?.kind ?? 'sentence')));
  // header lines hold header words in capitals: only names after an honorific or a cue are read there
  const headerLines = doc.segments.filter((s) => s.kind === 'header-line');
  const found: Candidate[] = [
    ...nameSegments.flatMap((s) => [...nameCandidates(s.text, s.span.start, rules), ...findCuedNames(s.text, s.span.start, rules.cues, rules.notNames)]),
    ...headerLines.flatMap((s) => [...nameCandidates(s.text, s.span.start, rules).filter((c) => c.strong === true), ...findCuedNames(s.text, s.span.start, rules.cues, rules.notNames)]),
  ];
  // a name found once by a cue or an honorific is a name wherever else it is printed
  const seeds: CuedName[] = found.flatMap((c) => (c.type !== undefined ? [{ ...c, type: c.type }] : c.strong === true ? [{ ...c, type: 'Person' as const }] : []));
  const candidates: Candidate[] = [...found, ...repeatNames(text, [...nameSegments, ...headerLines].map((s) => s.span), seeds, rules.cues, rules.notNames)].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
  const keyOf = (name: string): string => name.replace(/\s+/g, ' ').toUpperCase();
  // one type per name: a person cue (honorific, initials, reporting verb) wins over a place cue
  const typeOf = new Map<string, EntityType>();
  for (const c of candidates) {
    const key = keyOf(c.name);
    if (c.strong === true || c.type === 'Person') typeOf.set(key, 'Person');
    else if (c.type === 'Place' && !typeOf.has(key)) typeOf.set(key, 'Place');
  }
  const authorityAt = new Map(mentions.map((m) => [m.span.start, m]));
  // Pre-pass: "NAME [OTHER]": an editor's bracket gives another name of the same entity.
  const alias = new Map<string, { entity: EntityDescription; viaBracket: boolean }>();
  const byStart = new Map(candidates.map((c) => [c.start, c]));
  for (const c of candidates) {
    // an editor's bracket, or a parenthesis naming a person ("Comrade Fyn Si (Stalin)")
    const b = /^\s*(?:\[\**|\()/.exec(text.slice(c.end, c.end + 8));
    if (!b) continue;
    const paren = b[0].endsWith('(');
    const inner = c.end + b[0].length;
    const known = authorityAt.get(inner);
    const other = byStart.get(inner);
    const closes = (end: number): boolean => (paren ? /^\)/ : /^\**\]/).test(text.slice(end, end + 3));
    if (known && closes(known.span.end) && (!paren || known.entity.type === 'Person')) {
      const entry = authorities.byKey.get(`${known.entity.type}/${known.entity.slug}`);
      if (entry) alias.set(keyOf(c.name), { entity: describeEntity(entry), viaBracket: true });
    } else if (other && closes(other.end) && !alias.has(keyOf(c.name))) {
      const e = localEntity(c.name, rules.unknownType, authorities, other.name);
      alias.set(keyOf(c.name), { entity: e, viaBracket: false });
      alias.set(keyOf(other.name), { entity: e, viaBracket: false });
    }
  }
  const local = new Map<string, EntityDescription>();
  for (const c of candidates) {
    const span = { start: c.start, end: c.end };
    if (taken.some((t) => spansOverlap(t, span))) continue;
    taken.push(span);
    const key = keyOf(c.name);
    const known = alias.get(key);
    if (known?.viaBracket) {
      mentions.push({ kind: 'mention', entity: refOf(known.entity), surface: c.name, span, via: 'editorial-bracket' });
      entities.set(`${known.entity.type}/${known.entity.slug}`, known.entity);
      continue;
    }
    let entity = local.get(key);
    if (!entity) {
      entity = known?.entity ?? localEntity(c.name, typeOf.get(key) ?? rules.unknownType, authorities);
      const first = !local.has(key) && ![...local.values()].includes(entity);
      local.set(key, entity);
      entities.set(`${entity.type}/${entity.slug}`, entity);
      if (first) {
        const at = offsetToLineColumn(text, c.start);
        report.push({
          code: 'unresolved-name',
          message: `name "${c.name}" is not in data/authorities/; minted the local ${entity.type.toLowerCase()} "${entity.slug}"`,
          span,
          line: at.line,
          column: at.column,
          text: c.name,
        });
      }
    }
    mentions.push({ kind: 'mention', entity: refOf(entity), surface: c.name, span, via: 'name-pattern' });
  }
  mentions.sort((a, b) => compareSpans(a.span, b.span));
  return {
    mentions,
    entities: [...entities.values()].sort((a, b) => (`${a.type}/${a.slug}` < `${b.type}/${b.slug}` ? -1 : 1)),
    report,
  };
}
