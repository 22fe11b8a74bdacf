// **quantities** takes a telegram (text, segments, mentions) and data/lexicon/{numbers,units,
// quantity-phrases}.yaml and returns every number of its body as a QuantityRecord (what it
// counts, whose it is, how it reads) plus report items for what it could not read.
// compileQuantityRules() builds every regular expression once per build; extractQuantities() is pure.

import { ConfigError } from '../errors.js';
import { offsetToLineColumn } from '../text/location.js';
import type { Span } from '../text/span.js';
import { compileDateRules, scanDates, type DateRules } from './dates.js';
import type { RawInputs, SourceDoc } from './inputs.js';
import { addDecimals, compareDecimals, compileNumberLexicon, findNumbers, multiplyDecimals, type NumberLexicon, type NumberMatch } from './number-words.js';
import type { EntityRef, MentionRecord, QuantityReading, QuantityRecord, ReportItem } from './record.js';

const UNITS_FILE = 'data/lexicon/units.yaml';
const PHRASES_FILE = 'data/lexicon/quantity-phrases.yaml';

/** A countable unit of data/lexicon/units.yaml. */
export interface UnitDefinition {
  readonly key: string;
  readonly label: string;
  readonly definition?: string;
  readonly singular: readonly string[];
  readonly plural: readonly string[];
  readonly category?: string;
  /** xsd:duration of one unit, for time units. */
  readonly duration?: string;
  /** ISO 4217 code, for money units. */
  readonly currency?: string;
  readonly broader?: string;
  readonly exactMatch: readonly string[];
}

type CueKind = 'absence' | 'vague' | 'multiplier';

type BoundReading = 'exact' | 'lower-bound' | 'upper-bound' | 'approximate';

interface PhraseRule {
  readonly reading: BoundReading;
  readonly exclusive: boolean;
  readonly note?: string;
}

/** Compiled quantity rules; build once per build with compileQuantityRules(). */
export interface CompiledQuantityRules {
  readonly numbers: NumberLexicon;
  readonly dates: DateRules;
  readonly units: readonly UnitDefinition[];
  /** Normalised printed form (lower case, single spaces) → unit and whether the form is plural. */
  readonly unitByForm: ReadonlyMap<string, { readonly unit: UnitDefinition; readonly plural: boolean; readonly singular: boolean }>;
  /** ISO code and unit key by normalised currency phrase or symbol. */
  readonly currencyByForm: ReadonlyMap<string, { readonly code: string; readonly unit: string }>;
  readonly beforeByPhrase: ReadonlyMap<string, PhraseRule>;
  readonly afterByPhrase: ReadonlyMap<string, PhraseRule>;
  readonly multiplierByWord: ReadonlyMap<string, string>;
  /** Denominator by fraction word ("thirds" → "3"). */
  readonly fractionByWord: ReadonlyMap<string, string>;
  /** Lower-cased words that may open an absence, a vague count or a multiplier. */
  readonly cueWords: ReadonlyMap<string, ReadonlySet<CueKind>>;
  readonly re: QuantityRegexes;
}

/** The regular expressions, anchored at a window's start (^) or end ($), or global over a region. */
interface QuantityRegexes {
  readonly unitAt: RegExp;
  /** Global: any unit form (to find the unit inside an absence phrase). */
  readonly unitAny: RegExp;
  /** Any holder verb (an absence phrase with its own verb: "do not have tanks"). */
  readonly verbIn: RegExp | null;
  readonly currencyAt: RegExp;
  readonly symbolBefore: RegExp | null;
  readonly beforePhrase: RegExp | null;
  readonly afterPhrase: RegExp | null;
  readonly identifierBefore: RegExp | null;
  readonly calibreAfter: RegExp | null;
  /** After a number: a clock-time cue ("4 o'clock", "10 a.m."). */
  readonly clockAfter: RegExp | null;
  /** After a number: "of the" and the like, before the set counted from ("one of the divisions"). */
  readonly partitiveAfter: RegExp | null;
  readonly calibreAt: RegExp | null;
  readonly modelAt: RegExp;
  readonly modifierAt: RegExp | null;
  readonly rangeJoin: RegExp;
  readonly frameBefore: RegExp | null;
  readonly ratioJoin: RegExp;
  readonly ratioNounAfter: RegExp | null;
  /** "the ratio of forces … is" before two numbers: group 1 what is compared. */
  readonly ratioContextBefore: RegExp | null;
  /** After a number: a fraction word ("two thirds"): group 1 the word. */
  readonly fractionAfter: RegExp | null;
  /** Before a bounded duration: a time frame ("in less than three weeks"). */
  readonly durationFrameBefore: RegExp | null;
  readonly colonRatio: RegExp;
  /** Sticky: "twice as many". */
  readonly multiplier: RegExp | null;
  readonly timesAfter: RegExp | null;
  /** Sticky, tried where a cue word starts: an absence ("no tanks"), a vague count ("several divisions"). */
  readonly absenceAt: RegExp | null;
  readonly vagueAt: RegExp | null;
  /** Global: words, to find cue words by a set look-up instead of a scan per pattern. */
  readonly word: RegExp;
  readonly contrastRejected: RegExp | null;
  readonly contrastBetween: RegExp | null;
  readonly rateAfter: RegExp | null;
  readonly yearNounAfter: RegExp | null;
  readonly yearNounBefore: RegExp | null;
  readonly yearCueAfter: RegExp | null;
  readonly yearCueBefore: RegExp | null;
  readonly holderVerbGap: RegExp | null;
  readonly holderGapNoVerb: RegExp | null;
  readonly pronounSubject: RegExp | null;
  readonly pronounSubjectNoVerb: RegExp | null;
  readonly backReference: RegExp | null;
  readonly carryGap: RegExp | null;
  readonly ofMeasure: RegExp;
}

/** Quantities and report items of one telegram; quantities sorted by span start. */
export interface QuantityResult {
  readonly quantities: readonly QuantityRecord[];
  readonly report: readonly ReportItem[];
}

// ── lexicon validation ───────────────────────────────────────────────────────────────────────

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown, file: string, entry: string, allowEmpty = false): string[] {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((x, i) => {
    if (typeof x !== 'string' || (!allowEmpty && x.trim() === '')) {
      throw new ConfigError(`${file}: "${entry}"[${i}]: expected a non-empty string, found ${JSON.stringify(x)}`, 'lexicon-shape');
    }
    return x.trim();
  });
}

function optionalString(v: unknown, file: string, entry: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.trim() === '') throw new ConfigError(`${file}: "${entry}": expected a non-empty string, found ${JSON.stringify(v)}`, 'lexicon-shape');
  return v.trim();
}

/** Lower case, hyphens and runs of white space as one space: the key forms are looked up by. */
function normalise(s: string): string {
  return s.toLowerCase().replace(/[\s\-‑–]+/g, ' ').trim();
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase as a pattern: spaces match any white space, hyphens also a space. */
function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/(\s+|-)/)
    .map((part) => (/^\s+$/.test(part) ? '\\s+' : part === '-' ? '[\\s\\-‑]+' : escapeRe(part)))
    .join('');
}

/** Alternation of phrases, longest first (so "no less than" wins over "no"). */
function alternation(phrases: Iterable<string>): string {
  return [...new Set(phrases)]
    .filter((p) => p !== '')
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(phrasePattern)
    .join('|');
}

/** Letters before/after: phrases that begin or end with a letter must not touch another letter. */
const L_BEFORE = '(?<![\\p{L}\\p{N}_])';
const L_AFTER = '(?![\\p{L}\\p{N}_])';

function compileUnits(raw: unknown): UnitDefinition[] {
  const src = raw ?? { units: [] };
  const list = isRecord(src) ? src['units'] : undefined;
  if (!Array.isArray(list)) throw new ConfigError(`${UNITS_FILE}: expected "units:" with a list of units`, 'lexicon-shape');
  const keys = new Set<string>();
  return list.map((u: unknown, i) => {
    if (!isRecord(u)) throw new ConfigError(`${UNITS_FILE}: units[${i}]: expected a mapping`, 'lexicon-shape');
    const key = optionalString(u['key'], UNITS_FILE, `units[${i}].key`);
    if (key === undefined || !/^[a-z0-9][a-z0-9-]*$/.test(key)) {
      throw new ConfigError(`${UNITS_FILE}: units[${i}].key: expected an ASCII slug (a-z, 0-9, -), found ${JSON.stringify(u['key'])}`, 'lexicon-shape');
    }
    if (keys.has(key)) throw new ConfigError(`${UNITS_FILE}: unit "${key}" is listed twice`, 'lexicon-shape');
    keys.add(key);
    const singular = strings(u['singular'], UNITS_FILE, `${key}.singular`);
    const plural = strings(u['plural'], UNITS_FILE, `${key}.plural`);
    if (singular.length === 0 || plural.length === 0) {
      throw new ConfigError(`${UNITS_FILE}: unit "${key}" needs at least one singular and one plural form`, 'lexicon-shape');
    }
    const duration = optionalString(u['duration'], UNITS_FILE, `${key}.duration`);
    if (duration !== undefined && parseDuration(duration) === undefined) {
      throw new ConfigError(`${UNITS_FILE}: unit "${key}": duration ${JSON.stringify(duration)} is not an xsd:duration such as P1D or PT1H`, 'lexicon-shape');
    }
    const currency = optionalString(u['currency'], UNITS_FILE, `${key}.currency`);
    if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) {
      throw new ConfigError(`${UNITS_FILE}: unit "${key}": currency ${JSON.stringify(currency)} is not an ISO 4217 code`, 'lexicon-shape');
    }
    const exactMatch = strings(u['exactMatch'], UNITS_FILE, `${key}.exactMatch`);
    for (const iri of exactMatch) {
      if (!/^https?:\/\/\S+$/.test(iri)) throw new ConfigError(`${UNITS_FILE}: unit "${key}": exactMatch ${JSON.stringify(iri)} is not an IRI`, 'lexicon-shape');
    }
    const def: UnitDefinition = {
      key,
      label: optionalString(u['label'], UNITS_FILE, `${key}.label`) ?? singular[0] ?? key,
      singular,
      plural,
      exactMatch,
      ...(optionalString(u['definition'], UNITS_FILE, `${key}.definition`) !== undefined ? { definition: optionalString(u['definition'], UNITS_FILE, `${key}.definition`) ?? '' } : {}),
      ...(optionalString(u['category'], UNITS_FILE, `${key}.category`) !== undefined ? { category: optionalString(u['category'], UNITS_FILE, `${key}.category`) ?? '' } : {}),
      ...(duration !== undefined ? { duration } : {}),
      ...(currency !== undefined ? { currency } : {}),
      ...(optionalString(u['broader'], UNITS_FILE, `${key}.broader`) !== undefined ? { broader: optionalString(u['broader'], UNITS_FILE, `${key}.broader`) ?? '' } : {}),
    };
    return def;
  }).map((u, _i, all) => {
    if (u.broader !== undefined && !all.some((o) => o.key === u.broader)) {
      throw new ConfigError(`${UNITS_FILE}: unit "${u.key}": broader "${u.broader}" is not a unit key`, 'lexicon-shape');
    }
    return u;
  });
}

