// loadNQuads: pieces cut at line ends give the same store as one call; blank nodes keep one call.
import { Store } from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { loadNQuads, mayHaveBlankNodes } from '../../../src/serve/sparql/load-nquads.js';

const bytes = (text: string) => new TextEncoder().encode(text);

function lines(n: number): string {
  let text = '';
  for (let i = 0; i < n; i++) text += `<http://e/s${i % 7}> <http://e/p> "v ${i} é" <http://e/g${i % 3}> .\n`;
  return text;
}

function dump(store: Store): string[] {
  return store.match().map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value} ${q.graph.value}`).sort();
}

describe('loadNQuads', () => {
  it('loads in pieces cut at line ends, with the same quads as one call', () => {
    const text = lines(500);
    const whole = new Store();
    whole.load(text, { format: 'application/n-quads' });
    const pieces = new Store();
    const calls = loadNQuads(pieces, bytes(text), 1000);
    expect(calls).toBeGreaterThan(10);
    expect(pieces.size).toBe(500);
    expect(dump(pieces)).toEqual(dump(whole));
  });

  it('loads text with blank nodes in one call, so a label stays one node', () => {
    const text = `${lines(100)}_:b <http://e/p> "1" .\n${lines(100)}_:b <http://e/q> "2" .\n`;
    const store = new Store();
    expect(loadNQuads(store, bytes(text), 500)).toBe(1);
    const subjects = new Set(store.match(null, null, null).filter((q) => q.subject.termType === 'BlankNode').map((q) => q.subject.value));
    expect(subjects.size).toBe(1);
  });

  it('finds "_:" anywhere, and nothing in text without it', () => {
    expect(mayHaveBlankNodes(bytes('<a> <b> "x_y:z" .\n'))).toBe(false);
    expect(mayHaveBlankNodes(bytes('<a> <b> "x_:z" .\n'))).toBe(true);
    expect(mayHaveBlankNodes(bytes('_:c14n0 <b> <c> .\n'))).toBe(true);
  });

  it('loads a last line without a newline', () => {
    const store = new Store();
    loadNQuads(store, bytes(`${lines(50)}<http://e/last> <http://e/p> "end" .`), 200);
    expect(store.size).toBe(51);
  });
});
