// **fixtures** runs the real extraction pipeline over every case in tests/fixtures/<case>/ and
// checks the facts its expected.yaml lists (format: tests/fixtures/README.md), plus the span and
// report invariants on every result. One `it` per fact group per case; a failure lists every
// expectation of the group that failed, with what was found instead.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileExtractors, extractTelegram, type Extractors } from '../../src/extract/extract-telegram.js';
import type {
  ClaimRecord,
  EntityDescription,
  EntityRef,
  ExtractionResult,
  MeetingRecord,
  QuantityRecord,
  StatedDateTime,
  TravelRecord,
} from '../../src/extract/record.js';
import { loadRawInputs } from '../../src/load-inputs.js';
import type { Span } from '../../src/text/span.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const DATA = join(import.meta.dirname, '..', '..', 'data');

type Obj = Readonly<Record<string, unknown>>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** A string or a list of acceptable strings. */
function alternatives(v: unknown): string[] {
  return list(v).flatMap((x) => (str(x) === undefined ? [] : [str(x) ?? '']));
}

/** Collapses runs of white space, so expectations need not follow the text's line breaks. */
function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function norm(s: string): string {
  return squash(s).toLowerCase();
}

/** "1950-10-06T22:30:00+08:00" → "1950-10-06T22:30+08:00" (seconds of zero dropped). */
function normDateTime(v: string): string {
  return v.replace(/T(\d\d:\d\d):00(?=$|[+-]|Z)/, 'T$1');
}

/** Numeric equality of decimal strings ("1500" = "1500.0"). */
function sameNumber(actual: string | undefined, expected: unknown): boolean {
  return actual !== undefined && Number(actual) === Number(expected);
}

function show(v: unknown): string {
  return JSON.stringify(v);
}

/** Every occurrence of `needle` in `text`, allowing any white space where the needle has a space. */
function occurrences(text: string, needle: string): Span[] {
  const pattern = needle
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const out: Span[] = [];
  for (const m of text.matchAll(new RegExp(pattern, 'g'))) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

interface Case {
  readonly name: string;
  readonly text: string;
  readonly expected: Obj;
}

function loadCases(): Case[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const text = readFileSync(join(FIXTURES, name, 'input.txt'), 'utf8');
      const expected: unknown = parse(readFileSync(join(FIXTURES, name, 'expected.yaml'), 'utf8'));
      if (!isObj(expected)) throw new Error(`${name}/expected.yaml: expected a mapping`);
      return { name, text, expected };
    });
}

/** Collects failed expectations of one group and fails once with all of them. */
class Checks {
  private readonly failures: string[] = [];
  private total = 0;
  constructor(private readonly group: string) {}
  check(ok: boolean, what: string): void {
    this.total++;
    if (!ok) this.failures.push(what);
  }
  done(): void {
    if (this.failures.length > 0) {
      throw new Error(
        `${this.group}: ${this.failures.length}/${this.total} expectations failed:\n  - ${this.failures.join('\n  - ')}`,
      );
    }
  }
}

/** Names an entity may be known by: label, alternate names, codenames, and its printed mentions. */
function namesOf(r: ExtractionResult, ref: EntityRef | undefined): string[] {
  if (!ref) return [];
  const d: EntityDescription | undefined = r.entities.find((e) => e.type === ref.type && e.slug === ref.slug);
  const printed = r.mentions.filter((m) => m.entity.type === ref.type && m.entity.slug === ref.slug).map((m) => m.surface);
  return [ref.slug, ...(d ? [d.label, ...d.alternateNames, ...d.codenames] : []), ...printed].map(norm);
}

function describeRef(r: ExtractionResult, ref: EntityRef | undefined): string {
  if (!ref) return 'none';
  const d = r.entities.find((e) => e.type === ref.type && e.slug === ref.slug);
  return `${ref.type}/${ref.slug}${d ? ` "${d.label}"${d.resolved ? '' : ' (unresolved)'}` : ' (not in entities)'}`;
}

/**
 * An expected entity: `{ slug }` (an authority entry), `{ names: [...] }` / `{ name }` (any of
 * its names, for entities minted locally), or a bare string (a name).
 */
function refMatches(r: ExtractionResult, ref: EntityRef | undefined, exp: unknown): boolean {
  if (!ref) return false;
  if (typeof exp === 'string') return namesOf(r, ref).includes(norm(exp));
  if (!isObj(exp)) return false;
  const slug = str(exp['slug']);
  if (slug !== undefined) return ref.slug === slug;
  const names = [...alternatives(exp['names']), ...alternatives(exp['name'])].map(norm);
  const known = namesOf(r, ref);
  return names.some((n) => known.includes(n));
}

