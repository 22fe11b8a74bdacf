// Hand-built ExtractionResults for graph and shape tests: a telegram shaped like the first one
// (header, copies, reference, meeting, claims, quantities, travel) and one quoting another telegram.

import type { EntityDescription, EntityRef, ExtractionResult, HeaderRecord } from '../../src/extract/record.js';
import type { Span } from '../../src/text/span.js';

/** The span of the `nth` (1-based) occurrence of `needle` in `text`; throws when absent. */
export function spanOf(text: string, needle: string, nth = 1): Span {
  let from = 0;
  for (let i = 1; ; i++) {
    const start = text.indexOf(needle, from);
    if (start < 0) throw new Error(`"${needle}" (#${nth}) not in text`);
    if (i === nth) return { start, end: start + needle.length };
    from = start + 1;
  }
}

export const SAMPLE_TEXT = [
  'CIPHERED TELEGRAM NO. 777',
  '',
  'Top Secret.',
  '',
  '3 March 1951',
  '',
  'Copies to: 1 - cde. Ivanov',
  '',
  '1. - cde. Petrov',
  '',
  'Received from Harbin on 10: 05 on 3 March, 1951.',
  '',
  'URGENT [vne ocherednaia]',
  '',
  'To KOVALEV [IVANOV]',
  '',
  'In response to Your no. 1234',
  '',
  'On 2 March, at 21:00 of Harbin time I met GAO GANG 𝔊 and the Korean friends.',
  '',
  'GAO GANG declared that they need not three, but at least five divisions and about 200 aircraft; the 1951 budget is 2 million American dollars; the enemy has three-to-one superiority.',
  '',
  'GAO GANG may depart by plane on 5 March from Harbin to Moscow, accompanied by LIU.',
  '',
  'The conversation lasted for 1 hour and 45 minutes.',
  '',
  'PETROV',
  '',
  'No. 42',
  '',
  '3.3.51',
].join('\n');

const person = (slug: string): EntityRef => ({ type: 'Person', slug });
const place = (slug: string): EntityRef => ({ type: 'Place', slug });

function describe(ref: EntityRef, label: string, extra: Partial<EntityDescription> = {}): EntityDescription {
  return { ...ref, label, alternateNames: [], codenames: [], sameAs: [], related: [], resolved: true, ...extra };
}

