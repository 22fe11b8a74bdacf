// Tests that ontology/speech-acts.ttl (the SKOS scheme cg:speechAct points to) and
// data/lexicon/reporting-verbs.yaml describe the same speech acts, with labels and definitions.
import { readFileSync } from 'node:fs';
import { Parser, Store } from 'n3';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileClaimRules } from '../../src/extract/claims.js';
import { SPEECH_ACT_NAMESPACE, speechActTerm } from '../../src/graph/vocab.js';

const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const SCHEME = SPEECH_ACT_NAMESPACE;

const store = new Store(new Parser({ format: 'text/turtle', baseIRI: SCHEME }).parse(readFileSync('ontology/speech-acts.ttl', 'utf8')));
const rules = compileClaimRules({ lexicon: { 'reporting-verbs': parse(readFileSync('data/lexicon/reporting-verbs.yaml', 'utf8')) as unknown }, authorities: [] });

/** The English literal values of `p` on `s`. */
function english(s: string, p: string): string[] {
  return store.getObjects(s, `${SKOS}${p}`, null).filter((o) => o.termType === 'Literal' && o.language === 'en').map((o) => o.value);
}

describe('ontology/speech-acts.ttl', () => {
  const concepts = store.getSubjects(RDF_TYPE, `${SKOS}Concept`, null).map((t) => t.value).sort();

  it('is a skos:ConceptScheme with a label and a definition', () => {
    expect(store.getQuads(SCHEME, RDF_TYPE, `${SKOS}ConceptScheme`, null)).toHaveLength(1);
    expect(english(SCHEME, 'prefLabel')).toHaveLength(1);
    expect(english(SCHEME, 'definition')).toHaveLength(1);
  });

  it('has exactly one concept per speech act of the lexicon, at the IRI speechActTerm() mints', () => {
    expect(concepts).toEqual(rules.speechActs.map((a) => speechActTerm(a.key).value).sort());
    expect(rules.speechActs.length).toBeGreaterThanOrEqual(18);
  });

  it.each(rules.speechActs.map((a) => [a.key, a] as const))('%s: label, definition, scheme membership as in the lexicon', (key, act) => {
    const iri = `${SCHEME}${key}`;
    expect(iri).toMatch(/^https:\/\/w3id\.org\/cablegraph\/speech-act\/[a-z0-9][a-z0-9-]*$/); // cg:ClaimShape's sh:pattern
    expect(english(iri, 'prefLabel')).toEqual([act.label]);
    expect(english(iri, 'definition')).toEqual([act.definition]);
    expect(act.definition).toMatch(/^[A-Z].*\.$/);
    expect(store.getQuads(iri, `${SKOS}inScheme`, SCHEME, null)).toHaveLength(1);
    expect(store.getQuads(iri, `${SKOS}topConceptOf`, SCHEME, null)).toHaveLength(1);
    expect(store.getQuads(SCHEME, `${SKOS}hasTopConcept`, iri, null)).toHaveLength(1);
  });

  it('gives every concept a distinct label', () => {
    const labels = concepts.flatMap((c) => english(c, 'prefLabel'));
    expect(new Set(labels).size).toBe(labels.length);
  });

  it.each([
    ['declared', 'declare'],
    ['declares', 'declare'],
    ['emphasised', 'emphasize'],
    ['believes', 'believe'],
    ['in the opinion of', 'believe'],
    ['pointed out', 'point-out'],
    ['stressed', 'underline'],
    ['told', 'say'],
    ['expressed a wish', 'express-wish'],
    ['drew attention to', 'draw-attention'],
    ['reported', 'inform'],
    ['rejected', 'object'],
    ['promised', 'promise'],
  ])('the lexicon maps "%s" to %s', (form, key) => {
    expect(rules.formIndex.get(form)?.act).toBe(key);
  });
});
