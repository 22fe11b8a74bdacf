// Tests for src/extract/claims.ts: reported statements, their speakers, speech acts and exact
// words, numbered points, inherited frames, quoted telegrams and what is reported as ambiguous.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError } from '../../src/errors.js';
import { bodyRegion, compileClaimRules, extractClaims, splitSentences, type ClaimResult } from '../../src/extract/claims.js';
import type { RawInputs } from '../../src/extract/inputs.js';
import type { ClaimRecord, EntityRef, HeaderRecord, MentionRecord } from '../../src/extract/record.js';

const FIRST = readFileSync('data/telegrams/1950-10-07-roshchin-to-filippov.txt', 'utf8');
const verbsYaml = parse(readFileSync('data/lexicon/reporting-verbs.yaml', 'utf8')) as unknown;
const datesYaml = parse(readFileSync('data/lexicon/dates.yaml', 'utf8')) as unknown;
const raw: RawInputs = { lexicon: { 'reporting-verbs': verbsYaml, dates: datesYaml }, authorities: [] };
const rules = compileClaimRules(raw);

const person = (slug: string): EntityRef => ({ type: 'Person', slug });
const SENDER = person('sender');
const MAO = person('mao');
const NAMES: [string, EntityRef][] = [
  ['MAO ZEDONG', MAO],
  ['ZHOU ENLAI', person('zhou')],
  ['LIN BIAO', person('lin')],
  ['SHI ZHE', person('shi')],
  ['FEDORENKO', person('fedorenko')],
  ['U SU XIAN', person('u-su-xian')],
  ['KIM IL SUNG', person('kim')],
  ['PAK HON YONG', person('pak')],
  ['GAO GANG', person('gao')],
  ['ROSHCHIN', SENDER],
  ['FILIPPOV', person('stalin')],
  ['Korean friends', { type: 'Group', slug: 'korean-friends' }],
  ['Korea', { type: 'Place', slug: 'korea' }],
  ['Beijing', { type: 'Place', slug: 'beijing' }],
];

/** Mentions of every name of NAMES in `text`, as the mentions extractor would give them. */
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

const EMPTY_HEADER: HeaderRecord = { kind: 'header', identifiers: [], copies: [], references: [] };

/** The first telegram's header facts that bound its body (as the header extractor gives them). */
function firstHeader(): HeaderRecord {
  const at = (s: string, from = 0): { start: number; end: number } => {
    const i = FIRST.indexOf(s, from);
    return { start: i, end: i + s.length };
  };
  const sig = at('ROSHCHIN', FIRST.indexOf('instructions'));
  return {
    ...EMPTY_HEADER,
    dateSent: { value: '1950-10-07', datatype: 'date', timeZoneStated: false, asPrinted: '7 October 1950', span: at('7 October 1950', 100) },
    references: [{ relation: 'in-reply-to', number: '4676', ownerRole: 'recipient', span: at('In response to Your no. 4676') }],
    identifiers: [{ propertyId: 'outgoing-number', value: '2318', span: at('2318') }],
    signature: { value: 'ROSHCHIN', asPrinted: 'ROSHCHIN', span: sig },
  };
}

function run(text: string, header: HeaderRecord = EMPTY_HEADER, sender: EntityRef | null = SENDER): ClaimResult {
  const result = extractClaims({ slug: 't', file: 't.txt', text, segments: [] }, rules, mentionsIn(text), header, sender ?? undefined);
  for (const c of result.claims) expect(text.slice(c.span.start, c.span.end)).toBe(c.text);
  for (const c of result.claims) expect(text.slice(c.verbSpan.start, c.verbSpan.end)).toBe(c.verbAsPrinted);
  return result;
}

/** The one claim whose words contain `words`. */
function claim(result: ClaimResult, words: string): ClaimRecord {
  const found = result.claims.filter((c) => c.text.includes(words));
  expect(found, `claims containing "${words}"`).toHaveLength(1);
  return found[0] as ClaimRecord;
}

