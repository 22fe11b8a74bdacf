// Tests src/extract/quantities.ts with the project's lexicons: every reading the first telegram
// requires, phrases of unseen telegrams (one line each), what is not a quantity, holders from
// hand-built mentions, report items, and lexicon validation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RawInputs } from '../../src/extract/inputs.js';
import { compileQuantityRules, extractQuantities, type QuantityResult } from '../../src/extract/quantities.js';
import type { EntityType, MentionRecord, QuantityRecord } from '../../src/extract/record.js';
import { segmentText, type Segment } from '../../src/text/segment.js';

function lexicon(name: string): unknown {
  return parse(readFileSync(`data/lexicon/${name}.yaml`, 'utf8')) as unknown;
}

const RAW: RawInputs = {
  lexicon: { numbers: lexicon('numbers'), units: lexicon('units'), 'quantity-phrases': lexicon('quantity-phrases'), dates: lexicon('dates') },
  authorities: [],
};
const rules = compileQuantityRules(RAW);
const FIRST = readFileSync('data/telegrams/1950-10-07-roshchin-to-filippov.txt', 'utf8');

/** A hand-built mention of the `nth` occurrence of `surface` in `text`. */
function mention(text: string, surface: string, type: EntityType, slug: string, nth = 1): MentionRecord {
  let at = -1;
  for (let i = 0; i < nth; i++) at = text.indexOf(surface, at + 1);
  if (at < 0) throw new Error(`test setup: "${surface}" #${nth} not in the text`);
  return { kind: 'mention', entity: { type, slug }, surface, span: { start: at, end: at + surface.length }, via: 'authority' };
}

/** Every occurrence of each surface as a mention of the same entity. */
function mentionsOf(text: string, surfaces: readonly [string, EntityType, string][]): MentionRecord[] {
  return surfaces.flatMap(([surface, type, slug]) => {
    const out: MentionRecord[] = [];
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      const before = text[at - 1] ?? ' ';
      const after = text[at + surface.length] ?? ' ';
      if (/\p{L}/u.test(before) || /\p{L}/u.test(after)) continue;
      out.push({ kind: 'mention', entity: { type, slug }, surface, span: { start: at, end: at + surface.length }, via: 'authority' });
    }
    return out;
  });
}

/** Body segments for a text without a header: one paragraph, a sentence per ". " (short lines would read as header lines). */
function bodySegments(text: string): Segment[] {
  const segments: Segment[] = [{ kind: 'paragraph', span: { start: 0, end: text.length }, text, line: 1 }];
  let from = 0;
  for (const m of text.matchAll(/[.!?;](?=\s|$)/g)) {
    const end = m.index + 1;
    const start = from + (/^\s*/.exec(text.slice(from))?.[0].length ?? 0);
    if (end > start) segments.push({ kind: 'sentence', span: { start, end }, text: text.slice(start, end), line: 1, parent: 0 });
    from = end;
  }
  const rest = text.slice(from).trim();
  if (rest !== '') {
    const start = text.indexOf(rest, from);
    segments.push({ kind: 'sentence', span: { start, end: start + rest.length }, text: rest, line: 1, parent: 0 });
  }
  return segments;
}

function read(text: string, mentions: readonly MentionRecord[] = []): QuantityResult {
  const segments = text === FIRST ? segmentText(text) : bodySegments(text);
  return extractQuantities({ slug: 't', file: 't.txt', text, segments }, rules, mentions);
}

/** The quantities of a one-sentence text. */
function quantities(text: string, mentions: readonly MentionRecord[] = []): readonly QuantityRecord[] {
  return read(text, mentions).quantities;
}

/** The one quantity of `text`, failing when there is not exactly one. */
function only(text: string, mentions: readonly MentionRecord[] = []): QuantityRecord {
  const qs = quantities(text, mentions);
  expect(qs.map((q) => q.text), `quantities of ${JSON.stringify(text)}`).toHaveLength(1);
  const q = qs[0];
  if (!q) throw new Error('unreachable');
  return q;
}

const FIRST_MENTIONS = mentionsOf(FIRST, [
  ['US', 'Country', 'united-states'],
  ['Americans', 'Country', 'united-states'],
  ['Chinese', 'Country', 'china'],
  ['MAO ZEDONG', 'Person', 'mao-zedong'],
  ['Korean friends', 'Group', 'korean-friends'],
  ['Soviet Union', 'Country', 'soviet-union'],
]);

