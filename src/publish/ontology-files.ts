// **ontology-files** takes a file name in ontology/ and returns its text (or parsed JSON): the
// JSON-LD context and frame the serializers need when the caller does not pass them in.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors.js';

/**
 * Finds the project's ontology/ folder by walking up from this module (src/publish/ when run
 * from sources, build/src/publish/ when compiled).
 */
export function findOntologyDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'ontology');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new ConfigError(`no ontology/ folder found above ${from}`, 'no-ontology-dir');
    dir = parent;
  }
}

/** Reads ontology/{name} as UTF-8. Throws ConfigError naming the path when it is missing. */
export function readOntologyFile(name: string, dir: string = findOntologyDir()): string {
  const path = join(dir, name);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${path}: ${(error as Error).message}`, 'ontology-file', { cause: error });
  }
}

/** Reads and parses ontology/{name} as JSON. Throws ConfigError naming the path on bad JSON. */
export function readOntologyJson(name: string, dir: string = findOntologyDir()): unknown {
  const text = readOntologyFile(name, dir);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError(`${join(dir, name)} is not valid JSON: ${(error as Error).message}`, 'ontology-json', { cause: error });
  }
}

/** Name and version of the software, from the project's package.json. */
export function readPackageInfo(dir: string = dirname(findOntologyDir())): { name: string; version: string } {
  const path = join(dir, 'package.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new ConfigError(`cannot read ${path}: ${(error as Error).message}`, 'package-json', { cause: error });
  }
  const record = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const name = typeof record['name'] === 'string' ? record['name'] : 'cablegraph';
  const version = typeof record['version'] === 'string' ? record['version'] : '0.0.0';
  return { name, version };
}
