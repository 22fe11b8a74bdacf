// **header** takes a segmented telegram, data/lexicon/header.yaml and the authorities, and returns the
// header facts (title, numbers, classification, office, dates, copies, received line, priority,
// addressee, references, signature, closing number and date), with the sender and recipient.

import { ConfigError } from '../errors.js';
import { offsetToLineColumn } from '../text/location.js';
import { compileSegmenter, type Segment, type Segmenter } from '../text/segment.js';
import type { Span } from '../text/span.js';
import { describeEntity, localEntity, lookupAuthority, refOf, type CompiledAuthorities } from './authorities.js';
import { compileDateRules, findDates, referenceOf, withOffset, type DateRules } from './dates.js';
import { compileEventRules, zoneOffset, type ZonePeriod } from './events.js';
import type { RawInputs, SourceDoc } from './inputs.js';
import { compileNameRules, stripHonorifics, type CompiledNameRules } from './mentions.js';
import type {
  CopyRecord,
  EntityDescription,
  EntityRef,
  HeaderRecord,
  IdentifierRecord,
  Printed,
  ReportItem,
  StatedDateTime,
  TelegramReferenceRecord,
} from './record.js';

const FILE = 'data/lexicon/header.yaml';

export interface CompiledHeaderRules {
  /** The segmenter compiled from `lineOpeners` and `abbreviations`, for segmentText(). */
  readonly segmenter: Segmenter;
  readonly dates: DateRules;
  readonly names: CompiledNameRules;
  /** Identifier lines ("CIPHERED TELEGRAM NO. 10234"), longest opener first; group 1 the number. */
  readonly identifiers: readonly { readonly propertyId: string; readonly re: RegExp }[];
  /** A bare number line at the end ("No. 2318"); group 1 the number. */
  readonly closingNumber: RegExp | null;
  readonly closingNumberId: string;
  readonly classifications: readonly { readonly value: string; readonly re: RegExp }[];
  readonly priorityRe: RegExp | null;
  readonly addresseeOpener: RegExp | null;
  /** The received opener and its "from" word; the place follows (placeRe, case-sensitive). */
  readonly receivedRe: RegExp | null;
  readonly placeRe: RegExp;
  /** A received opener after a sentence break inside another header line ("From Harbin. Received 7.10.50"). */
  readonly receivedInside: RegExp | null;
  /** A "from" word opening a line, before a place ("From Harbin."). */
  readonly fromRe: RegExp | null;
  /** Groups: 1 opener, 2 words between, 3 number. */
  readonly referenceRe: RegExp | null;
  readonly relationOf: ReadonlyMap<string, 'in-reply-to' | 'refers-to'>;
  readonly ownerOf: ReadonlyMap<string, 'sender' | 'recipient'>;
  /** Stated zones right after a date-time ("… at 23:50 Pyongyang time"), from data/lexicon/time-zones.yaml. */
  readonly zoneAfter: RegExp | null;
  readonly zonePeriods: ReadonlyMap<string, readonly ZonePeriod[]>;
  /** A header line opening with a title cue ("Extract from protocol", "From the diary of"): a title without markup. */
  readonly titleCue: RegExp | null;
  /** A title line ending in one of these words ("… DIARY OF") continues on the next header line. */
  readonly titleContinues: RegExp | null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown, entry: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ConfigError(`${FILE}: "${entry}" must be a list of strings`, 'lexicon-shape');
  return v.map((x, i) => {
    if (typeof x !== 'string' || x.trim() === '') throw new ConfigError(`${FILE}: "${entry}"[${i}] must be a non-empty string, found ${JSON.stringify(x)}`, 'lexicon-shape');
    return x.trim();
  });
}

