// serializeQuads and frameTelegrams: every format parses back, with an independent parser, to a
// graph isomorphic to the input; output is byte-identical for identical input.
import type { Quad } from '@rdfjs/types';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { afterAll, describe, expect, it } from 'vitest';
import { RDF_FORMATS } from '../../src/publish/formats.js';
import { frameTelegrams, serializeQuads } from '../../src/publish/serialize.js';
import { hasRapper, parseBack, pythonWithRdflib } from './parse-back.js';
import { BASE, mergeGraphs, sampleQuads } from './sample-graph.js';

const quads = sampleQuads();

/** Messages along an error's cause chain (jsonld wraps causes in `details.cause`). */
function causeMessages(error: unknown): string[] {
  const out: string[] = [];
  for (let e = error, depth = 0; e instanceof Object && depth < 5; depth++) {
    const record = e as { message?: unknown; cause?: unknown; details?: { cause?: unknown } };
    out.push(String(record.message));
    e = record.cause ?? record.details?.cause;
  }
  return out;
}
const tmp = mkdtempSync(join(tmpdir(), 'cablegraph-serialize-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('serializeQuads', () => {
  it.each(RDF_FORMATS.map((f) => [f.name, f.quads] as const))('%s parses back to an isomorphic graph', async (name, keepsGraphs) => {
    const text = await serializeQuads(quads, name, { base: BASE });
    const parsed = await parseBack(text, name);
    const expected = keepsGraphs ? quads : mergeGraphs(quads);
    expect(parsed.length).toBe(expected.length);
    expect(isomorphic(parsed, expected)).toBe(true);
  });

  it.each(RDF_FORMATS.map((f) => [f.name]))('%s is byte-identical for the same quads in another order', async (name) => {
    const a = await serializeQuads(quads, name, { base: BASE });
    const b = await serializeQuads([...quads].reverse(), name, { base: BASE });
    expect(b).toBe(a);
  });

  it('drops duplicate quads', async () => {
    const once = await serializeQuads(quads, 'nquads', { base: BASE });
    const twice = await serializeQuads([...quads, ...quads], 'nquads', { base: BASE });
    expect(twice).toBe(once);
  });

  it('merges graphs in quad formats when asked', async () => {
    const text = await serializeQuads(quads, 'nquads', { base: BASE, graphs: 'merge' });
    const parsed = new Parser({ format: 'N-Quads' }).parse(text);
    expect(parsed.every((q) => q.graph.termType === 'DefaultGraph')).toBe(true);
    expect(isomorphic(parsed, mergeGraphs(quads))).toBe(true);
  });

  it('writes Turtle with the fixed prefixes and the data prefixes of the base', async () => {
    const text = await serializeQuads(quads, 'turtle', { base: BASE });
    expect(text).toContain('@prefix cg: <https://w3id.org/cablegraph/ontology#>.');
    expect(text).toContain(`@prefix data: <${BASE}id/>.`);
    expect(text).toContain('person:a a schema:Person');
  });

  it('refers to the context by URL when given one, and still reads back with a local loader', async () => {
    const url = `${BASE}context.jsonld`;
    const text = await serializeQuads(quads, 'jsonld', { base: BASE, contextUrl: url });
    expect((JSON.parse(text) as { '@context': unknown })['@context']).toBe(url);
  });

  it('refuses a remote context that is not available locally', async () => {
    const context = { '@context': 'https://example.org/remote-context.jsonld' };
    const error: unknown = await serializeQuads(quads, 'jsonld', { base: BASE, context }).then(() => undefined, (e: unknown) => e);
    expect(causeMessages(error).join(' | ')).toMatch(/never fetched over the network/);
  });

  it('refuses literals that XML 1.0 cannot carry in RDF/XML, naming the character', async () => {
    const bad = new Parser().parse('<http://a/s> <http://a/p> "form\\ffeed" .');
    await expect(serializeQuads(bad, 'rdfxml', { base: BASE })).rejects.toThrow(/U\+000C/);
  });

  it('refuses predicates with no XML local name in RDF/XML', async () => {
    const bad = new Parser().parse('<http://a/s> <http://a/p/> "x" .');
    await expect(serializeQuads(bad, 'rdfxml', { base: BASE })).rejects.toThrow(/no XML local name/);
  });

  it('declares a generated namespace for predicates outside the prefix table', async () => {
    const other: Quad[] = new Parser().parse('<http://a/s> <http://example.org/v/p1> "x" .');
    const text = await serializeQuads(other, 'rdfxml', { base: BASE });
    expect(text).toContain('xmlns:ns1="http://example.org/v/"');
    expect(isomorphic(await parseBack(text, 'rdfxml'), other)).toBe(true);
  });
});

