// **events** takes a telegram (text, mentions, quantities, header, sender, quoted telegrams) and
// returns the meetings and journeys it reports, with dates resolved against the telegram's date.
// compileEventRules() reads data/lexicon/events.yaml and time-zones.yaml once per build.

import { ConfigError } from '../errors.js';
import type { Span } from '../text/span.js';
import {
  bodyRegion,
  firstMentionFrom,
  indexMentions,
  mentionAfter,
  phraseAlternation,
  referenceDate,
  reportItem,
  sameEntity,
  splitSentences,
  type MentionIndex,
  type Sentence,
} from './claims.js';
import { combineDateAndTime, compileDateRules, scanDates, withOffset, type DateRules } from './dates.js';
import type { RawInputs, SourceDoc } from './inputs.js';
import type {
  EntityRef,
  EventRecord,
  HeaderRecord,
  MeetingRecord,
  MentionRecord,
  Printed,
  QuantityRecord,
  QuotedTelegramRecord,
  ReportItem,
  StatedDateTime,
  TravelRecord,
} from './record.js';

const EVENTS = 'data/lexicon/events.yaml';
const ZONES = 'data/lexicon/time-zones.yaml';

/** One period of a time-zone phrase; `offset` null means the phrase states no zone. */
export interface ZonePeriod {
  readonly offset: string | null;
  /** YYYY-MM-DD, inclusive. */
  readonly from?: string;
  /** YYYY-MM-DD, exclusive. */
  readonly until?: string;
}

