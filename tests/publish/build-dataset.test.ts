// buildDataset: every file present, byte-identical on two builds, SHA256SUMS matching the files,
// the description carrying checksums and the canonical hash, violations failing the build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { describe, expect, it } from 'vitest';
import { MappingError } from '../../src/errors.js';
import type { ExtractionResult } from '../../src/extract/record.js';
import { buildDataset, newestDateSent, type BuildInputs } from '../../src/publish/build-dataset.js';
import { canonicalForm } from '../../src/publish/canonical-hash.js';
import { parseSha256Sums, sha256Hex } from '../../src/publish/checksums.js';
import { RDF_FORMATS } from '../../src/publish/formats.js';
import { parseBack } from './parse-back.js';
import { stubStages } from './stub-stages.js';

const ROOT = join(import.meta.dirname, '../..');
const BASE = 'http://localhost:3000/';
const FIRST = join(ROOT, 'data/telegrams/1950-10-07-roshchin-to-filippov.txt');

function inputs(extra: Partial<BuildInputs> = {}): BuildInputs {
  const bytes = readFileSync(FIRST);
  return {
    raw: { lexicon: {}, authorities: [] },
    telegrams: [
      { slug: '1950-10-07-roshchin-to-filippov', file: 'data/telegrams/1950-10-07-roshchin-to-filippov.txt', text: bytes.toString('utf8'), sha256: sha256Hex(bytes) },
      { slug: 'synthetic-b', file: 'data/telegrams/synthetic-b.txt', text: 'TELEGRAM\n\nSecond text, with no header at all.\n', sha256: sha256Hex('x') },
    ],
    shapes: '',
    ...extra,
  };
}

const options = { base: BASE, stages: stubStages(), software: { name: 'cablegraph', version: '0.0.0-test' } };

describe('buildDataset', () => {
  it('produces every download, void.ttl and SHA256SUMS, in a stable order', async () => {
    const built = await buildDataset(inputs(), options);
    expect(built.files.map((f) => f.fileName)).toEqual([
      'cablegraph.ttl', 'cablegraph.jsonld', 'cablegraph.nt', 'cablegraph.nq', 'cablegraph.trig', 'cablegraph.rdf',
      'cablegraph.framed.jsonld', 'void.ttl', 'SHA256SUMS',
    ]);
    expect(built.quads.length).toBeGreaterThan(0);
    expect(built.nquads).toBe(built.files.find((f) => f.kind === 'nquads')?.content);
  });

  it('is byte-identical on two builds', async () => {
    const a = await buildDataset(inputs(), options);
    const b = await buildDataset({ ...inputs(), telegrams: [...inputs().telegrams].reverse() }, options);
    expect(b.files.map((f) => [f.fileName, f.content])).toEqual(a.files.map((f) => [f.fileName, f.content]));
    expect(b.canonicalHash).toBe(a.canonicalHash);
  });

  it('writes SHA256SUMS matching every other file', async () => {
    const built = await buildDataset(inputs(), options);
    const sums = parseSha256Sums(built.files.find((f) => f.fileName === 'SHA256SUMS')?.content ?? '');
    const others = built.files.filter((f) => f.fileName !== 'SHA256SUMS');
    expect(sums.map((s) => s.fileName).sort()).toEqual(others.map((f) => f.fileName).sort());
    for (const s of sums) expect(s.sha256).toBe(sha256Hex(others.find((f) => f.fileName === s.fileName)?.content ?? ''));
  });

  it('gives every RDF download the same graph', async () => {
    const built = await buildDataset(inputs(), options);
    const merged = new Parser({ format: 'N-Triples' }).parse(built.files.find((x) => x.kind === 'ntriples')?.content ?? '');
    expect(merged.length).toBeGreaterThan(0);
    for (const format of RDF_FORMATS) {
      const parsed = await parseBack(built.files.find((x) => x.kind === format.name)?.content ?? '', format.name);
      expect(isomorphic(parsed, format.quads ? [...built.quads] : merged), format.name).toBe(true);
    }
  });

  it('states the canonical hash of the quads and describes every download with its checksum', async () => {
    const built = await buildDataset(inputs(), { ...options, created: '1950-10-07' });
    expect(built.canonicalHash).toBe((await canonicalForm(built.nquads)).hash);
    const voidTtl = built.files.find((f) => f.fileName === 'void.ttl')?.content ?? '';
    expect(voidTtl).toContain(built.canonicalHash);
    for (const f of built.files.filter((x) => x.kind !== 'void' && x.kind !== 'checksums')) {
      expect(voidTtl, f.fileName).toContain(f.sha256);
      expect(voidTtl).toContain(`<${BASE}download/${f.fileName}>`);
    }
    expect(voidTtl).toContain('void:sparqlEndpoint <http://localhost:3000/sparql>');
    expect(voidTtl).toContain('void:uriSpace "http://localhost:3000/id/"');
    expect(voidTtl).toContain('"1950-10-07"^^xsd:date');
    expect(voidTtl).toContain('schema:softwareVersion "0.0.0-test"');
    expect(voidTtl).toContain(inputs().telegrams[0]?.sha256 ?? 'missing');
  });

  it('dates the dataset by the newest telegram when no date is given', () => {
    const result = (date?: string) => ({ header: date ? { dateSent: { value: date } } : {} }) as unknown as ExtractionResult;
    expect(newestDateSent([result('1950-10-07'), result('1951-01-02T10:00:00'), result()])).toBe('1951-01-02');
    expect(newestDateSent([result()])).toBeUndefined();
  });

  it('reports counts per telegram and totals', async () => {
    const built = await buildDataset(inputs(), options);
    expect(built.report.telegrams.map((t) => t.slug)).toEqual(['1950-10-07-roshchin-to-filippov', 'synthetic-b']);
    expect(built.report.totals['telegrams']).toBe(2);
    expect(built.report.totals['triples']).toBeGreaterThan(0);
    expect(built.report.telegrams[0]?.counts['triples']).toBeGreaterThan(0);
  });

  it('fails with the readable SHACL report on a violation, and passes warnings to the report', async () => {
    const failing = { ...options, stages: stubStages({ conforms: false, violations: ['telegram x has no sender (cg:TelegramShape)'] }) };
    const error = await buildDataset(inputs(), failing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MappingError);
    expect((error as Error).message).toContain('telegram x has no sender (cg:TelegramShape)');
    const warned = await buildDataset(inputs(), { ...options, stages: stubStages({ warnings: ['w1'] }) });
    expect(warned.report.warnings).toEqual(['w1']);
  });
});