function checkStated(c: Checks, field: string, actual: StatedDateTime | undefined, exp: unknown): void {
  if (exp === null) {
    c.check(actual === undefined, `${field}: expected none, found ${show(actual?.value)}`);
    return;
  }
  const e = isObj(exp) ? exp : { value: exp };
  const value = str(e['value']) ?? '';
  const wanted = normDateTime(value);
  // Compare the local date/time; the offset is checked on its own below.
  const local = actual ? normDateTime(actual.value).replace(/(?:Z|[+-]\d\d:\d\d)$/, '') : undefined;
  c.check(
    local !== undefined && (local === wanted || (!wanted.includes('T') && local.startsWith(`${wanted}T`))),
    `${field}: expected ${value}, found ${show(actual?.value)} (printed ${show(actual?.asPrinted)})`,
  );
  if (typeof e['zoneStated'] === 'boolean') {
    c.check(actual?.timeZoneStated === e['zoneStated'], `${field}: expected timeZoneStated ${String(e['zoneStated'])}, found ${show(actual?.timeZoneStated)}`);
  }
  const offset = str(e['offset']);
  if (offset !== undefined) {
    c.check(actual?.value.endsWith(offset) === true, `${field}: expected offset ${offset}, found ${show(actual?.value)}`);
  }
}

/** The quantity that best covers an expected phrase: largest overlap with its first occurrence (or `occurrence`). */
function findQuantity(r: ExtractionResult, phrase: string, occurrence: number): QuantityRecord | undefined {
  const at = occurrences(r.text, phrase)[occurrence - 1];
  if (!at) return undefined;
  let best: QuantityRecord | undefined;
  let bestOverlap = 0;
  for (const q of r.quantities) {
    const overlap = Math.min(q.span.end, at.end) - Math.max(q.span.start, at.start);
    if (overlap > bestOverlap) [best, bestOverlap] = [q, overlap];
  }
  return best;
}

function describeQuantity(q: QuantityRecord): string {
  const parts = [`"${q.text}"`, q.reading];
  for (const k of ['value', 'minValue', 'maxValue', 'numerator', 'denominator', 'currency', 'duration', 'countOf'] as const) {
    if (q[k] !== undefined) parts.push(`${k}=${q[k]}`);
  }
  if (q.forYear !== undefined) parts.push(`forYear=${q.forYear}`);
  if (q.approximate) parts.push('approximate');
  return parts.join(' ');
}

function describeClaim(r: ExtractionResult, cl: ClaimRecord): string {
  return `[${cl.speechAct} by ${describeRef(r, cl.claimant)}${cl.pointAsPrinted ? ` point ${cl.pointAsPrinted}` : ''}] "${squash(cl.text).slice(0, 70)}"`;
}

function phrasesOf(v: unknown): string[] {
  return list(v).flatMap((x) => (typeof x === 'string' ? [x] : []));
}

// ─────────────────────────────────────────────────────────────────────────────────────────────

