// Tests ontology/shapes.ttl: valid-*.ttl conform (with exactly the warnings they announce),
// invalid-*.ttl fail with exactly the messages they announce; every constraint carries a message.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Parser, Store } from 'n3';
import { describe, expect, it } from 'vitest';
import { parseShapes, validateGraph, type ShapeViolation } from '../../src/validate/shacl.js';

const HERE = import.meta.dirname;
const ONTOLOGY = resolve(HERE, '../../ontology');
const SHAPES = readFileSync(join(ONTOLOGY, 'shapes.ttl'), 'utf8');
const SH = 'http://www.w3.org/ns/shacl#';

/** `# expect-violation: …` and `# expect-warning: …` lines of a test file. */
function expectations(text: string, kind: 'violation' | 'warning'): string[] {
  return [...text.matchAll(new RegExp(`^# expect-${kind}: (.+)$`, 'gm'))].map((m) => m[1] ?? '');
}

async function check(file: string): Promise<{ readonly text: string; readonly results: readonly ShapeViolation[]; readonly conforms: boolean }> {
  const text = readFileSync(file, 'utf8');
  const quads = new Parser({ format: 'text/turtle' }).parse(text);
  const report = await validateGraph(quads, SHAPES);
  return { text, results: report.violations, conforms: report.conforms };
}

/** Every result of `severity` matches one expectation, and every expectation matches a result. */
function expectExactly(results: readonly ShapeViolation[], expected: readonly string[], severity: ShapeViolation['severity']): void {
  const messages = results.filter((r) => r.severity === severity).map((r) => r.message);
  for (const m of messages) expect(expected.some((e) => m.includes(e)), `unexpected ${severity}: ${m}`).toBe(true);
  for (const e of expected) expect(messages.some((m) => m.includes(e)), `expected ${severity} "${e}" in:\n${messages.join('\n')}`).toBe(true);
}

const files = readdirSync(HERE).filter((f) => f.endsWith('.ttl')).sort();
const valid = files.filter((f) => f.startsWith('valid-'));
const invalid = files.filter((f) => f.startsWith('invalid-'));

describe('shapes: valid data', () => {
  it('has test files of both kinds', () => {
    expect(valid.length).toBeGreaterThanOrEqual(3);
    expect(invalid.length).toBeGreaterThanOrEqual(10);
  });

  it.each(valid)('%s conforms', async (name) => {
    const { text, results, conforms } = await check(join(HERE, name));
    expect(results.filter((r) => r.severity === 'violation')).toEqual([]);
    expect(conforms).toBe(true);
    expectExactly(results, expectations(text, 'warning'), 'warning');
  });

  it('ontology/examples/telegram.ttl conforms without warnings', async () => {
    const { results, conforms } = await check(join(ONTOLOGY, 'examples/telegram.ttl'));
    expect(results).toEqual([]);
    expect(conforms).toBe(true);
  });
});

describe('shapes: invalid data', () => {
  it.each(invalid)('%s fails with the expected messages', async (name) => {
    const { text, results, conforms } = await check(join(HERE, name));
    const expected = expectations(text, 'violation');
    expect(expected.length, `${name} announces no "# expect-violation:"`).toBeGreaterThan(0);
    expect(conforms).toBe(false);
    expectExactly(results, expected, 'violation');
  });

  it('messages are readable: focus node filled in, shape and file named', async () => {
    const { results } = await check(join(HERE, 'invalid-telegram-no-text.ttl'));
    expect(results.find((r) => r.severity === 'violation')).toEqual({
      focusNode: '<http://x/t>',
      path: 'schema:text',
      message: 'telegram <http://x/t> has no schema:text; cg:TelegramShape requires exactly one schema:text, the full text (ontology/shapes.ttl)',
      severity: 'violation',
    });
  });

  it('reports an inverse path with ^', async () => {
    const { results } = await check(join(HERE, 'invalid-copy.ttl'));
    expect(results.map((r) => r.path)).toContain('^cg:copy');
  });
});

describe('shapes: the shapes file', () => {
  const store: Store = parseShapes(SHAPES);
  const node = (iri: string) => store.getQuads(null, null, null, null).find((q) => q.subject.value === iri)?.subject;

  it('gives every property shape and every node-level constraint a sh:message', () => {
    const propertyShapes = store.getObjects(null, `${SH}property`, null);
    expect(propertyShapes.length).toBeGreaterThan(50);
    for (const p of propertyShapes) {
      expect(store.getObjects(p, `${SH}message`, null).length, `property shape on ${store.getObjects(p, `${SH}path`, null)[0]?.value}`).toBeGreaterThan(0);
    }
    for (const s of store.getSubjects(`${SH}or`, null, null).filter((s) => store.getSubjects(`${SH}property`, s, null).length === 0)) {
      if (s.termType === 'NamedNode') expect(store.getObjects(s, `${SH}message`, null).length, s.value).toBeGreaterThan(0);
    }
  });

  it('marks "should have a sender" as a warning, never a violation', () => {
    const senderShapes = store.getSubjects(`${SH}path`, 'https://schema.org/sender', null).filter((s) => store.getObjects(s, `${SH}minCount`, null).length > 0);
    expect(senderShapes).toHaveLength(1);
    expect(store.getObjects(senderShapes[0] ?? null, `${SH}severity`, null).map((o) => o.value)).toEqual([`${SH}Warning`]);
    expect(node('https://w3id.org/cablegraph/ontology#TelegramShape')).toBeDefined();
  });

  it('reports a syntax error in the shapes as a ConfigError naming the file', () => {
    expect(() => parseShapes('@prefix sh: <x> . sh:a sh:b', 'ontology/shapes.ttl')).toThrowError(/^ontology\/shapes\.ttl: /);
  });
});