function phraseRules(v: unknown, entry: string): Map<string, PhraseRule> {
  const map = new Map<string, PhraseRule>();
  if (v === undefined || v === null) return map;
  if (!Array.isArray(v)) throw new ConfigError(`${PHRASES_FILE}: "${entry}" must be a list of { reading, phrases }`, 'lexicon-shape');
  v.forEach((r: unknown, i) => {
    const reading = isRecord(r) ? r['reading'] : undefined;
    if (!isRecord(r) || (reading !== 'exact' && reading !== 'lower-bound' && reading !== 'upper-bound' && reading !== 'approximate')) {
      throw new ConfigError(`${PHRASES_FILE}: ${entry}[${i}]: reading must be exact, lower-bound, upper-bound or approximate`, 'lexicon-shape');
    }
    const note = optionalString(r['note'], PHRASES_FILE, `${entry}[${i}].note`);
    const rule: PhraseRule = { reading, exclusive: r['exclusive'] === true, ...(note !== undefined ? { note } : {}) };
    for (const p of strings(r['phrases'], PHRASES_FILE, `${entry}[${i}].phrases`)) map.set(normalise(p), rule);
  });
  return map;
}

function section(src: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = src[key];
  if (v === undefined || v === null) return {};
  if (!isRecord(v)) throw new ConfigError(`${PHRASES_FILE}: "${key}" must be a mapping`, 'lexicon-shape');
  return v;
}

/**
 * Compiles data/lexicon/numbers.yaml, units.yaml and quantity-phrases.yaml (and dates.yaml, whose
 * dates and clock times are never quantities). Throws ConfigError naming the file and entry.
 */
