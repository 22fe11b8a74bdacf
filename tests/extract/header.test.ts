import { describe, expect, it } from 'vitest';
import { compileAuthorities } from '../../src/extract/authorities.js';
import { compileHeaderRules, extractHeader, type HeaderResult } from '../../src/extract/header.js';
import { segmentText } from '../../src/text/segment.js';
import { FIRST_TELEGRAM, fixtureCases, projectInputs } from './load-test-inputs.js';

const raw = projectInputs();
const rules = compileHeaderRules(raw);
const auth = compileAuthorities(raw);

function header(text: string): HeaderResult {
  return extractHeader({ slug: 't', file: 't.txt', text, segments: segmentText(text, rules.segmenter) }, rules, auth);
}

/** Every span slices back to its printed text. */
function expectSpans(text: string, h: HeaderResult['header']): void {
  const printed = [h.title, h.classification, h.issuingOffice, h.receivedFrom, h.priority, h.signature, h.dateSent, h.dateReceived, h.closingDate];
  for (const p of printed) if (p) expect(text.slice(p.span.start, p.span.end)).toBe(p.asPrinted);
  for (const c of h.copies) expect(text.slice(c.span.start, c.span.end).endsWith(c.recipientAsPrinted)).toBe(true);
  for (const i of h.identifiers) expect(text.slice(i.span.start, i.span.end)).toBe(i.value);
  if (h.addressee) expect(text.slice(h.addressee.span.start, h.addressee.span.end)).toBe(h.addressee.asPrinted);
}

describe('extractHeader on the first telegram (design.md section 3)', () => {
  const r = header(FIRST_TELEGRAM);
  const h = r.header;

  it('keeps every span', () => expectSpans(FIRST_TELEGRAM, h));

  it('reads title, numbers, classification, office and date', () => {
    expect(h.title?.value).toBe('Telegram from Soviet Ambassador N.V. Roshchin to Stalin, 7 October 1950');
    expect(h.identifiers.map((i) => [i.propertyId, i.value])).toEqual([
      ['cipher-number', '25348'],
      ['outgoing-number', '2318'],
    ]);
    expect(h.classification).toMatchObject({ value: 'Top Secret', asPrinted: 'Top Secret.' });
    expect(h.issuingOffice).toMatchObject({
      value: 'Second Chief Directorate of the General Staff of the Soviet Army',
      asPrinted: 'SECOND CHIEF DIRECTORATE OF THE GENERAL STAFF OF THE SOVIEV ARMY',
      entity: { type: 'Organization', slug: 'second-chief-directorate-general-staff' },
    });
    expect(h.dateSent).toMatchObject({ value: '1950-10-07', datatype: 'date', asPrinted: '7 October 1950' });
  });

  it('reads the distribution list with printed and normalised numbers', () => {
    expect(h.copies.map((c) => [c.number, c.numberAsPrinted, c.recipientAsPrinted, c.recipient?.slug])).toEqual([
      [1, '1', 'cde. Stalin', 'joseph-stalin'],
      [2, '2', 'cde. Stalin', 'joseph-stalin'],
      [3, '3', 'cde. Molotov', 'vyacheslav-molotov'],
      [4, '4', 'cde. Malenkov', 'georgy-malenkov'],
      [5, '1.', 'cde. Beria', 'lavrentiy-beria'],
      [6, '2.', 'cde Mikoyan', 'anastas-mikoyan'],
      [7, '3.', 'cde. Kaganovich', 'lazar-kaganovich'],
      [8, '4.', 'cde. Bulganin', 'nikolai-bulganin'],
    ]);
  });

  it('reads the received line without inventing a time zone', () => {
    expect(h.receivedFrom).toMatchObject({ value: 'Beijing', entity: { type: 'Place', slug: 'beijing' } });
    expect(h.dateReceived).toEqual({
      value: '1950-10-07T11:55:00',
      datatype: 'dateTime',
      timeZoneStated: false,
      asPrinted: '11: 55 on 7 October, 1950',
      span: expect.any(Object),
    });
  });

  it('reads priority, addressee and reference', () => {
    expect(h.priority).toMatchObject({ value: 'URGENT', gloss: 'vne ocherednaia', asPrinted: 'URGENT [*vne ocherednaia*]' });
    expect(h.addressee).toMatchObject({
      asPrinted: 'To FILIPPOV [STALIN]',
      name: 'FILIPPOV',
      editorialName: 'STALIN',
      isCodename: true,
      entity: { type: 'Person', slug: 'joseph-stalin' },
    });
    expect(h.references.map((x) => [x.relation, x.number, x.ownerRole])).toEqual([['in-reply-to', '4676', 'recipient']]);
  });

  it('reads signature, closing number and date; sender and recipient', () => {
    expect(h.signature).toMatchObject({ value: 'ROSHCHIN', entity: { type: 'Person', slug: 'nikolai-roshchin' } });
    expect(h.closingDate).toMatchObject({ value: '1950-10-07', asPrinted: '7.10.50' });
    expect(r.sender).toEqual({ type: 'Person', slug: 'nikolai-roshchin' });
    expect(r.recipient).toEqual({ type: 'Person', slug: 'joseph-stalin' });
    expect(r.report).toEqual([]);
    expect(r.entities?.map((e) => e.slug)).toContain('joseph-stalin');
  });
});

