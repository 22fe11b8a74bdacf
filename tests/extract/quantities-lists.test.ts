// Tests src/extract/quantities.ts on equipment lists of unseen telegrams: "item – count" and
// "item: count" entries, one a line, padded to a column, or inline after a colon; the unit comes
// from the item; calibres and models inside an item are not counts; an unknown item is reported.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RawInputs } from '../../src/extract/inputs.js';
import { compileQuantityRules, extractQuantities, type QuantityResult } from '../../src/extract/quantities.js';
import type { QuantityRecord } from '../../src/extract/record.js';
import { compileHeaderRules } from '../../src/extract/header.js';
import { segmentText } from '../../src/text/segment.js';

function lexicon(name: string): unknown {
  return parse(readFileSync(`data/lexicon/${name}.yaml`, 'utf8')) as unknown;
}

const RAW: RawInputs = {
  lexicon: { numbers: lexicon('numbers'), units: lexicon('units'), 'quantity-phrases': lexicon('quantity-phrases'), dates: lexicon('dates'), header: lexicon('header') },
  authorities: [],
};
const rules = compileQuantityRules(RAW);
const segmenter = compileHeaderRules(RAW).segmenter;

/** Quantities of a body text (a first sentence keeps the list out of the header zone). */
function read(body: string): { text: string; result: QuantityResult } {
  const text = `I report the following to you about the supplies.\n\n${body}\n`;
  return { text, result: extractQuantities({ slug: 't', file: 't.txt', text, segments: segmentText(text, segmenter) }, rules, []) };
}

function find(result: QuantityResult, phrase: string): QuantityRecord | undefined {
  return result.quantities.find((q) => q.text.replace(/\s+/g, ' ') === phrase);
}

describe('equipment lists', () => {
  it('reads one entry a line, the unit from the item before the dash', () => {
    const { result } = read('The army asks for:\n\nrifles – 10,000\nT-34 tanks – 50\n122-mm howitzers – 24\nhand grenades – 3,000\n\nThat is all.');
    expect(find(result, 'rifles – 10,000')).toMatchObject({ reading: 'exact', value: '10000', countOf: 'rifle', unitText: 'rifles' });
    expect(find(result, 'T-34 tanks – 50')).toMatchObject({ value: '50', countOf: 'tank' });
    expect(find(result, '122-mm howitzers – 24')).toMatchObject({ value: '24', countOf: 'howitzer' });
    // no count is read from a calibre or a model, nor across the line into the next item
    expect(result.quantities.map((q) => q.value)).not.toContain('34');
    expect(result.quantities.map((q) => q.value)).not.toContain('122');
    expect(result.quantities.some((q) => /10,000\s+T-34/.test(q.text))).toBe(false);
  });

  it('reports an item no unit names, and keeps it as the unit text', () => {
    const { result } = read('The army asks for:\n\nhand grenades – 3,000\nrifles – 100\n\nThat is all.');
    expect(find(result, 'hand grenades – 3,000')).toMatchObject({ value: '3000', unitText: 'hand grenades' });
    expect(find(result, 'hand grenades – 3,000')?.countOf).toBeUndefined();
    expect(result.report.some((r) => r.code === 'unknown-unit' && r.text.includes('hand grenades'))).toBe(true);
  });

  it('reads a padded table, "name: count" lines and a count with its own unit', () => {
    const { result } = read('Shipped:\n\n   T-34 tanks              – 50\n   rounds of ammunition    – 12 million\n   rifles: 7,500\n   aviation fuel – 2,000 tons\n\nEnd.');
    expect(find(result, 'T-34 tanks – 50')).toMatchObject({ value: '50', countOf: 'tank' });
    expect(find(result, 'rounds of ammunition – 12 million')).toMatchObject({ value: '12000000' });
    expect(find(result, 'rifles: 7,500')).toMatchObject({ value: '7500', countOf: 'rifle' });
    expect(find(result, 'aviation fuel – 2,000 tons')).toMatchObject({ value: '2000', countOf: 'ton', unitText: 'tons' });
  });

  it('reads an inline list after a colon and commodities joined by "and"', () => {
    const { result } = read('The following will be sent by rail: rifles – 10,000, submachine guns – 4,000, T-34 tanks – 50. He will pay with deliveries of gold – 9 tons and silver – 40 tons.');
    expect(find(result, 'rifles – 10,000')).toMatchObject({ value: '10000', countOf: 'rifle' });
    expect(find(result, 'submachine guns – 4,000')).toMatchObject({ value: '4000' });
    expect(find(result, 'T-34 tanks – 50')).toMatchObject({ value: '50', countOf: 'tank' });
    expect(find(result, 'gold – 9 tons')).toMatchObject({ value: '9', countOf: 'ton' });
    expect(find(result, 'silver – 40 tons')).toMatchObject({ value: '40', countOf: 'ton' });
  });

  it('does not read ranges, dates or dashes in running text as list entries', () => {
    const { result } = read('The enemy has 10 – 12 divisions. On 5 July – 3 days later – the front moved. The losses – about 300 men – were heavy.');
    expect(find(result, '10 – 12 divisions')).toMatchObject({ reading: 'range', minValue: '10', maxValue: '12' });
    expect(result.quantities.some((q) => q.text.startsWith('On 5 July'))).toBe(false);
    expect(result.quantities.find((q) => q.text.includes('300'))?.reading).toBe('approximate');
  });

  it('counts a plural noun after modifiers ("1,200 Korean cadets", "two newly formed divisions")', () => {
    const { result } = read('There are 1,200 Korean cadets and two newly formed divisions in the city.');
    expect(find(result, '1,200 Korean cadets')).toMatchObject({ value: '1200', unitText: 'cadets' });
    expect(find(result, 'two newly formed divisions')).toMatchObject({ value: '2', countOf: 'division' });
  });
});
