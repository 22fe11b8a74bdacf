// **dates** takes a piece of text and data/lexicon/dates.yaml and returns the dates and times it states.
// compileDateRules() builds the regular expressions once per build; findDates()/findTimes() are pure.

import { ConfigError } from '../errors.js';
import type { RawInputs } from './inputs.js';
import type { StatedDateTime } from './record.js';
import type { Span } from '../text/span.js';

const FILE = 'data/lexicon/dates.yaml';

/** Field order of an all-numeric date such as "7.10.50". */
export type NumericOrder = 'dmy' | 'mdy';

/** Compiled date/time patterns; build once with compileDateRules(). */
export interface DateRules {
  /** Global regex over dates; null when the lexicon has no months. */
  readonly dateRe: RegExp | null;
  /** Global regex over clock times. */
  readonly timeRe: RegExp;
  /** Month number by lower-cased printed name (without a trailing "."). */
  readonly monthByName: ReadonlyMap<string, number>;
  readonly monthByRoman: ReadonlyMap<string, number>;
  readonly twoDigitYearBase: number;
  readonly numericOrder: NumericOrder;
  /** Anchored: the gap between a time and a following date that joins them. */
  readonly timeBeforeDateGap: RegExp;
  /** Anchored: the gap between a date and a following time that joins them. */
  readonly dateBeforeTimeGap: RegExp;
  /** Lower-cased meridiem markers meaning "p.m.". */
  readonly pmMarkers: ReadonlySet<string>;
  readonly amMarkers: ReadonlySet<string>;
}

/** A clock time as printed (no date). */
export interface StatedTime {
  /** 0–23 (after applying a.m./p.m.). */
  readonly hour: number;
  readonly minute: number;
  readonly asPrinted: string;
  readonly span: Span;
}

/** A date the text states without a year that no reference year could resolve. */
export interface UnresolvedDate {
  readonly asPrinted: string;
  readonly span: Span;
}

export interface DateScan {
  /** Dates and date-times, sorted by span start. */
  readonly dates: readonly StatedDateTime[];
  /** Times that are not part of a date-time above. */
  readonly times: readonly StatedTime[];
  readonly unresolved: readonly UnresolvedDate[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown, entry: string): string[] {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((x, i) => {
    if (typeof x !== 'string' || x.trim() === '') {
      throw new ConfigError(`${FILE}: entry "${entry}"[${i}]: expected a non-empty string, found ${JSON.stringify(x)}`, 'lexicon-shape');
    }
    return x.trim();
  });
}

/** Escapes a literal for use inside a RegExp. */
function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Alternation of literals, longest first, so that "October" wins over "Oct". */
function alternation(words: Iterable<string>): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRe).join('|');
}

/** Printed variants of a word: as given, Title Case and ALL CAPS (never lower case). */
function capitalVariants(word: string): string[] {
  return [word, word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()];
}

/** Printed variants of a function word: lower case, Title Case, ALL CAPS. */
function wordVariants(word: string): string[] {
  return [word.toLowerCase(), ...capitalVariants(word.toLowerCase())];
}

function monthMap(raw: unknown, entry: string, roman: boolean): Map<string, number> {
  const map = new Map<string, number>();
  if (raw === undefined) return map;
  if (!isRecord(raw)) throw new ConfigError(`${FILE}: "${entry}" must map month numbers 1-12 to names`, 'lexicon-shape');
  for (const [key, names] of Object.entries(raw)) {
    const month = Number(key);
    if (!Number.isInteger(month) || month < 1 || month > 12) {
      throw new ConfigError(`${FILE}: "${entry}": month key ${JSON.stringify(key)} is not a number 1-12`, 'lexicon-shape');
    }
    for (const name of stringList(names, `${entry}.${key}`)) {
      const k = roman ? name.toUpperCase() : name.replace(/\.$/, '').toLowerCase();
      const prior = map.get(k);
      if (prior !== undefined && prior !== month) {
        throw new ConfigError(`${FILE}: "${entry}": "${name}" names both month ${prior} and ${month}`, 'lexicon-shape');
      }
      map.set(k, month);
    }
  }
  return map;
}

/**
 * Compiles data/lexicon/dates.yaml (`raw.lexicon.dates`). A missing file gives rules that find
 * only numeric dates and clock times; a malformed one throws ConfigError naming the entry.
 */
