// **authorities** takes the entries of data/authorities/*.yaml and returns validated entity
// descriptions with a longest-match surface-form matcher (a token trie, built once per build).

import { ConfigError } from '../errors.js';
import type { Span } from '../text/span.js';
import type { RawInputs } from './inputs.js';
import type { EntityDescription, EntityRef, EntityType } from './record.js';

export interface AuthorityEntry extends EntityDescription {
  /** Printed forms to look for in texts (matched longest first). */
  readonly surfaceForms: readonly string[];
}

/** One node of the token trie: the entry ending here (or null for a blocking phrase). */
interface TrieNode {
  readonly next: Map<string, TrieNode>;
  end?: AuthorityEntry | null;
}

export interface CompiledAuthorities {
  readonly entries: readonly AuthorityEntry[];
  /** Trie over word tokens (exact printed case of each variant). */
  readonly trie: TrieNode;
  /** Entry by "Type/slug". */
  readonly byKey: ReadonlyMap<string, AuthorityEntry>;
  /** Lower-case letter → Latin (data/lexicon/names.yaml `transliteration`), for local names. */
  readonly transliteration: ReadonlyMap<string, string>;
}

/** A surface form found in a text. */
export interface AuthorityMatch {
  readonly entry: AuthorityEntry;
  readonly span: Span;
  readonly surface: string;
}

const TYPES: readonly EntityType[] = ['Person', 'Place', 'Organization', 'Country', 'Group'];
const FILE_OF: Record<EntityType, string> = {
  Person: 'persons.yaml',
  Place: 'places.yaml',
  Organization: 'organizations.yaml',
  Country: 'countries.yaml',
  Group: 'groups.yaml',
};
const SAME_AS_RE = /^http:\/\/www\.wikidata\.org\/entity\/Q[1-9]\d*$/;
const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Word tokens: letters/digits with inner apostrophes, dots (U.S.A) or hyphens (Tse-tung). */
const TOKEN_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
/** What may separate two tokens of one name: a space, an initial's dot, a hyphen, one line break. */
const GAP_RE = /^(?:[ \t\u00a0]+|\.[ \t\u00a0]*|-|[ \t]*\n[ \t]*|\.\n)$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The entry's place for messages: "data/authorities/persons.yaml: entry "x"" or "entry #3". */
function where(raw: unknown, index: number): string {
  const r = isRecord(raw) ? raw : {};
  const type = TYPES.find((t) => t === r['type']);
  const file = type ? `data/authorities/${FILE_OF[type]}` : 'data/authorities/*.yaml';
  const slug = typeof r['slug'] === 'string' ? `"${r['slug']}"` : `#${index + 1}`;
  return `${file}: entry ${slug}`;
}