export function compileQuantityRules(raw: RawInputs): CompiledQuantityRules {
  const numbers = compileNumberLexicon(raw.lexicon['numbers']);
  const dates = compileDateRules(raw);
  const units = compileUnits(raw.lexicon['units']);
  const src = raw.lexicon['quantity-phrases'] ?? {};
  if (!isRecord(src)) throw new ConfigError(`${PHRASES_FILE}: expected a mapping`, 'lexicon-shape');

  const unitByForm = new Map<string, { unit: UnitDefinition; plural: boolean; singular: boolean }>();
  for (const u of units) {
    for (const f of [...u.singular, ...u.plural]) {
      const k = normalise(f);
      const prior = unitByForm.get(k);
      if (prior && prior.unit.key !== u.key) throw new ConfigError(`${UNITS_FILE}: "${f}" is a form of both "${prior.unit.key}" and "${u.key}"`, 'lexicon-shape');
      unitByForm.set(k, { unit: u, plural: u.plural.some((p) => normalise(p) === k), singular: u.singular.some((p) => normalise(p) === k) });
    }
  }
  const allForms = [...units.flatMap((u) => [...u.singular, ...u.plural])];
  const pluralOnly = units.flatMap((u) => u.plural);
  const timeSingular = units.filter((u) => u.duration !== undefined).flatMap((u) => u.singular);
  const formationPlural = units
    .filter((u) => u.category === 'formation')
    .flatMap((u) => u.plural.filter((p) => !u.singular.some((s) => normalise(s) === normalise(p))));
  const wrap = (alt: string): string => `${L_BEFORE}(?:${alt})(?![\\p{L}\\p{N}_])`;
  const unitAlt = alternation(allForms);

  const currencyByForm = new Map<string, { code: string; unit: string }>();
  const currencyPhrases: string[] = [];
  const currencySymbols: string[] = [];
  const currencies = src['currencies'] ?? [];
  if (!Array.isArray(currencies)) throw new ConfigError(`${PHRASES_FILE}: "currencies" must be a list`, 'lexicon-shape');
  currencies.forEach((c: unknown, i) => {
    if (!isRecord(c)) throw new ConfigError(`${PHRASES_FILE}: currencies[${i}]: expected a mapping`, 'lexicon-shape');
    const code = optionalString(c['code'], PHRASES_FILE, `currencies[${i}].code`);
    const unit = optionalString(c['unit'], PHRASES_FILE, `currencies[${i}].unit`);
    if (code === undefined || !/^[A-Z]{3}$/.test(code)) throw new ConfigError(`${PHRASES_FILE}: currencies[${i}].code: expected an ISO 4217 code, found ${JSON.stringify(c['code'])}`, 'lexicon-shape');
    if (unit === undefined || !units.some((u) => u.key === unit)) throw new ConfigError(`${PHRASES_FILE}: currencies[${i}].unit: ${JSON.stringify(c['unit'])} is not a unit key of ${UNITS_FILE}`, 'lexicon-shape');
    for (const p of strings(c['phrases'], PHRASES_FILE, `currencies[${i}].phrases`)) {
      currencyByForm.set(normalise(p), { code, unit });
      currencyPhrases.push(p);
    }
    for (const s of strings(c['symbols'], PHRASES_FILE, `currencies[${i}].symbols`)) {
      currencyByForm.set(normalise(s), { code, unit });
      currencySymbols.push(s);
    }
  });

  const beforeByPhrase = phraseRules(src['before'], 'before');
  const afterByPhrase = phraseRules(src['after'], 'after');
  const ranges = section(src, 'ranges');
  const joiners = strings(ranges['joiners'], PHRASES_FILE, 'ranges.joiners');
  const frames = Array.isArray(ranges['frames']) ? ranges['frames'] : [];
  const frameOpen = frames.map((f: unknown, i) => {
    const pair = strings(f, PHRASES_FILE, `ranges.frames[${i}]`);
    if (pair.length !== 2) throw new ConfigError(`${PHRASES_FILE}: ranges.frames[${i}]: expected [opening word, joining word]`, 'lexicon-shape');
    return pair;
  });
  const ratios = section(src, 'ratios');
  const ratioJoiners = strings(ratios['joiners'], PHRASES_FILE, 'ratios.joiners', true);
  const ratioNouns = strings(ratios['nouns'], PHRASES_FILE, 'ratios.nouns');
  const multipliers = ratios['multipliers'] ?? {};
  if (!isRecord(multipliers)) throw new ConfigError(`${PHRASES_FILE}: ratios.multipliers must map words to numbers`, 'lexicon-shape');
  const multiplierByWord = new Map<string, string>();
  for (const [w, n] of Object.entries(multipliers)) {
    if (typeof n !== 'number' || !(n > 0)) throw new ConfigError(`${PHRASES_FILE}: ratios.multipliers.${w}: expected a positive number`, 'lexicon-shape');
    multiplierByWord.set(normalise(w), String(n));
  }
  const times = strings(ratios['times'], PHRASES_FILE, 'ratios.times');
  const fractionSrc = ratios['fractions'] ?? {};
  if (!isRecord(fractionSrc)) throw new ConfigError(`${PHRASES_FILE}: ratios.fractions must map words to denominators`, 'lexicon-shape');
  const fractions = new Map<string, string>();
  for (const [w, n] of Object.entries(fractionSrc)) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 2) throw new ConfigError(`${PHRASES_FILE}: ratios.fractions.${w}: expected a whole number ≥ 2`, 'lexicon-shape');
    fractions.set(normalise(w), String(n));
  }
  const frames2 = strings(src['durationFrames'], PHRASES_FILE, 'durationFrames');
  const comparatives = strings(ratios['comparatives'], PHRASES_FILE, 'ratios.comparatives');
  const modifiers = strings(src['modifiers'], PHRASES_FILE, 'modifiers');
  const calibres = strings(src['calibres'], PHRASES_FILE, 'calibres');
  const clocks = strings(src['clockCues'], PHRASES_FILE, 'clockCues');
  const rates = strings(src['rates'], PHRASES_FILE, 'rates');
  const holders = section(src, 'holders');
  const verbs = strings(holders['verbs'], PHRASES_FILE, 'holders.verbs');
  const gapWords = strings(holders['gap'], PHRASES_FILE, 'holders.gap');
  const pronouns = strings(holders['pronouns'], PHRASES_FILE, 'holders.pronouns');
  const backRef = strings(holders['backReference'], PHRASES_FILE, 'holders.backReference');
  const partitive = backRef;
  const yearNouns = strings(src['yearNouns'], PHRASES_FILE, 'yearNouns');
  const yearCues = strings(src['yearCues'], PHRASES_FILE, 'yearCues');
  const carry = strings(src['carryCues'], PHRASES_FILE, 'carryCues');
  const identifiers = strings(src['identifiers'], PHRASES_FILE, 'identifiers');
  const vague = strings(src['vague'], PHRASES_FILE, 'vague');

  const absenceTemplates = strings(src['absence'], PHRASES_FILE, 'absence');
  const modifierAlt = alternation(modifiers);
  const calibreAlt = alternation(calibres);
  const calibrePhrase = calibres.length > 0 ? `\\d+(?:[.,]\\d+)?\\s*[-‑]?\\s*(?:${calibreAlt})(?![\\p{L}])` : '';
  const model = '\\p{Lu}[\\p{L}]{0,4}[-‑]\\d+[\\p{L}]?(?![\\p{L}\\p{N}])';
  const npGap = `(?:(?:${[modifierAlt, calibrePhrase, model].filter((x) => x !== '').join('|')})[\\s\\-‑]+){0,3}`;
  const singularOnly = units.flatMap((u) => u.singular);
  const absencePatterns = absenceTemplates.map((t) => {
    const slot = t.includes('{unit}') ? '{unit}' : t.includes('{one}') ? '{one}' : undefined;
    if (slot === undefined) throw new ConfigError(`${PHRASES_FILE}: absence pattern ${JSON.stringify(t)} has no {unit} or {one}`, 'lexicon-shape');
    return t
      .split(slot)
      .map((part) => (part.trim() === '' ? '' : phrasePattern(part.trim())))
      .join(`\\s+${npGap}(?:${alternation(slot === '{one}' ? singularOnly : pluralOnly)})${L_AFTER}\\s*`)
      .replace(/\\s\*$/, '');
  });
  const absenceFirst = absenceTemplates.map((t) => t.trim().split(/\s+/)[0] ?? '').filter((w) => w !== '' && w !== '{unit}' && w !== '{one}');
  const absenceOk = absencePatterns.length > 0 && pluralOnly.length > 0 && absenceFirst.length === absenceTemplates.length;
  const contrast = Array.isArray(src['contrast']) ? src['contrast'] : [];
  const rejectedCues: string[] = [];
  const assertedCues: string[] = [];
  contrast.forEach((c: unknown, i) => {
    if (!isRecord(c)) throw new ConfigError(`${PHRASES_FILE}: contrast[${i}]: expected { rejected, asserted }`, 'lexicon-shape');
    rejectedCues.push(...strings(c['rejected'], PHRASES_FILE, `contrast[${i}].rejected`));
    assertedCues.push(...strings(c['asserted'], PHRASES_FILE, `contrast[${i}].asserted`, true));
  });
  const gapAlt = alternation(gapWords);
  const verbAlt = alternation(verbs);
  const gapSeq = gapWords.length > 0 ? `(?:\\s+(?:${gapAlt}))*` : '';
  const stop = '(?:that|which|who|whom|whose|and|but|or|if|when|while|because|as|since|than|so|to|for|with|from|by|in|on|at|of|said|says|believes|noted|declared)';
  const npWords = `(?:[\\s]+(?!${stop}${L_AFTER})[\\p{L}\\p{N}'’.\\-]+){0,3}?(?:\\s*\\([^()\\n]{0,80}\\))?`;

  const re: QuantityRegexes = {
    unitAt: new RegExp(`^${wrap(unitAlt)}`, 'iu'),
    unitAny: new RegExp(wrap(unitAlt), 'giu'),
    verbIn: verbs.length > 0 ? new RegExp(wrap(verbAlt), 'iu') : null,
    currencyAt: new RegExp(`^(?:${alternation(currencyPhrases)})${L_AFTER}`, 'iu'),
    symbolBefore: currencySymbols.length > 0 ? new RegExp(`(?:^|[^\\p{L}\\p{N}])(${currencySymbols.map(escapeRe).sort((a, b) => b.length - a.length).join('|')})\\s*$`, 'u') : null,
    beforePhrase: beforeByPhrase.size > 0 ? new RegExp(`(?:^|[^\\p{L}\\p{N}])(${alternation(beforeByPhrase.keys())})\\s+$`, 'iu') : null,
    afterPhrase: afterByPhrase.size > 0 ? new RegExp(`^\\s+(${alternation(afterByPhrase.keys())})${L_AFTER}`, 'iu') : null,
    identifierBefore: identifiers.length > 0 ? new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${alternation(identifiers)})(?:[\\s.:]*)$`, 'iu') : null,
    calibreAfter: calibres.length > 0 ? new RegExp(`^\\s*[-‑–]?\\s*(?:${calibreAlt})(?![\\p{L}])`, 'iu') : null,
    clockAfter: clocks.length > 0 ? new RegExp(`^\\s*(?:${alternation(clocks)})(?![\\p{L}])`, 'iu') : null,
    partitiveAfter: partitive.length > 0 ? new RegExp(`^\\s+of\\s+(?:${alternation(partitive)})(?=\\s)`, 'iu') : null,
    calibreAt: calibrePhrase !== '' ? new RegExp(`^${calibrePhrase}`, 'iu') : null,
    modelAt: new RegExp(`^${model}`, 'u'),
    modifierAt: modifiers.length > 0 ? new RegExp(`^${wrap(modifierAlt)}`, 'iu') : null,
    rangeJoin: new RegExp(`^(?:\\s*[${joiners.filter((j) => /^[-–—‑]$/.test(j)).map(escapeRe).join('') || '-'}]\\s*|\\s+(${alternation(joiners.filter((j) => /\p{L}/u.test(j)))})\\s+)$`, 'iu'),
    frameBefore: frameOpen.length > 0 ? new RegExp(`(?:^|[^\\p{L}\\p{N}])(${alternation(frameOpen.map((f) => f[0] ?? ''))})\\s+$`, 'iu') : null,
    ratioJoin: new RegExp(`^(?:${ratioJoiners.map((j) => (j.trim() === '' ? '' : /^\s|\s$/.test(j) ? `\\s+${phrasePattern(j.trim())}\\s+` : `\\s*${phrasePattern(j)}\\s*`)).filter((x) => x !== '').join('|') || '(?!)'})$`, 'iu'),
    ratioNounAfter:
      ratioNouns.length > 0
        ? new RegExp(`^\\s+((?:${alternation(ratioNouns)})(?:\\s+(?:in|of|over|on|against)(?:\\s+(?!${stop}${L_AFTER})[\\p{L}\\-]+){1,3})?)${L_AFTER}`, 'iu')
        : null,
    ratioContextBefore:
      ratioNouns.length > 0
        ? new RegExp(`(?:^|[^\\p{L}])(?:${alternation(ratioNouns)})(?:\\s+of\\s+([^.;:!?]{1,60}?))?\\s+(?:is|was|are|were|stands\\s+at|stood\\s+at|amounts\\s+to|equals|of|at)\\s+$`, 'iu')
        : null,
    fractionAfter: fractions.size > 0 ? new RegExp(`^[\\s\\-‑]+(${alternation(fractions.keys())})${L_AFTER}`, 'iu') : null,
    durationFrameBefore: frames2.length > 0 ? new RegExp(`(?:^|[^\\p{L}])(?:${alternation(frames2)})\\s+$`, 'iu') : null,
    colonRatio: /(?<![\p{L}\p{N}_.,:])(\d{1,3})\s?:\s?(\d{1,3})(?![\p{N}]|[.,:]\p{N})/gu,
    multiplier:
      multiplierByWord.size > 0 && comparatives.length > 0
        ? new RegExp(`(${alternation(multiplierByWord.keys())})\\s+(${alternation(comparatives)})${L_AFTER}`, 'iuy')
        : null,
    timesAfter: times.length > 0 && comparatives.length > 0 ? new RegExp(`^\\s+(?:${alternation(times)})\\s+(${alternation(comparatives)})${L_AFTER}`, 'iu') : null,
    absenceAt: absenceOk ? new RegExp(`(?:${absencePatterns.join('|')})${L_AFTER}`, 'iuy') : null,
    vagueAt: vague.length > 0 ? new RegExp(`(?:${alternation(vague)})[\\s\\-‑]+${npGap}(?:${unitAlt})${L_AFTER}`, 'iuy') : null,
    word: /\p{L}[\p{L}'’]*/gu,
    contrastRejected: rejectedCues.length > 0 ? new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${alternation(rejectedCues)})\\s+$`, 'iu') : null,
    contrastBetween:
      assertedCues.length > 0
        ? new RegExp(`^\\s*(?:,[^,.;:!?]{1,60}(?=,))?[,;]?\\s*(?:${assertedCues.filter((c) => c !== '').length > 0 ? `(?:${alternation(assertedCues.filter((c) => c !== ''))})\\s+` : ''}${assertedCues.includes('') ? '|' : ''})$`, 'iu')
        : null,
    rateAfter: rates.length > 0 && timeSingular.length > 0 ? new RegExp(`^\\s*(?:\\s(?:${alternation(rates)})\\s+|\\/\\s*)(${alternation(timeSingular)})${L_AFTER}`, 'iu') : null,
    yearNounAfter: yearNouns.length > 0 ? new RegExp(`^\\s+(?:${alternation(yearNouns)})${L_AFTER}`, 'iu') : null,
    yearNounBefore: yearNouns.length > 0 ? new RegExp(`(?<![\\p{N}.,])(\\d{4})\\s+(?:${alternation(yearNouns)})${L_AFTER}`, 'giu') : null,
    yearCueAfter: yearCues.length > 0 ? new RegExp(`^\\s+(?:${alternation(yearCues)})\\s+(?:the\\s+(?:year\\s+)?)?(\\d{4})(?![\\p{N}]|[.\\-–/]\\p{N})`, 'iu') : null,
    yearCueBefore: yearCues.length > 0 ? new RegExp(`${L_BEFORE}(?:${alternation(yearCues)})\\s+(?:the\\s+(?:year\\s+)?)?(\\d{4})(?![\\p{N}]|[.\\-–/]\\p{N})`, 'giu') : null,
    holderVerbGap: verbs.length > 0 ? new RegExp(`^${npWords}${gapSeq}\\s+(?:${verbAlt})${gapSeq}\\s*$`, 'iu') : null,
    holderGapNoVerb: new RegExp(`^${npWords}${gapSeq}\\s*$`, 'iu'),
    pronounSubject: pronouns.length > 0 && verbs.length > 0 ? new RegExp(`(?:^|[^\\p{L}])(${alternation(pronouns)})${gapSeq}\\s+(?:${verbAlt})${gapSeq}\\s*$`, 'iu') : null,
    pronounSubjectNoVerb: pronouns.length > 0 ? new RegExp(`(?:^|[^\\p{L}])(${alternation(pronouns)})${gapSeq}\\s*$`, 'iu') : null,
    backReference: backRef.length > 0 && formationPlural.length > 0 ? new RegExp(`${L_BEFORE}(?:${alternation(backRef)})\\s+(?:${alternation(formationPlural)})${L_AFTER}`, 'giu') : null,
    carryGap: carry.length > 0 ? new RegExp(`^\\s*[,;]?\\s*(?:${alternation(carry)})${L_AFTER}`, 'iu') : null,
    ofMeasure: /^\s+of\s+((?!(?:the|a|an|this|that|these|those|which|whom|it|them|each|all)\b)\p{Ll}[\p{L}-]*)/u,
  };
  const cueWords = new Map<string, Set<CueKind>>();
  const cue = (phrase: string, kind: CueKind): void => {
    const first = phrase.trim().split(/[\s-]+/)[0]?.toLowerCase() ?? '';
    if (first === '') return;
    const set = cueWords.get(first) ?? new Set<CueKind>();
    set.add(kind);
    cueWords.set(first, set);
  };
  if (absenceOk) for (const w of absenceFirst) cue(w, 'absence');
  for (const v of vague) cue(v, 'vague');
  for (const m of multiplierByWord.keys()) cue(m, 'multiplier');
  return { numbers, dates, units, unitByForm, currencyByForm, beforeByPhrase, afterByPhrase, multiplierByWord, fractionByWord: fractions, cueWords, re };
}

