// Tests src/extract/name-cues.ts with data/lexicon/name-cues.yaml: unknown places by the words
// around them, persons before a reporting verb or after initials, repeated and coordinated names,
// and what is never a place (months, honorifics, adjectives of nationality, longer names).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError } from '../../src/errors.js';
import { compileNameCues, findCuedNames, repeatNames, type CuedName } from '../../src/extract/name-cues.js';

const cues = compileNameCues({ lexicon: { 'name-cues': parse(readFileSync('data/lexicon/name-cues.yaml', 'utf8')) as unknown }, authorities: [] });
const NOT_NAMES = new Set(['COMRADE', 'CDE', 'MARSHAL', 'ARMY', 'STAFF']);

function found(text: string): [string, string][] {
  return findCuedNames(text, 0, cues, NOT_NAMES).map((c) => [c.name, c.type]);
}

describe('findCuedNames', () => {
  it('finds places after prepositions, "the city of", and with a generic start or end word', () => {
    expect(found('The troops crossed the Han River near Seoul and moved towards Suwon.')).toEqual([
      ['Han River', 'Place'],
      ['Seoul', 'Place'],
      ['Suwon', 'Place'],
    ]);
    expect(found('In the city of Anju two divisions are ready. From Port Arthur cadets were sent.')).toEqual([
      ['Anju', 'Place'],
      ['Port Arthur', 'Place'],
    ]);
  });

  it('finds places before a generic word (area, station, front, time)', () => {
    expect(found('Units retreat into the Tokchon area; wagons wait at the Grodekovo station; at 22:00 Pyongyang time.').map((x) => x[0])).toEqual(
      expect.arrayContaining(['Tokchon', 'Grodekovo', 'Pyongyang']),
    );
  });

  it('never takes months, honorifics, nationality adjectives or longer names for places', () => {
    const names = found('In July we wrote to Comrade Kim. Sent to Kim Il Sung in October to the Korean command near the Korean People\'s Army.').map((x) => x[0]);
    for (const n of ['July', 'October', 'Comrade', 'Kim', 'Korean']) expect(names).not.toContain(n);
  });

  it('finds persons before a reporting verb (two or three words) and after initials', () => {
    expect(found('Pak Heon-yeong added that the city is calm. Peng Dehuai will command.')).toEqual([
      ['Pak Heon-yeong', 'Person'],
      ['Peng Dehuai', 'Person'],
    ]);
    expect(found('Signed: A.Ya. Vyshinsky and T.F. SHTYKOV. No. 415 was sent by A. Gromyko.')).toEqual([
      ['Vyshinsky', 'Person'],
      ['SHTYKOV', 'Person'],
      ['Gromyko', 'Person'],
    ]);
  });
});

describe('repeatNames', () => {
  it('repeats a name at its other occurrences and follows coordinated places', () => {
    const text = 'Aviation will cover Antung, Mukden and Dalny. The bridge near Antung stands.';
    const seeds: CuedName[] = findCuedNames(text, 0, cues, NOT_NAMES);
    const all = repeatNames(text, [{ start: 0, end: text.length }], seeds, cues, NOT_NAMES).map((c) => [c.name, c.start]);
    expect(all).toEqual([
      ['Antung', text.indexOf('Antung')],
      ['Mukden', text.indexOf('Mukden')],
      ['Dalny', text.indexOf('Dalny')],
      ['Antung', text.lastIndexOf('Antung')],
    ]);
  });
});

it('rejects a malformed cue lexicon', () => {
  expect(() => compileNameCues({ lexicon: { 'name-cues': { places: { before: 'in' } } }, authorities: [] })).toThrow(ConfigError);
  expect(() => compileNameCues({ lexicon: { 'name-cues': { persons: { initials: 'yes' } } }, authorities: [] })).toThrow(/initials/);
});
