// The synthetic corpus: deterministic per seed, varied, shaped like a telegram, with authorities.
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { segmentText } from '../../src/text/segment.js';

describe('generateCorpus', () => {
  const corpus = generateCorpus({ count: 50, seed: 3, persons: 200, shape: 'long' });
  const short = generateCorpus({ count: 50, seed: 3, persons: 200 });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateCorpus({ count: 50, seed: 3, persons: 200, shape: 'long' }).telegrams).toEqual(corpus.telegrams);
    expect(generateCorpus({ count: 50, seed: 3, persons: 200 }).telegrams).toEqual(short.telegrams);
    expect(generateCorpus({ count: 50, seed: 4, persons: 200 }).telegrams[0]?.text).not.toBe(short.telegrams[0]?.text);
  });

  it('gives unique ASCII slugs and the SHA-256 of each text', () => {
    const slugs = corpus.telegrams.map((t) => t.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const t of corpus.telegrams) {
      expect(t.slug).toMatch(/^[a-z0-9-]+$/);
      expect(t.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('writes texts shaped like the real telegrams', () => {
    for (const t of corpus.telegrams) {
      expect(t.text).toMatch(/CIPHERED TELEGRAM NO\. \d{5}/);
      expect(t.text).toMatch(/^Copies to: 1 - cde\. /m);
      expect(t.text).toMatch(/^To [A-Z]+ \[[A-Z]+\]$/m);
      expect(t.text).toMatch(/^1\. [A-Z]+ (declared|emphasized|added|believes|pointed out|remarked|underlined|noted|said) that /m);
      expect(t.text).toMatch(/^\d{1,2}\.\d{1,2}\.\d{2}$/m);
      expect(segmentText(t.text).length).toBeGreaterThan(10);
    }
  });

  it('writes short telegrams: codename addressee, reported claims, signature, closing date, no distribution list', () => {
    for (const t of short.telegrams) {
      expect(t.text).toMatch(/^To [A-Z]+ \[[A-Z]+\]$/m);
      expect(t.text).toMatch(/^1\. [A-Z]+ (declared|emphasized|added|believes|pointed out|remarked|underlined|noted|said) that .+ (divisions|artillery pieces|tanks|aircraft|regiments|trucks)\b/m);
      expect(t.text).toMatch(/\n[A-Z]+\n\n\d{1,2}\.\d{1,2}\.\d{2}$/);
      expect(t.text).not.toMatch(/Copies to/);
    }
  });

  it('varies senders and dates', () => {
    expect(new Set(corpus.telegrams.map((t) => t.slug.split('-to-')[0])).size).toBeGreaterThan(40);
  });

  it('describes every person once in the authorities, with unique codenames', () => {
    const people = corpus.authorities.filter((a) => a['type'] === 'Person');
    expect(people).toHaveLength(200);
    expect(new Set(corpus.persons.map((p) => p.codename)).size).toBe(200);
    expect(new Set(people.map((p) => p['slug'])).size).toBe(200);
  });

  it('gives half the persons a sameAs, verified, with one pair in ten sharing it (aliases)', () => {
    const people = corpus.authorities.filter((a) => a['type'] === 'Person');
    const withSameAs = people.filter((p) => Array.isArray(p['sameAs']));
    expect(withSameAs).toHaveLength(100);
    for (const p of people) expect(p['status']).toBe(Array.isArray(p['sameAs']) ? 'verified' : 'unverified');
    const targets = withSameAs.map((p) => String((p['sameAs'] as string[])[0]));
    for (const iri of targets) expect(iri).toMatch(/^http:\/\/www\.wikidata\.org\/entity\/Q9\d{9}$/);
    expect(targets.length - new Set(targets).size).toBe(20);
  });
});