function checkHeader(r: ExtractionResult, exp: Obj): void {
  const c = new Checks('header');
  const h = r.header;
  if (exp['noHeader'] === true) {
    c.check(r.report.some((i) => i.code === 'no-header'), `noHeader: expected a "no-header" report item, found codes ${show([...new Set(r.report.map((i) => i.code))])}`);
  }
  for (const e of list(exp['identifiers'])) {
    if (!isObj(e)) continue;
    const values = alternatives(e['value']);
    const prop = str(e['propertyId']);
    const found = h.identifiers.some((i) => values.includes(i.value) && (prop === undefined || i.propertyId === prop));
    c.check(found, `identifier ${prop ?? '(any)'} = ${values.join(' or ')}: not found among ${show(h.identifiers.map((i) => `${i.propertyId}=${i.value}`))}`);
  }
  for (const v of alternatives(exp['identifiersNot'])) {
    const bad = h.identifiers.filter((i) => i.value === v);
    c.check(bad.length === 0, `identifier value ${show(v)} must not be read (garbled or partial number), found ${show(bad.map((i) => `${i.propertyId}=${i.value}`))}`);
  }
  if (Array.isArray(exp['identifiers']) && exp['identifiers'].length === 0) {
    c.check(h.identifiers.length === 0, `identifiers: expected none, found ${show(h.identifiers.map((i) => `${i.propertyId}=${i.value}`))}`);
  }
  if ('classification' in exp) {
    const want = exp['classification'];
    if (want === null) c.check(h.classification === undefined, `classification: expected none, found ${show(h.classification?.asPrinted)}`);
    else c.check(norm(h.classification?.value ?? '') === norm(str(want) ?? ''), `classification: expected ${show(want)}, found ${show(h.classification?.value)}`);
  }
  if ('priority' in exp) {
    const want = exp['priority'];
    if (want === null) c.check(h.priority === undefined, `priority: expected none, found ${show(h.priority?.asPrinted)}`);
    else c.check(norm(h.priority?.value ?? '') === norm(str(want) ?? ''), `priority: expected ${show(want)}, found ${show(h.priority?.value)}`);
  }
  if (typeof exp['copies'] === 'number') {
    c.check(h.copies.length === exp['copies'], `copies: expected ${exp['copies']} copies, found ${h.copies.length} ${show(h.copies.map((x) => x.numberAsPrinted))}`);
  }
  const printedNumbers = phrasesOf(exp['copyNumbersAsPrinted']);
  if (printedNumbers.length > 0) {
    // "1 -" and "1" are the same printed number; the separator dash is not part of it.
    const got = h.copies.map((x) => x.numberAsPrinted.replace(/[\s\-–—]+$/u, '').trim());
    c.check(show(got) === show(printedNumbers), `copyNumbersAsPrinted: expected ${show(printedNumbers)}, found ${show(got)}`);
    const normalised = h.copies.map((x) => x.number);
    c.check(normalised.every((n, i) => n === i + 1), `copies: normalised numbers should be 1..n in reading order, found ${show(normalised)}`);
  }
  for (const who of phrasesOf(exp['copyRecipients'])) {
    c.check(h.copies.some((x) => norm(x.recipientAsPrinted).includes(norm(who))), `copy recipient ${show(who)}: not found among ${show(h.copies.map((x) => x.recipientAsPrinted))}`);
  }
  for (const field of ['dateSent', 'dateReceived', 'closingDate'] as const) {
    if (field in exp) checkStated(c, field, h[field], exp[field]);
  }
  if ('receivedFrom' in exp) {
    const want = str(exp['receivedFrom']) ?? '';
    c.check(h.receivedFrom !== undefined && norm(h.receivedFrom.asPrinted).includes(norm(want)), `receivedFrom: expected ${show(want)}, found ${show(h.receivedFrom?.asPrinted)}`);
  }
  if ('addressee' in exp) {
    const want = exp['addressee'];
    const a = h.addressee;
    if (want === null) c.check(a === undefined, `addressee: expected none, found ${show(a?.asPrinted)}`);
    else if (isObj(want)) {
      const name = str(want['name']);
      if (name !== undefined) c.check(a !== undefined && norm(a.name) === norm(name), `addressee.name: expected ${show(name)}, found ${show(a?.name)} (printed ${show(a?.asPrinted)})`);
      if ('editorialName' in want) {
        const ed = str(want['editorialName']);
        c.check(norm(a?.editorialName ?? '') === norm(ed ?? ''), `addressee.editorialName: expected ${show(ed ?? null)}, found ${show(a?.editorialName)}`);
      }
      if (typeof want['isCodename'] === 'boolean') c.check(a?.isCodename === want['isCodename'], `addressee.isCodename: expected ${String(want['isCodename'])}, found ${show(a?.isCodename)}`);
      if (want['entity'] !== undefined) {
        const e = typeof want['entity'] === 'string' ? { slug: want['entity'] } : want['entity'];
        c.check(refMatches(r, a?.entity, e), `addressee.entity: expected ${show(want['entity'])}, found ${describeRef(r, a?.entity)}`);
      }
    }
  }
  for (const e of list(exp['references'])) {
    if (!isObj(e)) continue;
    const number = str(e['number']);
    const ref = h.references.find((x) => x.number === number);
    c.check(ref !== undefined, `reference No. ${number}: not found among ${show(h.references.map((x) => x.number))}`);
    if (ref && e['relation'] !== undefined) c.check(ref.relation === e['relation'], `reference No. ${number}: expected relation ${show(e['relation'])}, found ${show(ref.relation)}`);
    if (ref && e['ownerRole'] !== undefined) c.check(ref.ownerRole === e['ownerRole'], `reference No. ${number}: expected ownerRole ${show(e['ownerRole'])}, found ${show(ref.ownerRole)}`);
  }
  if ('signature' in exp) {
    const want = exp['signature'];
    if (want === null) c.check(h.signature === undefined, `signature: expected none, found ${show(h.signature?.asPrinted)}`);
    else c.check(h.signature !== undefined && norm(h.signature.asPrinted).includes(norm(str(want) ?? '')), `signature: expected ${show(want)}, found ${show(h.signature?.asPrinted)}`);
  }
  if ('title' in exp) {
    const want = str(exp['title']) ?? '';
    c.check(h.title !== undefined && norm(h.title.asPrinted).includes(norm(want)), `title: expected to contain ${show(want)}, found ${show(h.title?.asPrinted)}`);
  }
  c.done();
}

