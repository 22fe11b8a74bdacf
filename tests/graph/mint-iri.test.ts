// Tests mintIri: the IRI scheme of design §4, deterministic and injective on its keys.
import { describe, expect, it } from 'vitest';
import { entityKind, mintFragmentIri, mintGraphIri, mintIri } from '../../src/graph/mint-iri.js';

const BASE = 'http://localhost:3000/';

describe('mintIri', () => {
  it.each([
    ['telegram', '1950-10-07-x', 'id/telegram/1950-10-07-x'],
    ['person', 'mao-zedong', 'id/person/mao-zedong'],
    ['place', 'irkutsk', 'id/place/irkutsk'],
    ['org', 'korean-friends', 'id/org/korean-friends'],
  ] as const)('%s %s → {base}%s', (kind, key, path) => {
    expect(mintIri(BASE, kind, key)).toBe(BASE + path);
  });

  it.each([
    ['claim', 3, 'claim/3'],
    ['quantity', 1, 'quantity/1'],
    ['event', 2, 'event/2'],
    ['annotation', 40, 'annotation/40'],
    ['copy', 8, 'copy/8'],
    ['quoted', 1, 'quoted/1'],
    ['ref', '4676', 'ref/4676'],
    ['identifier', 'cipher-number', 'identifier/cipher-number'],
  ] as const)('telegram part %s %s → {telegram}/%s', (kind, local, path) => {
    expect(mintIri(BASE, kind, ['1950-10-07-x', local])).toBe(`${BASE}id/telegram/1950-10-07-x/${path}`);
  });

  it('percent-encodes keys, so different printed numbers never collide', () => {
    expect(mintIri(BASE, 'ref', ['t', '12/a'])).toBe(`${BASE}id/telegram/t/ref/12%2Fa`);
    expect(mintIri(BASE, 'ref', ['t', '12/a'])).not.toBe(mintIri(BASE, 'ref', ['t', '12-a']));
  });

  it('rejects empty keys, positions below 1 and bases without a trailing slash', () => {
    expect(() => mintIri(BASE, 'person', '')).toThrowError(/empty key/);
    expect(() => mintIri(BASE, 'claim', ['t', 0])).toThrowError(/1-based/);
    expect(() => mintIri('localhost:3000/', 'person', 'x')).toThrowError(/absolute IRI ending in "\/"/);
  });

  it('maps entity types to IRI kinds: countries are places, groups are organisations', () => {
    expect(['Person', 'Place', 'Country', 'Organization', 'Group'].map((t) => entityKind(t as Parameters<typeof entityKind>[0]))).toEqual(['person', 'place', 'place', 'org', 'org']);
  });

  it('mints graph names and fragments', () => {
    expect(mintGraphIri(BASE, { telegram: 'x' })).toBe(`${BASE}graph/telegram/x`);
    expect(mintGraphIri(BASE, 'entities')).toBe(`${BASE}graph/entities`);
    expect(mintFragmentIri(`${BASE}id/telegram/x/annotation/1`, 'target')).toBe(`${BASE}id/telegram/x/annotation/1#target`);
    expect(() => mintFragmentIri(`${BASE}a#b`, 'quote')).toThrowError(/already has one/);
  });
});