describe('extractHeader on other layouts', () => {
  it('reads consecutive header lines: number, classification, copy number, sent/received, "TO COMRADE"', () => {
    const text = [
      'CIPHERED TELEGRAM No. 4581',
      'Strictly Secret',
      'Copy No. 3',
      'From: Pyongyang',
      'To: Moscow',
      'Sent 10 October 1950 at 3:40',
      'Received 10 October 1950 at 9:15',
      'TO COMRADE FILIPPOV',
      'Re: your telegram No. 123',
      'The situation at the front has worsened considerably since yesterday evening.',
      'KIM IL SUNG',
    ].join('\n');
    const { header: h, sender, recipient } = header(text);
    expectSpans(text, h);
    expect(h.identifiers.map((i) => [i.propertyId, i.value])).toEqual([
      ['cipher-number', '4581'],
      ['copy-number', '3'],
    ]);
    expect(h.classification?.value).toBe('Strictly Secret');
    expect(h.dateSent?.value).toBe('1950-10-10T03:40:00');
    expect(h.dateReceived).toMatchObject({ value: '1950-10-10T09:15:00', timeZoneStated: false });
    expect(h.addressee).toMatchObject({ name: 'FILIPPOV', isCodename: true, entity: { slug: 'joseph-stalin' } });
    expect(h.references).toMatchObject([{ relation: 'in-reply-to', number: '123', ownerRole: 'recipient' }]);
    expect(h.signature?.value).toBe('KIM IL SUNG');
    expect(sender).toEqual({ type: 'Person', slug: 'kim-il-sung' });
    expect(recipient).toEqual({ type: 'Person', slug: 'joseph-stalin' });
  });

  it('reads a "Ciphered Telegram" header with a Roman-numeral date and "To my No."', () => {
    const text = 'Ciphered Telegram\n\nStrictly Secret\n\n20.IX.50\n\nTo Filippov\n\nTo my No. 4581\n\nThe answer has not yet come.\n\nZHOU ENLAI\n\nNo. 77\n\n20.IX.50';
    const { header: h, sender } = header(text);
    expectSpans(text, h);
    expect(h.dateSent?.value).toBe('1950-09-20');
    expect(h.addressee).toMatchObject({ name: 'Filippov', isCodename: true, entity: { slug: 'joseph-stalin' } });
    expect(h.references).toMatchObject([{ relation: 'refers-to', number: '4581', ownerRole: 'sender' }]);
    expect(h.identifiers).toMatchObject([{ propertyId: 'outgoing-number', value: '77' }]);
    expect(h.closingDate?.value).toBe('1950-09-20');
    expect(sender?.slug).toBe('zhou-enlai');
  });

  it('reads a stamp, a copy list without opener, "To:" with an honorific and an American date', () => {
    const text = '[Stamp: Incoming No. 777]\n\nOctober 7, 1950\n\n1 - cde. Stalin\n2 - cde. Vasilevsky\n\nMost urgent\n\nTo: Comrade Stalin\n\nIn reply to your No. 55\n\nThe talks are over.';
    const { header: h, recipient, entities } = header(text);
    expectSpans(text, h);
    expect(h.identifiers).toMatchObject([{ propertyId: 'registry-number', value: '777' }]);
    expect(h.dateSent?.value).toBe('1950-10-07');
    expect(h.copies.map((c) => [c.numberAsPrinted, c.recipient?.slug])).toEqual([
      ['1', 'joseph-stalin'],
      ['2', 'vasilevsky'],
    ]);
    expect(entities?.find((e) => e.slug === 'vasilevsky')).toMatchObject({ resolved: false, label: 'Vasilevsky', type: 'Person' });
    expect(h.priority?.value).toBe('MOST URGENT');
    expect(h.addressee).toMatchObject({ name: 'Stalin', isCodename: false });
    expect(recipient?.slug).toBe('joseph-stalin');
    expect(h.references).toMatchObject([{ relation: 'in-reply-to', number: '55', ownerRole: 'recipient' }]);
  });

  it('keeps an unknown addressee and signature as local entities', () => {
    const text = 'TOP SECRET\n\nTo GROMOV [VASILEVSKY]\n\nThe plan is approved by all of us here today.\n\nPETROV';
    const { header: h, sender, recipient, entities } = header(text);
    expect(h.classification?.value).toBe('Top Secret');
    // the bracket gives another name of the same (unknown) person: the printed name is its codename
    expect(h.addressee).toMatchObject({ name: 'GROMOV', editorialName: 'VASILEVSKY', isCodename: true, entity: { slug: 'vasilevsky' } });
    expect(recipient?.slug).toBe('vasilevsky');
    expect(sender?.slug).toBe('petrov');
    expect(entities?.filter((e) => !e.resolved).map((e) => [e.label, e.codenames])).toEqual([
      ['Vasilevsky', ['Gromov']],
      ['Petrov', []],
    ]);
  });

  it('reports a text without a header', () => {
    const text = 'MAO ZEDONG told me today that the troops are ready to move across the river.';
    const r = header(text);
    expect(r.report).toMatchObject([{ code: 'no-header', line: 1, column: 1 }]);
    expect(r.header).toMatchObject({ identifiers: [], copies: [], references: [] });
    expect(r.header.title).toBeUndefined();
    expect(header('').report.map((x) => x.code)).toEqual(['no-header']);
  });
});