describe('extractClaims on the first telegram', () => {
  const result = run(FIRST, firstHeader());

  it('attributes every statement to MAO ZEDONG, reported by the sender, except the closing one', () => {
    expect(result.claims.length).toBeGreaterThanOrEqual(28);
    for (const c of result.claims) {
      expect(c.reportedBy).toEqual(SENDER);
      expect(c.quotedIn).toBeUndefined();
    }
    const notMao = result.claims.filter((c) => c.claimant?.slug !== 'mao');
    expect(notMao.map((c) => c.text)).toEqual(['I am waiting for your instructions']);
    expect(notMao[0]?.claimant).toEqual(SENDER);
    expect(notMao[0]?.pointAsPrinted).toBeUndefined();
    expect(result.report).toEqual([]);
  });

  it.each([
    ['He is in full agreement with your assessment', 'declare', '1.', 'declared that'],
    ['He is very glad that your answer', 'declare', '2.', 'declared that'],
    ['if one goes to war, then, unquestionably', 'emphasize', '2.', 'emphasized that'],
    ['he has just expressed the analogous idea', 'add', '2.', 'added that'],
    ['it makes sense to send not five-six divisions', 'believe', '3.', 'believes that'],
    ['the extremely low level of technical equipment', 'point-out', '3.', 'pointed out'],
    ['referring to the materials received', 'remark', '3.', 'remarked'],
    ['in order to defeat one US corps', 'believe', '3.', 'believes that'],
    ['he can easily resolve the issue of infantry', 'underline', '3.', 'underlined that'],
    ['currently they do not have the trained cadres', 'say', '3.', 'said that'],
    ['they are ready to start moving their divisions', 'note', '3.', 'noted that'],
    ['it is not appropriate to make haste', 'believe', '3.', 'believes'],
    ['according to the data of the Korean friends', 'point-out', '4.', 'pointed out that'],
    ['It is necessary to have aviation', 'believe', '4.', 'in the opinion of'],
    ['the Americans can, first of all, destroy', 'believe', '4.', 'believes that'],
    ['Such a situation, said MAO ZEDONG, might create', 'say', '4.', 'said'],
    ['cannot ensure itself the air cover', 'declare', '4.', 'declared that'],
    ['in Korea the roads and communications are destroyed', 'draw-attention', '1.', 'drew attention to the fact that'],
    ['In this case, he said, the Chinese could rely', 'say', '1.', 'said'],
    ['does not possess sufficient funds', 'declare', '2.', 'declared that'],
    ['The entire 1951 budget is two', 'declare', '2.', 'declared that'],
    ['it is necessary to send immediately ZHOU ENLAI', 'say', '3.', 'said'],
    ['may depart by plane on 8 October', 'say', '3.', 'said'],
    ['They could be flown from Beijing until Irkutsk', 'say', '3.', 'said'],
    ['Our special plane is required in Irkutsk', 'request', '3.', 'said'],
    ['ZHOU ENLAI and LIN BIAO be accompanied by SHI ZHE', 'express-wish', '3.', 'expressed a wish'],
  ])('"%s…" is a %s claim of point %s (verb "%s")', (words, act, point, verb) => {
    const c = claim(result, words);
    expect(c.claimant).toEqual(MAO);
    expect(c.speechAct).toBe(act);
    expect(c.pointAsPrinted).toBe(point);
    expect(c.verbAsPrinted).toBe(verb);
  });

  it('keeps the exact words without the reporting frame where it is separable', () => {
    expect(claim(result, 'He is in full agreement').text).toBe(
      'He is in full agreement with your assessment of the current international situation and the prospects for its possible evolution',
    );
    expect(claim(result, 'sufficient funds').text).toBe(
      'the Chinese government does not possess sufficient funds for purchasing the required armaments for aviation and the ammunition',
    );
    // a parenthetical frame is not separable: the whole sentence, list items included
    const opinion = claim(result, 'It is necessary to have aviation');
    expect(opinion.text.startsWith('It is necessary to have aviation, in the opinion of MAO ZEDONG, for:')).toBe(true);
    expect(opinion.text.endsWith('Mukden (Anshan, Fushun)')).toBe(true);
    // a number broken across a paragraph break stays in one claim
    expect(claim(result, 'budget').text).toContain('two\n\nbillion two hundred million American dollars');
  });

  it('counts the speech acts of the telegram', () => {
    const count = (act: string): number => result.claims.filter((c) => c.speechAct === act && c.claimant?.slug === 'mao').length;
    expect(count('declare')).toBe(5); // points 1 and 2, the air cover, the funds and the budget that follows it
    expect(count('believe')).toBe(5); // three "believes that", "he believes", "in the opinion of"
    expect(count('point-out')).toBe(2);
    expect(count('express-wish')).toBe(1);
    expect(count('request')).toBe(1);
  });

  it('reads no claim into the narration of the meeting or into "Having said all the above"', () => {
    expect(result.claims.some((c) => c.text.includes('Present at the conversation'))).toBe(false);
    expect(result.claims.some((c) => c.text.includes('lasted for'))).toBe(false);
    expect(result.claims.some((c) => c.text.includes('I visited'))).toBe(false);
    expect(result.claims.filter((c) => c.verbAsPrinted === 'said').map((c) => c.verbSpan.start)).not.toContain(FIRST.indexOf('Having said') + 7);
  });

  it('keeps the points as printed: 1.-4., then 1.-3. again', () => {
    const points = result.claims.map((c) => c.pointAsPrinted).filter((p, i, all) => p !== undefined && p !== all[i - 1]);
    expect(points).toEqual(['1.', '2.', '3.', '4.', '1.', '2.', '3.']);
  });

  it('lists claims sorted by span start', () => {
    const starts = result.claims.map((c) => c.span.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('extractClaims: speakers', () => {
  it.each([
    ['KIM IL SUNG said that the front holds.', 'kim', 'say', 'the front holds'],
    ['The front holds, said KIM IL SUNG.', 'kim', 'say', 'The front holds'],
    ['The front, said KIM IL SUNG, holds.', 'kim', 'say', 'The front, said KIM IL SUNG, holds'],
    ['In the opinion of KIM IL SUNG, the front holds.', 'kim', 'believe', 'the front holds'],
    ['KIM IL SUNG firmly declared that the front holds.', 'kim', 'declare', 'the front holds'],
    ['KIM IL SUNG, however, stressed that the front holds.', 'kim', 'underline', 'the front holds'],
    ['I told KIM IL SUNG that the aircraft will come.', 'sender', 'say', 'the aircraft will come'],
    ['PAK HON YONG informed me today that the men are mobilised.', 'pak', 'inform', 'the men are mobilised'],
    ['I replied that I had no authority.', 'sender', 'say', 'I had no authority'],
    ['The Korean friends requested grain.', 'korean-friends', 'request', 'grain'],
    ['GAO GANG agreed.', 'gao', 'agree', 'GAO GANG agreed'],
  ])('%s', (text, speaker, act, words) => {
    const r = run(text);
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]).toMatchObject({ claimant: { slug: speaker }, reportedBy: SENDER, speechAct: act, text: words });
    expect(r.report).toEqual([]);
  });

  it('resolves "he" to the current speaker and a second verb after "and" to the same subject', () => {
    const r = run('GAO GANG stressed that the railway works. He requested that we deliver equipment and asked whether payment could wait.');
    expect(r.claims.map((c) => [c.claimant?.slug, c.speechAct, c.text])).toEqual([
      ['gao', 'underline', 'the railway works'],
      ['gao', 'request', 'we deliver equipment'],
      ['gao', 'request', 'whether payment could wait'],
    ]);
  });

  it('splits a sentence at a second reporting frame after a clause break, not at a nested one', () => {
    const split = run('KIM IL SUNG noted that the troops are ready, but he believes it is too early.');
    expect(split.claims.map((c) => [c.speechAct, c.text])).toEqual([
      ['note', 'the troops are ready'],
      ['believe', 'it is too early'],
    ]);
    const nested = run('KIM IL SUNG said that PAK HON YONG reported heavy losses.');
    expect(nested.claims.map((c) => [c.claimant?.slug, c.text])).toEqual([['kim', 'PAK HON YONG reported heavy losses']]);
  });

  it('"he" refers to a person, not to the last group that spoke', () => {
    const r = run('GAO GANG said that grain is short. The Korean friends requested grain. He also noted that the trains run.');
    expect(r.claims.map((c) => c.claimant?.slug)).toEqual(['gao', 'korean-friends', 'gao']);
  });

  it.each([
    ['It was reported that the bridge is down.', 'reported that', /passive/],
    ['We believe that the bridge is down.', 'believe that', /"We" may stand for several people/],
    ['He said that the bridge is down.', 'said that', /"He" has no speaker/],
  ])('reports an unattributable statement as ambiguous: %s', (text, verb, message) => {
    const r = run(text);
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]?.claimant).toBeUndefined();
    expect(r.report).toHaveLength(1);
    expect(r.report[0]).toMatchObject({ code: 'ambiguous', text: verb, line: 1 });
    expect(r.report[0]?.message).toMatch(message);
  });

  it('reports "I" when the author is not known', () => {
    const r = run('I told KIM IL SUNG that the aircraft will come.', EMPTY_HEADER, null);
    expect(r.claims[0]?.claimant).toBeUndefined();
    expect(r.claims[0]?.reportedBy).toBeUndefined();
    expect(r.report.map((x) => x.code)).toEqual(['ambiguous']);
  });

  it('does not read "the proposed plan" or "Having said" as reports', () => {
    expect(run('The proposed plan is good. Having said this, the plan is bad.').claims).toEqual([]);
  });

  it('ends a point when another speaker takes over, and does not carry frames across paragraphs', () => {
    const text = 'KIM IL SUNG declared that:\n\n1. The enemy has landed.\n\n2. The front holds. Reserves are coming.\n\nThe weather is calm.\n\nI request your instructions.';
    const r = run(text);
    expect(r.claims.map((c) => [c.claimant?.slug, c.speechAct, c.pointAsPrinted, c.text])).toEqual([
      ['kim', 'declare', '1.', 'The enemy has landed'],
      ['kim', 'declare', '2.', 'The front holds'],
      ['kim', 'declare', '2.', 'Reserves are coming'],
      ['sender', 'request', undefined, 'your instructions'],
    ]);
  });

  it('opens points at line starts ("1)" without a blank line) and with ordinal words ("Firstly,")', () => {
    const lines = run('KIM IL SUNG said:\n1) We agree that the troops wait.\n2) KIM IL SUNG proposed to send grain.');
    expect(lines.claims.map((c) => [c.pointAsPrinted, c.speechAct])).toEqual([
      ['1)', 'agree'],
      ['2)', 'propose'],
    ]);
    const words = run('Firstly, KIM IL SUNG declared that the city is held.\n\nSecondly, he proposed to move the ministries.');
    expect(words.claims.map((c) => [c.pointAsPrinted, c.claimant?.slug])).toEqual([
      ['Firstly', 'kim'],
      ['Secondly', 'kim'],
    ]);
  });

  it('skips a parenthetical after the speaker: "GAO GANG (高岗) reported that"', () => {
    expect(run('GAO GANG (高岗) reported that the bridge holds.').claims).toMatchObject([{ claimant: { slug: 'gao' }, speechAct: 'inform', text: 'the bridge holds' }]);
  });

  it("reads the sender's own closing statements", () => {
    const r = run('Please instruct.');
    expect(r.claims).toMatchObject([{ claimant: SENDER, speechAct: 'request', text: 'Please instruct' }]);
  });
});

describe('extractClaims: quoted telegrams', () => {
  it('reads «…» introduced as the text of a telegram, with author, recipient and closing date', () => {
    const text =
      'Below is the text of the telegram from MAO ZEDONG to Comrade FILIPPOV:\n\n«1. I consider that the troops must enter Korea.\n\n2. Comrade GAO GANG proposed to send two armies.\n\nMAO ZEDONG\n13.10.50»\n\nZHOU ENLAI added that the first echelon is ready.';
    const r = run(text, { ...EMPTY_HEADER, dateSent: { value: '1950-10-14', datatype: 'date', timeZoneStated: false, asPrinted: 'x', span: { start: 0, end: 0 } } });
    expect(r.quotedTelegrams).toHaveLength(1);
    const q = r.quotedTelegrams[0];
    expect(q).toMatchObject({ kind: 'quoted-telegram', author: MAO, recipient: { slug: 'stalin' }, dateSent: { value: '1950-10-13' } });
    expect(text.slice(q?.span.start, q?.span.end).startsWith('1. I consider')).toBe(true);
    expect(r.claims.map((c) => [c.claimant?.slug, c.reportedBy?.slug, c.quotedIn, c.pointAsPrinted, c.speechAct])).toEqual([
      ['mao', 'mao', 0, '1.', 'believe'],
      ['gao', 'mao', 0, '2.', 'propose'],
      ['zhou', 'sender', undefined, undefined, 'add'],
    ]);
  });

  it('reads "X telegraphed: \'…\'" and Quote … Unquote blocks', () => {
    const text = "KIM IL SUNG telegraphed: 'I believe that the enemy will attack.' Later the adviser cabled from Pyongyang. Quote PAK HON YONG said that the men are ready. Unquote";
    const r = run(text);
    expect(r.quotedTelegrams.map((q) => q.author?.slug)).toEqual(['kim', undefined]);
    expect(r.claims.map((c) => [c.claimant?.slug, c.reportedBy?.slug, c.quotedIn])).toEqual([
      ['kim', 'kim', 0],
      ['pak', undefined, 1],
    ]);
    expect(r.report.map((x) => [x.code, x.message])).toEqual([['ambiguous', 'quoted telegram: the text does not say who wrote it']]);
  });

  it("takes a quoted telegram's addressee from its first line and its author from a signature with closing words", () => {
    const text = 'KIM IL SUNG asked me to pass on the following letter:\n\nQuote.\n\nDear Comrade FILIPPOV!\n\nWe ask you to send ammunition.\n\nWith respect, KIM IL SUNG, PAK HON YONG.\n\nUnquote.';
    const r = run(text);
    expect(r.quotedTelegrams).toMatchObject([{ author: { slug: 'kim' }, recipient: { slug: 'stalin' } }]);
    expect(r.report).toMatchObject([{ code: 'ambiguous', text: 'ask' }]); // "We ask": who "we" are is not said
  });

  it('leaves quoted words that are not introduced as a telegram to the claim', () => {
    const r = run('KIM IL SUNG said: "the front holds".');
    expect(r.quotedTelegrams).toEqual([]);
    expect(r.claims).toMatchObject([{ claimant: { slug: 'kim' }, text: '"the front holds"' }]);
  });
});

describe('splitSentences', () => {
  const split = (text: string): string[] =>
    splitSentences(text, { start: 0, end: text.length }, rules.abbreviations).map((s) => `${s.pointMarker ?? ''}|${text.slice(s.start, s.end)}`);

  it.each([
    ['He said: 1. Yes. 2. No. It has 3. Then', ['|He said:', '1.|1. Yes.', '2.|2. No.', '|It has 3.', '|Then']],
    ['To cde. Stalin. Ambassador N.V. Roshchin came.', ['|To cde. Stalin.', '|Ambassador N.V. Roshchin came.']],
    ['As to Korea,\n\nhe agreed. It is two\n\nbillion.', ['|As to Korea,\n\nhe agreed.', '|It is two\n\nbillion.']],
    ['It is needed for:\n\na) cover;\n\nb) combat.\n\nNext.', ['|It is needed for:\n\na) cover;\n\nb) combat.', '|Next.']],
    ['I am waiting for your instructions,\n\nROSHCHIN', ['|I am waiting for your instructions,', '|ROSHCHIN']],
    ['The Politburo .\n\n3. As to troops', ['|The Politburo .', '3.|3. As to troops']],
  ])('%j', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });
});

