import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { compileAuthorities, localEntity, lookupAuthority, matchAuthorities, slugify, transliterate } from '../../src/extract/authorities.js';
import { projectInputs } from './load-test-inputs.js';

const raw = projectInputs();
const auth = compileAuthorities(raw);
const entry = (slug: string) => auth.entries.find((e) => e.slug === slug);
const found = (text: string) => matchAuthorities(text, auth).map((m) => [m.surface, m.entry.slug]);

/** QID → status, from ../shared/authorities.csv (a small CSV reader: quoted fields, doubled quotes). */
function csvStatuses(): Map<string, string> {
  const text = readFileSync(new URL('../../../shared/authorities.csv', import.meta.url), 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  const header = rows[0] ?? [];
  const q = header.indexOf('wikidata_qid');
  const s = header.indexOf('status');
  return new Map(rows.slice(1).filter((r) => r[q]).map((r) => [r[q] ?? '', r[s] ?? '']));
}

describe('data/authorities', () => {
  it('has sameAs only for IDs the CSV marks verified, and every verified CSV ID is used', () => {
    const statuses = csvStatuses();
    const used = auth.entries.flatMap((e) => e.sameAs.map((iri) => iri.replace('http://www.wikidata.org/entity/', '')));
    for (const qid of used) expect(statuses.get(qid), qid).toMatch(/^verified/);
    for (const [qid, status] of statuses) if (status.startsWith('verified')) expect(used, qid).toContain(qid);
    for (const e of auth.entries.filter((x) => x.sameAs.length === 0)) expect(e.resolved).toBe(true);
  });

  it('describes Stalin with his codename and the unverified or hypothetical entries without IDs', () => {
    expect(entry('joseph-stalin')).toMatchObject({ label: 'Joseph Stalin', codenames: ['Filippov'], sameAs: ['http://www.wikidata.org/entity/Q855'] });
    expect(entry('joseph-stalin')?.alternateNames).toEqual(expect.arrayContaining(['FILIPPOV', 'STALIN', 'Stalin']));
    expect(entry('u-su-xian')).toMatchObject({ type: 'Person', label: 'U Su Xian', sameAs: [] });
    expect(entry('u-su-xian')?.note).toMatch(/Wu Xiuquan is a probable identification/);
    expect(entry('korean-friends')).toMatchObject({ type: 'Group', sameAs: [], related: ['http://www.wikidata.org/entity/Q423'] });
    expect(entry('nikolai-roshchin')?.sameAs).toEqual([]);
    for (const e of auth.entries) expect(e.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('matchAuthorities', () => {
  it('takes the longest match, without overlaps, in reading order', () => {
    expect(found('the Korean friends said Korea')).toEqual([
      ['Korean friends', 'korean-friends'],
      ['Korea', 'korea'],
    ]);
    expect(found('MAO ZEDONG and Mao Zedong and ZHOU ENLAI')).toEqual([
      ['MAO ZEDONG', 'mao-zedong'],
      ['Mao Zedong', 'mao-zedong'],
      ['ZHOU ENLAI', 'zhou-enlai'],
    ]);
  });

  it('matches ALL CAPS and Title Case forms, but short forms only as written', () => {
    expect(found('IRKUTSK, Irkutsk; the US corps; let us go; USSR; ussr')).toEqual([
      ['IRKUTSK', 'irkutsk'],
      ['Irkutsk', 'irkutsk'],
      ['US', 'united-states'],
      ['USSR', 'soviet-union'],
    ]);
  });

  it('skips blocking phrases and keeps spans with an offset', () => {
    expect(found('two hundred million American dollars from the Americans')).toEqual([['Americans', 'united-states']]);
    const [m] = matchAuthorities('xx Beijing', auth, 100);
    expect(m?.span).toEqual({ start: 103, end: 110 });
    expect(found('the U.S. corps')).toEqual([['U.S.', 'united-states']]);
  });

  it('looks up whole names and mints local entities for unknown ones', () => {
    expect(lookupAuthority('FILIPPOV', auth)?.slug).toBe('joseph-stalin');
    expect(lookupAuthority('MAO', auth)?.slug).toBe('mao-zedong');
    expect(lookupAuthority('Stalin and Molotov', auth)).toBeUndefined();
    expect(lookupAuthority('GAO GANG', auth)).toBeUndefined();
    expect(localEntity('GAO GANG', 'Person', auth)).toMatchObject({ slug: 'gao-gang', label: 'Gao Gang', resolved: false, sameAs: [] });
    expect(localEntity('Beijing', 'Place', auth).slug).toBe('beijing-unresolved');
    expect(slugify('Žukov  Ü')).toBe('zukov-u');
    expect(slugify('Жуков')).toMatch(/^name-/);
    // local names in Cyrillic get a Latin slug and alternate name (data/lexicon/names.yaml transliteration)
    expect(transliterate('РОЩИН', auth)).toBe('ROSHCHIN');
    expect(transliterate('Жуков', auth)).toBe('Zhukov');
    expect(transliterate('Kovalev', auth)).toBeUndefined();
    expect(localEntity('РОЩИН', 'Person', auth)).toMatchObject({ slug: 'roshchin', label: 'Рощин', alternateNames: ['РОЩИН', 'Roshchin'] });
    expect(localEntity('MATVEEV', 'Person', auth, 'ZAKHAROV')).toMatchObject({ slug: 'zakharov', label: 'Zakharov', codenames: ['Matveev'] });
  });
});

describe('compileAuthorities validation', () => {
  const good = { slug: 'x-y', type: 'Person', label: 'X Y', surfaceForms: ['X Y'], status: 'verified' };
  const compile = (...authorities: unknown[]) => () => compileAuthorities({ lexicon: {}, authorities });

  it.each([
    [{ ...good, slug: 'X Y' }, /persons\.yaml: entry "X Y": "slug" must be ASCII kebab-case/],
    [{ ...good, type: 'Thing' }, /\*\.yaml: entry "x-y": "type" must be one of/],
    [{ ...good, label: '' }, /"label"/],
    [{ ...good, status: 'unverified', sameAs: ['http://www.wikidata.org/entity/Q1'] }, /sameAs is only allowed for verified entries/],
    [{ ...good, sameAs: ['https://www.wikidata.org/wiki/Q1'] }, /not a Wikidata entity IRI/],
    [{ ...good, surfaceForms: 'X' }, /"surfaceForms" must be a list/],
    [{ ...good, extra: 1 }, /unknown field "extra"/],
    [{ ...good, caseSensitive: ['Z'] }, /caseSensitive form "Z"/],
    ['just a string', /entry #1: expected a mapping/],
  ])('rejects %j', (bad, message) => {
    expect(compile(bad)).toThrow(ConfigError);
    expect(compile(bad)).toThrow(message);
  });

  it('rejects duplicate slugs and a form shared by two entries', () => {
    expect(compile(good, good)).toThrow(/duplicate slug Person\/x-y/);
    expect(compile(good, { ...good, slug: 'z' })).toThrow(/entry "z": surface form "X Y" is already a form of Person\/x-y/);
  });
});