describe('external parsers', () => {
  const py = pythonWithRdflib();
  it.skipIf(!hasRapper())('rapper reads the RDF/XML, Turtle and N-Triples to the same triples', async () => {
    for (const [name, syntax] of [['rdfxml', 'rdfxml'], ['turtle', 'turtle'], ['ntriples', 'ntriples']] as const) {
      const file = join(tmp, `sample.${name}`);
      writeFileSync(file, await serializeQuads(quads, name, { base: BASE }));
      const r = spawnSync('rapper', ['-q', '-i', syntax, '-o', 'ntriples', file, BASE], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(isomorphic(new Parser({ format: 'N-Triples' }).parse(r.stdout), mergeGraphs(quads))).toBe(true);
    }
  });

  it.skipIf(py === undefined)('python rdflib reads every format to an isomorphic graph', async () => {
    const files: Record<string, string> = {};
    for (const f of RDF_FORMATS) {
      files[f.name] = join(tmp, `py.${f.extensions[0] ?? f.name}`);
      writeFileSync(files[f.name] ?? '', await serializeQuads(quads, f.name, { base: BASE, graphs: 'merge' }));
    }
    const script = `
import sys, json
from rdflib import Graph, ConjunctiveGraph
from rdflib.compare import isomorphic
files = json.loads(sys.argv[1])
fmt = {'turtle': 'turtle', 'ntriples': 'nt', 'nquads': 'nquads', 'trig': 'trig', 'jsonld': 'json-ld', 'rdfxml': 'xml'}
ref = Graph(); ref.parse(files['ntriples'], format='nt')
for name, path in files.items():
    g = ConjunctiveGraph(); g.parse(path, format=fmt[name])
    flat = Graph()
    for t in g.triples((None, None, None)): flat.add(t)
    print(name, len(flat), isomorphic(flat, ref))
`;
    const r = spawnSync(py ?? 'python3', ['-c', script, JSON.stringify(files)], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(RDF_FORMATS.length);
    for (const line of lines) expect(line, line).toMatch(/ True$/);
  });
});

describe('frameTelegrams', () => {
  it('gives one tree per telegram with claims, quantities, copies and mentioned entities embedded', async () => {
    const doc = JSON.parse(await frameTelegrams(quads, { base: BASE })) as { '@graph': Record<string, unknown>[] };
    expect(doc['@graph']).toHaveLength(1);
    const tree = doc['@graph'][0] ?? {};
    expect(tree['type']).toBe('Telegram');
    const claims = tree['claims'] as Record<string, unknown>[];
    expect(claims[0]?.['text']).toBe('at least nine divisions');
    const quantities = claims[0]?.['quantities'] as Record<string, unknown>[];
    expect(quantities[0]?.['minValue']).toBe('9');
    expect((tree['copies'] as Record<string, unknown>[])[0]?.['copyNumberAsPrinted']).toBe('1.');
    expect((tree['mentions'] as Record<string, unknown>[]).map((m) => m['name'])).toContain('Person B');
  });

  it('reads back to a subset of the merged graph', async () => {
    const text = await frameTelegrams(quads, { base: BASE });
    const parsed = await parseBack(text, 'jsonld');
    const all = new Set((await parseBack(await serializeQuads(quads, 'ntriples', { base: BASE }), 'ntriples')).map((q) => `${q.predicate.value} ${q.object.termType === 'BlankNode' ? '_' : q.object.value}`));
    for (const q of parsed) expect(all.has(`${q.predicate.value} ${q.object.termType === 'BlankNode' ? '_' : q.object.value}`)).toBe(true);
    expect(parsed.length).toBeGreaterThan(20);
  });

  it('frames one telegram without @graph when asked for it', async () => {
    const doc = JSON.parse(await frameTelegrams(quads, { base: BASE, telegram: `${BASE}id/telegram/1950-01-01-a-to-b` })) as Record<string, unknown>;
    expect(doc['id']).toBe(`${BASE}id/telegram/1950-01-01-a-to-b`);
    expect(doc['@graph']).toBeUndefined();
  });

  it('is byte-identical for the same quads in another order', async () => {
    expect(await frameTelegrams([...quads].reverse(), { base: BASE })).toBe(await frameTelegrams(quads, { base: BASE }));
  });
});