// ── durations ────────────────────────────────────────────────────────────────────────────────

/** Duration parts in the order of xsd:duration: years, months, days, hours, minutes, seconds. */
type DurationParts = [string, string, string, string, string, string];

const ZERO_PARTS: DurationParts = ['0', '0', '0', '0', '0', '0'];

function parseDuration(s: string): DurationParts | undefined {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(s);
  if (!m || s === 'P' || s.endsWith('T')) return undefined;
  const days = String(Number(m[4] ?? 0) + 7 * Number(m[3] ?? 0));
  return [m[1] ?? '0', m[2] ?? '0', days, m[5] ?? '0', m[6] ?? '0', m[7] ?? '0'];
}

/** How many of the next smaller part one part holds (months cannot be split exactly). */
const SPLIT: readonly (string | undefined)[] = ['12', undefined, '24', '60', '60', undefined];

/** `count` × one unit's duration, or undefined when no exact xsd:duration exists (1.5 months). */
function scaleDuration(unit: string, count: string): DurationParts | undefined {
  const one = parseDuration(unit);
  if (!one) return undefined;
  const out: DurationParts = [...ZERO_PARTS];
  for (let i = 0; i < 6; i++) {
    let v = multiplyDecimals(one[i] ?? '0', count);
    for (let j = i; ; j++) {
      const dot = v.indexOf('.');
      if (dot < 0 || j === 5) {
        out[j] = addInts(out[j] ?? '0', v);
        break;
      }
      const factor = SPLIT[j];
      if (factor === undefined) return undefined;
      out[j] = addInts(out[j] ?? '0', v.slice(0, dot));
      v = multiplyDecimals(`0${v.slice(dot)}`, factor);
    }
  }
  return out;
}

function addInts(a: string, b: string): string {
  if (a.includes('.') || b.includes('.')) return String(Number(a) + Number(b));
  return (BigInt(a) + BigInt(b)).toString();
}

function addDurations(a: DurationParts, b: DurationParts): DurationParts {
  return a.map((x, i) => addInts(x, b[i] ?? '0')) as DurationParts;
}

function formatDuration(p: DurationParts): string {
  const [y, mo, d, h, mi, s] = p;
  const date = `${y !== '0' ? `${y}Y` : ''}${mo !== '0' ? `${mo}M` : ''}${d !== '0' ? `${d}D` : ''}`;
  const time = `${h !== '0' ? `${h}H` : ''}${mi !== '0' ? `${mi}M` : ''}${s !== '0' ? `${s}S` : ''}`;
  if (date === '' && time === '') return 'PT0S';
  return `P${date}${time !== '' ? `T${time}` : ''}`;
}

// ── per-telegram extraction ──────────────────────────────────────────────────────────────────

/** A quantity under construction (mutable, local to one extraction). */
interface Draft {
  reading: QuantityReading;
  start: number;
  end: number;
  value?: string;
  minValue?: string;
  maxValue?: string;
  approximate: boolean;
  numerator?: string;
  denominator?: string;
  currency?: string;
  forYear?: number;
  duration?: string;
  unitText?: string;
  countOf?: string;
  holder?: EntityRef;
  polarity: 'asserted' | 'rejected';
  contrastWith?: Draft;
  notes: string[];
  unit?: UnitDefinition;
}

/** What follows a number: its unit, with modifiers, holder and calibre between. */
interface Tail {
  readonly end: number;
  readonly unit?: UnitDefinition;
  readonly unitStart?: number;
  readonly currency?: string;
  readonly holder?: MentionRecord;
  readonly calibre?: string;
  readonly nextWord?: string;
  readonly nextWordEnd?: number;
}

/** The context one extraction shares between its helpers (never stored beyond the call). */
interface Ctx {
  readonly text: string;
  readonly rules: CompiledQuantityRules;
  readonly mentionAt: ReadonlyMap<number, MentionRecord>;
  readonly holders: readonly MentionRecord[];
  readonly sentences: readonly Span[];
  readonly excluded: readonly Span[];
  readonly report: ReportItem[];
}

const HOLDER_TYPES = new Set(['Country', 'Organization', 'Group', 'Person']);
const FUNCTION_WORDS = new Set(
  'a an the of to in on at by for from with and or but that which who is are was were be been being will would could should may might must can do does did have has had not no it its they them their he his she her we our us you your this these those there here as than then thus so if when while out up down into onto over under about across towards besides whereas unless less always perhaps per each every all some any more most other such only also'.split(' '),
);

function reportItem(text: string, code: ReportItem['code'], message: string, span: Span): ReportItem {
  const at = offsetToLineColumn(text, span.start);
  return { code, message, span, line: at.line, column: at.column, text: text.slice(span.start, span.end) };
}

/**
 * Every match of the global regex `re` inside text[from, to), in order. The compiled regex is
 * used in place (its lastIndex is set and reset here) rather than cloned: cloning a large pattern
 * costs more than the search.
 */
function matchesIn(re: RegExp, text: string, from: number, to: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    if (m.index + m[0].length > to) break;
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

/** Matches of the sticky regex `re` at each of the offsets `at` that end by `to`. */
function stickyAt(re: RegExp, text: string, at: readonly number[], to: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (const i of at) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (m && m.index + m[0].length <= to) out.push(m);
  }
  re.lastIndex = 0;
  return out;
}

function overlapsAny(spans: readonly Span[], s: number, e: number): boolean {
  // `spans` is short (dates of one telegram): a linear scan is cheaper than indexing.
  return spans.some((x) => x.start < e && s < x.end);
}

function sentenceOf(ctx: Ctx, pos: number): Span {
  let lo = 0;
  let hi = ctx.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ctx.sentences[mid];
    if (!s) break;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return { start: Math.max(0, pos - 200), end: Math.min(ctx.text.length, pos + 200) };
}

