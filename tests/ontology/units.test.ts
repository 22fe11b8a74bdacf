// Tests that ontology/units.ttl (the SKOS scheme cg:countOf points to) and data/lexicon/units.yaml
// describe the same units: one concept per key, labels, alternative labels, broader units, scheme
// membership, and exact matches only to QUDT units.
import { readFileSync } from 'node:fs';
import { Parser, Store } from 'n3';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileQuantityRules } from '../../src/extract/quantities.js';
import { UNIT_NAMESPACE, unitTerm } from '../../src/graph/vocab.js';

const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const SCHEME = UNIT_NAMESPACE;

const store = new Store(new Parser({ format: 'text/turtle', baseIRI: SCHEME }).parse(readFileSync('ontology/units.ttl', 'utf8')));
const lexicon = (name: string): unknown => parse(readFileSync(`data/lexicon/${name}.yaml`, 'utf8')) as unknown;
const rules = compileQuantityRules({
  lexicon: { units: lexicon('units'), numbers: lexicon('numbers'), 'quantity-phrases': lexicon('quantity-phrases') },
  authorities: [],
});

function english(s: string, p: string): string[] {
  return store.getObjects(s, `${SKOS}${p}`, null).filter((o) => o.termType === 'Literal' && o.language === 'en').map((o) => o.value);
}

function iris(s: string, p: string): string[] {
  return store.getObjects(s, `${SKOS}${p}`, null).map((o) => o.value);
}

describe('ontology/units.ttl', () => {
  const concepts = store.getSubjects(RDF_TYPE, `${SKOS}Concept`, null).map((t) => t.value).sort();

  it('is a skos:ConceptScheme with a label and a definition', () => {
    expect(store.getQuads(SCHEME, RDF_TYPE, `${SKOS}ConceptScheme`, null)).toHaveLength(1);
    expect(english(SCHEME, 'prefLabel')).toHaveLength(1);
    expect(english(SCHEME, 'definition')).toHaveLength(1);
  });

  it('has exactly one concept per unit of the lexicon, at the IRI unitTerm() mints', () => {
    expect(concepts).toEqual(rules.units.map((u) => unitTerm(u.key).value).sort());
    expect(rules.units.map((u) => u.key)).toEqual(expect.arrayContaining(['division', 'artillery-piece', 'tank', 'aircraft', 'man', 'dollar', 'hour']));
  });

  it.each(rules.units.map((u) => [u.key, u] as const))('%s: labels, definition, broader and scheme as in the lexicon', (key, unit) => {
    const iri = `${SCHEME}${key}`;
    expect(iri).toMatch(/^https:\/\/w3id\.org\/cablegraph\/unit\/[a-z0-9][a-z0-9-]*$/);
    expect(english(iri, 'prefLabel')).toEqual([unit.label]);
    const forms = new Set([...unit.singular, ...unit.plural].filter((f) => f !== unit.label));
    expect(new Set(english(iri, 'altLabel'))).toEqual(forms);
    expect(english(iri, 'definition')).toEqual(unit.definition === undefined ? [] : [unit.definition]);
    expect(store.getQuads(iri, `${SKOS}inScheme`, SCHEME, null)).toHaveLength(1);
    if (unit.broader === undefined) {
      expect(iris(iri, 'broader')).toEqual([]);
      expect(store.getQuads(iri, `${SKOS}topConceptOf`, SCHEME, null)).toHaveLength(1);
      expect(store.getQuads(SCHEME, `${SKOS}hasTopConcept`, iri, null)).toHaveLength(1);
    } else {
      expect(iris(iri, 'broader')).toEqual([`${SCHEME}${unit.broader}`]);
      expect(store.getQuads(iri, `${SKOS}topConceptOf`, null, null)).toHaveLength(0);
    }
    expect(iris(iri, 'exactMatch').sort()).toEqual([...unit.exactMatch].sort());
  });

  it('matches only QUDT units, and only one concept per QUDT unit', () => {
    const matches = concepts.flatMap((c) => iris(c, 'exactMatch'));
    for (const m of matches) expect(m).toMatch(/^http:\/\/qudt\.org\/vocab\/unit\/[A-Za-z_-]+$/);
    expect(new Set(matches).size).toBe(matches.length);
  });

  it('gives every concept a distinct preferred label', () => {
    const labels = concepts.flatMap((c) => english(c, 'prefLabel'));
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('gives time units an xsd:duration and money units an ISO 4217 code', () => {
    for (const u of rules.units) {
      if (u.category === 'time') expect(u.duration).toMatch(/^P/);
      if (u.category === 'money') expect(u.currency).toMatch(/^[A-Z]{3}$/);
    }
  });
});