function strings(raw: Record<string, unknown>, key: string, at: string): string[] {
  const v = raw[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ConfigError(`${at}: "${key}" must be a list of strings`, 'authority-shape');
  return v.map((x, i) => {
    if (typeof x !== 'string' || x.trim() === '') {
      throw new ConfigError(`${at}: "${key}"[${i}] must be a non-empty string, found ${JSON.stringify(x)}`, 'authority-shape');
    }
    return x.trim();
  });
}

function tokens(s: string): { text: string; start: number; end: number }[] {
  return [...s.matchAll(TOKEN_RE)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

function titleCase(s: string): string {
  return s.replace(/[\p{L}]+/gu, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
}

/** Printed variants matched for a form: as given, ALL CAPS and Title Case (short forms: exact only). */
function variants(form: string, exact: boolean): string[] {
  const letters = form.replace(/[^\p{L}]/gu, '').length;
  if (exact || letters < 3) return [form];
  const title = form.replace(/(^|[\s-])(\p{Ll})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
  return [...new Set([form, form.toUpperCase(), title])];
}

function insert(trie: TrieNode, form: string, value: AuthorityEntry | null, at: string): void {
  const toks = tokens(form);
  if (toks.length === 0) throw new ConfigError(`${at}: surface form ${JSON.stringify(form)} has no word`, 'authority-shape');
  let node = trie;
  for (const t of toks) {
    let child = node.next.get(t.text);
    if (!child) {
      child = { next: new Map() };
      node.next.set(t.text, child);
    }
    node = child;
  }
  const prior = node.end;
  if (prior && value && prior !== value) {
    throw new ConfigError(
      `${at}: surface form ${JSON.stringify(form)} is already a form of ${prior.type}/${prior.slug}`,
      'authority-duplicate-form',
    );
  }
  if (prior === undefined || value === null) node.end = value;
}

function parseEntry(raw: unknown, index: number): { entry: AuthorityEntry; exact: ReadonlySet<string> } {
  const at = where(raw, index);
  if (!isRecord(raw)) throw new ConfigError(`${at}: expected a mapping with slug, type, label`, 'authority-shape');
  const known = new Set(['slug', 'type', 'label', 'surfaceForms', 'alternateNames', 'codenames', 'sameAs', 'related', 'note', 'status', 'caseSensitive']);
  for (const k of Object.keys(raw)) if (!known.has(k)) throw new ConfigError(`${at}: unknown field "${k}"`, 'authority-shape');
  const { slug, type, label, note, status } = raw;
  if (typeof slug !== 'string' || !SLUG_RE.test(slug)) {
    throw new ConfigError(`${at}: "slug" must be ASCII kebab-case (e.g. joseph-stalin), found ${JSON.stringify(slug)}`, 'authority-shape');
  }
  const t = TYPES.find((x) => x === type);
  if (!t) throw new ConfigError(`${at}: "type" must be one of ${TYPES.join(', ')}, found ${JSON.stringify(type)}`, 'authority-shape');
  if (typeof label !== 'string' || label.trim() === '') throw new ConfigError(`${at}: "label" must be a non-empty string`, 'authority-shape');
  if (note !== undefined && typeof note !== 'string') throw new ConfigError(`${at}: "note" must be a string`, 'authority-shape');
  if (status !== 'verified' && status !== 'unverified') {
    throw new ConfigError(`${at}: "status" must be "verified" or "unverified", found ${JSON.stringify(status)}`, 'authority-shape');
  }
  const sameAs = strings(raw, 'sameAs', at);
  const related = strings(raw, 'related', at);
  for (const iri of [...sameAs, ...related]) {
    if (!SAME_AS_RE.test(iri)) throw new ConfigError(`${at}: "${iri}" is not a Wikidata entity IRI (http://www.wikidata.org/entity/Q…)`, 'authority-shape');
  }
  if (sameAs.length > 0 && status !== 'verified') {
    throw new ConfigError(`${at}: sameAs is only allowed for verified entries (status: verified)`, 'authority-unverified-id');
  }
  const surfaceForms = strings(raw, 'surfaceForms', at);
  const codenames = strings(raw, 'codenames', at);
  const exact = new Set(strings(raw, 'caseSensitive', at));
  for (const e of exact) if (!surfaceForms.includes(e)) throw new ConfigError(`${at}: caseSensitive form "${e}" is not in surfaceForms`, 'authority-shape');
  const alternateNames = [...new Set([...strings(raw, 'alternateNames', at), ...surfaceForms, ...codenames])].filter((n) => n !== label);
  const entry: AuthorityEntry = {
    type: t,
    slug,
    label: label.trim(),
    alternateNames,
    codenames,
    sameAs,
    related,
    ...(note !== undefined ? { note: note.trim() } : {}),
    resolved: true,
    surfaceForms,
  };
  return { entry, exact };
}

/**
 * Validates data/authorities/ entries (ConfigError naming the file and entry) and builds the
 * matcher. `blockingPhrases` are phrases that contain a form but mention nothing ("American dollars").
 */
export function compileAuthorities(raw: RawInputs, blockingPhrases: readonly string[] = []): CompiledAuthorities {
  const entries: AuthorityEntry[] = [];
  const byKey = new Map<string, AuthorityEntry>();
  const trie: TrieNode = { next: new Map() };
  raw.authorities.forEach((r, i) => {
    const { entry, exact } = parseEntry(r, i);
    const key = `${entry.type}/${entry.slug}`;
    if (byKey.has(key)) throw new ConfigError(`${where(r, i)}: duplicate slug ${key}`, 'authority-duplicate-slug');
    byKey.set(key, entry);
    entries.push(entry);
    for (const form of entry.surfaceForms) for (const v of variants(form, exact.has(form))) insert(trie, v, entry, where(r, i));
  });
  const names = raw.lexicon['names'];
  const fromLexicon = isRecord(names) && Array.isArray(names['notMentions']) ? names['notMentions'] : [];
  for (const p of [...blockingPhrases, ...fromLexicon]) {
    if (typeof p !== 'string') throw new ConfigError(`data/lexicon/names.yaml: "notMentions" must list strings`, 'lexicon-shape');
    for (const v of variants(p, false)) insert(trie, v, null, 'data/lexicon/names.yaml: notMentions');
  }
  const translit = isRecord(names) ? (names['transliteration'] ?? {}) : {};
  if (!isRecord(translit)) throw new ConfigError('data/lexicon/names.yaml: "transliteration" must map letters to Latin strings', 'lexicon-shape');
  const transliteration = new Map<string, string>();
  for (const [k, v] of Object.entries(translit)) {
    if ([...k].length !== 1 || typeof v !== 'string' || !/^[a-z]*$/.test(v)) {
      throw new ConfigError(`data/lexicon/names.yaml: transliteration "${k}": expected one letter → lower-case Latin letters, found ${JSON.stringify(v)}`, 'lexicon-shape');
    }
    transliteration.set(k.toLowerCase(), v);
  }
  return { entries, trie, byKey, transliteration };
}

/**
 * Every authority surface form in `text` (whose first char is at `offset`), longest match first,
 * non-overlapping, in reading order. Linear in the number of tokens (times the longest form).
 */
export function matchAuthorities(text: string, auth: CompiledAuthorities, offset = 0): AuthorityMatch[] {
  const toks = tokens(text);
  const out: AuthorityMatch[] = [];
  let i = 0;
  while (i < toks.length) {
    let node: TrieNode | undefined = auth.trie;
    let best: { j: number; entry: AuthorityEntry | null } | undefined;
    for (let j = i; j < toks.length && node; j++) {
      const tok = toks[j];
      if (!tok) break;
      if (j > i) {
        const prev = toks[j - 1];
        if (!prev || !GAP_RE.test(text.slice(prev.end, tok.start))) break;
      }
      node = node.next.get(tok.text);
      if (node?.end !== undefined) best = { j, entry: node.end };
    }
    if (best) {
      const first = toks[i];
      const last = toks[best.j];
      // A country code glued to a currency sign ("US$ 30 million") names the currency, not the state.
      if (best.entry && first && last && !/^[$€£¥₽]/u.test(text.slice(last.end, last.end + 1))) {
        // Keep a trailing "." that belongs to the form ("U.S."), never a sentence's full stop.
        let end = last.end;
        const entry = best.entry;
        if (text[end] === '.' && entry.surfaceForms.some((f) => f.endsWith('.') && variants(f, false).includes(text.slice(first.start, end + 1)))) end += 1;
        out.push({ entry, span: { start: offset + first.start, end: offset + end }, surface: text.slice(first.start, end) });
      }
      i = best.j + 1;
    } else {
      i++;
    }
  }
  return out;
}

/** The entry whose surface form is exactly `name` (after trimming), or undefined. */
export function lookupAuthority(name: string, auth: CompiledAuthorities): AuthorityEntry | undefined {
  const trimmed = name.trim();
  const m = matchAuthorities(trimmed, auth);
  const only = m[0];
  return m.length === 1 && only && only.span.start === 0 && only.span.end >= trimmed.replace(/[.\s]+$/, '').length ? only.entry : undefined;
}

/** ASCII kebab-case slug of a printed name ("GAO GANG" → "gao-gang"). */
export function slugify(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug !== '') return slug;
  return `name-${[...name].map((c) => (c.codePointAt(0) ?? 0).toString(16)).join('-')}`;
}

/** Latin spelling of a name in another script ("РОЩИН" → "PETROV"), or undefined if nothing changed. */
export function transliterate(name: string, auth: CompiledAuthorities): string | undefined {
  if (auth.transliteration.size === 0 || !/[^\p{Script=Latin}\P{L}]/u.test(name)) return undefined;
  const out = name.replace(/[\p{L}]+/gu, (word) => {
    const latin = [...word]
      .map((c) => {
        const t = auth.transliteration.get(c.toLowerCase());
        if (t === undefined) return c;
        return c === c.toLowerCase() ? t : t.charAt(0).toUpperCase() + t.slice(1);
      })
      .join('');
    // ALL-CAPS words stay ALL CAPS ("PETROV", not "PEtROV").
    return word === word.toUpperCase() && word !== word.toLowerCase() ? latin.toUpperCase() : latin;
  });
  return out === name ? undefined : out;
}

/**
 * A locally minted (unresolved) entity for a name no authority entry matched. Deterministic:
 * the slug comes from the name; "-unresolved" is appended when an authority already uses it.
 * With `editorialName` (the printed name is followed by an editor's bracket, "MATVEEV [ZAKHAROV]"),
 * the bracket names the entity and the printed name is kept as its codename.
 */
export function localEntity(name: string, type: EntityType, auth: CompiledAuthorities, editorialName?: string): EntityDescription {
  const printedName = name.replace(/\s+/g, ' ').trim();
  const clean = editorialName?.replace(/\s+/g, ' ').trim() || printedName;
  const latin = transliterate(clean, auth);
  const base = slugify(latin ?? clean);
  const slug = auth.byKey.has(`${type}/${base}`) ? `${base}-unresolved` : base;
  const label = /\p{Ll}/u.test(clean) ? clean : titleCase(clean);
  const codename = clean === printedName ? undefined : /\p{Ll}/u.test(printedName) ? printedName : titleCase(printedName);
  const latinLabel = latin === undefined ? [] : [/\p{Ll}/u.test(latin) ? latin : titleCase(latin)];
  const alternateNames = [...new Set([clean, ...latinLabel, ...(codename ? [printedName, codename] : [])])].filter((n) => n !== label);
  return {
    type,
    slug,
    label,
    alternateNames,
    codenames: codename ? [codename] : [],
    sameAs: [],
    related: [],
    note: codename
      ? `Name not found in data/authorities/; minted from the printed form "${printedName}" and the editorial bracket "[${clean}]".`
      : `Name not found in data/authorities/; minted from the printed form "${clean}".`,
    resolved: false,
  };
}

/** The reference (type + slug) of an entity description. */
export function refOf(e: EntityDescription): EntityRef {
  return { type: e.type, slug: e.slug };
}

/** A description without the matcher-only fields, as listed in an ExtractionResult. */
export function describeEntity(e: AuthorityEntry | EntityDescription): EntityDescription {
  return {
    type: e.type,
    slug: e.slug,
    label: e.label,
    alternateNames: e.alternateNames,
    codenames: e.codenames,
    sameAs: e.sameAs,
    related: e.related,
    ...(e.note !== undefined ? { note: e.note } : {}),
    resolved: e.resolved,
  };
}