export function compileDateRules(raw: RawInputs): DateRules {
  const lex = raw.lexicon['dates'] ?? {};
  if (!isRecord(lex)) throw new ConfigError(`${FILE}: expected a mapping`, 'lexicon-shape');
  const monthByName = monthMap(lex['months'], 'months', false);
  const monthByRoman = monthMap(lex['romanMonths'], 'romanMonths', true);
  const base = lex['twoDigitYearBase'] ?? 1900;
  if (typeof base !== 'number' || !Number.isInteger(base) || base % 100 !== 0) {
    throw new ConfigError(`${FILE}: "twoDigitYearBase" must be a whole century such as 1900, found ${JSON.stringify(base)}`, 'lexicon-shape');
  }
  const order = lex['numericOrder'] ?? 'dmy';
  if (order !== 'dmy' && order !== 'mdy') {
    throw new ConfigError(`${FILE}: "numericOrder" must be "dmy" or "mdy", found ${JSON.stringify(order)}`, 'lexicon-shape');
  }
  const ordinals = stringList(lex['ordinalSuffixes'], 'ordinalSuffixes');
  const links = stringList(lex['dayMonthLinks'], 'dayMonthLinks');
  const timeBefore = stringList(lex['timeBeforeDate'], 'timeBeforeDate');
  const dateBefore = stringList(lex['dateBeforeTime'], 'dateBeforeTime');
  const introducers = stringList(lex['timeIntroducers'], 'timeIntroducers');
  const suffixes = stringList(lex['timeSuffixes'], 'timeSuffixes');
  const meridiem = lex['meridiem'] ?? {};
  if (!isRecord(meridiem)) throw new ConfigError(`${FILE}: "meridiem" must map am/pm to markers`, 'lexicon-shape');
  const am = stringList(meridiem['am'], 'meridiem.am');
  const pm = stringList(meridiem['pm'], 'meridiem.pm');

  // Month names: full names as printed; names in the list after the first may take a "." (abbreviations).
  const monthForms: string[] = [];
  const abbrevForms: string[] = [];
  if (isRecord(lex['months'])) {
    for (const [key, names] of Object.entries(lex['months'])) {
      stringList(names, `months.${key}`).forEach((name, i) => {
        (i === 0 ? monthForms : abbrevForms).push(...capitalVariants(name.replace(/\.$/, '')));
      });
    }
  }
  const monthAlts = [
    ...(monthForms.length ? [alternation(monthForms)] : []),
    ...(abbrevForms.length ? [`(?:${alternation(abbrevForms)})\\.?`] : []),
  ];
  const monthRe = monthAlts.length ? `(?:${monthAlts.join('|')})` : null;
  const ord = ordinals.length ? `(?:${alternation(ordinals.flatMap(wordVariants))})?` : '';
  const link = links.length ? `(?:\\s+(?:${alternation(links.flatMap(wordVariants))}))?` : '';
  const roman = monthByRoman.size ? `|${alternation(monthByRoman.keys())}` : '';
  const year4 = '[12]\\d{3}';
  const numeric = `(?<![\\d.\\/])(?<na>\\d{1,4})(?<sep>[./])(?<nb>\\d{1,2}${roman})\\k<sep>(?<nc>\\d{4}|\\d{2})(?!\\d|[./]\\d)`;
  const parts = [numeric];
  if (monthRe !== null) {
    parts.push(
      `(?<![\\w.,])(?<d1>\\d{1,2})${ord}${link}\\s+(?<m1>${monthRe})(?![A-Za-z])(?:(?:,\\s*|\\s+)(?<y1>${year4})(?!\\d))?`,
      `(?<![\\w])(?<m2>${monthRe})\\s+(?<d2>\\d{1,2})${ord}(?![\\d\\w])(?:(?:,\\s*|\\s+)(?<y2>${year4})(?!\\d))?`,
    );
  }
  const dateRe = new RegExp(parts.join('|'), 'g');

  const intro = introducers.length ? `|(?<=(?:^|[^A-Za-z])(?:${alternation(introducers.flatMap(wordVariants))})\\s+)(?<h3>[01]?\\d|2[0-3])\\.(?<m3>[0-5]\\d)` : '';
  const mer = am.length + pm.length ? `(?:\\s?(?<mer>${alternation([...am, ...pm])})(?![A-Za-z]))?` : '';
  const suf = suffixes.length ? `(?:\\s+(?:${alternation(suffixes)})(?![A-Za-z]))?` : '';
  const timeRe = new RegExp(
    `(?<![\\d.:])(?:(?<h1>[01]?\\d|2[0-3]):(?<m1>[0-5]\\d)|(?<h2>[01]\\d|2[0-3]): (?<m2>[0-5]\\d)${intro})(?![\\d:])${mer}${suf}`,
    'g',
  );
  const gap = (words: string[]): RegExp =>
    new RegExp(`^\\s*,?\\s*${words.length ? `(?:(?:${alternation(words.flatMap(wordVariants))})\\s+)?` : ''}$`);
  return {
    dateRe: dateRe,
    timeRe,
    monthByName,
    monthByRoman,
    twoDigitYearBase: base,
    numericOrder: order,
    timeBeforeDateGap: gap(timeBefore),
    dateBeforeTimeGap: gap(dateBefore),
    pmMarkers: new Set(pm.map((s) => s.toLowerCase())),
    amMarkers: new Set(am.map((s) => s.toLowerCase())),
  };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** The year nearest to the reference for a month stated without a year. */
function resolveYear(month: number, reference?: { year: number; month?: number }): number | undefined {
  if (!reference) return undefined;
  if (reference.month === undefined) return reference.year;
  const diff = month - reference.month;
  if (diff > 6) return reference.year - 1;
  if (diff < -6) return reference.year + 1;
  return reference.year;
}

interface RawDate {
  readonly start: number;
  readonly end: number;
  readonly year?: number;
  readonly month: number;
  readonly day: number;
}

function readDate(m: RegExpExecArray | RegExpMatchArray, rules: DateRules): RawDate | null {
  const g = m.groups ?? {};
  const start = m.index ?? 0;
  const end = start + m[0].length;
  if (g['na'] !== undefined && g['nb'] !== undefined && g['nc'] !== undefined) {
    const a = g['na'];
    const b = g['nb'];
    const c = g['nc'];
    const roman = rules.monthByRoman.get(b.toUpperCase());
    let year: number;
    let month: number;
    let day: number;
    if (a.length === 4) {
      // year first (1950.10.07)
      if (c.length !== 2) return null;
      [year, month, day] = [Number(a), roman ?? Number(b), Number(c)];
    } else {
      if (a.length > 2) return null;
      year = c.length === 2 ? rules.twoDigitYearBase + Number(c) : Number(c);
      if (roman !== undefined) [month, day] = [roman, Number(a)];
      else if (rules.numericOrder === 'mdy') [month, day] = [Number(a), Number(b)];
      else [month, day] = [Number(b), Number(a)];
    }
    return isValidDate(year, month, day) ? { start, end, year, month, day } : null;
  }
  const dayText = g['d1'] ?? g['d2'];
  const monthText = g['m1'] ?? g['m2'];
  const yearText = g['y1'] ?? g['y2'];
  if (dayText === undefined || monthText === undefined) return null;
  const month = rules.monthByName.get(monthText.replace(/\.$/, '').toLowerCase());
  if (month === undefined) return null;
  const day = Number(dayText);
  if (yearText !== undefined) {
    const year = Number(yearText);
    return isValidDate(year, month, day) ? { start, end, year, month, day } : null;
  }
  return isValidDate(2000, month, day) ? { start, end, month, day } : null; // 2000: a leap year
}

function readTime(m: RegExpMatchArray, rules: DateRules, offset: number): StatedTime | null {
  const g = m.groups ?? {};
  const h = g['h1'] ?? g['h2'] ?? g['h3'];
  const min = g['m1'] ?? g['m2'] ?? g['m3'];
  if (h === undefined || min === undefined) return null;
  let hour = Number(h);
  const mer = g['mer']?.toLowerCase();
  if (mer !== undefined) {
    if (hour < 1 || hour > 12) return null;
    if (rules.pmMarkers.has(mer) && hour < 12) hour += 12;
    if (rules.amMarkers.has(mer) && hour === 12) hour = 0;
  }
  const start = offset + (m.index ?? 0);
  return { hour, minute: Number(min), asPrinted: m[0], span: { start, end: start + m[0].length } };
}

/**
 * Finds every date, date-time and clock time in `text`, whose first character is at `offset` in
 * the document. A date without a year takes the year nearest to `reference`; without a reference
 * it is returned in `unresolved`. A time joined to a date ("11: 55 on 7 October, 1950",
 * "10 October 1950 at 3:40") gives one xsd:dateTime without offset (no zone is invented).
 */
export function scanDates(
  text: string,
  offset: number,
  rules: DateRules,
  reference?: { year: number; month?: number },
): DateScan {
  const rawDates: RawDate[] = [];
  if (rules.dateRe) {
    for (const m of text.matchAll(rules.dateRe)) {
      const d = readDate(m, rules);
      if (d) rawDates.push(d);
    }
  }
  const times: StatedTime[] = [];
  for (const m of text.matchAll(rules.timeRe)) {
    const t = readTime(m, rules, 0);
    // a time inside a date ("7.10.50" cannot be, but be safe) is skipped
    if (t && !rawDates.some((d) => d.start < t.span.end && t.span.start < d.end)) times.push(t);
  }
  type Item = { kind: 'date'; d: RawDate } | { kind: 'time'; t: StatedTime };
  const items: Item[] = [
    ...rawDates.map((d): Item => ({ kind: 'date', d })),
    ...times.map((t): Item => ({ kind: 'time', t })),
  ].sort((a, b) => (a.kind === 'date' ? a.d.start : a.t.span.start) - (b.kind === 'date' ? b.d.start : b.t.span.start));

  const dates: StatedDateTime[] = [];
  const looseTimes: StatedTime[] = [];
  const unresolved: UnresolvedDate[] = [];
  const emit = (d: RawDate, t: StatedTime | undefined, start: number, end: number): void => {
    const year = d.year ?? resolveYear(d.month, reference);
    const asPrinted = text.slice(start, end);
    const span = { start: offset + start, end: offset + end };
    if (year === undefined || !isValidDate(year, d.month, d.day)) {
      unresolved.push({ asPrinted, span });
      if (t) looseTimes.push({ ...t, span: { start: offset + t.span.start, end: offset + t.span.end } });
      return;
    }
    const date = `${pad(year, 4)}-${pad(d.month)}-${pad(d.day)}`;
    dates.push(
      t
        ? { value: `${date}T${pad(t.hour)}:${pad(t.minute)}:00`, datatype: 'dateTime', timeZoneStated: false, asPrinted, span }
        : { value: date, datatype: 'date', timeZoneStated: false, asPrinted, span },
    );
  };
  for (let i = 0; i < items.length; i++) {
    const a = items[i];
    const b = items[i + 1];
    if (a === undefined) continue;
    if (a.kind === 'time') {
      if (b?.kind === 'date' && rules.timeBeforeDateGap.test(text.slice(a.t.span.end, b.d.start))) {
        emit(b.d, a.t, a.t.span.start, b.d.end);
        i++;
      } else {
        looseTimes.push({ ...a.t, span: { start: offset + a.t.span.start, end: offset + a.t.span.end } });
      }
      continue;
    }
    if (b?.kind === 'time' && rules.dateBeforeTimeGap.test(text.slice(a.d.end, b.t.span.start))) {
      emit(a.d, b.t, a.d.start, b.t.span.end);
      i++;
    } else {
      emit(a.d, undefined, a.d.start, a.d.end);
    }
  }
  return { dates, times: looseTimes, unresolved };
}

/**
 * Dates and date-times stated in `text` (first character at `offset` in the document), sorted.
 * @example findDates("Received on 11: 55 on 7 October, 1950.", 0, rules)
 *   // [{ value: "1950-10-07T11:55:00", datatype: "dateTime", timeZoneStated: false, asPrinted: "11: 55 on 7 October, 1950", … }]
 */
export function findDates(
  text: string,
  offset: number,
  rules: DateRules,
  reference?: { year: number; month?: number },
): StatedDateTime[] {
  return [...scanDates(text, offset, rules, reference).dates];
}

/** Clock times in `text` that are not part of a stated date ("at 22:30" without a date). */
export function findTimes(text: string, offset: number, rules: DateRules): StatedTime[] {
  return [...scanDates(text, offset, rules).times];
}

/** The reference (year, month) of an xsd:date or xsd:dateTime value, for resolving year-less dates. */
export function referenceOf(dt: StatedDateTime): { year: number; month: number } {
  return { year: Number(dt.value.slice(0, 4)), month: Number(dt.value.slice(5, 7)) };
}

/**
 * A date-time with a stated zone offset ("+08:00" or "Z"); `zoneAsPrinted` is the printed zone
 * phrase ("Beijing time"). Span and asPrinted stay those of the date-time. A date without time is
 * returned unchanged (an offset on an xsd:date says nothing useful here).
 * @example withOffset(dt, "+08:00", "Beijing time") // value "1950-10-06T22:30:00+08:00", timeZoneStated true
 */
export function withOffset(dt: StatedDateTime, tzOffset: string, zoneAsPrinted?: string): StatedDateTime {
  if (!/^(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)$/.test(tzOffset)) {
    throw new RangeError(`withOffset: "${tzOffset}" is not an offset such as +08:00 or Z`);
  }
  if (dt.datatype !== 'dateTime') return dt;
  return {
    ...dt,
    value: `${dt.value.replace(/(?:Z|[+-]\d\d:\d\d)$/, '')}${tzOffset}`,
    timeZoneStated: true,
    ...(zoneAsPrinted !== undefined ? { timeZoneAsPrinted: zoneAsPrinted } : {}),
  };
}

/** Joins a date (xsd:date) and a time stated apart into one date-time without offset; `text` is the document. */
export function combineDateAndTime(date: StatedDateTime, time: StatedTime, text: string): StatedDateTime {
  const span = { start: Math.min(date.span.start, time.span.start), end: Math.max(date.span.end, time.span.end) };
  return {
    value: `${date.value.slice(0, 10)}T${pad(time.hour)}:${pad(time.minute)}:00`,
    datatype: 'dateTime',
    timeZoneStated: false,
    asPrinted: text.slice(span.start, span.end),
    span,
  };
}
