// Tests that every cg: term in use is declared in ontology/cablegraph.ttl with label, comment and
// (for properties) domain and range: the terms of vocab.ts, of buildGraph output, of context.jsonld
// and of the example; and that the ontology declares nothing vocab.ts does not know.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import jsonld from 'jsonld';
import { Parser, Store } from 'n3';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/to-quads.js';
import { CG, SCHEMA } from '../../src/graph/vocab.js';
import { quotingResult, sampleResult } from '../graph/fixtures.js';

const ONTOLOGY = resolve(import.meta.dirname, '../../ontology');
const CG_NS = CG.namespace;
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const OWL = 'http://www.w3.org/2002/07/owl#';

const ontology = new Store(new Parser({ format: 'text/turtle' }).parse(readFileSync(join(ONTOLOGY, 'cablegraph.ttl'), 'utf8')));
const KINDS = new Set([`${OWL}Class`, `${OWL}ObjectProperty`, `${OWL}DatatypeProperty`, `${OWL}NamedIndividual`]);
const declared = new Set(
  ontology
    .getQuads(null, RDF_TYPE, null, null)
    .filter((q) => KINDS.has(q.object.value) && q.subject.value.startsWith(CG_NS))
    .map((q) => q.subject.value),
);

function cgTermsIn(values: Iterable<string>): Set<string> {
  return new Set([...values].filter((v) => v.startsWith(CG_NS)));
}

function undeclared(terms: Iterable<string>): string[] {
  return [...terms].filter((t) => !declared.has(t)).sort();
}

describe('ontology/cablegraph.ttl', () => {
  it('declares the ontology with version, licence and preferred prefix', () => {
    const o = 'https://w3id.org/cablegraph/ontology';
    expect(ontology.getObjects(o, `${OWL}versionInfo`, null).map((t) => t.value)).toEqual(['0.1.0']);
    expect(ontology.getObjects(o, 'http://purl.org/dc/terms/license', null)).toHaveLength(1);
    expect(ontology.getObjects(o, 'http://purl.org/vocab/vann/preferredNamespacePrefix', null).map((t) => t.value)).toEqual(['cg']);
  });

  it('labels and comments every term; gives every property a domain and a range', () => {
    for (const term of declared) {
      expect(ontology.getObjects(term, `${RDFS}label`, null).length, `${term} rdfs:label`).toBeGreaterThan(0);
      expect(ontology.getObjects(term, `${RDFS}comment`, null).length, `${term} rdfs:comment`).toBeGreaterThan(0);
      const types = ontology.getObjects(term, RDF_TYPE, null).map((t) => t.value);
      if (types.some((t) => t.endsWith('Property'))) {
        expect(ontology.getObjects(term, `${RDFS}domain`, null).length, `${term} rdfs:domain`).toBeGreaterThan(0);
        expect(ontology.getObjects(term, `${RDFS}range`, null).length, `${term} rdfs:range`).toBeGreaterThan(0);
      }
    }
  });

  it('aligns the core classes and properties', () => {
    const supers = (t: string, p: string): string[] => ontology.getObjects(CG_NS + t, p, null).map((o) => o.value);
    expect(supers('Telegram', `${RDFS}subClassOf`)).toEqual(expect.arrayContaining([SCHEMA.terms.Message.value, 'http://www.cidoc-crm.org/cidoc-crm/E31_Document']));
    expect(supers('Claim', `${RDFS}subClassOf`)).toEqual(expect.arrayContaining(['http://www.w3.org/ns/prov#Entity', 'http://www.cidoc-crm.org/cidoc-crm/E89_Propositional_Object']));
    expect(supers('Meeting', `${RDFS}subClassOf`)).toEqual(expect.arrayContaining([SCHEMA.terms.Event.value, 'http://www.cidoc-crm.org/cidoc-crm/E7_Activity']));
    expect(supers('Ratio', `${RDFS}subClassOf`)).toContain(SCHEMA.terms.QuantitativeValue.value);
    expect(supers('Group', `${RDFS}subClassOf`)).toContain(SCHEMA.terms.Organization.value);
    expect(supers('reportedBy', `${RDFS}subPropertyOf`)).toContain('http://www.w3.org/ns/prov#wasAttributedTo');
  });

  it('declares every term of vocab.ts, and only those', () => {
    const inVocab = cgTermsIn(Object.values(CG.terms).map((t) => t.value));
    expect(undeclared(inVocab)).toEqual([]);
    expect([...declared].filter((t) => !inVocab.has(t)).sort()).toEqual([]);
  });

  it('declares every cg: term in buildGraph output (predicates, classes, individuals)', () => {
    const quads = buildGraph([sampleResult(), quotingResult()], { base: 'http://localhost:3000/' });
    const used = cgTermsIn(quads.flatMap((q) => [q.predicate.value, q.object.termType === 'NamedNode' ? q.object.value : '']));
    expect(used.size).toBeGreaterThan(40);
    expect(undeclared(used)).toEqual([]);
  });

  it('declares every cg: term that context.jsonld maps a key to', async () => {
    const doc = JSON.parse(readFileSync(join(ONTOLOGY, 'context.jsonld'), 'utf8')) as { '@context': Record<string, unknown> };
    const keys = Object.entries(doc['@context'])
      .filter(([k, v]) => !k.startsWith('@') && !(typeof v === 'string' && (v.startsWith('@') || v.endsWith('/') || v.endsWith('#'))))
      .map(([k]) => k);
    // Expand one node that uses every key, so the context's own term definitions say what each key means.
    const node: Record<string, unknown> = { '@context': doc['@context'], '@id': 'http://x/s' };
    for (const k of keys) node[k] = 'x';
    const expanded = (await jsonld.expand(node as jsonld.JsonLdDocument, { documentLoader: async (url: string) => { throw new Error(`no network: ${url}`); } })) as Record<string, unknown>[];
    const iris = Object.keys(expanded[0] ?? {});
    expect(iris.length).toBeGreaterThan(60);
    const values = Object.values(doc['@context']).flatMap((v) => (typeof v === 'string' ? [v] : []));
    const classes = values.filter((v) => v.startsWith('cg:')).map((v) => CG_NS + v.slice(3));
    expect(undeclared(cgTermsIn([...iris, ...classes]))).toEqual([]);
    expect(cgTermsIn(iris).size).toBeGreaterThan(40);
  });

  it('declares every cg: term of ontology/examples/telegram.ttl', () => {
    const quads = new Parser({ format: 'text/turtle' }).parse(readFileSync(join(ONTOLOGY, 'examples/telegram.ttl'), 'utf8'));
    expect(undeclared(cgTermsIn(quads.flatMap((q) => [q.predicate.value, q.object.value])))).toEqual([]);
  });
});
