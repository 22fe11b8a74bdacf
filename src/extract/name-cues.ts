// **name-cues** takes segment texts and data/lexicon/name-cues.yaml and returns names of places and
// persons that no authority knows, found by the generic words around them: a place after "near",
// "the city of" or before "area", "River"; a person after initials or before a reporting verb. It
// also repeats every name found once at its other printed occurrences, and follows coordinations
// of places ("Antung, Harbin and Dalny"). No particular name is listed anywhere in it.

import { ConfigError } from '../errors.js';
import type { RawInputs } from './inputs.js';

const FILE = 'data/lexicon/name-cues.yaml';

/** A name found by a cue, in document offsets. */
export interface CuedName {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly type: 'Person' | 'Place';
}

export interface CompiledNameCues {
  /** "near Seoul", "the city of Anju": group 1 the name (with a generic start/end word). */
  readonly placeAfterCue: RegExp | null;
  /** "the Tokchon area", "Grodekovo station": group 1 the name. */
  readonly placeBeforeCue: RegExp | null;
  /** ", X" / " and X" / " or X" right after a place: group 1 the next name. */
  readonly coordinated: RegExp | null;
  /** "Pak Heon-yeong added": group 1 a Title-Case name of two or three words. */
  readonly personBeforeVerb: RegExp | null;
  /** "A.Ya. Vyshinsky", "T.F. SHTYKOV": group 1 the initials, group 2 the surname. */
  readonly initials: RegExp | null;
  readonly notInitials: ReadonlySet<string>;
  /** Upper-cased words that are never places. */
  readonly notPlaces: ReadonlySet<string>;
  readonly notPlaceEndings: readonly string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(src: Record<string, unknown>, key: string, at: string): string[] {
  const v = src[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ConfigError(`${FILE}: "${at}.${key}" must be a list of strings`, 'lexicon-shape');
  return v.map((x, i) => {
    if (typeof x !== 'string' || x.trim() === '') throw new ConfigError(`${FILE}: "${at}.${key}"[${i}] must be a non-empty string, found ${JSON.stringify(x)}`, 'lexicon-shape');
    return x.trim();
  });
}

function section(lex: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = lex[key] ?? {};
  if (!isRecord(v)) throw new ConfigError(`${FILE}: "${key}" must be a mapping`, 'lexicon-shape');
  return v;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Phrases longest first, spaces matching any run of spaces; with `capitalised`, each also with a
 * capital first letter ("Near", "From"), because the patterns are case-sensitive (a name must be
 * capitalised). Words after a name are matched as written ("Port Arthur" is no cue "port").
 */
function alternation(phrases: readonly string[], capitalised = true): string {
  const forms = new Set(phrases.flatMap((p) => (capitalised ? [p, p.charAt(0).toUpperCase() + p.slice(1)] : [p])));
  return [...forms].sort((a, b) => b.length - a.length).map((p) => escapeRe(p).replace(/ /g, '\\s+')).join('|');
}

/** One capitalised word: "Seoul", "Heon-yeong", "Sariwon". */
const WORD = "\\p{Lu}\\p{Ll}+(?:[-‑]\\p{L}\\p{Ll}+)?";

/** Compiles data/lexicon/name-cues.yaml once per build (a missing file finds nothing). */
export function compileNameCues(raw: RawInputs): CompiledNameCues {
  const lex = raw.lexicon['name-cues'] ?? {};
  if (!isRecord(lex)) throw new ConfigError(`${FILE}: expected a mapping`, 'lexicon-shape');
  const places = section(lex, 'places');
  const persons = section(lex, 'persons');
  const before = list(places, 'before', 'places');
  const starts = list(places, 'nameStarts', 'places');
  const ends = list(places, 'nameEnds', 'places');
  const after = list(places, 'after', 'places');
  const verbs = list(persons, 'beforeVerbs', 'persons');
  const coordinated = places['coordinated'];
  if (coordinated !== undefined && typeof coordinated !== 'boolean') throw new ConfigError(`${FILE}: "places.coordinated" must be true or false`, 'lexicon-shape');
  const initials = persons['initials'];
  if (initials !== undefined && typeof initials !== 'boolean') throw new ConfigError(`${FILE}: "persons.initials" must be true or false`, 'lexicon-shape');
  // A place name: an optional generic start ("Port"), one capitalised word, an optional generic end
  // ("River"); not followed by another capitalised word (then it is a longer name, e.g. a person's).
  const start = starts.length > 0 ? `(?:(?:${alternation(starts)})\\s+)?` : '';
  const end = ends.length > 0 ? `(?:\\s+(?:${alternation(ends)})(?![\\p{L}]))?` : '';
  const place = `(${start}${WORD}${end})(?![\\p{L}'’-])(?!\\s+\\p{Lu}\\p{Ll})`;
  return {
    placeAfterCue: before.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(before)})\\s+(?:the\\s+)?${place}`, 'gu') : null,
    placeBeforeCue: after.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}'’-])(?<!\\p{Lu}\\p{Ll}*\\s)(${start}${WORD}${end})\\s+(?:${alternation(after, false)})(?![\\p{L}])`, 'gu') : null,
    coordinated: coordinated === false ? null : new RegExp(`^(?:\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or)\\s+)(?:the\\s+)?${place}`, 'u'),
    personBeforeVerb: verbs.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}'’.-])(${WORD}(?:\\s${WORD}){1,2})\\s+(?:${alternation(verbs)})(?![\\p{L}])`, 'gu') : null,
    initials: initials === false ? null : /(?<![\p{L}\p{N}.])((?:\p{Lu}\p{Ll}?\.\s?){1,2})(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?|\p{Lu}{2,}(?:-\p{Lu}{2,})?)(?![\p{L}]|\.\p{L})/gu,
    notInitials: new Set(list(persons, 'notInitials', 'persons').map((w) => w.toUpperCase())),
    notPlaces: new Set(list(places, 'notPlaces', 'places').map((w) => w.toUpperCase())),
    notPlaceEndings: list(places, 'notPlaceEndings', 'places').map((w) => w.toLowerCase()),
  };
}