describe('bodyRegion', () => {
  it('is the longest stretch between header facts, so an outgoing number after the signature does not hide the body', () => {
    const body = bodyRegion(FIRST, firstHeader());
    expect(FIRST.slice(body.start, body.end).trim().startsWith('On 6 October')).toBe(true);
    expect(FIRST.slice(body.start, body.end).trim().endsWith('instructions,')).toBe(true);
  });

  it('is the whole text without header facts', () => {
    expect(bodyRegion('abc', EMPTY_HEADER)).toEqual({ start: 0, end: 3 });
  });
});

describe('compileClaimRules', () => {
  const withVerbs = (v: unknown): RawInputs => ({ lexicon: { 'reporting-verbs': v }, authorities: [] });

  it.each([
    [{ speechActs: { say: { label: 'say', definition: 'd', forms: ['said'] }, declare: { label: 'declare', definition: 'd', forms: ['said'] } } }, /"said" is already listed under "say"/],
    [{ speechActs: { Say: { label: 'say', definition: 'd', forms: ['said'] } } }, /kebab-case/],
    [{ speechActs: { say: { definition: 'd', forms: ['said'] } } }, /speechActs\.say\.label/],
    [{ speechActs: { say: { label: 'say', definition: 'd', forms: 'said' } } }, /must be a list/],
    [{ speechActs: { say: { label: 'say', definition: 'd', forms: ['said'] } }, impliedActs: { beg: ['please'] } }, /"beg" is not a key of speechActs/],
  ])('rejects a malformed lexicon (%#)', (lexicon, message) => {
    expect(() => compileClaimRules(withVerbs(lexicon))).toThrow(ConfigError);
    expect(() => compileClaimRules(withVerbs(lexicon))).toThrow(message);
  });

  it('compiles a missing lexicon to rules that find nothing', () => {
    const empty = compileClaimRules({ lexicon: {}, authorities: [] });
    expect(extractClaims({ slug: 't', file: 't', text: FIRST, segments: [] }, empty, mentionsIn(FIRST), EMPTY_HEADER, SENDER).claims).toEqual([]);
  });
});
