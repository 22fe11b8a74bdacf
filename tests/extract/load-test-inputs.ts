// Test helper: the project's data/ lexicons and authorities, compiled once per test file.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { RawInputs } from '../../src/extract/inputs.js';

const DATA = new URL('../../data/', import.meta.url);

function yamlFile(path: string): unknown {
  return parse(readFileSync(new URL(path, DATA), 'utf8')) as unknown;
}

/** RawInputs read from data/ synchronously (lexicons used by my extractors, all authorities). */
export function projectInputs(): RawInputs {
  const lexicon: Record<string, unknown> = {};
  for (const name of ['dates', 'header', 'names']) lexicon[name] = yamlFile(`lexicon/${name}.yaml`);
  const authorities = ['persons', 'places', 'organizations', 'countries', 'groups'].flatMap((f) => yamlFile(`authorities/${f}.yaml`) as unknown[]);
  return { lexicon, authorities };
}

export const FIRST_TELEGRAM = readFileSync(new URL('telegrams/1950-10-07-roshchin-to-filippov.txt', DATA), 'utf8');
