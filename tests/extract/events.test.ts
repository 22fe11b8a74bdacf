// Tests for src/extract/events.ts: meetings (date with stated zone, attendees, duration, location)
// and journeys (agents, companions, from/to, date, mode, status), and what is reported as ambiguous.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError } from '../../src/errors.js';
import { compileEventRules, extractEvents, readDuration, zoneOffset, type EventResult } from '../../src/extract/events.js';
import type { RawInputs } from '../../src/extract/inputs.js';
import type {
  EntityRef,
  HeaderRecord,
  MeetingRecord,
  MentionRecord,
  QuantityRecord,
  QuotedTelegramRecord,
  TravelRecord,
} from '../../src/extract/record.js';

const FIRST = readFileSync('data/telegrams/1950-10-07-roshchin-to-filippov.txt', 'utf8');
const yaml = (name: string): unknown => parse(readFileSync(`data/lexicon/${name}.yaml`, 'utf8')) as unknown;
const raw: RawInputs = {
  lexicon: { events: yaml('events'), 'time-zones': yaml('time-zones'), 'reporting-verbs': yaml('reporting-verbs'), dates: yaml('dates') },
  authorities: [],
};
const rules = compileEventRules(raw);

const person = (slug: string): EntityRef => ({ type: 'Person', slug });
const place = (slug: string): EntityRef => ({ type: 'Place', slug });
const SENDER = person('sender');
const NAMES: [string, EntityRef][] = [
  ['MAO ZEDONG', person('mao')],
  ['ZHOU ENLAI', person('zhou')],
  ['Zhou', person('zhou')],
  ['LIN BIAO', person('lin')],
  ['SHI ZHE', person('shi')],
  ['FEDORENKO', person('fedorenko')],
  ['U SU XIAN', person('u-su-xian')],
  ['KIM IL SUNG', person('kim')],
  ['PAK HON YONG', person('pak')],
  ['Vasiliev', person('vasiliev')],
  ['Korean friends', { type: 'Group', slug: 'korean-friends' }],
  ['Beijing', place('beijing')],
  ['Irkutsk', place('irkutsk')],
  ['Moscow', place('moscow')],
  ['Pyongyang', place('pyongyang')],
  ['Korea', place('korea')],
];

