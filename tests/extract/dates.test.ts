import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError } from '../../src/errors.js';
import { combineDateAndTime, compileDateRules, findDates, findTimes, scanDates, withOffset } from '../../src/extract/dates.js';

const lexicon = { dates: parse(readFileSync('data/lexicon/dates.yaml', 'utf8')) as unknown };
const rules = compileDateRules({ lexicon, authorities: [] });
const ref = { year: 1950, month: 10 };

/** value(s) found in `text`, with the reference year 1950. */
function values(text: string): string[] {
  return findDates(text, 0, rules, ref).map((d) => d.value);
}

describe('findDates', () => {
  it.each([
    ['7 October 1950', '1950-10-07'],
    ['7 October, 1950.', '1950-10-07'],
    ['October 7, 1950', '1950-10-07'],
    ['OCTOBER 7 1950', '1950-10-07'],
    ['the 7th of October 1950', '1950-10-07'],
    ['on 6 October', '1950-10-06'],
    ['7.10.50', '1950-10-07'],
    ['07.10.1950', '1950-10-07'],
    ['20.IX.50', '1950-09-20'],
    ['Sept. 20, 1950', '1950-09-20'],
    ['Received from Beijing on 11: 55 on 7 October, 1950.', '1950-10-07T11:55:00'],
    ['Sent 10 October 1950 at 3:40', '1950-10-10T03:40:00'],
    ['On 6 October, at 22:30 of Beijing time I visited', '1950-10-06T22:30:00'],
    ['at 3:40 p.m. on 10 October 1950', '1950-10-10T15:40:00'],
  ])('%s → %s', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    ['they may depart by plane', []],
    ['they march 10 miles', []],
    ['31 September 1950', []],
    ['1. He is', []],
    ['the 1951 budget', []],
    ['5.5.5.5', []],
  ])('finds no date in %s', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('keeps spans into the document and the printed text', () => {
    const doc = 'xxReceived on 11: 55 on 7 October, 1950.';
    const [d] = findDates(doc.slice(2), 2, rules);
    expect(d).toMatchObject({ asPrinted: '11: 55 on 7 October, 1950', timeZoneStated: false, datatype: 'dateTime' });
    expect(doc.slice(d!.span.start, d!.span.end)).toBe(d!.asPrinted);
  });

  it('resolves year-less dates to the nearest year of the reference, or leaves them unresolved', () => {
    expect(findDates('30 December', 0, rules, { year: 1951, month: 1 })[0]?.value).toBe('1950-12-30');
    expect(findDates('2 January', 0, rules, { year: 1950, month: 12 })[0]?.value).toBe('1951-01-02');
    expect(findDates('6 October', 0, rules, { year: 1950 })[0]?.value).toBe('1950-10-06');
    const scan = scanDates('on 6 October', 0, rules);
    expect(scan.dates).toEqual([]);
    expect(scan.unresolved).toEqual([{ asPrinted: '6 October', span: { start: 3, end: 12 } }]);
  });
});

describe('findTimes', () => {
  it('finds clock times that are not part of a date', () => {
    expect(findTimes('at 22:30 and at 9.15 hours, not 1.5 divisions', 0, rules).map((t) => [t.hour, t.minute, t.asPrinted])).toEqual([
      [22, 30, '22:30'],
      [9, 15, '9.15 hours'],
    ]);
    expect(findTimes('11: 55 on 7 October, 1950', 0, rules)).toEqual([]);
  });

  it('joins a separately stated date and time', () => {
    const text = 'On 6 October. At 22:30';
    const [d] = findDates(text, 0, rules, ref);
    const [t] = findTimes(text, 0, rules);
    expect(combineDateAndTime(d!, t!, text)).toMatchObject({ value: '1950-10-06T22:30:00', asPrinted: '6 October. At 22:30' });
  });
});

describe('withOffset', () => {
  it('adds a stated offset to a date-time only', () => {
    const [dt] = findDates('On 6 October, at 22:30', 0, rules, ref);
    expect(withOffset(dt!, '+08:00', 'Beijing time')).toMatchObject({
      value: '1950-10-06T22:30:00+08:00',
      timeZoneStated: true,
      timeZoneAsPrinted: 'Beijing time',
    });
    const [d] = findDates('6 October', 0, rules, ref);
    expect(withOffset(d!, '+08:00')).toBe(d);
    expect(() => withOffset(dt!, 'Beijing')).toThrow(RangeError);
  });
});

describe('compileDateRules', () => {
  it('rejects malformed lexicons naming the entry', () => {
    expect(() => compileDateRules({ lexicon: { dates: { months: { 13: ['Smarch'] } } }, authorities: [] })).toThrow(ConfigError);
    expect(() => compileDateRules({ lexicon: { dates: { months: { 1: [3] } } }, authorities: [] })).toThrow(/months\.1/);
    expect(() => compileDateRules({ lexicon: { dates: { numericOrder: 'ymd' } }, authorities: [] })).toThrow(/numericOrder/);
  });

  it('works without a lexicon (numeric dates and times only)', () => {
    const bare = compileDateRules({ lexicon: {}, authorities: [] });
    expect(findDates('7.10.50 and 7 October 1950', 0, bare).map((d) => d.value)).toEqual(['1950-10-07']);
  });
});