function mapping(v: unknown, entry: string): Record<string, unknown> {
  if (v === undefined || v === null) return {};
  if (!isRecord(v)) throw new ConfigError(`${FILE}: "${entry}" must be a mapping`, 'lexicon-shape');
  return v;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Alternation of phrases, longest first; spaces match any run of spaces. */
function alt(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map((w) => escapeRe(w).replace(/ +/g, '\\s+')).join('|');
}

/** `(?![\p{L}])` after a phrase that ends in a letter; nothing after one ending in punctuation. */
function wordEnd(words: readonly string[]): string {
  return words.every((w) => /\p{L}$/u.test(w)) ? '(?![\\p{L}])' : '';
}

/** Compiles data/lexicon/header.yaml (and the date and name lexicons it relies on) once per build. */
export function compileHeaderRules(raw: RawInputs): CompiledHeaderRules {
  const lex = mapping(raw.lexicon['header'], '(file)');
  const openers = mapping(lex['lineOpeners'], 'lineOpeners');
  const line = (k: string): string[] => list(openers[k], `lineOpeners.${k}`);
  const segmenter = compileSegmenter({
    distribution: line('distribution'),
    received: line('received'),
    priority: line('priority'),
    addressee: line('addressee'),
    reference: line('reference'),
    headerFields: line('headerFields'),
    abbreviations: list(lex['abbreviations'], 'abbreviations'),
  });
  const signs = list(lex['numberSigns'], 'numberSigns');
  const sign = signs.length ? `(?:${alt(signs)})` : null;
  const idMap = mapping(lex['identifiers'], 'identifiers');
  const identifiers = sign
    ? Object.entries(idMap)
        .flatMap(([propertyId, words]) => list(words, `identifiers.${propertyId}`).map((w) => ({ propertyId, w })))
        .sort((a, b) => b.w.length - a.w.length)
        .map(({ propertyId, w }) => ({ propertyId, re: new RegExp(`^(?:\\*\\*|\\[)?(?:\\p{L}+:\\s*)?${alt([w])}\\s*${sign}\\s*(\\d[\\d/-]*)(?![\\p{L}\\d?*#])`, 'iu') }))
    : [];
  const closingNumberId = lex['outgoingNumber'] ?? 'outgoing-number';
  if (typeof closingNumberId !== 'string') throw new ConfigError(`${FILE}: "outgoingNumber" must be a string`, 'lexicon-shape');
  const classes = lex['classifications'] ?? [];
  if (!Array.isArray(classes)) throw new ConfigError(`${FILE}: "classifications" must be a list of lists`, 'lexicon-shape');
  const classifications = classes.map((c, i) => {
    const forms = list(c, `classifications[${i}]`);
    const first = forms[0];
    if (first === undefined) throw new ConfigError(`${FILE}: "classifications"[${i}] is empty`, 'lexicon-shape');
    return { value: first, re: new RegExp(`(?<![\\p{L}])(?:${alt(forms)})(?![\\p{L}])\\.?`, 'iu') };
  });
  const priority = line('priority');
  const addressee = line('addressee');
  const separators = list(lex['addresseeSeparators'], 'addresseeSeparators');
  const received = line('received');
  const from = list(lex['receivedFrom'], 'receivedFrom');
  const refs = mapping(lex['references'], 'references');
  const relationOf = new Map<string, 'in-reply-to' | 'refers-to'>();
  for (const [rel, words] of Object.entries(refs)) {
    if (rel !== 'in-reply-to' && rel !== 'refers-to') throw new ConfigError(`${FILE}: "references" keys must be in-reply-to or refers-to, found "${rel}"`, 'lexicon-shape');
    for (const w of list(words, `references.${rel}`)) relationOf.set(w.toLowerCase().replace(/\s+/g, ' '), rel);
  }
  const owners = mapping(lex['owners'], 'owners');
  const ownerOf = new Map<string, 'sender' | 'recipient'>();
  for (const [role, words] of Object.entries(owners)) {
    if (role !== 'sender' && role !== 'recipient') throw new ConfigError(`${FILE}: "owners" keys must be sender or recipient, found "${role}"`, 'lexicon-shape');
    for (const w of list(words, `owners.${role}`)) ownerOf.set(w.toLowerCase(), role);
  }
  // Zone phrases and their periods come from data/lexicon/time-zones.yaml, as the events extractor reads them.
  const zones = new Map([...compileEventRules(raw).zones].map(([k, v]) => [k.toLowerCase().replace(/\s+/g, ' '), v]));
  const titleCues = list(lex['titleCues'], 'titleCues');
  const titleJoin = list(lex['titleContinuesAfter'], 'titleContinuesAfter');
  const place = `((?:\\p{Lu}[\\p{L}'’-]*)(?:[ -]\\p{Lu}[\\p{L}'’-]*)*)`;
  const opener = relationOf.size ? `(?:(${alt([...relationOf.keys()])})${wordEnd([...relationOf.keys()])}\\s*:?\\s*)?` : '()';
  return {
    segmenter,
    dates: compileDateRules(raw),
    names: compileNameRules(raw),
    identifiers,
    // "No. 2318", "No. 1234/sh" (a registry suffix after a slash)
    closingNumber: sign ? new RegExp(`^${sign}\\s*(\\d[\\d/-]*(?:/\\p{L}{1,4})?)\\.?$`, 'iu') : null,
    closingNumberId,
    classifications,
    priorityRe: priority.length ? new RegExp(`^(?:\\*\\*)?(${alt(priority)})${wordEnd(priority)}`, 'iu') : null,
    addresseeOpener: addressee.length
      ? new RegExp(`^(?:${alt(addressee)})${wordEnd(addressee)}\\s*${separators.length ? `(?:${alt(separators)})?` : ''}\\s*`, 'iu')
      : null,
    receivedRe: received.length ? new RegExp(`^(?:${alt(received)})${wordEnd(received)}\\s*${from.length ? `(?:(?:${alt(from)})\\s+)?` : ''}`, 'iu') : null,
    placeRe: new RegExp(`^${place}`, 'u'),
    receivedInside: received.length ? new RegExp(`[.;]\\s+(?:${alt(received)})${wordEnd(received)}`, 'iu') : null,
    fromRe: from.length ? new RegExp(`^(?:${alt(from)})${wordEnd(from)}\\s*:?\\s*`, 'iu') : null,
    referenceRe: sign ? new RegExp(`${opener}((?:[\\p{L}'’]{1,40}\\s+){0,4}?)${sign}\\s*(\\d[\\d/-]*)`, 'giu') : null,
    relationOf,
    ownerOf,
    zoneAfter: zones.size ? new RegExp(`^[ \\t]*(?:\\p{Ll}+[ \\t]+)?(${alt([...zones.keys()])})(?![\\p{L}])`, 'iu') : null,
    zonePeriods: zones,
    titleCue: titleCues.length ? new RegExp(`^(?:${alt(titleCues)})${wordEnd(titleCues)}`, 'iu') : null,
    titleContinues: titleJoin.length ? new RegExp(`(?<![\\p{L}])(?:${alt(titleJoin)})$`, 'iu') : null,
  };
}

export interface HeaderResult {
  readonly header: HeaderRecord;
  readonly sender?: EntityRef;
  readonly recipient?: EntityRef;
  /** Entities the header refers to (authority or locally minted), described once. */
  readonly entities?: readonly EntityDescription[];
  readonly report: readonly ReportItem[];
}

function printed(text: string, start: number, end: number, value: string): Printed<string> {
  return { value, asPrinted: text.slice(start, end), span: { start, end } };
}

function isAllCapsLine(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}

/** The copy number as printed, without a separator dash set off by a space ("1 -" → "1", "8 .-" kept). */
function copyNumberAsPrinted(marker: string): string {
  return marker.replace(/\s+[-–—]+$/, '');
}

/** A name without initials before or after it ("A. VASILEVSKY", "STALIN I.V." → the surname). */
function withoutInitials(name: string): string {
  return name.replace(/^(?:\p{Lu}\p{Ll}?\.\s?){1,2}(?=\p{Lu})/u, '').replace(/\s+\p{Lu}\p{Ll}?\.(?:\s?\p{Lu}\p{Ll}?\.?)?$/u, '').trim() || name;
}

/** Reads the header facts of one telegram. Never throws on unusual text; reports 'no-header'. */
export function extractHeader(doc: SourceDoc, rules: CompiledHeaderRules, authorities: CompiledAuthorities): HeaderResult {
  const { text, segments } = doc;
  const entities = new Map<string, EntityDescription>();
  const report: ReportItem[] = [];
  /** Resolves a printed name to an entity: authority entry, else a local unresolved one. */
  const resolve = (name: string, mint: boolean, editorialName?: string): EntityRef | undefined => {
    const bare = stripHonorifics(name, rules.names).replace(/^[*_]+|[*_.,;:]+$/g, '').trim();
    if (bare === '') return undefined;
    const surname = withoutInitials(bare);
    const entry = lookupAuthority(bare, authorities) ?? lookupAuthority(surname, authorities) ?? (editorialName ? lookupAuthority(editorialName, authorities) : undefined);
    const e = entry ? describeEntity(entry) : mint ? localEntity(surname, rules.names.unknownType, authorities, editorialName) : undefined;
    if (!e) return undefined;
    entities.set(`${e.type}/${e.slug}`, e);
    return refOf(e);
  };
  const of = (kind: Segment['kind']): Segment[] => segments.filter((s) => s.kind === kind);
  /** Applies a zone stated right after a date-time; never invents one. */
  const zoned = (d: StatedDateTime | undefined): StatedDateTime | undefined => {
    if (!d || d.datatype !== 'dateTime' || !rules.zoneAfter) return d;
    const m = rules.zoneAfter.exec(text.slice(d.span.end, d.span.end + 80));
    const periods = m?.[1] !== undefined ? rules.zonePeriods.get(m[1].toLowerCase().replace(/\s+/g, ' ')) : undefined;
    const offset = periods ? zoneOffset(periods, d.value.slice(0, 10)) : undefined;
    return offset && m?.[1] ? withOffset(d, offset, m[1]) : d;
  };

  // Title: "**…**" or "# …", without the markup.
  let title: Printed<string> | undefined;
  const t = of('title')[0];
  if (t) {
    const m = /^(\*\*|#{1,3}\s+)(.*?)(\*\*)?$/.exec(t.text);
    const inner = m?.[2]?.trim() ?? t.text;
    const start = t.span.start + t.text.indexOf(inner);
    title = printed(text, start, start + inner.length, inner);
  }
  // Without markup: the first header line opening with a title cue ("FROM THE DIARY OF" / "T.F. SHTYKOV").
  const cued = title || !rules.titleCue ? -1 : of('header-line').findIndex((s) => rules.titleCue?.test(s.text));
  const cue = of('header-line')[cued];
  if (cue) {
    const next = of('header-line')[cued + 1];
    const joined = next && next.line === cue.line + 1 && rules.titleContinues?.test(cue.text);
    const end = joined ? next.span.end : cue.span.end;
    title = printed(text, cue.span.start, end, text.slice(cue.span.start, end).replace(/\s+/g, ' '));
  }

  const identifiers: IdentifierRecord[] = [];
  let classification: Printed<string> | undefined;
  let issuingOffice: (Printed<string> & { entity?: EntityRef }) | undefined;
  let dateSent: StatedDateTime | undefined;
  const headerLines = of('header-line');
  const receivedInLine: { s: Segment; at: number }[] = [];
  for (const s of headerLines) {
    const id = rules.identifiers.map((x) => ({ x, m: x.re.exec(s.text) })).find((r) => r.m);
    if (id?.m?.[1] !== undefined) {
      const num = id.m[1];
      const at = s.span.start + id.m[0].length - num.length;
      identifiers.push({ propertyId: id.x.propertyId, value: num, span: { start: at, end: at + num.length } });
      continue;
    }
    const cls = classification ? undefined : rules.classifications.map((c) => ({ c, m: c.re.exec(s.text) })).find((r) => r.m);
    if (cls?.m) {
      const start = s.span.start + cls.m.index;
      classification = printed(text, start, start + cls.m[0].length, cls.c.value);
      continue;
    }
    const inside = rules.receivedInside?.exec(s.text);
    if (inside) {
      // "From Harbin. Received 7.10.50 at 16.20.": the place before, the date after the opener.
      receivedInLine.push({ s, at: inside.index });
      // "From X. Sent 17.X.50 at 19:30 Pyongyang time. Received …": a date before the opener is the sending date.
      const before = findDates(s.text.slice(0, inside.index), s.span.start, rules.dates)[0];
      if (before && !dateSent) dateSent = zoned(before);
      continue;
    }
    // a date inside an editorial note ("[handwritten: To cde. X. 18.III.50]") is the note's, not the document's
    const dates = findDates(s.text.replace(/\[[^[\]]*\]/g, (n) => ' '.repeat(n.length)), s.span.start, rules.dates);
    if (dates[0] && !dateSent) {
      dateSent = zoned(dates[0]);
      continue;
    }
    if (!issuingOffice && !rules.titleCue?.test(s.text) && isAllCapsLine(s.text) && !/\d/.test(s.text) && s.text.split(/\s+/).length >= 3) {
      const entry = lookupAuthority(s.text, authorities);
      if (entry) entities.set(`${entry.type}/${entry.slug}`, describeEntity(entry));
      issuingOffice = { ...printed(text, s.span.start, s.span.end, entry ? entry.label : s.text), ...(entry ? { entity: refOf(entry) } : {}) };
    }
  }

  // Distribution list: printed numbers beside the normalised 1..n order.
  const copies: CopyRecord[] = of('copy').map((s, i) => {
    const marker = s.marker ?? '';
    const rest = s.text.slice(s.text.indexOf(marker) + marker.length).trim();
    const recipient = rest === '' ? undefined : resolve(rest, true);
    return {
      number: i + 1,
      numberAsPrinted: copyNumberAsPrinted(marker),
      ...(recipient ? { recipient } : {}),
      recipientAsPrinted: rest,
      span: s.span,
    };
  });

  // Received from a place, at a time (the zone is never invented).
  let receivedFrom: (Printed<string> & { entity?: EntityRef }) | undefined;
  let dateReceived: StatedDateTime | undefined;
  const ref = dateSent ? referenceOf(dateSent) : undefined;
  for (const s of of('received')) {
    const m = rules.receivedRe?.exec(s.text);
    const placeText = m && m[0].length > 0 ? rules.placeRe.exec(s.text.slice(m[0].length))?.[1] : undefined;
    if (placeText !== undefined && m && !receivedFrom) {
      const start = s.span.start + m[0].length;
      const entity = resolve(placeText, false);
      receivedFrom = { ...printed(text, start, start + placeText.length, placeText), ...(entity ? { entity } : {}) };
    }
    dateReceived ??= zoned(findDates(s.text, s.span.start, rules.dates, ref)[0]);
  }
  for (const { s, at } of receivedInLine) {
    const from = rules.fromRe?.exec(s.text);
    const placeText = from ? rules.placeRe.exec(s.text.slice(from[0].length))?.[1]?.replace(/\.$/, '') : undefined;
    if (from && placeText !== undefined && !receivedFrom) {
      const start = s.span.start + from[0].length;
      const entity = resolve(placeText, false);
      receivedFrom = { ...printed(text, start, start + placeText.length, placeText), ...(entity ? { entity } : {}) };
    }
    dateReceived ??= zoned(findDates(s.text.slice(at), s.span.start + at, rules.dates, ref)[0]);
  }
  // "From BEIJING" alone on a line above a "Received …" line that names no place.
  const firstReceived = of('received')[0];
  if (!receivedFrom && firstReceived) {
    for (const s of headerLines) {
      if (s.span.end > firstReceived.span.start) break;
      if (rules.titleCue?.test(s.text)) continue;
      const from = rules.fromRe?.exec(s.text);
      const placeText = from ? rules.placeRe.exec(s.text.slice(from[0].length))?.[1] : undefined;
      if (!from || placeText === undefined || s.text.slice(from[0].length + placeText.length).trim().replace(/^\.$/, '') !== '') continue;
      const start = s.span.start + from[0].length;
      const entity = resolve(placeText, false);
      receivedFrom = { ...printed(text, start, start + placeText.length, placeText), ...(entity ? { entity } : {}) };
    }
  }

  let priority: (Printed<string> & { gloss?: string }) | undefined;
  const p = of('priority')[0];
  const pm = p ? rules.priorityRe?.exec(p.text) : undefined;
  if (p && pm?.[1] !== undefined) {
    const gloss = /\[([^\]]*)\]/.exec(p.text)?.[1]?.replace(/^[*_\s]+|[*_\s]+$/g, '');
    priority = { ...printed(text, p.span.start, p.span.end, pm[1].toUpperCase().replace(/\s+/g, ' ')), ...(gloss ? { gloss } : {}) };
  }

  // Addressee: "To IVANOV [STALIN]": a name, an editorial bracket, and whether the name is a codename.
  let addressee: HeaderRecord['addressee'];
  // Several "To" lines (a routing "To: Moscow" and "TO COMRADE IVANOV"): prefer one naming a known entity, else the last.
  const addresseeLines = of('addressee');
  const a =
    addresseeLines.find((l) => {
      const rest = l.text.replace(rules.addresseeOpener ?? /^/, '').replace(/\[[^[\]]*\]/g, ' ');
      return lookupAuthority(stripHonorifics(rest, rules.names).replace(/[\s,.;:]+$/, ''), authorities) !== undefined;
    }) ?? addresseeLines[addresseeLines.length - 1];
  if (a) {
    const rest = a.text.replace(rules.addresseeOpener ?? /^/, '');
    const bracket = /\[([^\]]+)\]/.exec(rest);
    // "GROMYKO, Moscow": the name ends at the first comma.
    // a bracket cut off by a garbled line ("TO IVANOV [STA") is dropped, not read as a name
    const name = withoutInitials(stripHonorifics(rest.replace(/\[[^\]]*(?:\]|$)/g, ' '), rules.names).split(',')[0]?.replace(/[\s,.;:]+$/, '').trim() ?? '');
    const editorialName = bracket?.[1]?.replace(/^[*_\s]+|[*_\s?]+$/g, '');
    const byName = name ? lookupAuthority(name, authorities) : undefined;
    const byBracket = editorialName ? lookupAuthority(editorialName, authorities) : undefined;
    const isCodename =
      (byName !== undefined && byName.codenames.some((c) => c.toLowerCase() === name.toLowerCase())) ||
      (editorialName !== undefined && /^\p{Lu}/u.test(editorialName) && (byName === undefined || byName === byBracket) && editorialName.toLowerCase() !== name.toLowerCase());
    const bracketIsName = editorialName !== undefined && /^\p{Lu}/u.test(editorialName);
    const entity = name ? resolve(name, true, bracketIsName ? editorialName : undefined) : undefined;
    addressee = {
      asPrinted: a.text,
      span: a.span,
      name,
      ...(editorialName ? { editorialName } : {}),
      isCodename,
      ...(entity ? { entity } : {}),
    };
  }

  // References to other telegrams.
  const references: TelegramReferenceRecord[] = [];
  if (rules.referenceRe) {
    for (const s of [...of('reference'), ...headerLines.filter((h) => !identifiers.some((i) => i.span.start >= h.span.start && i.span.end <= h.span.end))]) {
      for (const m of s.text.matchAll(rules.referenceRe)) {
        const number = m[3];
        if (number === undefined) continue;
        const openerText = m[1]?.toLowerCase().replace(/\s+/g, ' ');
        const owner = (m[2] ?? '').split(/\s+/).map((w) => rules.ownerOf.get(w.toLowerCase())).find((o) => o !== undefined);
        if (!openerText && !owner) continue;
        const relation = (openerText && rules.relationOf.get(openerText)) || 'refers-to';
        const start = s.span.start + m.index;
        references.push({ relation, number, ...(owner ? { ownerRole: owner } : {}), span: { start, end: start + m[0].length } });
      }
    }
    references.sort((x, y) => x.span.start - y.span.start);
  }

  // Signature and closing lines.
  let signature: (Printed<string> & { entity?: EntityRef }) | undefined;
  const sig = of('signature')[0];
  if (sig) {
    const name = sig.text.replace(/\[[^[\]]*\]/g, ' ').replace(/\s+/g, ' ').trim() || sig.text;
    const bracket = /\[\**([^\]]*?)\**\]/.exec(sig.text)?.[1]?.trim();
    const entity = resolve(name, true, bracket && /^\p{Lu}/u.test(bracket) ? bracket : undefined);
    signature = { ...printed(text, sig.span.start, sig.span.end, name), ...(entity ? { entity } : {}) };
  }
  let closingDate: StatedDateTime | undefined;
  for (const s of of('closing')) {
    const n = rules.closingNumber?.exec(s.text);
    if (n?.[1] !== undefined) {
      const at = s.span.start + n[0].indexOf(n[1]);
      identifiers.push({ propertyId: rules.closingNumberId, value: n[1], span: { start: at, end: at + n[1].length } });
      continue;
    }
    closingDate ??= findDates(s.text, s.span.start, rules.dates, ref)[0];
  }
  dateSent ??= closingDate;

  const header: HeaderRecord = {
    kind: 'header',
    ...(title ? { title } : {}),
    identifiers,
    ...(classification ? { classification } : {}),
    ...(issuingOffice ? { issuingOffice } : {}),
    ...(dateSent ? { dateSent } : {}),
    copies,
    ...(receivedFrom ? { receivedFrom } : {}),
    ...(dateReceived ? { dateReceived } : {}),
    ...(priority ? { priority } : {}),
    ...(addressee ? { addressee } : {}),
    references,
    ...(signature ? { signature } : {}),
    ...(closingDate ? { closingDate } : {}),
  };
  const found = title ?? classification ?? issuingOffice ?? receivedFrom ?? priority ?? addressee ?? identifiers[0] ?? copies[0] ?? references[0];
  if (!found) {
    const first = segments[0];
    const span: Span = first ? first.span : { start: 0, end: 0 };
    const at = offsetToLineColumn(text, span.start);
    report.push({
      code: 'no-header',
      message: 'no header was recognised (no title, number, classification, addressee, priority, copies or received line)',
      span,
      line: at.line,
      column: at.column,
      text: text.slice(span.start, span.end),
    });
  }
  const sender = signature?.entity;
  const recipient = addressee?.entity;
  return {
    header,
    ...(sender ? { sender } : {}),
    ...(recipient ? { recipient } : {}),
    entities: [...entities.values()],
    report,
  };
}
