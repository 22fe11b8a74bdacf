// Tests TripleIndex: every match pattern answers what n3's Store answers over the merged graphs.
import type { Quad } from '@rdfjs/types';
import { DataFactory, Parser, Store } from 'n3';
import { describe, expect, it } from 'vitest';
import { TripleIndex } from '../../src/validate/triple-index.js';

const { namedNode, literal, blankNode, defaultGraph, quad } = DataFactory;
const QUADS = new Parser({ format: 'N-Quads' }).parse(`<http://a/s> <http://a/p> <http://a/o> <http://a/g1> .
<http://a/s> <http://a/p> <http://a/o> <http://a/g2> .
<http://a/s> <http://a/p> "o" .
<http://a/s> <http://a/p> "o"@en .
<http://a/s> <http://a/q> "1"^^<http://www.w3.org/2001/XMLSchema#integer> <http://a/g1> .
_:b <http://a/p> <http://a/s> <http://a/g2> .
<http://a/t> <http://a/q> _:b .
`);

const key = (q: Quad): string => `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}:${q.object.termType === 'Literal' ? `${q.object.language}^${q.object.datatype.value}` : ''}`;
const keys = (quads: Iterable<Quad>): string[] => [...quads].map(key).sort();

describe('TripleIndex', () => {
  const index = new TripleIndex(QUADS);
  const store = new Store(QUADS.map((q) => quad(q.subject, q.predicate, q.object)));
  const b = blankNode(QUADS[5]?.subject.value ?? 'b');
  type N3Term = ReturnType<typeof namedNode> | ReturnType<typeof blankNode> | ReturnType<typeof literal>;
  const terms: (N3Term | null)[][] = [
    [null, namedNode('http://a/s'), b],
    [null, namedNode('http://a/p'), namedNode('http://a/q')],
    [null, namedNode('http://a/o'), literal('o'), literal('o', 'en'), namedNode('http://a/s'), b, literal('o', 'fr')],
  ];

  it('merges the graphs: a triple stated in two graphs is one triple in the default graph', () => {
    expect(index.size).toBe(6);
    expect([...index].every((q) => q.graph.equals(defaultGraph()))).toBe(true);
  });

  it('answers every pattern of subject, predicate and object as n3 Store does', () => {
    for (const s of terms[0] ?? []) for (const p of terms[1] ?? []) for (const o of terms[2] ?? []) {
      expect(keys(index.match(s, p, o)), `${s?.value} ${p?.value} ${o?.value}`).toEqual(keys(store.match(s, p, o)));
    }
  });

  it('finds nothing in a named graph, and matches within a match', () => {
    expect(index.match(null, null, null, namedNode('http://a/g1')).size).toBe(0);
    expect(index.match(namedNode('http://a/s')).match(null, namedNode('http://a/q')).size).toBe(1);
    expect(index.has(quad(namedNode('http://a/s'), namedNode('http://a/p'), literal('o', 'en')))).toBe(true);
    expect(index.has(quad(namedNode('http://a/s'), namedNode('http://a/p'), literal('o', 'de')))).toBe(false);
  });

  it('is read-only', () => {
    expect(() => index.add()).toThrow(/read-only/);
    expect(() => index.delete()).toThrow(/read-only/);
  });
});
