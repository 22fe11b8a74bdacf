// Tests src/extract/number-words.ts against data/lexicon/numbers.yaml: words, digits, scales,
// numbers broken across lines, where numbers end, and lexicon validation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compareDecimals, compileNumberLexicon, findNumbers, multiplyDecimals, parseNumber } from '../../src/extract/number-words.js';

const lex = compileNumberLexicon(parse(readFileSync('data/lexicon/numbers.yaml', 'utf8')) as unknown);

/** The numbers of `text` as [printed, value] pairs. */
function numbers(text: string): [string, string][] {
  return findNumbers(text, lex).map((n) => [n.text, n.value]);
}

describe('parseNumber', () => {
  it.each([
    ['five', '5'],
    ['Five', '5'],
    ['NINE', '9'],
    ['twelve', '12'],
    ['twenty-one', '21'],
    ['twenty one', '21'],
    ['ninety-nine', '99'],
    ['one hundred', '100'],
    ['a hundred', '100'],
    ['two hundred and fifty', '250'],
    ['fifteen hundred', '1500'],
    ['one thousand and five', '1005'],
    ['two hundred thousand', '200000'],
    ['two hundred million', '200000000'],
    ['two billion two hundred million', '2200000000'],
    ['two\n\nbillion two hundred million', '2200000000'],
    ['three million five hundred twenty-one thousand four hundred', '3521400'],
    ['1,500', '1500'],
    ['10 000', '10000'],
    ['260\u00a0000', '260000'],
    ['1000', '1000'],
    ['25348', '25348'],
    ['1.5', '1.5'],
    ['1.5 million', '1500000'],
    ['120 thousand', '120000'],
    ['2,000,000', '2000000'],
    ['0.25 billion', '250000000'],
    ['half', '0.5'],
    ['half a million', '500000'],
    ['one and a half', '1.5'],
    ['one and a half million', '1500000'],
    ['a dozen', '12'],
    ['two dozen', '24'],
    ['a thousand', '1000'],
    ['zero', '0'],
  ])('%j → %s', (printed, value) => {
    expect(parseNumber(printed, lex)).toBe(value);
  });

  it.each(['five-six', 'hundred', 'a', 'thousands', 'tens', 'five six', 'million billion', 'seventh', ''])('%j is not one number', (printed) => {
    expect(parseNumber(printed, lex)).toBeUndefined();
  });
});

describe('findNumbers', () => {
  it('splits ranges and ratios into their numbers', () => {
    expect(numbers('not five-six divisions')).toEqual([['five', '5'], ['six', '6']]);
    expect(numbers('10-12 divisions')).toEqual([['10', '10'], ['12', '12']]);
    expect(numbers('four-to-one superiority')).toEqual([['four', '4'], ['one', '1']]);
    expect(numbers('twenty-thirty men')).toEqual([['twenty', '20'], ['thirty', '30']]);
  });

  it('keeps a number broken across a paragraph break as one, with its span covering the break', () => {
    const text = 'The entire 1951 budget is two\n\nbillion two hundred million American dollars';
    const found = findNumbers(text, lex);
    expect(found.map((n) => n.value)).toEqual(['1951', '2200000000']);
    const n = found[1];
    expect(n?.text).toBe('two\n\nbillion two hundred million');
    expect(n && text.slice(n.start, n.end)).toBe(n?.text);
    expect(n?.lineBreak).toBe(true);
    expect(n?.scaled).toBe(true);
  });

  it('does not join across a new capitalised sentence or two blank lines', () => {
    expect(numbers('they have five.\n\nHundred')).toEqual([['five', '5']]);
    expect(numbers('five\n\n\n\n\nthousand')).toEqual([['five', '5']]);
  });

  it('ignores digits inside designations, ordinals, dates and clock times', () => {
    expect(numbers('T-34 tanks, MIG-15, Yak-9, IL-28, the 38th parallel')).toEqual([]);
    expect(numbers('7.10.50')).toEqual([]);
    expect(numbers('at 22:30')).toEqual([]);
    expect(numbers('ratio 3:1')).toEqual([]);
  });

  it('reads digits next to punctuation and units', () => {
    expect(numbers('76-mm guns, 50%, $30, (3), 1951.')).toEqual([['76', '76'], ['50', '50'], ['30', '30'], ['3', '3'], ['1951', '1951']]);
  });

  it('marks plain digit runs, words, first tokens and fractions', () => {
    const [a, b, c, d] = findNumbers('25348 and 1,500 and one US corps and half of them', lex);
    expect(a?.plainDigits).toBe(true);
    expect(b?.plainDigits).toBe(false);
    expect(c?.first).toBe('one');
    expect(c?.hasWords).toBe(true);
    expect(d?.fraction).toBe(true);
  });

  it('does not take words that contain number words', () => {
    expect(numbers('someone, anyone, often, tone, weighty, tendency, Newton')).toEqual([]);
  });

  it('honours from/to bounds', () => {
    const text = 'five divisions and six tanks';
    expect(findNumbers(text, lex, 5).map((n) => n.text)).toEqual(['six']);
    expect(findNumbers(text, lex, 0, 14).map((n) => n.text)).toEqual(['five']);
  });
});

describe('decimal helpers', () => {
  it('compares and multiplies exactly', () => {
    expect(compareDecimals('5', '6')).toBe(-1);
    expect(compareDecimals('1500', '1500.0')).toBe(0);
    expect(compareDecimals('2200000000', '200000000')).toBe(1);
    expect(multiplyDecimals('1.5', '1000000')).toBe('1500000');
    expect(multiplyDecimals('0.1', '0.2')).toBe('0.02');
  });
});

describe('compileNumberLexicon', () => {
  it('finds digits without a lexicon', () => {
    const bare = compileNumberLexicon(undefined);
    expect(findNumbers('five or 5', bare).map((n) => n.text)).toEqual(['5']);
  });

  it.each([
    [{ ones: { one: 'x' } }, /ones\.one/],
    [{ tens: { twenty: 200 } }, /tens\.twenty/],
    [{ scales: [{ value: 1500, forms: ['odd'] }] }, /scales/],
    [{ ones: { one: 1 }, teens: { one: 10 } }, /"one" is listed twice/],
    [{ yearRange: [1800] }, /yearRange/],
    [[], /expected a mapping/],
  ])('rejects %j', (raw, message) => {
    expect(() => compileNumberLexicon(raw)).toThrow(message);
  });
});