function checkParties(r: ExtractionResult, exp: Obj): void {
  const c = new Checks('sender/recipient');
  for (const role of ['sender', 'recipient'] as const) {
    if (!(role in exp)) continue;
    const want = exp[role];
    if (want === null) c.check(r[role] === undefined, `${role}: expected none, found ${describeRef(r, r[role])}`);
    else c.check(refMatches(r, r[role], want), `${role}: expected ${show(want)}, found ${describeRef(r, r[role])}`);
  }
  c.done();
}

function checkPersons(r: ExtractionResult, exp: Obj): void {
  const c = new Checks('persons');
  for (const e of list(exp['persons'])) {
    if (!isObj(e)) continue;
    const surface = str(e['surface']) ?? '';
    const exact = r.mentions.filter((m) => norm(m.surface) === norm(surface));
    const ms = exact.length > 0 ? exact : r.mentions.filter((m) => norm(m.surface).includes(norm(surface)));
    c.check(ms.length > 0, `mention ${show(surface)}: not found (mentions: ${show([...new Set(r.mentions.map((m) => m.surface))])})`);
    const m = ms[0];
    if (!m) continue;
    const d = r.entities.find((x) => x.type === m.entity.type && x.slug === m.entity.slug);
    c.check(d !== undefined, `mention ${show(surface)}: its entity ${m.entity.type}/${m.entity.slug} is not described in entities`);
    const type = str(e['type']) ?? 'Person';
    c.check(m.entity.type === type, `mention ${show(surface)}: expected type ${type}, found ${m.entity.type}`);
    const slug = str(e['slug']);
    if (slug !== undefined) c.check(m.entity.slug === slug && d?.resolved === true, `mention ${show(surface)}: expected resolved ${slug}, found ${describeRef(r, m.entity)}`);
    if (e['resolved'] === false) {
      c.check(d?.resolved === false, `mention ${show(surface)}: expected unresolved (not in the authorities), found ${describeRef(r, m.entity)}`);
      const reported = r.report.some(
        (i) => i.code === 'unresolved-name' && (ms.some((o) => spansOverlapping(i.span, o.span)) || norm(i.text).includes(norm(surface))),
      );
      c.check(reported, `mention ${show(surface)}: unresolved but no "unresolved-name" report item names it`);
    }
  }
  c.done();
}

