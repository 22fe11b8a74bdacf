// Tests canonicalizeQuads against canonicalForm: same canonical N-Quads and hash, quads relabelled.
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { canonicalForm, canonicalizeQuads } from '../../src/publish/canonical-hash.js';
import { sortQuads } from '../../src/publish/sort-quads.js';

const NQUADS = `<http://a/s> <http://a/p> _:x <http://a/g> .
_:x <http://a/q> "1"^^<http://www.w3.org/2001/XMLSchema#integer> <http://a/g> .
_:x <http://a/r> _:y <http://a/g> .
_:y <http://a/q> "Pékin 😀"@fr .
<http://a/s> <http://a/name> "line\\nbreak" .
`;

describe('canonicalizeQuads', () => {
  it('gives the canonical N-Quads and hash of canonicalForm, without reading N-Quads', async () => {
    const quads = sortQuads(new Parser({ format: 'N-Quads' }).parse(NQUADS), { merge: false });
    const fromText = await canonicalForm(NQUADS);
    const fromQuads = await canonicalizeQuads(quads);
    expect(fromQuads.nquads).toBe(fromText.nquads);
    expect(fromQuads.hash).toBe(fromText.hash);
  });

  it('relabels blank nodes to their canonical labels, as reading the canonical form back would', async () => {
    const quads = sortQuads(new Parser({ format: 'N-Quads' }).parse(NQUADS), { merge: false });
    const { nquads, quads: relabelled } = await canonicalizeQuads(quads);
    const readBack = sortQuads(new Parser({ format: 'N-Quads', blankNodePrefix: '' }).parse(nquads), { merge: false });
    expect(relabelled).toHaveLength(readBack.length);
    expect(sortQuads(relabelled, { merge: false }).every((q, i) => readBack[i] !== undefined && q.equals(readBack[i]))).toBe(true);
    const labels = relabelled.flatMap((q) => [q.subject, q.object]).filter((t) => t.termType === 'BlankNode').map((t) => t.value);
    expect(new Set(labels).size).toBe(2);
    expect(labels.every((l) => /^c14n[01]$/.test(l))).toBe(true);
  });

  it('returns the input array itself when there is no blank node', async () => {
    const quads = sortQuads(new Parser({ format: 'N-Quads' }).parse('<http://a/s> <http://a/p> "o" .\n'), { merge: false });
    expect((await canonicalizeQuads(quads)).quads).toBe(quads);
  });
});