describe('extractHeader with stated zones (data/lexicon/time-zones.yaml)', () => {
  it('applies the zone printed after a date-time, never one that is not printed', () => {
    const zones = { zones: { 'Pyongyang time': [{ offset: '+09:00', from: '1945-08-24' }], 'Moscow time': [{ offset: '+03:00' }] } };
    const zr = compileHeaderRules({ ...raw, lexicon: { ...raw.lexicon, 'time-zones': zones } });
    const text = 'Strictly Secret\n\nSent from Pyongyang 20.IX.50 at 23:50 Pyongyang time\nReceived 21.IX.50 at 05:10\n\nTO FILIPPOV\n\nThe talks went on until late at night today.';
    const { header: h } = extractHeader({ slug: 't', file: 't', text, segments: segmentText(text, zr.segmenter) }, zr, auth);
    expect(h.dateSent).toMatchObject({ value: '1950-09-20T23:50:00+09:00', timeZoneStated: true, timeZoneAsPrinted: 'Pyongyang time', asPrinted: '20.IX.50 at 23:50' });
    expect(h.dateReceived).toMatchObject({ value: '1950-09-21T05:10:00', timeZoneStated: false });
  });
});

/** Header expectations of the fixture cases (tests/fixtures/<case>/expected.yaml), where stated. */
describe.each(fixtureCases().map((c) => [c.name, c] as const))('fixture %s: header', (_name, c) => {
  const r = header(c.text);
  const h = r.header;
  const e = (c.expected['header'] ?? {}) as Record<string, unknown>;
  const zonesKnown = raw.lexicon['time-zones'] !== undefined;

  it('matches the expected header facts', () => {
    expectSpans(c.text, h);
    if (Array.isArray(e['identifiers'])) {
      // a value may be given as a list of acceptable readings
      const want = e['identifiers'] as { propertyId: string; value: string | string[] }[];
      expect(h.identifiers).toHaveLength(want.length);
      for (const w of want) {
        const ok = [w.value].flat();
        expect(h.identifiers.some((i) => i.propertyId === w.propertyId && ok.includes(i.value)), `${w.propertyId}=${ok.join('|')}`).toBe(true);
      }
    }
    if ('classification' in e) expect(h.classification?.value ?? null).toBe(e['classification']);
    if (typeof e['copies'] === 'number') expect(h.copies).toHaveLength(e['copies']);
    if (e['copyNumbersAsPrinted']) expect(h.copies.map((x) => x.numberAsPrinted)).toEqual(e['copyNumbersAsPrinted']);
    // copyRecipients may list only some recipients (a truncated list): each in order
    if (Array.isArray(e['copyRecipients'])) expect(h.copies.map((x) => x.recipientAsPrinted).slice(0, e['copyRecipients'].length)).toEqual(e['copyRecipients']);
    if (typeof e['receivedFrom'] === 'string') expect(h.receivedFrom?.value).toBe(e['receivedFrom']);
    for (const [key, got] of [['dateSent', h.dateSent], ['dateReceived', h.dateReceived]] as const) {
      const raw = e[key] as string | { value: string; zoneStated?: boolean; offset?: string } | undefined;
      if (!raw) continue;
      const want = typeof raw === 'string' ? { value: raw } : raw;
      expect(got?.value.startsWith(want.value), `${key} ${got?.value}`).toBe(true);
      if (want.zoneStated === false) expect(got?.timeZoneStated).toBe(false);
      if (want.zoneStated && zonesKnown) expect(got).toMatchObject({ timeZoneStated: true, value: expect.stringMatching(new RegExp(`${want.offset?.replace('+', '\\+')}$`)) });
    }
    if ('addressee' in e) {
      const want = e['addressee'] as { name: string; editorialName?: string; isCodename?: boolean; entity?: string } | null;
      if (want === null) expect(h.addressee).toBeUndefined();
      else {
        expect(h.addressee).toMatchObject({ name: want.name, ...(want.editorialName ? { editorialName: want.editorialName } : {}), ...(want.isCodename !== undefined ? { isCodename: want.isCodename } : {}) });
        if (want.entity) expect(h.addressee?.entity?.slug).toBe(want.entity);
      }
    }
    if (Array.isArray(e['references'])) expect(h.references).toMatchObject(e['references']);
    if (e['signature']) expect(h.signature?.value).toBe(e['signature']);
    if (e['closingDate']) expect(h.closingDate?.value).toBe(e['closingDate']);
    if ('priority' in e) expect(h.priority?.value ?? null).toBe(e['priority']);
    expect(r.report.some((x) => x.code === 'no-header')).toBe(e['noHeader'] === true);
  });

  it('finds the expected sender and recipient', () => {
    const sender = c.expected['sender'] as { slug?: string; names?: string[] } | undefined;
    const recipient = c.expected['recipient'] as { slug?: string } | undefined;
    if (sender?.slug) expect(r.sender?.slug).toBe(sender.slug);
    if (sender?.names) {
      const d = r.entities?.find((x) => x.slug === r.sender?.slug);
      const names = [d?.label ?? '', ...(d?.alternateNames ?? [])].map((n) => n.toLowerCase());
      for (const n of sender.names) expect(names).toContain(n.toLowerCase());
    }
    if (recipient?.slug) expect(r.recipient?.slug).toBe(recipient.slug);
    const rnames = (c.expected['recipient'] as { names?: string[] } | undefined)?.names;
    if (rnames) {
      const d = r.entities?.find((x) => x.slug === r.recipient?.slug);
      const names = [d?.label ?? '', ...(d?.alternateNames ?? [])].map((n) => n.toLowerCase());
      for (const n of rnames) expect(names).toContain(n.toLowerCase());
    }
  });
});
