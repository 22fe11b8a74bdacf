import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { compileAuthorities } from '../../src/extract/authorities.js';
import { compileHeaderRules } from '../../src/extract/header.js';
import { compileNameRules, extractMentions, stripHonorifics, type MentionResult } from '../../src/extract/mentions.js';
import { segmentText } from '../../src/text/segment.js';
import { FIRST_TELEGRAM, fixtureCases, projectInputs } from './load-test-inputs.js';

const raw = projectInputs();
const auth = compileAuthorities(raw);
const names = compileNameRules(raw);
const seg = compileHeaderRules(raw).segmenter;

function mentions(text: string): MentionResult {
  return extractMentions({ slug: 't', file: 't.txt', text, segments: segmentText(text, seg) }, names, auth);
}

describe('extractMentions on the first telegram', () => {
  const r = mentions(FIRST_TELEGRAM);
  const slugs = new Set(r.mentions.map((m) => m.entity.slug));

  it('finds every person, place, organisation, country and group, each span slicing back', () => {
    for (const s of ['joseph-stalin', 'nikolai-roshchin', 'mao-zedong', 'zhou-enlai', 'lin-biao', 'shi-zhe', 'nikolai-fedorenko', 'u-su-xian',
      'vyacheslav-molotov', 'georgy-malenkov', 'lavrentiy-beria', 'anastas-mikoyan', 'lazar-kaganovich', 'nikolai-bulganin',
      'korea', 'shanghai', 'tianjin', 'beijing', 'shenyang', 'anshan', 'fushun', 'irkutsk',
      'soviet-union', 'china', 'united-states', 'korean-friends', 'chinese-friends', 'ccp-politburo', 'second-chief-directorate-general-staff']) {
      expect(slugs, s).toContain(s);
    }
    for (const m of r.mentions) expect(FIRST_TELEGRAM.slice(m.span.start, m.span.end)).toBe(m.surface);
  });

  it('marks the editorial bracket, knows no unresolved name, and lists each entity once', () => {
    expect(r.mentions.filter((m) => m.via === 'editorial-bracket').map((m) => m.surface)).toEqual(['STALIN']);
    expect(r.mentions.find((m) => m.surface === 'FILIPPOV')).toMatchObject({ via: 'authority', entity: { slug: 'joseph-stalin' } });
    expect(r.report).toEqual([]);
    const keys = r.entities.map((e) => `${e.type}/${e.slug}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(r.entities.every((e) => e.resolved)).toBe(true);
    expect(r.mentions.some((m) => m.surface === 'American')).toBe(false);
    for (let i = 1; i < r.mentions.length; i++) expect(r.mentions[i]!.span.start).toBeGreaterThanOrEqual(r.mentions[i - 1]!.span.end);
  });
});

describe('extractMentions on unknown names', () => {
  const text = [
    'URGENT',
    '',
    'TO COMRADE FILIPPOV',
    '',
    'Comrade GAO GANG and cde. Vasilevsky met KIM IL SUNG and PENG DEHUAI in Pyongyang. I told KIM IL SUNG that the General Staff agrees.',
    '',
    'TOP SECRET matters were not discussed on 20.IX.50 by the CCP and the USSR.',
    '',
    'ROSHCHIN',
  ].join('\n');
  const r = mentions(text);

  it('mints local persons for names introduced by an honorific or printed in capitals', () => {
    const unresolved = r.mentions.filter((m) => m.via === 'name-pattern' && m.entity.type === 'Person').map((m) => [m.surface, m.entity.slug]);
    expect(unresolved).toEqual([
      ['GAO GANG', 'gao-gang'],
      ['Vasilevsky', 'vasilevsky'],
      ['KIM IL SUNG', 'kim-il-sung'],
      ['PENG DEHUAI', 'peng-dehuai'],
      ['KIM IL SUNG', 'kim-il-sung'],
    ]);
    expect(r.entities.find((e) => e.slug === 'kim-il-sung')).toMatchObject({ type: 'Person', label: 'Kim Il Sung', resolved: false, sameAs: [] });
    // a capitalised word after "in" is an unknown place (data/lexicon/name-cues.yaml)
    expect(r.mentions.find((m) => m.surface === 'Pyongyang')?.entity).toEqual({ type: 'Place', slug: 'pyongyang' });
  });

  it('reports each unresolved name once, at its first occurrence', () => {
    expect(r.report.map((x) => [x.code, x.text, x.line])).toEqual([
      ['unresolved-name', 'GAO GANG', 5],
      ['unresolved-name', 'Vasilevsky', 5],
      ['unresolved-name', 'KIM IL SUNG', 5],
      ['unresolved-name', 'PENG DEHUAI', 5],
      ['unresolved-name', 'Pyongyang', 5],
    ]);
    for (const x of r.report) expect(text.slice(x.span.start, x.span.end)).toBe(x.text);
  });

  it('does not take header words, acronyms, "I" or Roman numerals for names', () => {
    const surfaces = r.mentions.map((m) => m.surface);
    for (const s of ['URGENT', 'TOP SECRET', 'TOP', 'SECRET', 'I', 'IX', 'CCP', 'COMRADE', 'Staff', 'General Staff']) expect(surfaces).not.toContain(s);
    expect(r.mentions.find((m) => m.surface === 'USSR')?.entity.slug).toBe('soviet-union');
    expect(r.mentions.find((m) => m.surface === 'FILIPPOV')?.entity.slug).toBe('joseph-stalin');
  });

  it('strips honorifics', () => {
    expect(stripHonorifics('cde. Stalin', names)).toBe('Stalin');
    expect(stripHonorifics('cde Mikoyan', names)).toBe('Mikoyan');
    expect(stripHonorifics('COMRADE GAO GANG', names)).toBe('GAO GANG');
    expect(stripHonorifics('Marshal', names)).toBe('Marshal');
  });

  it('rejects a malformed names lexicon', () => {
    expect(() => compileNameRules({ lexicon: { names: { honorifics: 'cde' } }, authorities: [] })).toThrow(ConfigError);
    expect(() => compileNameRules({ lexicon: { names: { defaultUnknownType: 'Thing' } }, authorities: [] })).toThrow(/defaultUnknownType/);
  });
});

/** Person and unresolved-name expectations of the fixture cases (tests/fixtures/<case>/expected.yaml). */
describe.each(fixtureCases().map((c) => [c.name, c] as const))('fixture %s: mentions', (_name, c) => {
  const r = mentions(c.text);

  it('finds the expected persons, resolved or not', () => {
    const persons = (c.expected['persons'] ?? []) as { surface: string; slug?: string; resolved?: boolean }[];
    for (const p of persons) {
      const m = r.mentions.find((x) => x.surface === p.surface || x.surface.endsWith(` ${p.surface}`));
      expect(m, p.surface).toBeDefined();
      if (p.slug) expect(m?.entity.slug).toBe(p.slug);
      const d = r.entities.find((x) => x.slug === m?.entity.slug && x.type === m?.entity.type);
      if (p.resolved !== undefined) expect(d?.resolved, p.surface).toBe(p.resolved);
    }
  });

  it('reports the expected unresolved names once each', () => {
    const wanted = ((c.expected['reports'] ?? []) as { code: string; text?: string }[]).filter((x) => x.code === 'unresolved-name');
    for (const w of wanted) expect(r.report.filter((x) => x.code === 'unresolved-name' && x.text === w.text), w.text).toHaveLength(1);
  });
});