function mentionsIn(text: string): MentionRecord[] {
  const out: MentionRecord[] = [];
  for (const [surface, entity] of NAMES) {
    for (const m of text.matchAll(new RegExp(`(?<![\\w])${surface.replace(/ /g, '\\s+')}(?![\\w])`, 'g'))) {
      if (out.some((o) => o.span.start < m.index + m[0].length && m.index < o.span.end)) continue;
      out.push({ kind: 'mention', entity, surface: m[0], span: { start: m.index, end: m.index + m[0].length }, via: 'authority' });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** A header whose only fact is the date sent (an empty span: the whole text stays the body). */
function headerDated(value: string): HeaderRecord {
  return {
    kind: 'header',
    identifiers: [],
    copies: [],
    references: [],
    dateSent: { value, datatype: 'date', timeZoneStated: false, asPrinted: value, span: { start: 0, end: 0 } },
  };
}

function run(text: string, header = headerDated('1950-10-07'), opts: { quantities?: QuantityRecord[]; quoted?: QuotedTelegramRecord[] } = {}): EventResult {
  const result = extractEvents({ slug: 't', file: 't.txt', text, segments: [] }, rules, mentionsIn(text), opts.quantities ?? [], header, SENDER, opts.quoted ?? []);
  for (const e of result.events) {
    expect(e.span.start).toBeLessThan(e.span.end);
    const d = e.kind === 'meeting' ? e.startDate : e.startTime;
    if (d) expect(text.slice(d.span.start, d.span.end)).toBe(d.asPrinted);
    if (e.kind === 'meeting' && e.duration) expect(text.slice(e.duration.span.start, e.duration.span.end)).toBe(e.duration.asPrinted);
  }
  return result;
}

const meetings = (r: EventResult): MeetingRecord[] => r.events.filter((e): e is MeetingRecord => e.kind === 'meeting');
const travels = (r: EventResult): TravelRecord[] => r.events.filter((e): e is TravelRecord => e.kind === 'travel');

describe('extractEvents on the first telegram', () => {
  const r = run(FIRST);

  it('finds one meeting at 22:30 Beijing time on 6 October 1950, lasting 1 hour 45 minutes, with no location', () => {
    const [m, ...rest] = meetings(r);
    expect(rest).toEqual([]);
    expect(m?.startDate).toMatchObject({ value: '1950-10-06T22:30:00+08:00', datatype: 'dateTime', timeZoneStated: true, timeZoneAsPrinted: 'Beijing time' });
    expect(m?.duration).toMatchObject({ value: 'PT1H45M', asPrinted: '1 hour and 45 minutes' });
    expect(m?.location).toBeUndefined();
    expect(FIRST.slice(m?.span.start, m?.span.end)).toBe('On 6 October, at 22:30 of Beijing time I visited MAO ZEDONG and passed to him your reply.');
  });

  it('lists the sender, the person visited and those present as attendees', () => {
    expect(meetings(r)[0]?.attendees.map((a) => a.slug)).toEqual(['sender', 'mao', 'zhou', 'u-su-xian', 'fedorenko']);
  });

  it('finds the planned flight of ZHOU ENLAI and LIN BIAO from Beijing to Irkutsk on 8 October, accompanied', () => {
    const [t, ...rest] = travels(r);
    expect(rest).toEqual([]);
    expect(t).toMatchObject({
      agents: [person('zhou'), person('lin')],
      participants: [person('shi'), person('fedorenko')],
      from: place('beijing'),
      to: place('irkutsk'),
      startTime: { value: '1950-10-08', datatype: 'date', timeZoneStated: false, asPrinted: '8 October' },
      mode: 'plane',
      status: 'potential',
    });
    expect(FIRST.slice(t?.span.start, t?.span.end)).toBe(
      'ZHOU ENLAI and LIN BIAO may depart by plane on 8 October. They could be flown from Beijing until Irkutsk.',
    );
  });

  it('reports nothing and reads no meeting into "the materials received from the Korean friends"', () => {
    expect(r.report).toEqual([]);
    expect(r.events).toHaveLength(2);
  });

  it('takes the duration from a quantity record when the quantities extractor read it', () => {
    const at = FIRST.indexOf('1 hour and 45 minutes');
    const q: QuantityRecord = {
      kind: 'quantity', reading: 'duration', text: '1 hour and 45 minutes', span: { start: at, end: at + 21 }, duration: 'PT1H45M',
      approximate: false, polarity: 'asserted', notes: [],
    };
    expect(meetings(run(FIRST, headerDated('1950-10-07'), { quantities: [q] }))[0]?.duration?.span).toEqual(q.span);
  });
});

describe('extractEvents: meetings', () => {
  it.each([
    ['I met with KIM IL SUNG on 12 September at 17:00 Moscow time.', '1950-09-12T17:00:00+03:00', true, 'Moscow time'],
    ['On 19 September at 22:00 Pyongyang time I met KIM IL SUNG.', '1950-09-19T22:00:00+09:00', true, 'Pyongyang time'],
    ['On 5 August at 10:00 Tokyo time I visited KIM IL SUNG.', '1950-08-05T10:00:00+10:00', true, 'Tokyo time'],
    ['On 5 October at 10:00 Tokyo time I visited KIM IL SUNG.', '1950-10-05T10:00:00+09:00', true, 'Tokyo time'],
    ['On 5 October at 10:00 I visited KIM IL SUNG.', '1950-10-05T10:00:00', false, undefined],
    ['On 5 October at 10:00 local time I visited KIM IL SUNG.', '1950-10-05T10:00:00', false, undefined],
    ['On 5 October I visited KIM IL SUNG.', '1950-10-05', false, undefined],
  ])('%s', (text, value, stated, zone) => {
    const [m] = meetings(run(text));
    expect(m?.startDate?.value).toBe(value);
    expect(m?.startDate?.timeZoneStated).toBe(stated);
    expect(m?.startDate?.timeZoneAsPrinted).toBe(zone);
    expect(m?.attendees).toEqual([SENDER, person('kim')]);
  });

  it('reports a zone with no known offset on that date and keeps the time without offset', () => {
    const r = run('On 5 October at 10:00 Moscow time I visited KIM IL SUNG.', headerDated('1985-10-07'));
    expect(meetings(r)[0]?.startDate).toMatchObject({ value: '1985-10-05T10:00:00', timeZoneStated: false });
    expect(r.report).toMatchObject([{ code: 'ambiguous', text: 'Moscow time' }]);
  });

  it('reads "Today at 11:00" against the date the telegram was sent, and "invited me"', () => {
    const [m] = meetings(run('Today at 11:00 KIM IL SUNG and PAK HON YONG received me.'));
    expect(m).toMatchObject({ startDate: { value: '1950-10-07T11:00:00', asPrinted: 'Today at 11:00' }, attendees: [person('kim'), person('pak'), SENDER] });
    expect(meetings(run('On 2 November at 23:00 Beijing time ZHOU ENLAI invited me to his residence.'))[0]?.startDate?.value).toBe('1950-11-02T23:00:00+08:00');
  });

  it('reads attendees named with a parenthetical: "ZHOU ENLAI (周恩来) and PAK HON YONG"', () => {
    expect(meetings(run('I was received by MAO ZEDONG (毛泽东) in the presence of ZHOU ENLAI (周恩来) and PAK HON YONG (朴宪永).'))[0]?.attendees).toEqual([
      SENDER,
      person('mao'),
      person('zhou'),
      person('pak'),
    ]);
  });

  it('records a location only where the text states it', () => {
    const stated = run('I met with KIM IL SUNG on 12 September. The meeting took place in Pyongyang. Present were PAK HON YONG and our adviser cde. Vasiliev.');
    expect(meetings(stated)).toMatchObject([{ location: place('pyongyang'), attendees: [SENDER, person('kim'), person('pak'), person('vasiliev')] }]);
    expect(meetings(run('I visited KIM IL SUNG in Pyongyang.'))[0]?.location).toEqual(place('pyongyang'));
    expect(meetings(run('I visited KIM IL SUNG. Pyongyang is calm.'))[0]?.location).toBeUndefined();
  });

  it('reads "MAO ZEDONG received me" and ignores "received" without a subject or an object', () => {
    expect(meetings(run('MAO ZEDONG received me on 3 October.'))[0]?.attendees).toEqual([person('mao'), SENDER]);
    expect(run('The materials received from the Korean friends are old. The telegram was received.').events).toEqual([]);
    expect(run('ZHOU ENLAI visited Moscow.').events.filter((e) => e.kind === 'meeting')).toEqual([]);
  });

  it('creates a meeting from presence and duration alone, and reports a duration it cannot read', () => {
    expect(meetings(run('Present at the conversation were: KIM IL SUNG and PAK HON YONG. The conversation lasted for two hours.'))).toMatchObject([
      { attendees: [person('kim'), person('pak')], duration: { value: 'PT2H', asPrinted: 'two hours' } },
    ]);
    const r = run('I visited KIM IL SUNG. The conversation lasted long.');
    expect(meetings(r)[0]?.duration).toBeUndefined();
    expect(r.report).toMatchObject([{ code: 'ambiguous' }]);
  });

  it('resolves "I" to the author of a quoted telegram inside it', () => {
    const text = 'MAO ZEDONG telegraphed: «On 6 October I met KIM IL SUNG.» I visited PAK HON YONG.';
    const start = text.indexOf('On 6');
    const quoted: QuotedTelegramRecord = { kind: 'quoted-telegram', span: { start, end: text.indexOf('.»') + 1 }, author: person('mao') };
    expect(meetings(run(text, headerDated('1950-10-07'), { quoted: [quoted] })).map((m) => m.attendees)).toEqual([
      [person('mao'), person('kim')],
      [SENDER, person('pak')],
    ]);
  });
});

describe('extractEvents: journeys', () => {
  it.each([
    ['Zhou will fly to Moscow on the 10th.', { agents: [person('zhou')], to: place('moscow'), startTime: { value: '1950-10-10', asPrinted: 'the 10th' }, status: 'potential' }],
    ['ZHOU ENLAI arrived in Beijing.', { agents: [person('zhou')], to: place('beijing'), status: 'completed' }],
    ['ZHOU ENLAI flew from Beijing to Moscow by train on 9 October.', { from: place('beijing'), to: place('moscow'), mode: 'train', status: 'completed' }],
    ['I will depart for Pyongyang on 12 October at 08:00 Moscow time.', { agents: [SENDER], to: place('pyongyang'), startTime: { value: '1950-10-12T08:00:00+03:00' }, status: 'potential' }],
  ])('%s', (text, expected) => {
    const ts = travels(run(text));
    expect(ts).toHaveLength(1);
    expect(ts[0]).toMatchObject(expected);
  });

  it('merges "They could be flown…" into the journey just mentioned, and attaches companions to it', () => {
    const [t, ...rest] = travels(run('KIM IL SUNG and PAK HON YONG may depart on 2 October. They could be flown to Moscow. He asked that KIM IL SUNG be accompanied by Vasiliev.'));
    expect(rest).toEqual([]);
    expect(t).toMatchObject({ agents: [person('kim'), person('pak')], participants: [person('vasiliev')], to: place('moscow'), status: 'potential' });
  });

  it('reads "You" as the addressee and companions in the same sentence', () => {
    const header: HeaderRecord = {
      ...headerDated('1950-10-08'),
      addressee: { asPrinted: 'TO ZHOU ENLAI', span: { start: 0, end: 0 }, name: 'ZHOU ENLAI', isCodename: false, entity: person('zhou') },
    };
    expect(travels(run('You will fly from Irkutsk to Moscow on 9 October accompanied by SHI ZHE.', header))).toMatchObject([
      { agents: [person('zhou')], participants: [person('shi')], from: place('irkutsk'), to: place('moscow'), startTime: { value: '1950-10-09' } },
    ]);
  });

  it('reports a journey whose traveller cannot be identified', () => {
    const r = run('The plane departed from Beijing.');
    expect(travels(r)).toEqual([]);
    expect(r.report).toMatchObject([{ code: 'ambiguous' }]);
  });
});

describe('readDuration and zoneOffset', () => {
  it.each([
    [' 1 hour and 45 minutes.', 'PT1H45M', '1 hour and 45 minutes'],
    ['two hours', 'PT2H', 'two hours'],
    ['an hour and a half', 'PT1H30M', 'an hour and a half'],
    ['90 minutes', 'PT1H30M', '90 minutes'],
    ['3 hours, 10 minutes', 'PT3H10M', '3 hours, 10 minutes'],
  ])('%j → %s', (s, value, printed) => {
    const d = readDuration(s, rules);
    expect(d?.value).toBe(value);
    expect(s.slice(d?.start, d?.end)).toBe(printed);
  });

  it('reads no duration from words that are not one', () => {
    expect(readDuration('long', rules)).toBeNull();
  });

  it('picks the period that holds the date (Pyongyang in 1950 and 2016)', () => {
    const periods = rules.zones.get('pyongyang time') ?? [];
    expect(zoneOffset(periods, '1950-10-06')).toBe('+09:00');
    expect(zoneOffset(periods, '2016-01-01')).toBe('+08:30');
    expect(zoneOffset(rules.zones.get('moscow time') ?? [], '1920-01-01')).toBeUndefined();
    expect(zoneOffset(rules.zones.get('local time') ?? [], '1950-01-01')).toBeNull();
  });
});

describe('compileEventRules', () => {
  const zones = (z: unknown): RawInputs => ({ lexicon: { 'time-zones': { zones: z } }, authorities: [] });

  it.each([
    [{ 'Beijing time': [{ offset: '+8' }] }, /"zones\.Beijing time\[0\]\.offset" must be an offset/],
    [{ 'Beijing time': [{ offset: '+08:00', from: '1949' }] }, /must be a date YYYY-MM-DD/],
    [{ 'Beijing time': '+08:00' }, /must be a non-empty list/],
  ])('rejects a malformed time-zones.yaml (%#)', (z, message) => {
    expect(() => compileEventRules(zones(z))).toThrow(ConfigError);
    expect(() => compileEventRules(zones(z))).toThrow(message);
  });

  it('rejects a duration unit that is not H or M', () => {
    expect(() => compileEventRules({ lexicon: { events: { durationUnits: { D: ['day'] } } }, authorities: [] })).toThrow(/keys must be H or M/);
  });

  it('compiles missing lexicons to rules that find nothing', () => {
    const empty = compileEventRules({ lexicon: {}, authorities: [] });
    expect(extractEvents({ slug: 't', file: 't', text: FIRST, segments: [] }, empty, mentionsIn(FIRST), [], headerDated('1950-10-07'), SENDER).events).toEqual([]);
  });
});