/** Compiled event rules; build once with compileEventRules(). */
export interface CompiledEventRules {
  readonly meetingVerbRe: RegExp | null;
  readonly meetingNounRe: RegExp | null;
  readonly presenceRe: RegExp | null;
  readonly durationCueRe: RegExp | null;
  readonly locationCueRe: RegExp | null;
  /** The meeting's start time follows ("The conversation began at 16:00"). */
  readonly startCueRe: RegExp | null;
  readonly travelVerbRe: RegExp | null;
  readonly completedForms: ReadonlySet<string>;
  readonly arrivalForms: ReadonlySet<string>;
  /** Anchored at the end: a potential/future word ("may", "could be"). */
  readonly potentialTailRe: RegExp | null;
  readonly potentialRe: RegExp | null;
  /** Anchored at the end: a word allowed between a subject and its verb. */
  readonly gapTailRe: RegExp;
  readonly fromRe: RegExp | null;
  readonly toRe: RegExp | null;
  readonly arrivalToRe: RegExp | null;
  /** Global: "by <mode>" with the mode in group 1. */
  readonly modeRe: RegExp | null;
  readonly companionsRe: RegExp | null;
  /** Anchored at the start: "<n> <unit>" parts of a duration, e.g. "1 hour and 45 minutes". */
  readonly durationRe: RegExp | null;
  /** Global: one "<n> <unit>" part, groups `n` and `u`. */
  readonly durationPartRe: RegExp | null;
  readonly unitDesignator: ReadonlyMap<string, 'H' | 'M'>;
  readonly numberWords: ReadonlyMap<string, number>;
  /** Anchored at the start: a zone phrase after a time ("of Beijing time"), group 1 the phrase. */
  readonly zoneRe: RegExp | null;
  readonly zones: ReadonlyMap<string, readonly ZonePeriod[]>;
  readonly senderPronouns: ReadonlySet<string>;
  readonly recipientPronouns: ReadonlySet<string>;
  /** Global, case-insensitive: "today", "yesterday"… with group 1 the word. */
  readonly relativeDayRe: RegExp | null;
  readonly relativeDays: ReadonlyMap<string, number>;
  readonly previousPronouns: ReadonlySet<string>;
  readonly personPronouns: ReadonlySet<string>;
  readonly abbreviations: ReadonlySet<string>;
  readonly dates: DateRules;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function section(v: unknown, file: string, entry: string): Record<string, unknown> {
  if (v === undefined) return {};
  if (!isRecord(v)) throw new ConfigError(`${file}: "${entry}" must be a mapping`, 'lexicon-shape');
  return v;
}

function stringList(v: unknown, file: string, entry: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ConfigError(`${file}: "${entry}" must be a list of strings, found ${JSON.stringify(v)}`, 'lexicon-shape');
  return v.map((x, i) => {
    if (typeof x !== 'string' || x.trim() === '') {
      throw new ConfigError(`${file}: "${entry}"[${i}]: expected a non-empty string, found ${JSON.stringify(x)}`, 'lexicon-shape');
    }
    return x.trim();
  });
}

function words(list: readonly string[], flags: string, prefix = '', suffix = ''): RegExp | null {
  return list.length ? new RegExp(`${prefix}(?<![\\w-])(?:${phraseAlternation(list)})(?![\\w-])${suffix}`, flags) : null;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function zoneTable(raw: unknown): Map<string, ZonePeriod[]> {
  const zones = section(section(raw, ZONES, '(file)')['zones'], ZONES, 'zones');
  const out = new Map<string, ZonePeriod[]>();
  for (const [phrase, periods] of Object.entries(zones)) {
    if (!Array.isArray(periods) || periods.length === 0) {
      throw new ConfigError(`${ZONES}: "zones.${phrase}" must be a non-empty list of { offset, from?, until? }`, 'lexicon-shape');
    }
    out.set(
      phrase.toLowerCase().replace(/\s+/g, ' '),
      periods.map((p: unknown, i) => {
        const where = `zones.${phrase}[${i}]`;
        if (!isRecord(p)) throw new ConfigError(`${ZONES}: "${where}" must be { offset, from?, until? }`, 'lexicon-shape');
        const offset = p['offset'];
        if (offset !== null && (typeof offset !== 'string' || !/^(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)$/.test(offset))) {
          throw new ConfigError(`${ZONES}: "${where}.offset" must be an offset such as "+08:00", "Z" or null, found ${JSON.stringify(offset)}`, 'lexicon-shape');
        }
        const day = (k: 'from' | 'until'): { from?: string } | { until?: string } => {
          const v = p[k];
          if (v === undefined) return {};
          if (typeof v !== 'string' || !DAY_RE.test(v)) throw new ConfigError(`${ZONES}: "${where}.${k}" must be a date YYYY-MM-DD, found ${JSON.stringify(v)}`, 'lexicon-shape');
          return { [k]: v };
        };
        return { offset, ...day('from'), ...day('until') };
      }),
    );
  }
  return out;
}

/**
 * Compiles data/lexicon/events.yaml and time-zones.yaml (`raw.lexicon.events`,
 * `raw.lexicon['time-zones']`), plus the sentence abbreviations of reporting-verbs.yaml and the
 * date rules. Throws ConfigError naming the entry when a file is malformed.
 */
export function compileEventRules(raw: RawInputs): CompiledEventRules {
  const lex = section(raw.lexicon['events'], EVENTS, '(file)');
  const meeting = section(lex['meeting'], EVENTS, 'meeting');
  const travel = section(lex['travel'], EVENTS, 'travel');
  const pronouns = section(lex['pronouns'], EVENTS, 'pronouns');
  const list = (v: unknown, entry: string): string[] => stringList(v, EVENTS, entry);
  const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ');

  const units = section(lex['durationUnits'], EVENTS, 'durationUnits');
  const unitDesignator = new Map<string, 'H' | 'M'>();
  for (const [designator, forms] of Object.entries(units)) {
    if (designator !== 'H' && designator !== 'M') throw new ConfigError(`${EVENTS}: "durationUnits" keys must be H or M, found "${designator}"`, 'lexicon-shape');
    for (const f of list(forms, `durationUnits.${designator}`)) unitDesignator.set(f.toLowerCase(), designator);
  }
  const numberWords = new Map<string, number>();
  for (const [w, n] of Object.entries(section(lex['numberWords'], EVENTS, 'numberWords'))) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new ConfigError(`${EVENTS}: "numberWords.${w}" must be a whole number, found ${JSON.stringify(n)}`, 'lexicon-shape');
    numberWords.set(w.toLowerCase(), n);
  }
  const num = `(?:\\d{1,3}|${numberWords.size ? phraseAlternation(numberWords.keys()) : '\\d'})`;
  const unit = unitDesignator.size ? phraseAlternation(unitDesignator.keys()) : null;
  const part = unit ? `(?:(?:\\s*,\\s*|\\s+and\\s+|\\s+)?(?:${num})\\s+(?:${unit})(?![\\w-]))` : null;
  const half = `(?:\\s+and\\s+a\\s+half)?`;
  const zones = zoneTable(raw.lexicon['time-zones']);
  const relativeDays = new Map<string, number>();
  for (const [w, n] of Object.entries(section(lex['relativeDays'], EVENTS, 'relativeDays'))) {
    if (typeof n !== 'number' || !Number.isInteger(n)) throw new ConfigError(`${EVENTS}: "relativeDays.${w}" must be a whole number of days, found ${JSON.stringify(n)}`, 'lexicon-shape');
    relativeDays.set(w.toLowerCase(), n);
  }
  const gap = list(lex['subjectGap'], 'subjectGap');
  const potential = list(travel['potential'], 'travel.potential');
  const modes = list(travel['modes'], 'travel.modes');
  const verbs = section(raw.lexicon['reporting-verbs'], 'data/lexicon/reporting-verbs.yaml', '(file)');
  return {
    meetingVerbRe: words(list(meeting['verbs'], 'meeting.verbs'), 'gi'),
    meetingNounRe: (() => {
      const nouns = list(meeting['nouns'], 'meeting.nouns');
      const dets = list(meeting['determiners'], 'meeting.determiners');
      return nouns.length && dets.length ? new RegExp(`(?<![\\w-])(?:${phraseAlternation(dets)})\\s+(?:${phraseAlternation(nouns)})(?![\\w-])`, 'i') : null;
    })(),
    presenceRe: words(list(meeting['presence'], 'meeting.presence'), 'i', '', '\\s*:?'),
    durationCueRe: words(list(meeting['duration'], 'meeting.duration'), 'i'),
    locationCueRe: words(list(meeting['location'], 'meeting.location'), 'i'),
    startCueRe: words(list(meeting['start'], 'meeting.start'), 'i'),
    travelVerbRe: words(list(travel['verbs'], 'travel.verbs'), 'gi'),
    completedForms: new Set(list(travel['completedForms'], 'travel.completedForms').map(norm)),
    arrivalForms: new Set(list(travel['arrivalForms'], 'travel.arrivalForms').map(norm)),
    potentialTailRe: words(potential, 'i', '', '$'),
    potentialRe: words(potential, 'i'),
    gapTailRe: new RegExp(`(?:^|\\s)(?:${[...gap, ...potential].length ? `${phraseAlternation([...gap, ...potential])}|` : ''}[a-z]+ly)$`, 'i'),
    fromRe: words(list(travel['from'], 'travel.from'), 'i', '', '\\s+$'),
    toRe: words(list(travel['to'], 'travel.to'), 'i', '', '\\s+$'),
    arrivalToRe: words(list(travel['arrivalTo'], 'travel.arrivalTo'), 'i', '', '\\s+$'),
    modeRe: modes.length ? new RegExp(`(?<![\\w-])by\\s+(${phraseAlternation(modes)})(?![\\w-])`, 'gi') : null,
    companionsRe: words(list(travel['companions'], 'travel.companions'), 'gi'),
    durationRe: part ? new RegExp(`^\\s*(?:${part})+${half}`, 'i') : null,
    durationPartRe: unit ? new RegExp(`(?<![\\w-])(?<n>${num})\\s+(?<u>${unit})(?![\\w-])`, 'gi') : null,
    unitDesignator,
    numberWords,
    zoneRe: zones.size ? new RegExp(`^\\s*,?\\s*(?:of\\s+|by\\s+)?(${phraseAlternation(zones.keys())})(?![\\w-])`, 'i') : null,
    zones,
    senderPronouns: new Set(list(pronouns['sender'], 'pronouns.sender')),
    recipientPronouns: new Set(list(pronouns['recipient'], 'pronouns.recipient')),
    relativeDays,
    relativeDayRe: relativeDays.size ? new RegExp(`(?<![\\w-])(${phraseAlternation(relativeDays.keys())})(?![\\w-])`, 'i') : null,
    previousPronouns: new Set(list(pronouns['previous'], 'pronouns.previous')),
    personPronouns: new Set(list(pronouns['person'], 'pronouns.person')),
    abbreviations: new Set([
      ...stringList(verbs['abbreviations'], 'data/lexicon/reporting-verbs.yaml', 'abbreviations').map((s) => s.toLowerCase().replace(/\.$/, '')),
      ...stringList(verbs['numberAbbreviations'], 'data/lexicon/reporting-verbs.yaml', 'numberAbbreviations').map((s) => `${s.toLowerCase().replace(/\.$/, '')}#`),
    ]),
    dates: compileDateRules(raw),
  };
}

// ---------------------------------------------------------------------------------------------
// Durations, dates and zones

/**
 * Reads a duration printed at the start of `s` ("1 hour and 45 minutes") as xsd:duration.
 * @example readDuration(" 1 hour and 45 minutes.", rules) // { value: "PT1H45M", start: 1, end: 22 }
 */
export function readDuration(s: string, rules: CompiledEventRules): { value: string; start: number; end: number } | null {
  const m = rules.durationRe?.exec(s);
  if (!m || !rules.durationPartRe) return null;
  let hours = 0;
  let minutes = 0;
  const body = m[0];
  for (const p of body.matchAll(rules.durationPartRe)) {
    const n = p.groups?.['n'];
    const u = p.groups?.['u'];
    if (n === undefined || u === undefined) continue;
    const d = rules.unitDesignator.get(u.toLowerCase());
    const value = /^\d+$/.test(n) ? Number(n) : rules.numberWords.get(n.toLowerCase());
    if (d === undefined || value === undefined) continue;
    if (d === 'H') hours += value;
    else minutes += value;
  }
  if (/and\s+a\s+half$/i.test(body)) minutes += 30;
  if (hours === 0 && minutes === 0) return null;
  hours += Math.floor(minutes / 60);
  minutes %= 60;
  const start = m[0].length - m[0].trimStart().length;
  return { value: `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}`, start, end: m[0].length };
}

/** The zone periods' offset for a date (YYYY-MM-DD); undefined when no period holds it. */
export function zoneOffset(periods: readonly ZonePeriod[], day: string): string | null | undefined {
  for (const p of periods) {
    if ((p.from === undefined || p.from <= day) && (p.until === undefined || day < p.until)) return p.offset;
  }
  return undefined;
}

interface RegionContext {
  readonly region: Span;
  readonly holes: readonly Span[];
  readonly author?: EntityRef;
  readonly recipient?: EntityRef;
  /** The telegram's own date (YYYY-MM-DD), which "today" refers to. */
  readonly day?: string;
}

/** The first date or date-time of a sentence, with the zone printed after it when there is one. */
function sentenceDate(
  text: string,
  s: Sentence,
  rules: CompiledEventRules,
  reference: { year: number; month: number } | undefined,
  report: ReportItem[],
  day?: string,
): StatedDateTime | undefined {
  const body = text.slice(s.start, s.end);
  const scan = scanDates(body, s.start, rules.dates, reference);
  let dt = scan.dates[0];
  const time = scan.times[0];
  let zoneFrom = dt?.span.end;
  if (dt && dt.datatype === 'date' && time) {
    dt = combineDateAndTime(dt, time, text);
    zoneFrom = time.span.end;
  }
  if (!dt && day !== undefined && rules.relativeDayRe) {
    // "Today at 11:00": the telegram's own date, shifted
    const rel = rules.relativeDayRe.exec(body);
    const shift = rel?.[1] !== undefined ? rules.relativeDays.get(rel[1].toLowerCase()) : undefined;
    if (rel && shift !== undefined) {
      const d = new Date(`${day}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + shift);
      const start = s.start + rel.index;
      const date: StatedDateTime = { value: d.toISOString().slice(0, 10), datatype: 'date', timeZoneStated: false, asPrinted: rel[0], span: { start, end: start + rel[0].length } };
      dt = time ? combineDateAndTime(date, time, text) : date;
      zoneFrom = time?.span.end;
    }
  }
  if (!dt) {
    // "on the 10th": a day of the reference month
    const day = /(?<![\w])(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)(?![\w])/i.exec(body);
    if (day?.[1] !== undefined && reference) {
      const d = Number(day[1]);
      const iso = `${String(reference.year).padStart(4, '0')}-${String(reference.month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const check = new Date(`${iso}T00:00:00Z`);
      if (d >= 1 && !Number.isNaN(check.getTime()) && check.getUTCDate() === d) {
        const start = s.start + day.index + day[0].indexOf('the');
        const end = s.start + day.index + day[0].length;
        dt = { value: iso, datatype: 'date', timeZoneStated: false, asPrinted: text.slice(start, end), span: { start, end } };
      }
    }
    for (const u of scan.unresolved) report.push(reportItem(text, 'ambiguous', 'date without a year and no telegram date to read it against', u.span));
    if (!dt) return undefined;
  }
  return zonedAt(text, dt, zoneFrom, s.end, rules, report);
}

/** Applies a zone phrase printed right after a time (at `zoneFrom`, before `limit`); never invents one. */
function zonedAt(text: string, dt: StatedDateTime, zoneFrom: number | undefined, limit: number, rules: CompiledEventRules, report: ReportItem[]): StatedDateTime {
  if (dt.datatype !== 'dateTime' || zoneFrom === undefined || !rules.zoneRe) return dt;
  const z = rules.zoneRe.exec(text.slice(zoneFrom, limit));
  const phrase = z?.[1];
  if (!z || phrase === undefined) return dt;
  const periods = rules.zones.get(phrase.toLowerCase().replace(/\s+/g, ' ')) ?? [];
  const offset = zoneOffset(periods, dt.value.slice(0, 10));
  if (offset === null) return dt; // "local time": no zone stated
  if (offset === undefined) {
    const at = zoneFrom + z[0].length - phrase.length;
    report.push(reportItem(text, 'ambiguous', `time zone "${phrase}" has no known UTC offset on ${dt.value.slice(0, 10)} (data/lexicon/time-zones.yaml)`, { start: at, end: at + phrase.length }));
    return dt;
  }
  return withOffset(dt, offset, phrase);
}

// ---------------------------------------------------------------------------------------------
// Subjects and lists of names

const AGENT_TYPES = new Set(['Person', 'Group', 'Organization']);
const PLACE_TYPES = new Set(['Place', 'Country']);

/** Names joined by "and" or commas starting at mention `first`: "KUZNETSOV, U SU XIAN and FEDORENKO". */
function namesFrom(text: string, first: MentionRecord, index: MentionIndex, limit: number): MentionRecord[] {
  const out = [first];
  let end = first.span.end;
  for (;;) {
    const join = /^\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:and\s+)?|and\s+|&\s*)/.exec(text.slice(end, limit));
    if (!join) break;
    // "and our adviser cde. Vasiliev": up to three lower-case words before the name
    const descr = /^(?:[a-z]+\.?\s+){0,3}/.exec(text.slice(end + join[0].length, limit))?.[0].length ?? 0;
    const next = mentionAfter(text, end + join[0].length, index, limit) ?? index.byStart.get(end + join[0].length + descr);
    if (!next) break;
    out.push(next);
    end = next.span.end;
  }
  return out;
}

/** Names joined by "and"/commas that end at `end` (the subject before a verb). */
function namesBefore(text: string, end: number, index: MentionIndex, floor: number): MentionRecord[] {
  const out: MentionRecord[] = [];
  let m = index.byEnd.get(end);
  while (m && m.span.start >= floor) {
    out.unshift(m);
    const before = text.slice(floor, m.span.start);
    const join = /(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)$/.exec(before);
    if (!join) break;
    m = index.byEnd.get(floor + join.index);
  }
  return out;
}

function stripGap(prefix: string, re: RegExp): string {
  let p = prefix.replace(/\s+$/, '');
  for (let i = 0; i < 5; i++) {
    const m = re.exec(p);
    if (!m) break;
    p = p.slice(0, m.index).replace(/\s+$/, '');
  }
  return p;
}

type Subject =
  | { readonly kind: 'names'; readonly refs: EntityRef[] }
  | { readonly kind: 'sender' }
  | { readonly kind: 'recipient' }
  | { readonly kind: 'previous'; readonly word: string }
  | { readonly kind: 'none' };

function subjectBefore(text: string, s: Sentence, at: number, index: MentionIndex, rules: CompiledEventRules): { subject: Subject; gap: string } {
  const from = Math.max(s.start, at - 120);
  const before = text.slice(from, at);
  const stripped = stripGap(before, rules.gapTailRe).replace(/\s*\([^()]{1,40}\)$/, '');
  // an editorial bracket after the name ("Matveev [Zakharov] will fly"), unless the mention ends with it
  const unbracketed = stripped.replace(/\s*\[[^[\]]{1,40}\]$/, '');
  const p = index.byEnd.has(from + stripped.length) ? stripped : unbracketed;
  const gap = before.slice(p.length);
  const names = namesBefore(text, from + p.length, index, s.start).filter((m) => AGENT_TYPES.has(m.entity.type));
  if (names.length) return { subject: { kind: 'names', refs: names.map((m) => m.entity) }, gap };
  const w = /(?:^|[^\w'])(\w+)$/.exec(p)?.[1];
  if (w !== undefined && rules.senderPronouns.has(w)) return { subject: { kind: 'sender' }, gap };
  if (w !== undefined && rules.recipientPronouns.has(w)) return { subject: { kind: 'recipient' }, gap };
  if (w !== undefined && rules.previousPronouns.has(w)) return { subject: { kind: 'previous', word: w }, gap };
  return { subject: { kind: 'none' }, gap };
}

function addUnique(list: EntityRef[], refs: readonly EntityRef[]): void {
  for (const r of refs) if (!list.some((x) => sameEntity(x, r))) list.push(r);
}

/** The first place named right after one of `prepositions` in [from, limit). */
function placeAfter(text: string, from: number, limit: number, index: MentionIndex, prep: RegExp | null): MentionRecord | undefined {
  if (!prep) return undefined;
  for (let i = firstMentionFrom(index, from); i < index.sorted.length; i++) {
    const m = index.sorted[i];
    if (!m || m.span.start >= limit) break;
    if (!PLACE_TYPES.has(m.entity.type)) continue;
    if (prep.test(text.slice(Math.max(from, m.span.start - 12), m.span.start))) return m;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Extraction

interface MutableMeeting {
  span: Span;
  startDate?: StatedDateTime;
  duration?: Printed<string>;
  attendees: EntityRef[];
  location?: EntityRef;
}

interface MutableTravel {
  span: Span;
  agents: EntityRef[];
  participants: EntityRef[];
  from?: EntityRef;
  to?: EntityRef;
  startTime?: StatedDateTime;
  mode?: string;
  status: 'potential' | 'completed';
  paragraph: number;
}

function processRegion(
  text: string,
  ctx: RegionContext,
  rules: CompiledEventRules,
  index: MentionIndex,
  quantities: readonly QuantityRecord[],
  reference: { year: number; month: number } | undefined,
  events: EventRecord[],
  report: ReportItem[],
): void {
  const meetings: MutableMeeting[] = [];
  const travels: MutableTravel[] = [];
  let paragraph = 0;
  const currentMeeting = (s: Sentence): MutableMeeting => {
    const last = meetings[meetings.length - 1];
    if (last) return last;
    const m: MutableMeeting = { span: { start: s.start, end: s.end }, attendees: [] };
    meetings.push(m);
    return m;
  };
  const sender = (): EntityRef[] => (ctx.author ? [ctx.author] : []);
  let day = ctx.day;

  for (const s of splitSentences(text, ctx.region, rules.abbreviations, ctx.holes)) {
    if (s.paragraphStart) paragraph++;
    const body = text.slice(s.start, s.end);
    // a date standing alone ("14 March 1950" on its own line) dates what follows: "Today" is that day
    if (body.length <= 40) {
      const alone = scanDates(body, s.start, rules.dates, reference).dates[0];
      if (alone && alone.span.start === s.start && /^[\s.]*$/.test(text.slice(alone.span.end, s.end))) {
        day = alone.value.slice(0, 10);
        continue;
      }
    }

    // meetings named by a verb: "I visited SIDOROV", "I met with KIM IL SUNG"
    if (rules.meetingVerbRe) {
      for (const v of body.matchAll(rules.meetingVerbRe)) {
        const vs = s.start + v.index;
        const ve = vs + v[0].length;
        const { subject } = subjectBefore(text, s, vs, index, rules);
        if (subject.kind === 'none' || subject.kind === 'previous' || subject.kind === 'recipient') continue;
        const object = mentionAfter(text, ve, index, s.end);
        const objectPronoun = /^\s+(me|us|him|her)\b/.exec(text.slice(ve, s.end))?.[1];
        if (!object && objectPronoun === undefined) continue;
        if (object && !AGENT_TYPES.has(object.entity.type)) continue; // "visited Moscow" is a journey, not a meeting
        const attendees: EntityRef[] = [];
        addUnique(attendees, subject.kind === 'sender' ? sender() : subject.refs);
        if (object) addUnique(attendees, namesFrom(text, object, index, s.end).filter((m) => AGENT_TYPES.has(m.entity.type)).map((m) => m.entity));
        if (objectPronoun !== undefined && rules.senderPronouns.has(objectPronoun)) addUnique(attendees, sender());
        if (subject.kind === 'sender' && !ctx.author) report.push(reportItem(text, 'ambiguous', "meeting attended by the telegram's author, who is not known", { start: vs, end: ve }));
        const m: MutableMeeting = { span: { start: s.start, end: s.end }, attendees };
        const date = sentenceDate(text, s, rules, reference, report, day);
        if (date) m.startDate = date;
        const place = placeAfter(text, ve, s.end, index, /(?<![\w-])(?:in|at)\s+$/i);
        if (place) m.location = place.entity;
        meetings.push(m);
        break;
      }
    }

    // the meeting spoken of again: presence, duration, location
    const presence = rules.presenceRe?.exec(body);
    if (presence) {
      const m = currentMeeting(s);
      const at = s.start + presence.index + presence[0].length;
      const first = mentionAfter(text, at, index, s.end);
      if (first) addUnique(m.attendees, namesFrom(text, first, index, s.end).filter((x) => AGENT_TYPES.has(x.entity.type)).map((x) => x.entity));
      else report.push(reportItem(text, 'ambiguous', 'presence at a meeting without names that could be read', { start: s.start, end: s.end }));
    }
    const duration = rules.durationCueRe?.exec(body);
    if (duration && (rules.meetingNounRe?.test(body) || meetings.length > 0)) {
      const at = s.start + duration.index + duration[0].length;
      const q = quantities.find((x) => x.reading === 'duration' && x.duration !== undefined && x.span.start >= at && x.span.start <= at + 2);
      const read = q?.duration !== undefined ? { value: q.duration, span: q.span } : (() => {
        const d = readDuration(text.slice(at, s.end), rules);
        return d ? { value: d.value, span: { start: at + d.start, end: at + d.end } } : undefined;
      })();
      if (read) {
        currentMeeting(s).duration = { value: read.value, asPrinted: text.slice(read.span.start, read.span.end), span: read.span };
      } else {
        report.push(reportItem(text, 'ambiguous', 'a meeting lasted for a duration that could not be read', { start: s.start, end: s.end }));
      }
    }
    const location = rules.locationCueRe?.exec(body);
    if (location && (rules.meetingNounRe?.test(body) || meetings.length > 0)) {
      const at = s.start + location.index + location[0].length;
      const place = mentionAfter(text, at, index, s.end);
      if (place && PLACE_TYPES.has(place.entity.type)) currentMeeting(s).location = place.entity;
    }

    // the meeting's start time: "The conversation began at 16:00", on the meeting's date or the current day
    const started = rules.startCueRe?.exec(body);
    if (started && (rules.meetingNounRe?.test(body) || meetings.length > 0)) {
      const at = s.start + started.index + started[0].length;
      const time = scanDates(text.slice(at, s.end), at, rules.dates, reference).times[0];
      const m = currentMeeting(s);
      const date = m.startDate?.datatype === 'date' ? m.startDate.value : m.startDate === undefined ? day : undefined;
      if (!time || time.span.start > at + 2) {
        report.push(reportItem(text, 'ambiguous', 'a meeting began at a time that could not be read', { start: s.start, end: s.end }));
      } else if (date !== undefined) {
        const d: StatedDateTime = { value: date, datatype: 'date', timeZoneStated: false, asPrinted: time.asPrinted, span: time.span };
        m.startDate = zonedAt(text, { ...combineDateAndTime(d, time, text), asPrinted: time.asPrinted, span: time.span }, time.span.end, s.end, rules, report);
      } else if (m.startDate === undefined) {
        report.push(reportItem(text, 'ambiguous', 'a meeting began at a time whose date is not known', time.span));
      }
    }

    // journeys: "KUZNETSOV and LIN BIAO may depart by plane on 8 October"
    if (rules.travelVerbRe) {
      for (const v of body.matchAll(rules.travelVerbRe)) {
        const vs = s.start + v.index;
        const ve = vs + v[0].length;
        const form = v[0].toLowerCase().replace(/\s+/g, ' ');
        const { subject, gap } = subjectBefore(text, s, vs, index, rules);
        const last = travels[travels.length - 1];
        let agents: EntityRef[] | undefined;
        let merge: MutableTravel | undefined;
        if (subject.kind === 'names') agents = subject.refs;
        else if (subject.kind === 'sender') agents = sender();
        else if (subject.kind === 'recipient') agents = ctx.recipient ? [ctx.recipient] : [];
        else if (subject.kind === 'previous' && last && last.paragraph === paragraph) {
          agents = last.agents;
          merge = last;
        }
        const isArrival = rules.arrivalForms.has(form);
        const from = placeAfter(text, ve, s.end, index, rules.fromRe);
        const to = placeAfter(text, ve, s.end, index, rules.toRe) ?? (isArrival ? placeAfter(text, ve, s.end, index, rules.arrivalToRe) : undefined);
        if (!agents || agents.length === 0) {
          if (from || to) report.push(reportItem(text, 'ambiguous', `journey "${v[0]}" without a traveller that could be identified`, { start: s.start, end: s.end }));
          continue;
        }
        if (!merge && last && last.paragraph === paragraph && agents.length === last.agents.length && agents.every((a) => last.agents.some((b) => sameEntity(a, b)))) merge = last;
        const potential = (rules.potentialTailRe?.test(gap.trim()) ?? false) || (rules.potentialRe?.test(gap) ?? false);
        const status: 'potential' | 'completed' = rules.completedForms.has(form) && !potential ? 'completed' : 'potential';
        const t: MutableTravel = merge ?? { span: { start: s.start, end: s.end }, agents: [...agents], participants: [], status, paragraph };
        if (merge) {
          t.span = { start: t.span.start, end: Math.max(t.span.end, s.end) };
          if (status === 'potential') t.status = 'potential';
        }
        if (from && !t.from) t.from = from.entity;
        if (to && !t.to) t.to = to.entity;
        if (rules.modeRe && t.mode === undefined) {
          const mode = [...body.matchAll(rules.modeRe)][0]?.[1];
          if (mode !== undefined) t.mode = mode;
        }
        if (!t.startTime) {
          const date = sentenceDate(text, s, rules, reference, report, day);
          if (date) t.startTime = date;
        }
        if (!merge) travels.push(t);
        break;
      }
    }

    // companions: "that KUZNETSOV and LIN BIAO be accompanied by SHI ZHE and FEDORENKO"
    if (rules.companionsRe) {
      for (const c of body.matchAll(rules.companionsRe)) {
        const cs = s.start + c.index;
        const ce = cs + c[0].length;
        const first = mentionAfter(text, ce, index, s.end);
        if (!first) continue;
        const companions = namesFrom(text, first, index, s.end).filter((m) => AGENT_TYPES.has(m.entity.type)).map((m) => m.entity);
        const travellers: EntityRef[] = [];
        for (let i = firstMentionFrom(index, s.start); i < index.sorted.length; i++) {
          const m = index.sorted[i];
          if (!m || m.span.start >= cs) break;
          if (m.span.end <= cs && AGENT_TYPES.has(m.entity.type)) travellers.push(m.entity);
        }
        const target =
          travels.find((t) => t.span.start <= cs && cs < t.span.end) ??
          [...travels].reverse().find((t) => t.agents.some((a) => travellers.some((b) => sameEntity(a, b))));
        if (target) addUnique(target.participants, companions);
        else if (travels.length) report.push(reportItem(text, 'ambiguous', 'companions named for a journey that could not be identified', { start: cs, end: s.end }));
      }
    }
  }

  for (const m of meetings) {
    const rec: MeetingRecord = {
      kind: 'meeting',
      span: m.span,
      attendees: m.attendees,
      ...(m.startDate ? { startDate: m.startDate } : {}),
      ...(m.duration ? { duration: m.duration } : {}),
      ...(m.location ? { location: m.location } : {}),
    };
    events.push(rec);
  }
  for (const t of travels) {
    const rec: TravelRecord = {
      kind: 'travel',
      span: t.span,
      agents: t.agents,
      participants: t.participants,
      status: t.status,
      ...(t.from ? { from: t.from } : {}),
      ...(t.to ? { to: t.to } : {}),
      ...(t.startTime ? { startTime: t.startTime } : {}),
      ...(t.mode !== undefined ? { mode: t.mode } : {}),
    };
    events.push(rec);
  }
}

export interface EventResult {
  readonly events: readonly EventRecord[];
  readonly report: readonly ReportItem[];
}

/**
 * Finds the meetings and journeys of one telegram. "I" is the sender (inside a quoted telegram,
 * its author); year-less dates take the year of the telegram's date; a time followed by a zone
 * phrase ("of Beijing time") gets that zone's offset, otherwise none. A location is recorded only
 * where the text states it. Events are sorted by span start.
 */
export function extractEvents(
  doc: SourceDoc,
  rules: CompiledEventRules,
  mentions: readonly MentionRecord[],
  quantities: readonly QuantityRecord[],
  header: HeaderRecord,
  sender?: EntityRef,
  quotedTelegrams: readonly QuotedTelegramRecord[] = [],
): EventResult {
  const { text } = doc;
  const index = indexMentions(mentions);
  const reference = referenceDate(header);
  const events: EventRecord[] = [];
  const report: ReportItem[] = [];
  const body = bodyRegion(text, header);
  const inside = (outer: Span, q: QuotedTelegramRecord): boolean =>
    q.span.start >= outer.start && q.span.end <= outer.end && (q.span.start > outer.start || q.span.end < outer.end);
  const direct = (outer: Span): Span[] => {
    const within = quotedTelegrams.filter((q) => inside(outer, q));
    return within.filter((q) => !within.some((o) => o !== q && inside(o.span, q))).map((q) => q.span);
  };
  const recipient = header.addressee?.entity;
  const day = header.dateSent?.value.slice(0, 10);
  processRegion(
    text,
    { region: body, holes: direct(body), ...(sender ? { author: sender } : {}), ...(recipient ? { recipient } : {}), ...(day !== undefined ? { day } : {}) },
    rules,
    index,
    quantities,
    reference,
    events,
    report,
  );
  for (const q of quotedTelegrams) {
    const ref = q.dateSent ? { year: Number(q.dateSent.value.slice(0, 4)), month: Number(q.dateSent.value.slice(5, 7)) } : reference;
    const ctx = {
      region: q.span,
      holes: direct(q.span),
      ...(q.author ? { author: q.author } : {}),
      ...(q.recipient ? { recipient: q.recipient } : {}),
      ...(q.dateSent ? { day: q.dateSent.value.slice(0, 10) } : {}),
    };
    processRegion(text, ctx, rules, index, quantities, ref, events, report);
  }
  events.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  return { events, report };
}