describe('the first telegram', () => {
  const result = read(FIRST, FIRST_MENTIONS);
  const qs = result.quantities;
  const byText = (t: string): QuantityRecord => {
    const q = qs.find((x) => x.text.replace(/\s+/g, ' ') === t);
    if (!q) throw new Error(`no quantity "${t}" among ${JSON.stringify(qs.map((x) => x.text))}`);
    return q;
  };

  it('finds every quantity and nothing else, sorted by span start', () => {
    expect(qs.map((q) => q.text.replace(/\s+/g, ' '))).toEqual([
      'five-six divisions',
      'at least nine divisions',
      'only 108 artillery pieces',
      'do not have tanks at all',
      'three divisions',
      'around 1,500 artillery pieces',
      'one US corps',
      'four-to-one superiority in human force',
      'three-to-one superiority in technical equipment',
      'about 1000 aircraft',
      'no aviation',
      'two billion two hundred million American dollars',
      'only two hundred million',
      '1 hour and 45 minutes',
    ]);
    const starts = qs.map((q) => q.span.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('keeps every span true to the text', () => {
    for (const q of qs) expect(FIRST.slice(q.span.start, q.span.end)).toBe(q.text);
  });

  it('reads "not five-six divisions, but at least nine divisions" as a rejected range against a lower bound', () => {
    const rejected = byText('five-six divisions');
    const asserted = byText('at least nine divisions');
    expect(rejected).toMatchObject({ reading: 'range', minValue: '5', maxValue: '6', countOf: 'division', polarity: 'rejected' });
    expect(asserted).toMatchObject({ reading: 'lower-bound', minValue: '9', countOf: 'division', polarity: 'asserted' });
    expect(asserted.value).toBeUndefined();
    expect(qs[rejected.contrastWith ?? -1]).toBe(asserted);
    expect(qs[asserted.contrastWith ?? -1]).toBe(rejected);
  });

  it('records the ambiguity of "only 108 artillery pieces" (total or per division) without resolving it', () => {
    const q = byText('only 108 artillery pieces');
    expect(q).toMatchObject({ reading: 'exact', value: '108', countOf: 'artillery-piece', unitText: 'artillery pieces' });
    expect(q.notes.join(' ')).toMatch(/ambiguous: a total for "these divisions" or per division/);
    expect(q.holder).toBeUndefined();
    expect(q.notes.join(' ')).toMatch(/pronoun "they"/);
  });

  it('reads "do not have tanks at all" as an absence of tanks', () => {
    expect(byText('do not have tanks at all')).toMatchObject({ reading: 'absent', value: '0', countOf: 'tank' });
  });

  it('reads "the US corps (three divisions)" as three divisions per corps, held by the US', () => {
    const q = byText('three divisions');
    expect(q).toMatchObject({ reading: 'exact', value: '3', countOf: 'division', holder: { type: 'Country', slug: 'united-states' } });
    expect(q.notes.join(' ')).toMatch(/per corps/);
  });

  it('reads "around 1,500 artillery pieces" as approximate, held by the US corps', () => {
    expect(byText('around 1,500 artillery pieces')).toMatchObject({ reading: 'approximate', value: '1500', approximate: true, countOf: 'artillery-piece', holder: { slug: 'united-states' } });
  });

  it('reads "one US corps" as exactly one corps and says why', () => {
    const q = byText('one US corps');
    expect(q).toMatchObject({ reading: 'exact', value: '1', countOf: 'corps', holder: { slug: 'united-states' } });
    expect(q.notes.join(' ')).toMatch(/indefinite article/);
  });

  it('reads the two superiorities as ratios with the phrase after as unitText', () => {
    expect(byText('four-to-one superiority in human force')).toMatchObject({ reading: 'ratio', numerator: '4', denominator: '1', unitText: 'superiority in human force', holder: { slug: 'china' } });
    const second = byText('three-to-one superiority in technical equipment');
    expect(second).toMatchObject({ reading: 'ratio', numerator: '3', denominator: '1', unitText: 'superiority in technical equipment', holder: { slug: 'china' } });
    expect(second.notes.join(' ')).toMatch(/joined by "and"/);
  });

  it('reads "the Americans have about 1000 aircraft" with the Americans as holder', () => {
    expect(byText('about 1000 aircraft')).toMatchObject({ reading: 'approximate', value: '1000', approximate: true, countOf: 'aircraft', holder: { type: 'Country', slug: 'united-states' } });
  });

  it('reads "the Chinese still have no aviation" as an absence of aircraft held by China', () => {
    expect(byText('no aviation')).toMatchObject({ reading: 'absent', value: '0', countOf: 'aircraft', unitText: 'aviation', holder: { slug: 'china' } });
  });

  it('reads the 1951 budget across the paragraph break, and the part of it with the currency carried', () => {
    const budget = byText('two billion two hundred million American dollars');
    expect(budget).toMatchObject({ reading: 'money', value: '2200000000', currency: 'USD', forYear: 1951, unitText: 'American dollars', countOf: 'dollar' });
    expect(budget.text).toContain('\n\n');
    expect(budget.holder).toBeUndefined();
    const part = byText('only two hundred million');
    expect(part).toMatchObject({ reading: 'money', value: '200000000', currency: 'USD', forYear: 1951 });
    expect(part.notes.join(' ')).toMatch(/currency carried from/);
  });

  it('reads "1 hour and 45 minutes" as PT1H45M', () => {
    expect(byText('1 hour and 45 minutes')).toMatchObject({ reading: 'duration', duration: 'PT1H45M' });
  });

  it.each(['25348', '4676', '2318', '7 October 1950', '6 October', '7.10.50', '22:30', '11: 55', '1951 budget', '1 - cde. Stalin', '1. - cde. Beria', '8 October'])(
    'does not read %j as a quantity',
    (phrase) => {
      const at = FIRST.indexOf(phrase);
      expect(at).toBeGreaterThanOrEqual(0);
      const inside = qs.filter((q) => q.span.start >= at && q.span.start < at + phrase.length);
      expect(inside.map((q) => q.text)).toEqual([]);
    },
  );

  it('reports the vague "next few days" and no unparsed numbers', () => {
    expect(result.report.map((r) => [r.code, r.text])).toEqual([['vague-quantity', 'few days']]);
  });
});

describe('phrases of unseen telegrams', () => {
  it.each<[string, Partial<QuantityRecord>]>([
    ['They landed 10-12 divisions.', { reading: 'range', minValue: '10', maxValue: '12', countOf: 'division' }],
    ['They landed 10–12 divisions.', { reading: 'range', minValue: '10', maxValue: '12' }],
    ['They sent from 5 to 6 armies.', { reading: 'range', minValue: '5', maxValue: '6', countOf: 'army', text: 'from 5 to 6 armies' }],
    ['They sent between 10 and 12 divisions.', { reading: 'range', minValue: '10', maxValue: '12', text: 'between 10 and 12 divisions' }],
    ['They sent five or six divisions.', { reading: 'range', minValue: '5', maxValue: '6' }],
    ['They sent 6-7 thousand men.', { reading: 'range', minValue: '6000', maxValue: '7000', countOf: 'man' }],
    ['They sent about 5-6 divisions.', { reading: 'range', approximate: true }],
    ['The enemy has up to 300 planes.', { reading: 'upper-bound', maxValue: '300', countOf: 'aircraft' }],
    ['The enemy has more than 20,000 men.', { reading: 'lower-bound', minValue: '20000', countOf: 'man' }],
    ['The enemy has no less than 300 planes.', { reading: 'lower-bound', minValue: '300' }],
    ['The enemy has 300 planes or more.', { reading: 'lower-bound', minValue: '300', text: '300 planes or more' }],
    ['The enemy has nearly 400 tanks.', { reading: 'approximate', value: '400', approximate: true }],
    ['The enemy has some 20 divisions.', { reading: 'approximate', value: '20' }],
    ['They mobilised 10 000 men.', { reading: 'exact', value: '10000', countOf: 'man', text: '10 000 men' }],
    ['The column took a 3-day rest.', { reading: 'duration', duration: 'P3D' }],
    ['They mobilised 120 thousand men.', { reading: 'exact', value: '120000', countOf: 'man' }],
    ['They mobilised twenty-one divisions.', { value: '21' }],
    ['They allocated 1.5 million roubles.', { reading: 'money', value: '1500000', currency: 'RUB', countOf: 'rouble' }],
    ['They allocated one and a half million roubles.', { reading: 'money', value: '1500000' }],
    ['They asked for US$ 5 million.', { reading: 'money', value: '5000000', currency: 'USD', text: 'US$ 5 million' }],
    ['They asked for 400 million yuan.', { reading: 'money', value: '400000000', currency: 'CNY' }],
    ['They asked for 30 million US dollars in 1951.', { reading: 'money', currency: 'USD', forYear: 1951 }],
    ['Losses reached 50 percent.', { value: '50', countOf: 'percent' }],
    ['Losses reached 50%.', { value: '50', countOf: 'percent', text: '50%' }],
    ['Losses reached about 40 per cent.', { reading: 'approximate', value: '40', countOf: 'percent' }],
    ['The enemy has twice as many divisions.', { reading: 'ratio', numerator: '2', denominator: '1', countOf: 'division' }],
    ['The enemy has three times as many tanks.', { reading: 'ratio', numerator: '3', denominator: '1', countOf: 'tank' }],
    ['They need a dozen tanks.', { value: '12', countOf: 'tank' }],
    ['Training takes three months.', { reading: 'duration', duration: 'P3M', value: '3', countOf: 'month' }],
    ['The crossing takes 2 days.', { reading: 'duration', duration: 'P2D' }],
    ['The crossing takes three weeks.', { reading: 'duration', duration: 'P21D' }],
    ['The talk lasted half an hour.', { reading: 'duration', duration: 'PT30M' }],
    ['The talk lasted one hour and a half.', { reading: 'duration', duration: 'PT1H30M' }],
    ['The talks will last no more than 3 hours.', { reading: 'upper-bound', maxValue: '3', duration: 'PT3H' }],
    ['They will be ready in less than three weeks.', { reading: 'duration', duration: 'P21D' }],
    ['The crossing takes 2-3 days.', { reading: 'range', minValue: '2', maxValue: '3', countOf: 'day' }],
    ['The ratio of wounded to killed is 3:1.', { reading: 'ratio', numerator: '3', denominator: '1', unitText: 'wounded to killed' }],
    ['The ratio of forces is 1 to 2.5 against us.', { reading: 'ratio', numerator: '1', denominator: '2.5' }],
    ['They need a two to one superiority.', { reading: 'ratio', numerator: '2', denominator: '1', unitText: 'superiority' }],
    ['Two thirds of them have no clothing.', { reading: 'ratio', numerator: '2', denominator: '3' }],
    ['The railway carries 60 trains a day.', { value: '60', countOf: 'train', unitText: 'trains a day' }],
    ['They have 2,000 tons of grain.', { value: '2000', countOf: 'ton', unitText: 'tons of grain' }],
    ['It has 62 MIG-15 jet fighters.', { value: '62', countOf: 'aircraft' }],
    ['They requested two tank brigades.', { value: '2', countOf: 'brigade', unitText: 'tank brigades' }],
    ['They requested two 122 mm guns.', { value: '2', countOf: 'artillery-piece' }],
    ['The front runs 12 km north.', { value: '12', countOf: 'kilometre' }],
    ['The Chinese friends have no aircraft of their own.', { reading: 'absent', value: '0', countOf: 'aircraft', text: 'no aircraft' }],
    ['The army has not a single tank left.', { reading: 'absent', countOf: 'tank' }],
    ['One of the divisions was destroyed.', { reading: 'exact', value: '1', countOf: 'division', text: 'One of the divisions' }],
    ['The Koreans lost 20 to 30 thousand men.', { reading: 'range', minValue: '20000', maxValue: '30000', countOf: 'man' }],
    ['The plan for 1951 provides for 300 million roubles.', { reading: 'money', forYear: 1951 }],
    ['We need $ 5,000.', { reading: 'money', value: '5000', currency: 'USD' }],
  ])('%s', (text, expected) => {
    expect(only(text)).toMatchObject(expected);
  });

  it('keeps the notes of readings it cannot make exact', () => {
    expect(only('They have more than 20,000 men.').notes.join(' ')).toMatch(/exclusive bound/);
    expect(only('They need a dozen tanks and').notes).toEqual([]);
  });
});

describe('what is not a quantity', () => {
  it.each([
    'They asked for MIG-15 aircraft.',
    'They asked for T-34 tanks.',
    'They asked for Yak-9 and La-11 fighters and IL-28 bombers.',
    'They asked for 76-mm guns.',
    'They asked for a 122 mm gun.',
    'They have guns of different caliber.',
    'In response to your No. 25348.',
    'They reached the 38th parallel.',
    'This will happen in 1951.',
    'We met at 22:30 on 6 October 1950.',
    'Sent 7.10.50.',
    'As to Article 5 of the treaty.',
    'If one goes to war, one should go now.',
    "The attack began at 4 o'clock in the morning.",
    'The meeting began at 10 a.m. and ended at 3 p.m.',
    'In 1950-1951 the front held.',
  ])('%s', (text) => {
    expect(quantities(text).map((q) => q.text)).toEqual([]);
  });
});

describe('holders', () => {
  it('takes the subject mention before a holding verb', () => {
    const text = 'According to the Korean friends, the Americans have about 1000 aircraft.';
    const q = only(text, [mention(text, 'Korean friends', 'Group', 'korean-friends'), mention(text, 'Americans', 'Country', 'united-states')]);
    expect(q.holder).toEqual({ type: 'Country', slug: 'united-states' });
  });

  it('takes a possessive, a mention inside the phrase, and "of X" after it', () => {
    const a = 'China\'s 5 divisions are ready.';
    expect(only(a, [mention(a, 'China', 'Country', 'china')]).holder?.slug).toBe('china');
    const b = 'They fought three American divisions.';
    expect(only(b, [mention(b, 'American', 'Country', 'united-states')]).holder?.slug).toBe('united-states');
    const c = 'They destroyed 40 tanks of the Americans.';
    expect(only(c, [mention(c, 'Americans', 'Country', 'united-states')]).holder?.slug).toBe('united-states');
  });

  it('does not take a mention that is not the subject of a holding verb, nor a place', () => {
    const a = 'MAO ZEDONG said that there were 5 divisions.';
    expect(only(a, [mention(a, 'MAO ZEDONG', 'Person', 'mao-zedong')]).holder).toBeUndefined();
    const b = 'The army near Seoul has 5 divisions.';
    expect(only(b, [mention(b, 'Seoul', 'Place', 'seoul')]).holder).toBeUndefined();
  });

  it('notes a pronoun subject instead of guessing who it is', () => {
    const q = only('They have 5 tanks.');
    expect(q.holder).toBeUndefined();
    expect(q.notes.join(' ')).toMatch(/pronoun "They"/);
  });
});

describe('report items', () => {
  it('reports vague counts without reading them', () => {
    const r = read('They have several divisions and a large number of 105-mm howitzers.');
    expect(r.quantities).toEqual([]);
    expect(r.report.map((i) => [i.code, i.text])).toEqual([
      ['vague-quantity', 'several divisions'],
      ['vague-quantity', 'a large number of 105-mm howitzers'],
    ]);
  });

  it('reports digits with no unit and no cue, with line and column', () => {
    const r = read('Groups follow.\n48213 55190');
    expect(r.quantities).toEqual([]);
    expect(r.report.map((i) => [i.code, i.text, i.line, i.column])).toEqual([
      ['unparsed-number', '48213', 2, 1],
      ['unparsed-number', '55190', 2, 7],
    ]);
  });

  it('counts a plural noun the lexicon does not know, and reports the unknown unit', () => {
    const r = read('They sent 3 cooks.');
    expect(r.quantities.map((q) => [q.text, q.value, q.unitText, q.countOf])).toEqual([['3 cooks', '3', 'cooks', undefined]]);
    expect(r.report.map((i) => i.code)).toEqual(['unknown-unit']);
  });

  it('keeps a number in words without a unit as a quantity with a note', () => {
    const q = only('They counted one hundred and twenty thousand.');
    expect(q).toMatchObject({ value: '120000', reading: 'exact' });
    expect(q.countOf).toBeUndefined();
    expect(q.notes).toContain('no unit is stated');
  });

  it('reports a fractional month, which has no exact xsd:duration', () => {
    const r = read('It takes 1.5 months.');
    expect(r.quantities[0]?.duration).toBeUndefined();
    expect(r.report.map((i) => i.code)).toEqual(['ambiguous']);
  });
});

describe('invariants', () => {
  const texts = [
    FIRST,
    'not ten divisions, as was reported earlier, but from twenty to twenty-five divisions; two thirds of them have no winter clothing.',
    'The entire budget is two\n\nbillion roubles, of which one hundred million for arms.',
  ];
  it.each(texts.map((t) => [t.slice(0, 30), t] as const))('%s…: spans slice back, sorted, contrasts point both ways', (_label, text) => {
    const qs = quantities(text, text === FIRST ? FIRST_MENTIONS : []);
    for (const q of qs) {
      expect(text.slice(q.span.start, q.span.end)).toBe(q.text);
      if (q.contrastWith !== undefined) expect(qs[q.contrastWith]?.contrastWith).toBe(qs.indexOf(q));
    }
    for (let i = 1; i < qs.length; i++) expect((qs[i]?.span.start ?? 0) >= (qs[i - 1]?.span.end ?? 0)).toBe(true);
  });

  it('reads a contrast across an inserted clause and carries the unit to the rejected side', () => {
    const qs = quantities('They have not ten, as was reported earlier, but from twenty to twenty-five divisions.');
    expect(qs.map((q) => [q.text, q.polarity, q.countOf])).toEqual([
      ['ten', 'rejected', 'division'],
      ['from twenty to twenty-five divisions', 'asserted', 'division'],
    ]);
    expect(qs[0]?.notes.join(' ')).toMatch(/unit carried/);
  });

  it('gives the same result twice (no state kept between calls)', () => {
    expect(read(FIRST, FIRST_MENTIONS)).toEqual(read(FIRST, FIRST_MENTIONS));
  });
});

describe('compileQuantityRules', () => {
  const units = lexicon('units') as { units: Record<string, unknown>[] };
  const phrases = lexicon('quantity-phrases') as Record<string, unknown>;
  const compile = (u: unknown, p: unknown = phrases): unknown => compileQuantityRules({ lexicon: { units: u, 'quantity-phrases': p }, authorities: [] });

  it('compiles without any lexicon (digits only)', () => {
    const bare = compileQuantityRules({ lexicon: {}, authorities: [] });
    const text = 'They have 1,500 guns.';
    expect(extractQuantities({ slug: 't', file: 't', text, segments: bodySegments(text) }, bare, []).quantities.map((q) => q.value)).toEqual(['1500']);
  });

  it.each<[string, unknown, unknown, RegExp]>([
    ['a key that is not a slug', { units: [{ key: 'Big Gun', singular: ['gun'], plural: ['guns'] }] }, phrases, /units\[0\]\.key/],
    ['a key listed twice', { units: [units.units[0], units.units[0]] }, phrases, /listed twice/],
    ['a form of two units', { units: [{ key: 'a', singular: ['gun'], plural: ['guns'] }, { key: 'b', singular: ['gun'], plural: ['cannons'] }] }, phrases, /"gun" is a form of both/],
    ['no plural form', { units: [{ key: 'a', singular: ['gun'] }] }, phrases, /singular and one plural/],
    ['a bad duration', { units: [{ key: 'a', singular: ['x'], plural: ['xs'], duration: '3 days' }] }, phrases, /xsd:duration/],
    ['a bad currency', { units: [{ key: 'a', singular: ['x'], plural: ['xs'], currency: 'usd' }] }, phrases, /ISO 4217/],
    ['an unknown broader unit', { units: [{ key: 'a', singular: ['x'], plural: ['xs'], broader: 'b' }] }, phrases, /broader "b"/],
    ['a currency of an unknown unit', units, { currencies: [{ code: 'USD', unit: 'thaler', phrases: ['dollars'] }] }, /currencies\[0\]\.unit/],
    ['an absence pattern without {unit}', units, { absence: ['no tanks'] }, /has no \{unit\} or \{one\}/],
    ['a bound with an unknown reading', units, { before: [{ reading: 'roughly', phrases: ['about'] }] }, /before\[0\]/],
  ])('rejects %s', (_label, u, p, message) => {
    expect(() => compile(u, p)).toThrow(message);
  });
});
