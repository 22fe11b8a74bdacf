// Test helper: the project's data/ lexicons and authorities, compiled once per test file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { RawInputs } from '../../src/extract/inputs.js';

const DATA = new URL('../../data/', import.meta.url);

function yamlFile(path: string): unknown {
  return parse(readFileSync(new URL(path, DATA), 'utf8')) as unknown;
}

/** RawInputs read from data/ synchronously (lexicons used by my extractors, all authorities). */
export function projectInputs(): RawInputs {
  const lexicon: Record<string, unknown> = {};
  for (const name of ['dates', 'header', 'names', 'name-cues', 'time-zones']) {
    if (existsSync(new URL(`lexicon/${name}.yaml`, DATA))) lexicon[name] = yamlFile(`lexicon/${name}.yaml`);
  }
  const authorities = ['persons', 'places', 'organizations', 'countries', 'groups'].flatMap((f) => yamlFile(`authorities/${f}.yaml`) as unknown[]);
  return { lexicon, authorities };
}

export const FIRST_TELEGRAM = readFileSync(new URL('telegrams/1950-10-07-roshchin-to-filippov.txt', DATA), 'utf8');

/** The fixture cases of tests/fixtures/<case>/ that have both input.txt and expected.yaml. */
export function fixtureCases(): { name: string; text: string; expected: Record<string, unknown> }[] {
  const dir = new URL('../fixtures/', import.meta.url);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => existsSync(new URL(`${n}/input.txt`, dir)) && existsSync(new URL(`${n}/expected.yaml`, dir)))
    .sort()
    .map((name) => ({
      name,
      text: readFileSync(new URL(`${name}/input.txt`, dir), 'utf8'),
      expected: (parse(readFileSync(new URL(`${name}/expected.yaml`, dir), 'utf8')) ?? {}) as Record<string, unknown>,
    }));
}