function spansOverlapping(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function checkQuantities(r: ExtractionResult, exp: Obj): void {
  const c = new Checks('quantities');
  for (const e of list(exp['quantities'])) {
    if (!isObj(e)) continue;
    const phrase = str(e['text']) ?? '';
    const occurrence = typeof e['occurrence'] === 'number' ? e['occurrence'] : 1;
    if (occurrences(r.text, phrase).length < occurrence) {
      c.check(false, `quantity ${show(phrase)}: FIXTURE ERROR, phrase not in the input`);
      continue;
    }
    const q = findQuantity(r, phrase, occurrence);
    const label = `quantity ${show(phrase)}`;
    c.check(q !== undefined, `${label}: no quantity overlaps it`);
    if (!q) continue;
    const at = occurrences(r.text, phrase)[occurrence - 1];
    c.check(at !== undefined && q.span.start <= at.start && at.end <= q.span.end, `${label}: the quantity's text should cover the whole phrase, found ${describeQuantity(q)}`);
    const what = describeQuantity(q);
    if (e['reading'] !== undefined) c.check(alternatives(e['reading']).includes(q.reading), `${label}: expected reading ${show(e['reading'])}, found ${what}`);
    const num: [string, keyof QuantityRecord][] = [['value', 'value'], ['min', 'minValue'], ['max', 'maxValue'], ['numerator', 'numerator'], ['denominator', 'denominator']];
    for (const [key, field] of num) {
      if (e[key] !== undefined) c.check(sameNumber(str(q[field]), e[key]), `${label}: expected ${field} ${show(e[key])}, found ${what}`);
    }
    if (e['approximate'] !== undefined) c.check(q.approximate === e['approximate'], `${label}: expected approximate ${show(e['approximate'])}, found ${what}`);
    if (e['countOf'] !== undefined) c.check(alternatives(e['countOf']).includes(q.countOf ?? ''), `${label}: expected countOf ${show(e['countOf'])}, found ${what}`);
    if (e['currency'] !== undefined) c.check(alternatives(e['currency']).includes(q.currency ?? ''), `${label}: expected currency ${show(e['currency'])}, found ${what}`);
    if (e['forYear'] !== undefined) c.check(q.forYear === e['forYear'], `${label}: expected forYear ${show(e['forYear'])}, found ${what}`);
    if (e['duration'] !== undefined) c.check(alternatives(e['duration']).includes(q.duration ?? ''), `${label}: expected duration ${show(e['duration'])}, found ${what}`);
    if (e['polarity'] !== undefined) c.check(q.polarity === e['polarity'], `${label}: expected polarity ${show(e['polarity'])}, found ${q.polarity}`);
    if (e['holder'] !== undefined) c.check(refMatches(r, q.holder, e['holder']), `${label}: expected holder ${show(e['holder'])}, found ${describeRef(r, q.holder)}`);
  }
  for (const phrase of phrasesOf(exp['nonQuantities'])) {
    const spans = occurrences(r.text, phrase);
    if (spans.length === 0) {
      c.check(false, `non-quantity ${show(phrase)}: FIXTURE ERROR, phrase not in the input`);
      continue;
    }
    // Not a quantity: no quantity may start inside it or lie within it.
    const bad = r.quantities.filter((q) => spans.some((s) => (q.span.start >= s.start && q.span.start < s.end) || (q.span.start >= s.start && q.span.end <= s.end)));
    c.check(bad.length === 0, `non-quantity ${show(phrase)}: read as a quantity: ${bad.map(describeQuantity).join('; ')}`);
  }
  c.done();
}

function checkClaims(r: ExtractionResult, exp: Obj): void {
  const c = new Checks('claims');
  for (const e of list(exp['claims'])) {
    if (!isObj(e)) continue;
    const contains = str(e['contains']) ?? '';
    const label = `claim ${show(contains)}`;
    const candidates = r.claims.filter((cl) => norm(cl.text).includes(norm(contains)));
    c.check(candidates.length > 0, `${label}: no claim's text contains it (claims: ${r.claims.map((cl) => describeClaim(r, cl)).join(' | ') || 'none'})`);
    if (candidates.length === 0) continue;
    const acts = alternatives(e['act']);
    // Prefer the candidate with the expected speech act, then the shortest text.
    const ranked = [...candidates].sort((a, b) => Number(acts.includes(b.speechAct)) - Number(acts.includes(a.speechAct)) || a.text.length - b.text.length);
    const cl = ranked[0];
    if (!cl) continue;
    const what = describeClaim(r, cl);
    if (acts.length > 0) c.check(acts.includes(cl.speechAct), `${label}: expected speech act ${show(e['act'])}, found ${what}`);
    if (e['speaker'] !== undefined && e['speaker'] !== null) c.check(refMatches(r, cl.claimant, e['speaker']), `${label}: expected claimant ${show(e['speaker'])}, found ${what}`);
    if (e['speaker'] === null) c.check(cl.claimant === undefined, `${label}: expected no claimant, found ${what}`);
    const point = (p: string | undefined): string | undefined => p?.trim().replace(/[,:;]$/, '');
    if (e['point'] !== undefined) c.check(point(cl.pointAsPrinted) === point(str(e['point'])), `${label}: expected point ${show(e['point'])}, found ${show(cl.pointAsPrinted)}`);
    if (e['quoted'] === true) c.check(cl.quotedIn !== undefined, `${label}: expected to be inside a quoted telegram (quotedIn), found none`);
    if (e['quoted'] === false) c.check(cl.quotedIn === undefined, `${label}: expected outside any quoted telegram, found quotedIn ${show(cl.quotedIn)}`);
    if (e['reportedBy'] !== undefined) c.check(refMatches(r, cl.reportedBy, e['reportedBy']), `${label}: expected reportedBy ${show(e['reportedBy'])}, found ${describeRef(r, cl.reportedBy)}`);
    if (e['verb'] !== undefined) c.check(norm(cl.verbAsPrinted).includes(norm(str(e['verb']) ?? '')), `${label}: expected verb ${show(e['verb'])}, found ${show(cl.verbAsPrinted)}`);
  }
  c.done();
}

function checkEvents(r: ExtractionResult, exp: Obj): void {
  const c = new Checks('events');
  const ev = isObj(exp['events']) ? exp['events'] : {};
  const meetings = r.events.filter((x): x is MeetingRecord => x.kind === 'meeting');
  const travels = r.events.filter((x): x is TravelRecord => x.kind === 'travel');
  for (const e of list(ev['meetings'])) {
    if (!isObj(e)) continue;
    const start = str(e['start']);
    const m = start === undefined ? meetings[0] : meetings.find((x) => x.startDate !== undefined && normDateTime(x.startDate.value).startsWith(normDateTime(start)));
    c.check(m !== undefined, `meeting ${show(start ?? '(any)')}: not found (meetings: ${show(meetings.map((x) => x.startDate?.value ?? 'no date'))})`);
    if (!m) continue;
    const label = `meeting ${start ?? ''}`;
    if (start !== undefined) checkStated(c, `${label} startDate`, m.startDate, { value: start, zoneStated: e['zoneStated'], offset: e['offset'] });
    if (e['duration'] !== undefined) c.check(m.duration?.value === e['duration'], `${label}: expected duration ${show(e['duration'])}, found ${show(m.duration?.value)}`);
    for (const who of list(e['attendees'])) {
      c.check(m.attendees.some((a) => refMatches(r, a, who)), `${label}: expected attendee ${show(who)}, found ${m.attendees.map((a) => describeRef(r, a)).join(', ') || 'none'}`);
    }
    if (e['location'] !== undefined) c.check(refMatches(r, m.location, e['location']), `${label}: expected location ${show(e['location'])}, found ${describeRef(r, m.location)}`);
  }
  if (Array.isArray(ev['meetings']) && ev['meetings'].length === 0) {
    c.check(meetings.length === 0, `meetings: expected none, found ${meetings.length}`);
  }
  for (const e of list(ev['travel'])) {
    if (!isObj(e)) continue;
    const to = e['to'];
    const t = travels.find((x) => to === undefined || refMatches(r, x.to, to)) ?? travels[0];
    const label = `travel to ${show(to)}`;
    c.check(t !== undefined, `${label}: no travel event found`);
    if (!t) continue;
    if (to !== undefined) c.check(refMatches(r, t.to, to), `${label}: expected to ${show(to)}, found ${describeRef(r, t.to)}`);
    if (e['from'] !== undefined) c.check(refMatches(r, t.from, e['from']), `${label}: expected from ${show(e['from'])}, found ${describeRef(r, t.from)}`);
    if (e['date'] !== undefined) checkStated(c, `${label} startTime`, t.startTime, { value: e['date'] });
    for (const who of list(e['agents'])) c.check(t.agents.some((a) => refMatches(r, a, who)), `${label}: expected agent ${show(who)}, found ${t.agents.map((a) => describeRef(r, a)).join(', ') || 'none'}`);
    for (const who of list(e['participants'])) c.check(t.participants.some((a) => refMatches(r, a, who)), `${label}: expected participant ${show(who)}, found ${t.participants.map((a) => describeRef(r, a)).join(', ') || 'none'}`);
    if (e['status'] !== undefined) c.check(t.status === e['status'], `${label}: expected status ${show(e['status'])}, found ${t.status}`);
    if (e['mode'] !== undefined) c.check(norm(t.mode ?? '').includes(norm(str(e['mode']) ?? '')), `${label}: expected mode ${show(e['mode'])}, found ${show(t.mode)}`);
  }
  c.done();
}

function checkQuoted(r: ExtractionResult, exp: Obj): void {
  const c = new Checks('quoted telegrams');
  const want = list(exp['quotedTelegrams']);
  if (typeof exp['quotedTelegramCount'] === 'number') {
    c.check(r.quotedTelegrams.length === exp['quotedTelegramCount'], `expected ${exp['quotedTelegramCount']} quoted telegrams, found ${r.quotedTelegrams.length}`);
  }
  want.forEach((e, i) => {
    if (!isObj(e)) return;
    const needles = phrasesOf(e['contains']);
    const q = r.quotedTelegrams.find((x) => needles.every((n) => norm(r.text.slice(x.span.start, x.span.end)).includes(norm(n)))) ?? r.quotedTelegrams[i];
    c.check(q !== undefined, `quoted telegram #${i + 1}: not found (found ${r.quotedTelegrams.length})`);
    if (!q) return;
    const body = norm(r.text.slice(q.span.start, q.span.end));
    for (const n of needles) c.check(body.includes(norm(n)), `quoted telegram #${i + 1}: its span should contain ${show(n)}, spans ${show(squash(r.text.slice(q.span.start, q.span.end)).slice(0, 80))}`);
    for (const n of phrasesOf(e['excludes'])) c.check(!body.includes(norm(n)), `quoted telegram #${i + 1}: its span should not contain ${show(n)}`);
    if (e['author'] !== undefined) c.check(refMatches(r, q.author, e['author']), `quoted telegram #${i + 1}: expected author ${show(e['author'])}, found ${describeRef(r, q.author)}`);
    if (e['recipient'] !== undefined) c.check(refMatches(r, q.recipient, e['recipient']), `quoted telegram #${i + 1}: expected recipient ${show(e['recipient'])}, found ${describeRef(r, q.recipient)}`);
    if (e['dateSent'] !== undefined) checkStated(c, `quoted telegram #${i + 1} dateSent`, q.dateSent, e['dateSent']);
  });
  c.done();
}

function checkReports(r: ExtractionResult, exp: Obj): void {
  const c = new Checks('report');
  for (const e of list(exp['reports'])) {
    if (!isObj(e)) continue;
    const code = str(e['code']) ?? '';
    const text = str(e['text']);
    const found = r.report.some((i) => i.code === code && (text === undefined || norm(i.text).includes(norm(text))));
    c.check(found, `report ${code}${text ? ` ${show(text)}` : ''}: not found (report: ${show(r.report.map((i) => `${i.code}:${squash(i.text).slice(0, 30)}`))})`);
  }
  if (typeof exp['minReportItems'] === 'number') {
    c.check(r.report.length >= exp['minReportItems'], `expected at least ${exp['minReportItems']} report items, found ${r.report.length}`);
  }
  for (const phrase of phrasesOf(exp['reportedText'])) {
    const spans = occurrences(r.text, phrase);
    c.check(spans.length > 0, `reportedText ${show(phrase)}: FIXTURE ERROR, phrase not in the input`);
    const ok = spans.some((s) => r.report.some((i) => spansOverlapping(i.span, s)));
    c.check(ok, `reportedText ${show(phrase)}: no report item covers it (it must be reported, not silently dropped)`);
  }
  c.done();
}

/** Every record's printed text is exactly the slice of its span; spans lie inside the text. */
function checkInvariants(r: ExtractionResult, text: string): void {
  const c = new Checks('invariants');
  const spanOk = (where: string, span: Span, printed?: string): void => {
    const inside = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length;
    c.check(inside, `${where}: span ${show(span)} outside the text (length ${text.length})`);
    if (inside && printed !== undefined) c.check(text.slice(span.start, span.end) === printed, `${where}: text ${show(printed)} !== text.slice(span) ${show(text.slice(span.start, span.end))}`);
  };
  const stated = (where: string, d: StatedDateTime | undefined): void => {
    if (d) spanOk(where, d.span, d.asPrinted);
  };
  const h = r.header;
  for (const [k, p] of [['title', h.title], ['classification', h.classification], ['issuingOffice', h.issuingOffice], ['receivedFrom', h.receivedFrom], ['priority', h.priority], ['signature', h.signature]] as const) {
    if (p) spanOk(`header.${k}`, p.span, p.asPrinted);
  }
  stated('header.dateSent', h.dateSent);
  stated('header.dateReceived', h.dateReceived);
  stated('header.closingDate', h.closingDate);
  if (h.addressee) spanOk('header.addressee', h.addressee.span, h.addressee.asPrinted);
  for (const i of h.identifiers) {
    spanOk(`identifier ${i.value}`, i.span);
    c.check(text.slice(i.span.start, i.span.end).includes(i.value), `identifier ${i.value}: its span ${show(text.slice(i.span.start, i.span.end))} does not contain the value`);
  }
  for (const x of h.copies) {
    spanOk(`copy ${x.numberAsPrinted}`, x.span);
    const slice = text.slice(x.span.start, x.span.end);
    c.check(slice.includes(x.numberAsPrinted) && slice.includes(x.recipientAsPrinted), `copy ${x.numberAsPrinted}: span ${show(slice)} does not contain its printed number and recipient`);
  }
  for (const x of h.references) {
    spanOk(`reference ${x.number}`, x.span);
    c.check(text.slice(x.span.start, x.span.end).includes(x.number), `reference ${x.number}: its span does not contain the number`);
  }
  for (const m of r.mentions) spanOk(`mention ${show(m.surface)}`, m.span, m.surface);
  for (const q of r.quantities) spanOk(`quantity ${show(q.text)}`, q.span, q.text);
  for (const cl of r.claims) {
    spanOk(`claim ${show(cl.text.slice(0, 40))}`, cl.span, cl.text);
    spanOk(`claim verb ${show(cl.verbAsPrinted)}`, cl.verbSpan, cl.verbAsPrinted);
  }
  for (const ev of r.events) {
    spanOk(`${ev.kind} event`, ev.span);
    if (ev.kind === 'meeting') {
      stated('meeting.startDate', ev.startDate);
      if (ev.duration) spanOk('meeting.duration', ev.duration.span, ev.duration.asPrinted);
    } else stated('travel.startTime', ev.startTime);
  }
  for (const q of r.quotedTelegrams) {
    spanOk('quoted telegram', q.span);
    stated('quoted telegram dateSent', q.dateSent);
  }
  for (const i of r.report) {
    spanOk(`report ${i.code}`, i.span, i.text);
    const before = text.slice(0, i.span.start);
    const line = before.split('\n').length;
    c.check(i.line === line, `report ${i.code} ${show(i.text.slice(0, 30))}: line ${i.line}, expected ${line}`);
  }
  // Every entity a record points to is described once.
  const described = new Set(r.entities.map((e) => `${e.type}/${e.slug}`));
  c.check(described.size === r.entities.length, 'entities: an entity is described more than once');
  const refs: EntityRef[] = [
    ...r.mentions.map((m) => m.entity),
    ...r.claims.flatMap((cl) => [cl.claimant, cl.reportedBy].filter((x): x is EntityRef => x !== undefined)),
    ...(r.sender ? [r.sender] : []),
    ...(r.recipient ? [r.recipient] : []),
  ];
  for (const ref of refs) c.check(described.has(`${ref.type}/${ref.slug}`), `entity ${ref.type}/${ref.slug} is referred to but not described in entities`);
  for (const e of r.entities) c.check(/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(e.slug), `entity slug ${show(e.slug)} is not ASCII kebab-case`);
  // Lists are sorted by span start.
  for (const [name, xs] of [['mentions', r.mentions], ['quantities', r.quantities], ['claims', r.claims], ['report', r.report]] as const) {
    const starts = xs.map((x) => x.span.start);
    c.check(starts.every((s, i) => i === 0 || (starts[i - 1] ?? 0) <= s), `${name}: not sorted by span start`);
  }
  c.done();
}

// ─────────────────────────────────────────────────────────────────────────────────────────────

const cases = loadCases();

describe('fixture telegrams', () => {
  let extractors: Extractors | undefined;
  let compileError: unknown;

  beforeAll(async () => {
    try {
      extractors = compileExtractors(await loadRawInputs(DATA));
    } catch (error) {
      compileError = error;
    }
  });

  it('has at least 10 cases, each with at least 15 lines', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const k of cases) expect(k.text.split('\n').filter((l) => l.trim() !== '').length, k.name).toBeGreaterThanOrEqual(15);
  });

  it('compiles the extractors from data/', () => {
    expect(compileError).toBeUndefined();
  });

  describe.each(cases)('$name', (k) => {
    let result: ExtractionResult | undefined;
    let runError: unknown;

    beforeAll(() => {
      if (!extractors) return;
      try {
        result = extractTelegram({ slug: k.name, file: `tests/fixtures/${k.name}/input.txt`, text: k.text }, extractors);
      } catch (error) {
        runError = error;
      }
    });

    /** The result, or a failure saying why there is none. */
    const got = (): ExtractionResult => {
      if (runError !== undefined) throw new Error(`extractTelegram threw: ${runError instanceof Error ? (runError.stack ?? runError.message) : String(runError)}`);
      if (!result) throw new Error(`no extractors: ${String(compileError)}`);
      return result;
    };

    it('extracts without throwing', () => {
      got();
    });
    it('invariants: spans and printed text agree', () => checkInvariants(got(), k.text));
    if (isObj(k.expected['header'])) {
      const h = k.expected['header'];
      it('header facts', () => checkHeader(got(), h));
    }
    if ('sender' in k.expected || 'recipient' in k.expected) it('sender and recipient', () => checkParties(got(), k.expected));
    if (k.expected['persons'] !== undefined) it('persons mentioned', () => checkPersons(got(), k.expected));
    if (k.expected['quantities'] !== undefined || k.expected['nonQuantities'] !== undefined) it('quantities and non-quantities', () => checkQuantities(got(), k.expected));
    if (k.expected['claims'] !== undefined) it('claims', () => checkClaims(got(), k.expected));
    if (k.expected['events'] !== undefined) it('events', () => checkEvents(got(), k.expected));
    if (k.expected['quotedTelegrams'] !== undefined || k.expected['quotedTelegramCount'] !== undefined) it('quoted telegrams', () => checkQuoted(got(), k.expected));
    if (k.expected['reports'] !== undefined || k.expected['minReportItems'] !== undefined || k.expected['reportedText'] !== undefined) it('report items', () => checkReports(got(), k.expected));
  });
});