/** The case-folding key of a name: "Pak  Heon-yeong" → "PAK HEON-YEONG". */
function keyOf(name: string): string {
  return name.replace(/\s+/g, ' ').toUpperCase();
}

function isPlaceWord(name: string, cues: CompiledNameCues, notNames: ReadonlySet<string>): boolean {
  const words = name.split(/\s+/);
  const main = words.find((w) => !notNames.has(w.toUpperCase())) ?? '';
  const lower = name.toLowerCase();
  return words.every((w) => !cues.notPlaces.has(w.toUpperCase())) && !notNames.has(keyOf(name)) && main !== '' && !cues.notPlaceEndings.some((e) => lower.endsWith(e));
}

/**
 * Names found by cues in one segment's text (document offsets): places after or before their cue
 * words, persons before a reporting verb or after initials. `notNames` are upper-cased words that
 * are never names (data/lexicon/names.yaml), honorifics included.
 */
export function findCuedNames(text: string, offset: number, cues: CompiledNameCues, notNames: ReadonlySet<string>): CuedName[] {
  const out: CuedName[] = [];
  const addPlace = (name: string, at: number): void => {
    if (isPlaceWord(name, cues, notNames)) out.push({ start: offset + at, end: offset + at + name.length, name, type: 'Place' });
  };
  for (const re of [cues.placeAfterCue, cues.placeBeforeCue]) {
    if (!re) continue;
    for (const m of text.matchAll(re)) {
      const name = m[1];
      if (name === undefined) continue;
      // the name ends the match after a cue word, and starts it before one
      addPlace(name, re === cues.placeAfterCue ? m.index + m[0].length - name.length : m.index);
    }
  }
  if (cues.personBeforeVerb) {
    for (const m of text.matchAll(cues.personBeforeVerb)) {
      const name = m[1];
      if (name === undefined || name.split(/\s+/).some((w) => notNames.has(w.toUpperCase()) || cues.notPlaces.has(w.toUpperCase()))) continue;
      out.push({ start: offset + m.index, end: offset + m.index + name.length, name, type: 'Person' });
    }
  }
  if (cues.initials) {
    for (const m of text.matchAll(cues.initials)) {
      const inits = m[1] ?? '';
      const surname = m[2];
      if (surname === undefined || notNames.has(surname.toUpperCase())) continue;
      if (inits.split('.').some((i) => cues.notInitials.has(i.trim().toUpperCase()))) continue;
      const at = m.index + inits.length;
      out.push({ start: offset + at, end: offset + at + surname.length, name: surname, type: 'Person' });
    }
  }
  return out;
}

/**
 * Every other printed occurrence (same spelling, whole words) inside `regions` of the names in
 * `seeds`, with the seed's type; then places coordinated with a place ("Antung, Harbin and
 * Dalny"), and their occurrences in turn. Sorted by start; may overlap the seeds (callers skip
 * spans already taken).
 */
export function repeatNames(
  text: string,
  regions: readonly { start: number; end: number }[],
  seeds: readonly CuedName[],
  cues: CompiledNameCues,
  notNames: ReadonlySet<string>,
): CuedName[] {
  const out: CuedName[] = [];
  const seen = new Set<string>();
  const queue = [...seeds];
  const done = new Set<string>();
  const inRegion = (s: number, e: number): boolean => regions.some((r) => r.start <= s && e <= r.end);
  while (queue.length > 0) {
    const seed = queue.shift();
    if (!seed) break;
    const key = `${seed.type}/${seed.name}`;
    if (done.has(key)) continue;
    done.add(key);
    const occurrences: number[] = [];
    for (let at = text.indexOf(seed.name); at >= 0; at = text.indexOf(seed.name, at + 1)) {
      const before = text.charAt(at - 1);
      const after = text.charAt(at + seed.name.length);
      if (/[\p{L}\p{N}'’-]/u.test(before) || /[\p{L}\p{N}-]/u.test(after) || !inRegion(at, at + seed.name.length)) continue;
      occurrences.push(at);
      const spot = `${at}:${seed.name.length}`;
      if (!seen.has(spot)) {
        seen.add(spot);
        out.push({ start: at, end: at + seed.name.length, name: seed.name, type: seed.type });
      }
    }
    if (seed.type !== 'Place' || !cues.coordinated) continue;
    for (const at of occurrences) {
      let pos = at + seed.name.length;
      for (let step = 0; step < 8; step++) {
        const m = cues.coordinated.exec(text.slice(pos, pos + 80));
        const name = m?.[1];
        if (!m || name === undefined || !isPlaceWord(name, cues, notNames)) break;
        const start = pos + m[0].length - name.length;
        if (!inRegion(start, start + name.length)) break;
        queue.push({ start, end: start + name.length, name, type: 'Place' });
        pos = start + name.length;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