/** A full telegram with every kind of record. */
export function sampleResult(): ExtractionResult {
  const t = SAMPLE_TEXT;
  const s = (needle: string, nth = 1): Span => spanOf(t, needle, nth);
  const header: HeaderRecord = {
    kind: 'header',
    title: { value: 'CIPHERED TELEGRAM NO. 777', asPrinted: 'CIPHERED TELEGRAM NO. 777', span: s('CIPHERED TELEGRAM NO. 777') },
    identifiers: [
      { propertyId: 'cipher-number', value: '777', span: s('777') },
      { propertyId: 'outgoing-number', value: '42', span: s('No. 42') },
    ],
    classification: { value: 'Top Secret', asPrinted: 'Top Secret.', span: s('Top Secret.') },
    dateSent: { value: '1951-03-03', datatype: 'date', timeZoneStated: false, asPrinted: '3 March 1951', span: s('3 March 1951') },
    copies: [
      { number: 1, numberAsPrinted: '1', recipient: person('ivanov'), recipientAsPrinted: 'cde. Ivanov', span: s('1 - cde. Ivanov') },
      { number: 2, numberAsPrinted: '1.', recipient: person('petrov'), recipientAsPrinted: 'cde. Petrov', span: s('1. - cde. Petrov') },
    ],
    receivedFrom: { value: 'Harbin', asPrinted: 'Harbin', span: s('Harbin'), entity: place('harbin') },
    dateReceived: { value: '1951-03-03T10:05:00', datatype: 'dateTime', timeZoneStated: false, asPrinted: '10: 05 on 3 March, 1951', span: s('10: 05 on 3 March, 1951') },
    priority: { value: 'URGENT', asPrinted: 'URGENT [vne ocherednaia]', span: s('URGENT [vne ocherednaia]'), gloss: 'vne ocherednaia' },
    addressee: { asPrinted: 'To KOVALEV [IVANOV]', span: s('To KOVALEV [IVANOV]'), name: 'KOVALEV', editorialName: 'IVANOV', isCodename: true, entity: person('ivanov') },
    references: [{ relation: 'in-reply-to', number: '1234', ownerRole: 'recipient', span: s('In response to Your no. 1234') }],
    signature: { value: 'PETROV', asPrinted: 'PETROV', span: s('PETROV'), entity: person('petrov') },
    closingDate: { value: '1951-03-03', datatype: 'date', timeZoneStated: false, asPrinted: '3.3.51', span: s('3.3.51') },
  };
  const claimSpan = s('they need not three, but at least five divisions and about 200 aircraft; the 1951 budget is 2 million American dollars; the enemy has three-to-one superiority');
  return {
    slug: '1951-03-03-petrov-to-kovalev',
    file: 'data/telegrams/1951-03-03-petrov-to-kovalev.txt',
    text: t,
    header,
    sender: person('petrov'),
    recipient: person('ivanov'),
    mentions: [
      { kind: 'mention', entity: place('harbin'), surface: 'Harbin', span: s('Harbin'), via: 'authority' },
      { kind: 'mention', entity: person('gao-gang'), surface: 'GAO GANG', span: s('GAO GANG'), via: 'authority' },
      { kind: 'mention', entity: { type: 'Group', slug: 'korean-friends' }, surface: 'the Korean friends', span: s('the Korean friends'), via: 'authority' },
      { kind: 'mention', entity: person('gao-gang'), surface: 'GAO GANG', span: s('GAO GANG', 2), via: 'authority' },
      { kind: 'mention', entity: person('gao-gang'), surface: 'GAO GANG', span: s('GAO GANG', 3), via: 'authority' },
      { kind: 'mention', entity: place('harbin'), surface: 'Harbin', span: s('Harbin', 3), via: 'authority' },
      { kind: 'mention', entity: { type: 'Group', slug: 'enemy' }, surface: 'the enemy', span: s('the enemy'), via: 'name-pattern' },
      { kind: 'mention', entity: place('moscow'), surface: 'Moscow', span: s('Moscow'), via: 'authority' },
      { kind: 'mention', entity: person('liu'), surface: 'LIU', span: s('LIU'), via: 'name-pattern' },
    ],
    quantities: [
      { kind: 'quantity', reading: 'exact', text: 'three', span: s('three'), value: '3', approximate: false, unitText: 'divisions', countOf: 'division', polarity: 'rejected', contrastWith: 1, notes: [] },
      { kind: 'quantity', reading: 'lower-bound', text: 'at least five divisions', span: s('at least five divisions'), minValue: '5', approximate: false, unitText: 'divisions', countOf: 'division', polarity: 'asserted', contrastWith: 0, notes: [] },
      { kind: 'quantity', reading: 'approximate', text: 'about 200 aircraft', span: s('about 200 aircraft'), value: '200', approximate: true, unitText: 'aircraft', countOf: 'aircraft', polarity: 'asserted', notes: ['whose aircraft is not said'] },
      { kind: 'quantity', reading: 'money', text: '2 million American dollars', span: s('2 million American dollars'), value: '2000000', approximate: false, currency: 'USD', forYear: 1951, unitText: 'American dollars', polarity: 'asserted', notes: [] },
      { kind: 'quantity', reading: 'ratio', text: 'three-to-one superiority', span: s('three-to-one superiority'), numerator: '3', denominator: '1', approximate: false, polarity: 'asserted', holder: { type: 'Group', slug: 'enemy' }, notes: [] },
      { kind: 'quantity', reading: 'duration', text: '1 hour and 45 minutes', span: s('1 hour and 45 minutes'), duration: 'PT1H45M', approximate: false, polarity: 'asserted', notes: [] },
    ],
    claims: [
      {
        kind: 'claim',
        claimant: person('gao-gang'),
        reportedBy: person('petrov'),
        speechAct: 'declare',
        verbAsPrinted: 'declared that',
        verbSpan: s('declared that'),
        text: t.slice(claimSpan.start, claimSpan.end),
        span: claimSpan,
      },
    ],
    events: [
      {
        kind: 'meeting',
        span: s('On 2 March, at 21:00 of Harbin time I met GAO GANG 𝔊 and the Korean friends.'),
        startDate: { value: '1951-03-02T21:00:00+08:00', datatype: 'dateTime', timeZoneStated: true, timeZoneAsPrinted: 'Harbin time', asPrinted: '2 March, at 21:00 of Harbin time', span: s('2 March, at 21:00 of Harbin time') },
        duration: { value: 'PT1H45M', asPrinted: '1 hour and 45 minutes', span: s('1 hour and 45 minutes') },
        attendees: [person('petrov'), person('gao-gang'), { type: 'Group', slug: 'korean-friends' }],
      },
      {
        kind: 'travel',
        span: s('GAO GANG may depart by plane on 5 March from Harbin to Moscow, accompanied by LIU.'),
        agents: [person('gao-gang')],
        participants: [person('liu')],
        from: place('harbin'),
        to: place('moscow'),
        startTime: { value: '1951-03-05', datatype: 'date', timeZoneStated: false, asPrinted: '5 March', span: s('5 March') },
        mode: 'plane',
        status: 'potential',
      },
    ],
    quotedTelegrams: [],
    entities: [
      describe(person('ivanov'), 'Ivan Ivanov', { alternateNames: ['cde. Ivanov', 'IVANOV'], codenames: [], sameAs: ['http://www.wikidata.org/entity/Q42'] }),
      describe(person('petrov'), 'Pyotr Petrov', { alternateNames: ['PETROV', 'cde. Petrov'], resolved: true }),
      describe(person('gao-gang'), 'Gao Gang', { alternateNames: ['GAO GANG'] }),
      describe(person('liu'), 'LIU', { resolved: false }),
      describe(place('harbin'), 'Harbin', { alternateNames: ['Harbin time'] }),
      describe(place('moscow'), 'Moscow'),
      describe({ type: 'Group', slug: 'korean-friends' }, 'Korean friends', { related: ['http://www.wikidata.org/entity/Q423'], note: 'A collective reference.' }),
      describe({ type: 'Group', slug: 'enemy' }, 'the enemy', { resolved: false }),
    ],
    report: [],
  };
}