/** Reads the unit after a number: currency phrase, or modifiers/mentions/calibres then unit forms. */
function readTail(ctx: Ctx, from: number, limit: number): Tail {
  const { text, rules } = ctx;
  const window = (p: number): string => text.slice(p, Math.min(limit, p + 80));
  const cur = /^\s+/.exec(window(from));
  const curAt = from + (cur ? cur[0].length : 0);
  if (cur) {
    const c = rules.re.currencyAt.exec(window(curAt));
    if (c) {
      const money = rules.currencyByForm.get(normalise(c[0]));
      const unit = money ? rules.units.find((u) => u.key === money.unit) : undefined;
      if (money && unit) return { end: curAt + c[0].length, unit, unitStart: curAt, currency: money.code };
    }
  }
  let pos = from;
  let unit: UnitDefinition | undefined;
  let unitStart: number | undefined;
  let holder: MentionRecord | undefined;
  let calibre: string | undefined;
  let unitEnd = from;
  // Modifiers, mentions, calibres and unit words, up to the last unit word: "62 MIG-15 jet
  // fighters", "two tank brigades", "one US corps", "one fighter air division".
  for (let step = 0; step < 7; step++) {
    const w = window(pos);
    const sep = /^(?:\s+|\s*[-‑]\s*)/.exec(w);
    const sepLen = sep ? sep[0].length : 0;
    if (sepLen === 0 && !w.startsWith('%')) break;
    const at = pos + sepLen;
    const rest = w.slice(sepLen);
    const u = rules.re.unitAt.exec(rest);
    if (u) {
      unit = rules.unitByForm.get(normalise(u[0]))?.unit;
      unitStart ??= at;
      pos = unitEnd = at + u[0].length;
      continue;
    }
    const model = rules.re.modelAt.exec(rest);
    if (model) {
      pos = at + model[0].length;
      continue;
    }
    const m = unit ? undefined : ctx.mentionAt.get(at);
    if (m && !holder && m.span.end <= limit) {
      if (HOLDER_TYPES.has(m.entity.type)) holder = m;
      pos = m.span.end;
      continue;
    }
    const cal = rules.re.calibreAt?.exec(rest);
    if (cal) {
      calibre = cal[0];
      pos = at + cal[0].length;
      continue;
    }
    const mod = rules.re.modifierAt?.exec(rest);
    if (mod) {
      pos = at + mod[0].length;
      continue;
    }
    break;
  }
  if (!unit || unitStart === undefined) {
    // the word after the modifiers ("1,200 Korean cadets": "cadets"), else the next word
    const afterModifiers = pos > from ? /^\s+(\p{Ll}[\p{L}'’-]*)/u.exec(window(pos)) : null;
    const next = afterModifiers ?? /^\s+([\p{L}][\p{L}'’-]*)/u.exec(window(from));
    const nextEnd = next ? (afterModifiers ? pos : from) + next[0].length : from;
    return { end: from, ...(next?.[1] !== undefined ? { nextWord: next[1], nextWordEnd: nextEnd } : {}) };
  }
  return {
    end: unitEnd,
    unit,
    unitStart,
    ...(unit.currency !== undefined ? { currency: unit.currency } : {}),
    ...(holder ? { holder } : {}),
    ...(calibre !== undefined ? { calibre } : {}),
  };
}

/** The holder of a quantity starting at `start`, from the text before it (subject, possessive, parenthesis). */
function holderBefore(ctx: Ctx, start: number, d: Draft, absence: boolean): void {
  const { text, rules } = ctx;
  const sentence = sentenceOf(ctx, start);
  const before = text.slice(sentence.start, start);
  // a pronoun subject right before the verb: the holder is not resolved here
  const pronoun = (absence ? rules.re.pronounSubjectNoVerb : null)?.exec(before) ?? rules.re.pronounSubject?.exec(before);
  // the nearest mention of a possible holder before the quantity, in the same sentence
  let mention: MentionRecord | undefined;
  for (let i = ctx.holders.length - 1; i >= 0; i--) {
    const m = ctx.holders[i];
    if (m && m.span.end <= start && m.span.start >= sentence.start) {
      mention = m;
      break;
    }
  }
  if (pronoun?.[1] !== undefined && (!mention || mention.span.end <= sentence.start + (pronoun.index ?? 0) + 1)) {
    d.notes.push(`holder: the pronoun "${pronoun[1]}" is the subject; who it refers to is not resolved here`);
    return;
  }
  if (!mention) return;
  const gap = text.slice(mention.span.end, start);
  // "X's 5 divisions"
  if (/^['’]s\s+$/.test(gap)) {
    d.holder = mention.entity;
    return;
  }
  // "the US corps (three divisions)": the parenthesis describes the holder's formation
  const paren = /^((?:\s+[\p{L}-]+){1,2})\s*\(\s*$/u.exec(gap);
  if (paren?.[1] !== undefined) {
    d.holder = mention.entity;
    const what = paren[1].trim();
    const close = text.indexOf(')', start);
    const printed = close >= 0 && close < sentence.end ? text.slice(start - (gap.length - gap.indexOf('(')), close + 1) : '(…)';
    d.notes.push(`per ${what}: the parenthesis "${printed.replace(/\s+/g, ' ')}" gives the composition of one "${text.slice(mention.span.start, mention.span.end)} ${what}", not a total`);
    return;
  }
  const re = absence ? rules.re.holderGapNoVerb : rules.re.holderVerbGap;
  if (re?.test(gap)) d.holder = mention.entity;
}

/** Applies a phrase before the number ("at least", "about", "only") to the draft. */
function applyBound(d: Draft, rule: PhraseRule, phrase: string, value: string, timeFrame = false): void {
  if (rule.note !== undefined) d.notes.push(`${rule.note}`);
  if (d.reading === 'range') {
    if (rule.reading === 'approximate') d.approximate = true;
    else if (rule.reading !== 'exact') d.notes.push(`"${phrase}" before a range: read as the range itself`);
    return;
  }
  if (rule.reading === 'approximate') {
    d.approximate = true;
    d.value = value;
    if (d.reading !== 'money' && d.reading !== 'duration') d.reading = 'approximate';
    return;
  }
  if (rule.reading === 'exact') {
    d.value = value;
    return;
  }
  if (d.reading === 'duration') {
    if (normalise(phrase) === 'over') {
      d.notes.push('ambiguous: "over" before a duration may mean "more than" or "during"; read as the duration');
      return;
    }
    const how = rule.exclusive ? (rule.reading === 'lower-bound' ? 'more than' : 'less than') : rule.reading === 'lower-bound' ? 'at least' : 'at most';
    if (timeFrame || d.value === undefined) {
      // "in less than three weeks": the time frame of an event; the bound is noted
      d.notes.push(`${rule.reading === 'lower-bound' ? 'lower' : 'upper'} bound ("${phrase}"): the time is ${how} this duration`);
      return;
    }
    // "will last no more than 3 hours": a bound on a count of hours; `duration` is the bound's
    d.notes.push(`${rule.reading === 'lower-bound' ? 'lower' : 'upper'} bound ("${phrase}"): ${how} ${d.duration ?? ''}`.trim());
  }
  delete d.value;
  if (rule.reading === 'lower-bound') d.minValue = value;
  else d.maxValue = value;
  if (d.reading !== 'money') d.reading = rule.reading;
  if (rule.exclusive) d.notes.push(`exclusive bound ("${phrase}"): the count is ${rule.reading === 'lower-bound' ? 'above' : 'below'} ${value}, not ${value} itself`);
}

function finish(text: string, d: Draft, contrastIndex: number | undefined): QuantityRecord {
  return {
    kind: 'quantity',
    reading: d.reading,
    text: text.slice(d.start, d.end),
    span: { start: d.start, end: d.end },
    ...(d.value !== undefined ? { value: d.value } : {}),
    ...(d.minValue !== undefined ? { minValue: d.minValue } : {}),
    ...(d.maxValue !== undefined ? { maxValue: d.maxValue } : {}),
    approximate: d.approximate,
    ...(d.numerator !== undefined ? { numerator: d.numerator } : {}),
    ...(d.denominator !== undefined ? { denominator: d.denominator } : {}),
    ...(d.currency !== undefined ? { currency: d.currency } : {}),
    ...(d.forYear !== undefined ? { forYear: d.forYear } : {}),
    ...(d.duration !== undefined ? { duration: d.duration } : {}),
    ...(d.unitText !== undefined ? { unitText: d.unitText } : {}),
    ...(d.countOf !== undefined ? { countOf: d.countOf } : {}),
    ...(d.holder ? { holder: d.holder } : {}),
    polarity: d.polarity,
    ...(contrastIndex !== undefined ? { contrastWith: contrastIndex } : {}),
    notes: d.notes,
  };
}

/** Scan regions: the runs of body sentences under one point, paragraph or list item. */
function bodyRegions(doc: SourceDoc): { regions: Span[]; sentences: Span[] } {
  const regions: Span[] = [];
  const sentences: Span[] = [];
  const byParent = new Map<number, Span>();
  const withChildren = new Set<number>();
  doc.segments.forEach((s) => {
    if (s.kind !== 'sentence') return;
    sentences.push(s.span);
    const p = s.parent ?? -1;
    withChildren.add(p);
    const r = byParent.get(p);
    byParent.set(p, r ? { start: Math.min(r.start, s.span.start), end: Math.max(r.end, s.span.end) } : s.span);
  });
  regions.push(...byParent.values());
  doc.segments.forEach((s, i) => {
    if ((s.kind === 'paragraph' || s.kind === 'point' || s.kind === 'list-item') && !withChildren.has(i)) {
      regions.push(s.span);
      sentences.push(s.span);
    }
  });
  regions.sort((a, b) => a.start - b.start);
  sentences.sort((a, b) => a.start - b.start);
  return { regions, sentences };
}

/**
 * Every number of the telegram's body as a QuantityRecord, sorted by span start, plus report
 * items for numbers it cannot read ('unparsed-number', 'unknown-unit') and vague counts
 * ('vague-quantity'). Dates, clock times, identifiers ("No. 10234"), calibres ("76-mm") and model
 * designations ("T-34") are not quantities. `mentions` give holders ("the Americans have…").
 * @example extractQuantities(doc, rules, mentions).quantities[0].text // "not five-six divisions"
 */
export function extractQuantities(doc: SourceDoc, rules: CompiledQuantityRules, mentions: readonly MentionRecord[]): QuantityResult {
  const { text } = doc;
  const scan = scanDates(text, 0, rules.dates);
  const excluded: Span[] = [...scan.dates.map((d) => d.span), ...scan.times.map((t) => t.span), ...scan.unresolved.map((u) => u.span)];
  const { regions, sentences } = bodyRegions(doc);
  const sortedMentions = [...mentions].sort((a, b) => a.span.start - b.span.start);
  const ctx: Ctx = {
    text,
    rules,
    mentionAt: new Map(sortedMentions.map((m) => [m.span.start, m])),
    holders: sortedMentions.filter((m) => HOLDER_TYPES.has(m.entity.type)),
    sentences,
    excluded,
    report: [],
  };
  const drafts: Draft[] = [];
  for (const region of regions) drafts.push(...readRegion(ctx, region));
  drafts.sort((a, b) => a.start - b.start || b.end - a.end);
  linkContrasts(ctx, drafts);
  const index = new Map(drafts.map((d, i) => [d, i]));
  const quantities = drafts.map((d) => finish(text, d, d.contrastWith ? index.get(d.contrastWith) : undefined));
  return { quantities, report: ctx.report };
}

/** "not five-six divisions, but at least nine divisions": the first side is rejected. */
function linkContrasts(ctx: Ctx, drafts: Draft[]): void {
  const { rules, text } = ctx;
  if (!rules.re.contrastRejected || !rules.re.contrastBetween) return;
  for (let i = 0; i + 1 < drafts.length; i++) {
    const a = drafts[i];
    const b = drafts[i + 1];
    if (!a || !b) continue;
    const sentence = sentenceOf(ctx, a.start);
    if (b.start >= sentence.end) continue;
    if (!rules.re.contrastRejected.test(text.slice(Math.max(sentence.start, a.start - 40), a.start))) continue;
    if (!rules.re.contrastBetween.test(text.slice(a.end, b.start))) continue;
    a.polarity = 'rejected';
    a.contrastWith = b;
    b.contrastWith = a;
    if (a.countOf === undefined && b.countOf !== undefined) {
      a.countOf = b.countOf;
      a.notes.push(`unit carried from the other side of the contrast ("${text.slice(b.start, b.end)}")`);
    }
  }
}

/** One region being read: its drafts so far and the spans they take. */
interface RegionCtx {
  readonly ctx: Ctx;
  readonly region: Span;
  readonly out: Draft[];
  readonly taken: Span[];
  /** The last money read in the region, whose currency a bare number may carry. */
  lastMoney: Draft | undefined;
}

function isTaken(rc: RegionCtx, s: number, e: number): boolean {
  return rc.taken.some((t) => t.start < e && s < t.end);
}

function push(rc: RegionCtx, d: Draft): void {
  rc.out.push(d);
  rc.taken.push({ start: d.start, end: d.end });
}

/** Up to `n` characters of the region before `pos`. */
function before(rc: RegionCtx, pos: number, n = 60): string {
  return rc.ctx.text.slice(Math.max(rc.region.start, pos - n), pos);
}

/** Up to `n` characters of the region from `pos`. */
function after(rc: RegionCtx, pos: number, n = 80): string {
  return rc.ctx.text.slice(pos, Math.min(rc.region.end, pos + n));
}

function ratioDraft(start: number, end: number, numerator: string, denominator: string, notes: string[] = []): Draft {
  return { reading: 'ratio', start, end, approximate: false, polarity: 'asserted', notes, numerator, denominator };
}

/** Reads one region (the sentences of one point, paragraph or list item). */
function readRegion(ctx: Ctx, region: Span): Draft[] {
  const { text, rules } = ctx;
  const rc: RegionCtx = { ctx, region, out: [], taken: [], lastMoney: undefined };
  const cues = matchesIn(rules.re.word, text, region.start, region.end).filter((w) => rules.cueWords.has(w[0].toLowerCase()));
  const cuesOf = (kind: CueKind): number[] => cues.filter((w) => rules.cueWords.get(w[0].toLowerCase())?.has(kind)).map((w) => w.index);
  readMultipliers(rc, cuesOf('multiplier'));
  readColonRatios(rc);
  const found = findNumbers(text, rules.numbers, region.start, region.end).filter((n) => !overlapsAny(ctx.excluded, n.start, n.end) && !isTaken(rc, n.start, n.end));
  readListEntries(rc, found);
  const nums = found.filter((n) => !isTaken(rc, n.start, n.end));
  for (let i = 0; i < nums.length; ) i += readNumberAt(rc, nums, i);
  readAbsences(rc, cuesOf('absence'));
  reportVagueCounts(rc, cuesOf('vague'));
  shareCoordinatedHolders(ctx, rc.out);
  return rc.out;
}

/** Words of a list entry's item before its count: at most this many (else only those after the last function word). */
const MAX_ITEM_WORDS = 6;

/**
 * Entries of an equipment list, "item – count" or "item: count", one a line or separated by ",",
 * ";" or "and": "T-34 tanks – 50", "rifles: 7,500", "gold – 9 tons", "rounds of ammunition – 12
 * million". The count follows the item, so the unit is read from the item (the head noun before
 * any "of"), or from the count's own unit ("9 tons"). An item no unit of the lexicon names is kept
 * as printed (unitText) and reported ('unknown-unit').
 */
function readListEntries(rc: RegionCtx, nums: readonly NumberMatch[]): void {
  const { text, rules } = rc.ctx;
  for (const n of nums) {
    if (n.hasWords && !n.scaled) continue;
    const lineStart = Math.max(rc.region.start, text.lastIndexOf('\n', n.start - 1) + 1);
    const sep = /(?:[ \t\u00a0]+[-–—]{1,2}|[ \t\u00a0]*[–—]|:)[ \t\u00a0]*$/u.exec(text.slice(lineStart, n.start));
    if (!sep) continue;
    const sepStart = lineStart + sep.index;
    // the item: back to the line start or a list boundary (":", ";", ",", "and")
    const head = text.slice(lineStart, sepStart);
    const boundary = /^(?:.*(?:[:;,]|\s(?:and|or)\s))?\s*(?:(?:[-•*]|\(?[\p{L}\p{N}]{1,2}[.)])\s+)?/u.exec(head);
    let itemStart = lineStart + (boundary ? boundary[0].length : 0);
    let item = text.slice(itemStart, sepStart);
    const words = item.split(/\s+/).filter((w) => w !== '');
    if (words.length > MAX_ITEM_WORDS) {
      const lastFunction = words.reduce((at, w, i) => (FUNCTION_WORDS.has(w.toLowerCase()) ? i : at), -1);
      if (lastFunction < 0 || words.length - lastFunction - 1 > MAX_ITEM_WORDS || words.length - lastFunction - 1 === 0) continue;
      const keep = words.slice(lastFunction + 1).join(' ');
      itemStart = sepStart - item.length + item.lastIndexOf(keep);
      item = text.slice(itemStart, sepStart);
    }
    if (!/\p{L}/u.test(item) || !/[\p{L})]$/u.test(item) || /^\p{Lu}[\p{Lu}\s]*$/u.test(item) || overlapsAny(rc.ctx.excluded, itemStart, sepStart) || isTaken(rc, itemStart, n.end)) continue;
    // the count ends the entry: its own unit ("9 tons") may follow, then the end of the line or a boundary
    const newline = text.indexOf('\n', n.end);
    const tail = readTail(rc.ctx, n.end, newline < 0 || newline > rc.region.end ? rc.region.end : newline);
    const end = tail.unit ? tail.end : n.end;
    const restEnd = Math.min(rc.region.end, end + 8);
    const rest = text.slice(end, restEnd);
    const closes = /^[ \t\u00a0]*(?:\n|[;,.](?:\s|$))/u.test(rest) || /^\s+(?:and|or)\s/u.test(rest) || (restEnd === rc.region.end && /^[ \t\u00a0]*$/u.test(rest));
    if (!closes) continue;
    const d: Draft = { reading: 'exact', start: itemStart, end, value: n.value, approximate: false, polarity: 'asserted', notes: [] };
    if (tail.unit && tail.unitStart !== undefined) {
      d.countOf = tail.unit.key;
      d.unit = tail.unit;
      d.unitText = text.slice(tail.unitStart, tail.end);
      d.notes.push(`a list entry: ${tail.unit.plural[0] ?? tail.unit.key} of "${item}"`);
      if (tail.currency !== undefined) {
        d.reading = 'money';
        d.currency = tail.currency;
      }
    } else {
      d.unitText = item;
      const headNoun = item.split(/\s+of\s+/u)[0] ?? item;
      // the last unit form of the head noun, longest match first ("submachine guns", not "guns")
      let unit: UnitDefinition | undefined;
      let covered = 0;
      for (const w of matchesIn(rules.re.word, headNoun, 0, headNoun.length)) {
        if (w.index < covered || (w.index > 0 && /[\p{L}\p{N}]/u.test(headNoun.charAt(w.index - 1)))) continue;
        const u = rules.re.unitAt.exec(headNoun.slice(w.index));
        const def = u ? rules.unitByForm.get(normalise(u[0]))?.unit : undefined;
        if (u && def) {
          unit = def;
          covered = w.index + u[0].length;
        }
      }
      if (unit) {
        d.countOf = unit.key;
        d.unit = unit;
      } else {
        d.notes.push(`the counted thing is not read: "${item}" names no unit of data/lexicon/units.yaml`);
        rc.ctx.report.push(reportItem(text, 'unknown-unit', `list entry "${item}" names no unit of data/lexicon/units.yaml; counted as printed`, { start: d.start, end: d.end }));
      }
    }
    push(rc, d);
  }
}

/** "twice as many divisions". */
function readMultipliers(rc: RegionCtx, at: readonly number[]): void {
  const { text, rules } = rc.ctx;
  if (!rules.re.multiplier) return;
  for (const m of stickyAt(rules.re.multiplier, text, at, rc.region.end)) {
    const start = m.index;
    const d = ratioDraft(start, start + m[0].length, rules.multiplierByWord.get(normalise(m[1] ?? '')) ?? '2', '1');
    const tail = readTail(rc.ctx, d.end, rc.region.end);
    if (tail.unit) {
      d.countOf = tail.unit.key;
      d.end = tail.end;
    }
    d.unitText = text.slice(start + m[0].length - (m[2] ?? '').length, d.end);
    holderBefore(rc.ctx, start, d, false);
    push(rc, d);
  }
}

/** "3:1", when it is not a clock time the date rules found. */
function readColonRatios(rc: RegionCtx): void {
  const { text, rules } = rc.ctx;
  const colon = text.indexOf(':', rc.region.start);
  if (colon < 0 || colon >= rc.region.end) return;
  for (const m of matchesIn(rules.re.colonRatio, text, rc.region.start, rc.region.end)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlapsAny(rc.ctx.excluded, start, end)) continue;
    const d = ratioDraft(start, end, m[1] ?? '', m[2] ?? '');
    const context = rules.re.ratioContextBefore?.exec(before(rc, start, 80));
    const noun = rules.re.ratioNounAfter?.exec(after(rc, end));
    if (noun?.[1] !== undefined) {
      d.unitText = noun[1];
      d.end = end + noun[0].length;
    } else if (context?.[1] !== undefined) {
      d.unitText = context[1].trim();
    }
    holderBefore(rc.ctx, start, d, false);
    push(rc, d);
  }
}

/** Identifiers, calibres, clock times, list markers, numbers hyphenated to a date; "not one", "zero" (absences). */
function isNotQuantity(rc: RegionCtx, n: NumberMatch, pre: string, post: string): boolean {
  const { rules } = rc.ctx;
  if (!n.hasWords && rules.re.identifierBefore?.test(pre)) return true;
  if ((n.first === 'one' && /(?:^|[^\p{L}])not\s+$/iu.test(pre)) || (n.value === '0' && n.hasWords)) return true;
  if (rules.re.calibreAfter?.test(post) || (!n.hasWords && rules.re.clockAfter?.test(post))) return true;
  if (!n.hasWords && /^\)/.test(post) && /(?:^|[\s(])$/.test(pre)) return true;
  return /^\s*[-–—]\s*$/.test(post.slice(0, 3)) && overlapsAny(rc.ctx.excluded, n.end, n.end + 4);
}

/**
 * Ratios that start at a number: "four-to-one superiority", "1 to 2.5" after "the ratio … is",
 * fractions ("two thirds"), multiples ("three times as many"). Returns the numbers consumed (0: none).
 */
function readNumberRatio(rc: RegionCtx, n: NumberMatch, next: NumberMatch | undefined, pre: string, post: string): number {
  const { text, rules } = rc.ctx;
  if (next) {
    const gap = text.slice(n.end, next.start);
    const noun = rules.re.ratioNounAfter?.exec(after(rc, next.end));
    const context = rules.re.ratioContextBefore?.exec(pre);
    if (rules.re.ratioJoin.test(gap) && (/[-‑–]/.test(gap) || noun || context)) {
      const d = ratioDraft(n.start, next.end, n.value, next.value);
      if (noun?.[1] !== undefined) {
        d.unitText = noun[1];
        d.end = next.end + noun[0].length;
      } else if (context?.[1] !== undefined) {
        d.unitText = context[1].trim();
      }
      holderBefore(rc.ctx, n.start, d, false);
      push(rc, d);
      return 2;
    }
  }
  const fraction = rules.re.fractionAfter?.exec(post);
  const denominator = fraction?.[1] !== undefined ? rules.fractionByWord.get(normalise(fraction[1])) : undefined;
  if (fraction && denominator !== undefined && !n.scaled) {
    const d = ratioDraft(n.start, n.end + fraction[0].length, n.value, denominator, ['a fraction']);
    d.unitText = fraction[1] ?? '';
    push(rc, d);
    return 1;
  }
  const times = rules.re.timesAfter?.exec(post);
  if (times) {
    const d = ratioDraft(n.start, n.end + times[0].length, n.value, '1');
    const comparative = d.end - (times[1] ?? '').length;
    const tail = readTail(rc.ctx, d.end, rc.region.end);
    if (tail.unit) {
      d.countOf = tail.unit.key;
      d.end = tail.end;
    }
    d.unitText = text.slice(comparative, d.end);
    holderBefore(rc.ctx, n.start, d, false);
    push(rc, d);
    return 1;
  }
  return 0;
}

/** Where a count starts and what its numbers are, after range detection. */
interface CountSpan {
  readonly start: number;
  readonly last: NumberMatch;
  readonly range?: readonly [string, string];
  readonly notes: string[];
  /** Numbers consumed (2 for a range). */
  readonly consumed: number;
}

/** "five-six", "10-12", "from 5 to 6", "between 5 and 6", "five or six divisions"; 'years' for "1950-1953". */
function readRange(rc: RegionCtx, n: NumberMatch, next: NumberMatch | undefined, pre: string): CountSpan | 'years' {
  const { text, rules } = rc.ctx;
  const single: CountSpan = { start: n.start, last: n, notes: [], consumed: 1 };
  if (!next) return single;
  const gap = text.slice(n.end, next.start);
  const join = rules.re.rangeJoin.exec(gap);
  const frame = rules.re.frameBefore?.exec(pre);
  const framed = frame !== null && frame !== undefined && /^\s+(?:to|and|up\s+to)\s+$/i.test(gap);
  if (!join && !framed) return single;
  // "6-7 thousand men": the scale of the second number applies to the first
  const scaledLow = !n.scaled && next.trailingScale !== undefined ? multiplyDecimals(n.value, next.trailingScale) : undefined;
  const low = scaledLow !== undefined && compareDecimals(scaledLow, next.value) < 0 ? scaledLow : n.value;
  if (compareDecimals(low, next.value) >= 0) return single;
  const word = (join?.[1] ?? '').toLowerCase();
  const nextTail = readTail(rc.ctx, next.end, rc.region.end);
  if (n.plainDigits && next.plainDigits && isYear(rc.ctx, n) && isYear(rc.ctx, next) && !nextTail.unit) return 'years';
  const needsUnit = word === 'or' || (word === 'to' && !framed);
  if (needsUnit && !nextTail.unit) return single;
  const notes: string[] = [];
  if (low !== n.value) notes.push(`"${n.text}" read as ${low}: the scale of "${next.text}" applies to both ends`);
  if (word === 'or') notes.push(`"${text.slice(n.start, next.end)}": two alternatives read as a range`);
  const start = framed && frame?.[1] !== undefined ? n.start - pre.length + frame.index + frame[0].indexOf(frame[1]) : n.start;
  return { start, last: next, range: [low, next.value], notes, consumed: 2 };
}

/** Phrases around a count: currency symbol and bound before, "or more" after. */
interface Around {
  readonly start: number;
  readonly currency?: { readonly code: string; readonly unit: string };
  readonly boundRule?: PhraseRule;
  readonly boundPhrase: string;
  readonly afterRule?: PhraseRule;
  readonly afterPhrase: string;
  /** Where the unit may start (after "or more" when it follows the number). */
  readonly tailFrom: number;
}

function readAround(rc: RegionCtx, span: CountSpan): Around {
  const { rules } = rc.ctx;
  let start = span.start;
  let currency: { code: string; unit: string } | undefined;
  const symbol = rules.re.symbolBefore?.exec(before(rc, start, 12));
  if (symbol?.[1] !== undefined) {
    currency = rules.currencyByForm.get(normalise(symbol[1]));
    start -= symbol[0].length - (symbol[0].startsWith(symbol[1]) ? 0 : 1);
  }
  const bound = rules.re.beforePhrase?.exec(before(rc, start, 40));
  const boundRule = bound?.[1] !== undefined ? rules.beforeByPhrase.get(normalise(bound[1])) : undefined;
  if (bound?.[1] !== undefined && boundRule) start -= bound[0].length - (bound[0].startsWith(bound[1]) ? 0 : 1);
  const afterPhrase = span.range ? null : rules.re.afterPhrase?.exec(after(rc, span.last.end));
  const afterRule = afterPhrase?.[1] !== undefined ? rules.afterByPhrase.get(normalise(afterPhrase[1])) : undefined;
  return {
    start,
    ...(currency ? { currency } : {}),
    ...(boundRule ? { boundRule } : {}),
    boundPhrase: bound?.[1] ?? '',
    ...(afterRule ? { afterRule } : {}),
    afterPhrase: afterPhrase?.[1] ?? '',
    tailFrom: afterRule && afterPhrase ? span.last.end + afterPhrase[0].length : span.last.end,
  };
}

/** The unit after a count, or the set it is part of ("one of the divisions"). */
function readCountTail(rc: RegionCtx, from: number, span: CountSpan): Tail {
  const tail = readTail(rc.ctx, from, rc.region.end);
  if (tail.unit || span.range) return tail;
  const partitive = rc.ctx.rules.re.partitiveAfter?.exec(after(rc, from));
  if (!partitive) return tail;
  const set = readTail(rc.ctx, from + partitive[0].length, rc.region.end);
  if (!set.unit) return tail;
  span.notes.push(`a part of "${rc.ctx.text.slice(from, set.end).trim()}"`);
  return set;
}

/** Reads the count that starts at nums[i]; returns how many numbers it consumed. */
function readNumberAt(rc: RegionCtx, nums: readonly NumberMatch[], i: number): number {
  const { ctx } = rc;
  const { rules } = ctx;
  const n = nums[i];
  if (!n) return 1;
  const next = nums[i + 1];
  const pre = before(rc, n.start);
  const post = after(rc, n.end);
  if (isNotQuantity(rc, n, pre, post)) return 1;
  const ratio = readNumberRatio(rc, n, next, pre, post);
  if (ratio > 0) return ratio;
  const span = readRange(rc, n, next, pre);
  if (span === 'years') return 2;
  const around = readAround(rc, span);
  const tail = readCountTail(rc, around.tailFrom, span);
  const unit = tail.unit;
  let end = unit ? tail.end : around.afterRule ? around.tailFrom : span.last.end;
  let afterRule = around.afterRule;
  let afterPhrase = around.afterPhrase;
  if (!afterRule && unit && !span.range) {
    const later = rules.re.afterPhrase?.exec(after(rc, end));
    const rule = later?.[1] !== undefined ? rules.afterByPhrase.get(normalise(later[1])) : undefined;
    if (later?.[1] !== undefined && rule) {
      afterRule = rule;
      afterPhrase = later[1];
      end += later[0].length;
    }
  }
  // not a count: a year, or a lone "one" (a pronoun: "one should go to war")
  if (!unit && !around.currency) {
    if (n.plainDigits && !span.range && isYear(ctx, n)) return span.consumed;
    if (n.first === 'one' && !n.scaled && !span.range && !around.boundRule) return span.consumed;
  }

  const d: Draft = { reading: 'exact', start: around.start, end, approximate: false, polarity: 'asserted', notes: span.notes };
  if (span.range) {
    d.reading = 'range';
    d.minValue = span.range[0];
    d.maxValue = span.range[1];
  } else {
    d.value = n.value;
  }
  if (n.lineBreak || span.last.lineBreak) d.notes.push('the number is printed across a line break');
  if (n.first === 'one' && n.value === '1' && unit) d.notes.push('"one" read as exactly one (it may also be read as an indefinite article)');
  if (n.fraction && !unit) d.notes.push('"half": a fraction of what the sentence speaks of, not a count');
  if (unit && tail.unitStart !== undefined) {
    d.countOf = unit.key;
    d.unitText = ctx.text.slice(tail.unitStart, tail.end);
    d.unit = unit;
  }
  if (tail.calibre !== undefined) d.notes.push(`calibre "${tail.calibre}" (not a quantity)`);
  const money = tail.currency !== undefined && unit ? { code: tail.currency, unit: unit.key } : around.currency;
  if (money) {
    d.reading = 'money';
    d.currency = money.code;
    d.countOf ??= money.unit;
    if (span.range) d.notes.push('a range of money');
  }
  if (unit) readRateOrMeasure(rc, d, unit, tail);
  let consumed = span.consumed;
  if (unit?.duration !== undefined && !span.range && d.reading !== 'money') consumed += readDuration(rc, d, n, unit, tail, nums[i + span.consumed]);

  const timeFrame = rules.re.durationFrameBefore?.test(before(rc, d.start)) === true;
  if (around.boundRule) applyBound(d, around.boundRule, around.boundPhrase, n.value, timeFrame);
  if (afterRule) applyBound(d, afterRule, afterPhrase, span.range ? span.range[1] : n.value, timeFrame);
  if (!unit && !money) carryMoney(rc, d, n);
  if (!unit && d.reading !== 'money' && !readWithoutUnit(rc, d, n, tail, around, span)) return consumed;
  readYear(rc, d);
  if (d.reading !== 'duration') readHolder(rc, d, tail);
  push(rc, d);
  if (d.reading === 'money') rc.lastMoney = d;
  return consumed;
}

/** "60 trains a day" (a rate), "2,000 tons of grain" (what a measure measures). */
function readRateOrMeasure(rc: RegionCtx, d: Draft, unit: UnitDefinition, tail: Tail): void {
  const { text, rules } = rc.ctx;
  const rate = rules.re.rateAfter?.exec(after(rc, d.end));
  if (rate?.[1] !== undefined) {
    d.end += rate[0].length;
    d.unitText = text.slice(tail.unitStart ?? d.start, d.end);
    d.notes.push(`a rate: per ${rate[1].toLowerCase()}`);
    return;
  }
  if (unit.category !== 'mass') return;
  const of = rules.re.ofMeasure.exec(after(rc, d.end));
  if (of?.[1] !== undefined && !rules.unitByForm.has(normalise(of[1]))) {
    d.end += of[0].length;
    d.unitText = text.slice(tail.unitStart ?? d.start, d.end);
  }
}

/**
 * A time unit makes the count a duration: "three weeks" (P21D), "half an hour", "one hour and a
 * half", "1 hour and 45 minutes". Returns how many further numbers it consumed.
 */
function readDuration(rc: RegionCtx, d: Draft, n: NumberMatch, unit: UnitDefinition, tail: Tail, nextNum: NumberMatch | undefined): number {
  const { text } = rc.ctx;
  const one = unit.duration ?? '';
  const parts = scaleDuration(one, n.value);
  if (!parts) {
    d.notes.push(`no exact xsd:duration for ${n.value} ${unit.plural[0] ?? unit.key}`);
    rc.ctx.report.push(reportItem(text, 'ambiguous', `a duration of ${n.value} ${unit.plural[0] ?? unit.key} has no exact xsd:duration; read as a count`, { start: d.start, end: d.end }));
    return 0;
  }
  d.reading = 'duration';
  d.value = n.value;
  d.duration = formatDuration(parts);
  if (!nextNum) return 0;
  const chain = text.slice(d.end, nextNum.start);
  if (nextNum.fraction && /^\s+and\s+an?\s+$/i.test(chain)) {
    const total = addDecimals(n.value, nextNum.value);
    const withHalf = scaleDuration(one, total);
    if (!withHalf) return 0;
    d.value = total;
    d.duration = formatDuration(withHalf);
    d.end = nextNum.end;
    d.unitText = text.slice(tail.unitStart ?? d.start, d.end);
    return 1;
  }
  if (!/^\s*,?\s*(?:and\s+)?$/i.test(chain)) return 0;
  const t2 = readTail(rc.ctx, nextNum.end, rc.region.end);
  const p2 = t2.unit?.duration !== undefined ? scaleDuration(t2.unit.duration, nextNum.value) : undefined;
  if (!t2.unit || !p2 || durationRank(t2.unit.duration ?? '') <= durationRank(one)) return 0;
  d.duration = formatDuration(addDurations(parts, p2));
  d.end = t2.end;
  d.unitText = text.slice(tail.unitStart ?? d.start, d.end);
  delete d.value;
  delete d.countOf;
  return 1;
}

/** A bare number after money in the same sentence names the same currency ("of which only two hundred million"). */
function carryMoney(rc: RegionCtx, d: Draft, n: NumberMatch): void {
  const { text, rules } = rc.ctx;
  const prior = rc.lastMoney;
  if (!prior || (!n.scaled && n.plainDigits) || sentenceOf(rc.ctx, prior.start).end <= n.start) return;
  d.reading = 'money';
  if (prior.currency !== undefined) d.currency = prior.currency;
  if (prior.countOf !== undefined) d.countOf = prior.countOf;
  d.notes.push(`currency carried from "${text.slice(prior.start, prior.end).replace(/\s+/g, ' ')}": the number itself names none`);
  const cue = rules.re.carryGap?.exec(text.slice(prior.end, d.start));
  if (cue && prior.forYear !== undefined) {
    d.forYear = prior.forYear;
    d.notes.push(`part of the money before it ("${cue[0].replace(/^[\s,;]+/, '')}"), so for the same year ${prior.forYear}`);
  }
}

/**
 * A count without a known unit: a plural noun the lexicon lacks is counted and reported
 * ('unknown-unit'); bare digits with no cue are only reported ('unparsed-number'; returns false).
 */
function readWithoutUnit(rc: RegionCtx, d: Draft, n: NumberMatch, tail: Tail, around: Around, span: CountSpan): boolean {
  const { text } = rc.ctx;
  const word = tail.nextWord;
  const content = word !== undefined && /^\p{Ll}/u.test(word) && !FUNCTION_WORDS.has(word.toLowerCase());
  const plural = content && word !== undefined && word.length > 3 && /[^s']s$/.test(word) && !n.fraction;
  if (n.plainDigits && !around.boundRule && !around.afterRule && !span.range && !plural) {
    rc.ctx.report.push(reportItem(text, 'unparsed-number', `number "${n.text}" has no unit and no cue; not read as a quantity`, { start: n.start, end: n.end }));
    return false;
  }
  if (plural && word !== undefined && tail.nextWordEnd !== undefined) {
    d.end = Math.max(d.end, tail.nextWordEnd);
    d.unitText = word;
  }
  if (content && word !== undefined) {
    d.notes.push(`the counted thing is not read: "${word}" is not a unit of data/lexicon/units.yaml`);
    rc.ctx.report.push(reportItem(text, 'unknown-unit', `"${word}" after the number "${n.text.replace(/\s+/g, ' ')}" is not a unit of data/lexicon/units.yaml`, { start: d.start, end: d.end }));
  } else if (!n.fraction) {
    d.notes.push('no unit is stated');
  }
  return true;
}

/** The year a quantity is for: "US$ 30 million in 1951", "the entire 1951 budget is …". */
function readYear(rc: RegionCtx, d: Draft): void {
  const yearAfter = rc.ctx.rules.re.yearCueAfter?.exec(after(rc, d.end));
  if (yearAfter?.[1] !== undefined && isYearValue(rc.ctx, Number(yearAfter[1]))) {
    d.forYear = Number(yearAfter[1]);
    return;
  }
  if (d.reading !== 'money' || d.forYear !== undefined) return;
  const year = yearBefore(rc.ctx, d.start, rc.lastMoney);
  if (year !== undefined) d.forYear = year;
}

/** Whose count it is, and whether a count of "these divisions" is a total or per division. */
function readHolder(rc: RegionCtx, d: Draft, tail: Tail): void {
  const { ctx } = rc;
  if (tail.holder) d.holder = tail.holder.entity;
  else holderBefore(ctx, d.start, d, false);
  if (!d.holder) {
    const of = /^\s+of\s+(?:the\s+)?/i.exec(after(rc, d.end));
    const m = of ? ctx.mentionAt.get(d.end + of[0].length) : undefined;
    if (m && HOLDER_TYPES.has(m.entity.type)) d.holder = m.entity;
  }
  const category = d.unit?.category;
  if (d.unit && category !== 'formation' && category !== 'time' && category !== 'money' && category !== 'ratio') noteBackReference(ctx, d);
}

/** "no tanks", "do not have tanks at all", "not a single tank". */
function readAbsences(rc: RegionCtx, at: readonly number[]): void {
  const { text, rules } = rc.ctx;
  if (!rules.re.absenceAt) return;
  for (const m of stickyAt(rules.re.absenceAt, text, at, rc.region.end)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isTaken(rc, start, end)) continue;
    const units = matchesIn(rules.re.unitAny, text, start, end);
    const u = units[units.length - 1];
    const unit = u ? rules.unitByForm.get(normalise(u[0]))?.unit : undefined;
    const d: Draft = { reading: 'absent', start, end, value: '0', approximate: false, polarity: 'asserted', notes: [] };
    if (unit && u) {
      d.countOf = unit.key;
      d.unitText = u[0];
    }
    holderBefore(rc.ctx, start, d, rules.re.verbIn?.test(m[0]) === true);
    push(rc, d);
  }
}

/** "several divisions", "the next few days": counts without a number, reported and not read. */
function reportVagueCounts(rc: RegionCtx, at: readonly number[]): void {
  const { text, rules } = rc.ctx;
  if (!rules.re.vagueAt) return;
  for (const v of stickyAt(rules.re.vagueAt, text, at, rc.region.end)) {
    const start = v.index;
    const end = start + v[0].length;
    // "as many", "how many", "so many" are not counts
    if (isTaken(rc, start, end) || /(?:^|[^\p{L}])(?:as|how|so)\s+$/iu.test(text.slice(Math.max(0, start - 5), start))) continue;
    rc.ctx.report.push(reportItem(text, 'vague-quantity', `"${v[0].replace(/\s+/g, ' ')}" counts without a number; not read as a quantity`, { start, end }));
  }
}

/**
 * "the Chinese should have four-to-one superiority in X and three-to-one superiority in Y":
 * a quantity joined by "and" to the one before it shares that one's subject.
 */
function shareCoordinatedHolders(ctx: Ctx, drafts: Draft[]): void {
  drafts.sort((a, b) => a.start - b.start);
  for (let i = 1; i < drafts.length; i++) {
    const a = drafts[i - 1];
    const b = drafts[i];
    if (!a || !b || b.holder || b.reading === 'duration' || a.reading === 'duration') continue;
    if (!/^\s*,?\s*and\s+$/i.test(ctx.text.slice(a.end, b.start))) continue;
    if (a.holder) {
      b.holder = a.holder;
      b.notes.push(`holder shared with "${ctx.text.slice(a.start, a.end).replace(/\s+/g, ' ')}" (joined by "and")`);
    } else {
      const pronoun = a.notes.find((note) => note.startsWith('holder: the pronoun'));
      if (pronoun !== undefined && !b.notes.includes(pronoun)) b.notes.push(pronoun);
    }
  }
}

/** Orders time units from the largest (year) to the smallest, for "1 hour and 45 minutes". */
function durationRank(d: string): number {
  const p = parseDuration(d);
  if (!p) return -1;
  const i = p.findIndex((x) => x !== '0');
  return i < 0 ? -1 : i;
}

function isYearValue(ctx: Ctx, y: number): boolean {
  return Number.isInteger(y) && y >= ctx.rules.numbers.yearMin && y <= ctx.rules.numbers.yearMax;
}

function isYear(ctx: Ctx, n: NumberMatch): boolean {
  return n.plainDigits && n.text.length === 4 && isYearValue(ctx, Number(n.value));
}

/**
 * The year money is for, from its sentence before it: "the entire 1951 budget is …" (a year
 * noun), or "to deliver in 1951, on credit, arms to the value of US$ 30 million" (a year cue),
 * when one year only is named there.
 */
function yearBefore(ctx: Ctx, start: number, lastMoney: Draft | undefined): number | undefined {
  const sentence = sentenceOf(ctx, start);
  const from = Math.max(sentence.start, lastMoney && lastMoney.end <= start ? lastMoney.end : sentence.start);
  const years = new Set<number>();
  for (const re of [ctx.rules.re.yearNounBefore, ctx.rules.re.yearCueBefore]) {
    if (!re) continue;
    for (const m of matchesIn(re, ctx.text, from, start)) {
      const y = Number(m[1]);
      if (isYearValue(ctx, y)) years.add(y);
    }
  }
  return years.size === 1 ? [...years][0] : undefined;
}

/** Counts of equipment of "these divisions" may be totals or per division: say so. */
function noteBackReference(ctx: Ctx, d: Draft): void {
  const re = ctx.rules.re.backReference;
  if (!re) return;
  const sentence = sentenceOf(ctx, d.start);
  let found: string | undefined;
  for (const m of matchesIn(re, ctx.text, sentence.start, d.start)) found = m[0];
  if (found === undefined) return;
  const words = found.trim().split(/\s+/);
  const formation = ctx.rules.unitByForm.get(normalise(words.slice(1).join(' ')))?.unit;
  const each = formation?.singular[0] ?? words.slice(1).join(' ');
  d.notes.push(`ambiguous: a total for "${found.replace(/\s+/g, ' ')}" or per ${each}; the text does not say`);
}