export const QUOTING_TEXT = [
  'Telegram of Mr. A to Mr. B reads: "I believe the harvest is good."',
  '',
  'C',
].join('\n');

/** A short telegram quoting another one; no header fields at all (an unusual layout). */
export function quotingResult(): ExtractionResult {
  const t = QUOTING_TEXT;
  const s = (needle: string, nth = 1): Span => spanOf(t, needle, nth);
  const a = person('mr-a');
  return {
    slug: 'quoting',
    file: 'data/telegrams/quoting.txt',
    text: t,
    header: { kind: 'header', identifiers: [], copies: [], references: [] },
    mentions: [{ kind: 'mention', entity: a, surface: 'Mr. A', span: s('Mr. A'), via: 'name-pattern' }],
    quantities: [],
    claims: [
      { kind: 'claim', claimant: a, reportedBy: a, speechAct: 'believe', verbAsPrinted: 'believe', verbSpan: s('believe'), text: 'the harvest is good', span: s('the harvest is good'), quotedIn: 0 },
    ],
    events: [],
    quotedTelegrams: [{ kind: 'quoted-telegram', span: s('"I believe the harvest is good."'), author: a, recipient: person('mr-b') }],
    entities: [describe(a, 'Mr. A', { resolved: false }), describe(person('mr-b'), 'Mr. B', { resolved: false })],
    report: [],
  };
}
