// Tests buildGraph on hand-built ExtractionResults: IRIs, named graphs, every record field, evidence
// selectors (UTF-16 → code points), determinism, entity merging, mapping errors, and shape conformance.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { Writer } from 'n3';
import { Store } from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { MappingError } from '../../src/errors.js';
import type { ExtractionResult, QuantityRecord } from '../../src/extract/record.js';
import { buildGraph } from '../../src/graph/to-quads.js';
import { validateGraph } from '../../src/validate/shacl.js';
import { quotingResult, sampleResult, spanOf, SAMPLE_TEXT } from './fixtures.js';

const BASE = 'http://localhost:3000/';
const T = `${BASE}id/telegram/1951-03-03-petrov-to-kovalev`;
const G = `${BASE}graph/telegram/1951-03-03-petrov-to-kovalev`;
const PREFIXES = `
PREFIX cg: <https://w3id.org/cablegraph/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
`;

function toNQuads(quads: readonly Quad[]): string {
  return new Writer({ format: 'N-Quads' }).quadsToString([...quads]);
}

function storeOf(quads: readonly Quad[]): Store {
  const store = new Store();
  store.load(toNQuads(quads), { format: 'application/n-quads' });
  return store;
}

/** Runs a SELECT over the union of all graphs; returns rows of variable → lexical value. */
function select(store: Store, query: string): Record<string, string>[] {
  const rows = store.query(PREFIXES + query, { use_default_graph_as_union: true });
  if (!Array.isArray(rows)) throw new Error('not a SELECT');
  return rows.map((row) => {
    const out: Record<string, string> = {};
    if (row instanceof Map) for (const [k, v] of row) out[k] = v.value;
    return out;
  });
}

function ask(store: Store, query: string): boolean {
  const result = store.query(PREFIXES + query, { use_default_graph_as_union: true });
  if (typeof result !== 'boolean') throw new Error('not an ASK');
  return result;
}

const sample = buildGraph([sampleResult(), quotingResult()], { base: BASE });
const store = storeOf(sample);

describe('buildGraph: IRIs and graphs', () => {
  it('mints the telegram IRI from the slug and puts its facts in its own named graph', () => {
    const typed = sample.filter((q) => q.subject.value === T && q.predicate.value.endsWith('#type'));
    expect(typed.map((q) => q.object.value)).toEqual(['https://w3id.org/cablegraph/ontology#Telegram']);
    expect(typed[0]?.graph.value).toBe(G);
  });

  it('puts entity descriptions in {base}graph/entities and nothing else there', () => {
    const entityQuads = sample.filter((q) => q.graph.value === `${BASE}graph/entities`);
    expect(entityQuads.length).toBeGreaterThan(0);
    expect(entityQuads.every((q) => /\/id\/(person|place|org)\//.test(q.subject.value))).toBe(true);
    expect(sample.filter((q) => q.predicate.value === 'https://schema.org/name' && q.subject.value.includes('/id/person/')).every((q) => q.graph.value === `${BASE}graph/entities`)).toBe(true);
  });

  it('has no blank nodes and no default-graph quads', () => {
    expect(sample.some((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode')).toBe(false);
    expect(sample.some((q) => q.graph.termType !== 'NamedNode')).toBe(false);
  });

  it('numbers claims, quantities, events and annotations 1-based by span start', () => {
    const quantities = select(store, `SELECT ?q ?text WHERE { <${T}> cg:hasQuantity ?q . ?q schema:text ?text } ORDER BY ?q`);
    const byIri = Object.fromEntries(quantities.map((r) => [r['q']?.slice(T.length), r['text']]));
    expect(byIri).toMatchObject({ '/quantity/1': 'three', '/quantity/2': 'at least five divisions', '/quantity/6': '1 hour and 45 minutes' });
    expect(select(store, `SELECT ?e WHERE { <${T}> cg:event ?e . ?e a cg:Meeting }`)).toEqual([{ e: `${T}/event/1` }]);
    expect(select(store, `SELECT ?a WHERE { ?a oa:hasTarget/oa:hasSelector/oa:start "0"^^xsd:nonNegativeInteger ; oa:hasTarget/oa:hasSource <${T}> }`)).toEqual([{ a: `${T}/annotation/1` }]);
  });

  it('gives the same IRIs whatever order the records come in', () => {
    const r = sampleResult();
    const shuffled: ExtractionResult = { ...r, quantities: [...r.quantities].reverse().map((q) => shiftContrast(q, r.quantities.length)), mentions: [...r.mentions].reverse(), events: [...r.events].reverse() };
    expect(toNQuads(buildGraph([shuffled], { base: BASE })).split('\n').sort()).toEqual(toNQuads(buildGraph([r], { base: BASE })).split('\n').sort());
  });
});

/** Re-points contrastWith after the quantity list is reversed. */
function shiftContrast(q: QuantityRecord, n: number): QuantityRecord {
  return q.contrastWith === undefined ? q : { ...q, contrastWith: n - 1 - q.contrastWith };
}

describe('buildGraph: determinism', () => {
  it('gives identical quads, in identical order, for identical input', () => {
    expect(toNQuads(buildGraph([sampleResult(), quotingResult()], { base: BASE }))).toBe(toNQuads(sample));
  });

  it('does not depend on the order of the telegrams', () => {
    expect(toNQuads(buildGraph([quotingResult(), sampleResult()], { base: BASE }))).toBe(toNQuads(sample));
  });

  it('changes only the IRIs when the base changes', () => {
    const other = buildGraph([sampleResult()], { base: 'https://example.org/cables/' });
    expect(other.some((q) => q.subject.value.startsWith('https://example.org/cables/id/telegram/1951-03-03-petrov-to-kovalev'))).toBe(true);
    expect(other.some((q) => q.subject.value.startsWith(BASE))).toBe(false);
  });
});

describe('buildGraph: header', () => {
  it('maps identifiers to minted schema:PropertyValue IRIs', () => {
    const rows = select(store, `SELECT ?id ?p ?v WHERE { <${T}> schema:identifier ?id . ?id a schema:PropertyValue ; schema:propertyID ?p ; schema:value ?v } ORDER BY ?p`);
    expect(rows).toEqual([
      { id: `${T}/identifier/cipher-number`, p: 'cipher-number', v: '777' },
      { id: `${T}/identifier/outgoing-number`, p: 'outgoing-number', v: '42' },
    ]);
  });

  it('keeps copy numbers normalised (xsd:integer) beside the printed ones', () => {
    const rows = select(store, `SELECT ?c ?n ?printed ?who WHERE { <${T}> cg:copy ?c . ?c cg:copyNumber ?n ; cg:copyNumberAsPrinted ?printed ; schema:recipient ?who . FILTER(datatype(?n) = xsd:integer) } ORDER BY ?n`);
    expect(rows).toEqual([
      { c: `${T}/copy/1`, n: '1', printed: '1', who: `${BASE}id/person/ivanov` },
      { c: `${T}/copy/2`, n: '2', printed: '1.', who: `${BASE}id/person/petrov` },
    ]);
  });

  it('writes an unzoned dateTime without offset and says the zone is not stated', () => {
    expect(ask(store, `ASK { <${T}> schema:dateReceived "1951-03-03T10:05:00"^^xsd:dateTime ; cg:timeZoneStated false ; schema:dateSent "1951-03-03"^^xsd:date ; cg:closingDate "1951-03-03"^^xsd:date }`)).toBe(true);
  });

  it('maps priority with gloss, addressee as printed, classification, place of dispatch and reply', () => {
    expect(ask(store, `ASK { <${T}> cg:priority "URGENT" ; cg:priorityGloss "vne ocherednaia" ; cg:addressedAs "KOVALEV" ; cg:addressedAsEditorial "IVANOV" ;
      cg:classification "Top Secret" ; cg:receivedFrom <${BASE}id/place/harbin> ; cg:receivedFromAsPrinted "Harbin" ; schema:sender <${BASE}id/person/petrov> ; schema:recipient <${BASE}id/person/ivanov> }`)).toBe(true);
    expect(ask(store, `ASK { <${T}> cg:inReplyTo ?r . ?r a cg:ReferencedTelegram ; schema:sender <${BASE}id/person/ivanov> ; schema:identifier/schema:value "1234" . FILTER(?r = <${T}/ref/1234>) }`)).toBe(true);
  });

  it('adds an addressee printed as a codename to the entity codenames and alternate names', () => {
    expect(ask(store, `ASK { <${BASE}id/person/ivanov> cg:codename "KOVALEV" ; schema:alternateName "KOVALEV" ; owl:sameAs <http://www.wikidata.org/entity/Q42> }`)).toBe(true);
  });
});

describe('buildGraph: claims, quantities, events', () => {
  it('maps a claim with claimant, reporter, speech act, about and the quantities inside its span', () => {
    const c = `${T}/claim/1`;
    expect(ask(store, `ASK { <${T}> cg:claim <${c}> . <${c}> a cg:Claim ; schema:isPartOf <${T}> ; cg:claimant <${BASE}id/person/gao-gang> ; cg:reportedBy <${BASE}id/person/petrov> ;
      cg:speechAct <https://w3id.org/cablegraph/speech-act/declare> ; cg:verbAsPrinted "declared that" ; cg:about <${BASE}id/org/enemy> }`)).toBe(true);
    const inside = select(store, `SELECT ?q WHERE { <${c}> cg:hasQuantity ?q } ORDER BY ?q`).map((r) => r['q']?.slice(T.length));
    expect(inside).toEqual(['/quantity/1', '/quantity/2', '/quantity/3', '/quantity/4', '/quantity/5']);
  });

  it('types values as xsd:decimal and reads bounds, approximations, money, ratios and contrasts', () => {
    expect(ask(store, `ASK { <${T}/quantity/2> schema:minValue "5"^^xsd:decimal ; cg:polarity cg:Asserted ; cg:contrastsWith <${T}/quantity/1> ; cg:countOf <https://w3id.org/cablegraph/unit/division> }`)).toBe(true);
    expect(ask(store, `ASK { <${T}/quantity/1> cg:polarity cg:Rejected ; cg:contrastsWith <${T}/quantity/2> ; schema:value "3"^^xsd:decimal }`)).toBe(true);
    expect(ask(store, `ASK { <${T}/quantity/3> cg:approximate true ; schema:value "200"^^xsd:decimal ; rdfs:comment "whose aircraft is not said" }`)).toBe(true);
    expect(ask(store, `ASK { <${T}/quantity/4> a schema:MonetaryAmount ; schema:currency "USD" ; cg:forYear "1951"^^xsd:gYear ; schema:value "2000000"^^xsd:decimal }`)).toBe(true);
    expect(ask(store, `ASK { <${T}/quantity/5> a cg:Ratio ; cg:numerator "3"^^xsd:decimal ; cg:denominator "1"^^xsd:decimal ; cg:holder <${BASE}id/org/enemy> }`)).toBe(true);
    expect(ask(store, `ASK { <${T}/quantity/6> schema:duration "PT1H45M"^^xsd:duration }`)).toBe(true);
  });

  it('finds quantities above a threshold claimed by a person (the benchmark Q3 shape)', () => {
    const rows = select(store, `SELECT ?text WHERE { ?c cg:claimant <${BASE}id/person/gao-gang> ; cg:hasQuantity ?q . ?q schema:text ?text ; schema:value ?v FILTER(?v > 100) } ORDER BY ?text`);
    expect(rows.map((r) => r['text'])).toEqual(['2 million American dollars', 'about 200 aircraft']);
  });

  it('maps a meeting with zoned start, duration and attendees, and a planned journey', () => {
    expect(ask(store, `ASK { <${T}/event/1> a cg:Meeting ; schema:startDate "1951-03-02T21:00:00+08:00"^^xsd:dateTime ; cg:timeZoneStated true ; cg:timeZoneAsPrinted "Harbin time" ;
      schema:duration "PT1H45M"^^xsd:duration ; schema:attendee <${BASE}id/person/gao-gang>, <${BASE}id/org/korean-friends> . FILTER NOT EXISTS { <${T}/event/1> schema:location ?l } }`)).toBe(true);
    expect(ask(store, `ASK { <${T}/event/2> a schema:TravelAction ; schema:agent <${BASE}id/person/gao-gang> ; schema:participant <${BASE}id/person/liu> ; schema:fromLocation <${BASE}id/place/harbin> ;
      schema:toLocation <${BASE}id/place/moscow> ; schema:startTime "1951-03-05"^^xsd:date ; schema:actionStatus schema:PotentialActionStatus ; cg:travelMode "plane" }`)).toBe(true);
  });

  it('maps a quoted telegram with its own author, and links claims inside it', () => {
    const q = `${BASE}id/telegram/quoting/quoted/1`;
    expect(ask(store, `ASK { <${BASE}id/telegram/quoting> cg:quotes <${q}> . <${q}> a cg:Telegram, cg:QuotedTelegram ; schema:sender <${BASE}id/person/mr-a> ; schema:recipient <${BASE}id/person/mr-b> ; schema:text "\\"I believe the harvest is good.\\"" .
      <${BASE}id/telegram/quoting/claim/1> cg:quotedFrom <${q}> ; cg:reportedBy <${BASE}id/person/mr-a> }`)).toBe(true);
  });
});

describe('buildGraph: evidence', () => {
  it('gives every mention, claim, quantity and event an annotation with both selectors', () => {
    const bodies = select(store, `SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a oa:Annotation ; oa:hasTarget ?t . ?t oa:hasSource <${T}> ; oa:hasSelector [ a oa:TextPositionSelector ], [ a oa:TextQuoteSelector ] }`);
    const r = sampleResult();
    const atLeast = r.mentions.length + r.claims.length * 2 + r.quantities.length + r.events.length;
    expect(Number(bodies[0]?.['n'])).toBeGreaterThanOrEqual(atLeast);
    for (const kind of ['claim/1', 'quantity/1', 'quantity/6', 'event/1', 'event/2', 'copy/1']) {
      expect(ask(store, `ASK { ?a oa:hasBody <${T}/${kind}> }`), kind).toBe(true);
    }
    expect(ask(store, `ASK { ?a oa:hasBody <${BASE}id/person/liu> ; oa:motivatedBy oa:identifying ; cg:identifiedVia "name-pattern" }`)).toBe(true);
  });

  it('counts oa:start/oa:end in code points, while oa:exact is the UTF-16 slice', () => {
    const span = spanOf(SAMPLE_TEXT, 'the Korean friends');
    const rows = select(store, `SELECT ?s ?e ?exact WHERE { ?a oa:hasBody <${BASE}id/org/korean-friends> ; oa:hasTarget/oa:hasSelector ?p, ?q . ?p oa:start ?s ; oa:end ?e . ?q oa:exact ?exact }`);
    expect(rows).toEqual([{ s: String(span.start - 1), e: String(span.end - 1), exact: 'the Korean friends' }]);
  });

  it('keeps prefixes and suffixes to at most 32 characters without splitting a surrogate pair', () => {
    const rows = select(store, `SELECT ?x WHERE { { ?q oa:prefix ?x } UNION { ?q oa:suffix ?x } }`);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      const x = r['x'] ?? '';
      expect(x.length).toBeLessThanOrEqual(32);
      expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(x)).toBe(false);
    }
    expect(ask(store, `ASK { ?q oa:exact "PETROV" ; oa:prefix ?p FILTER(STRENDS(?p, "45 minutes.\\n\\n") && STRLEN(?p) = 32) }`)).toBe(true);
  });

  it('records which property a header annotation is evidence for', () => {
    expect(ask(store, `ASK { ?a oa:hasBody <${T}> ; cg:forProperty schema:dateReceived ; oa:hasTarget/oa:hasSelector/oa:exact "10: 05 on 3 March, 1951" }`)).toBe(true);
    expect(ask(store, `ASK { ?a oa:hasBody <${T}/claim/1> ; cg:forProperty cg:speechAct ; oa:hasTarget/oa:hasSelector/oa:exact "declared that" }`)).toBe(true);
  });
});

describe('buildGraph: entities', () => {
  it('types entities and marks locally minted ones unresolved', () => {
    expect(ask(store, `ASK { <${BASE}id/person/liu> a schema:Person ; schema:name "LIU" ; cg:resolved false . <${BASE}id/org/korean-friends> a cg:Group, schema:Organization ; skos:related <http://www.wikidata.org/entity/Q423> ; rdfs:comment "A collective reference." ; cg:resolved true }`)).toBe(true);
  });

  it('merges descriptions of one entity across telegrams (alternate names united, one name)', () => {
    const a = sampleResult();
    const b: ExtractionResult = {
      ...quotingResult(),
      entities: [...quotingResult().entities, { type: 'Person', slug: 'gao-gang', label: 'Gao Gang', alternateNames: ['Kao Kang'], codenames: [], sameAs: [], related: [], resolved: true }],
    };
    const merged = storeOf(buildGraph([a, b], { base: BASE }));
    const names = select(merged, `SELECT ?n WHERE { <${BASE}id/person/gao-gang> schema:alternateName ?n } ORDER BY ?n`).map((r) => r['n']);
    expect(names).toEqual(['GAO GANG', 'Kao Kang']);
    expect(select(merged, `SELECT ?n WHERE { <${BASE}id/person/gao-gang> schema:name ?n }`)).toEqual([{ n: 'Gao Gang' }]);
  });
});

describe('buildGraph: mapping errors', () => {
  const withQuantity = (patch: Partial<QuantityRecord>): ExtractionResult => {
    const r = sampleResult();
    const [first, ...rest] = r.quantities;
    if (!first) throw new Error('fixture has quantities');
    return { ...r, quantities: [{ ...first, ...patch }, ...rest] };
  };

  it('rejects a value that is not an xsd:decimal, naming file, line and column', () => {
    expect(() => buildGraph([withQuantity({ value: 'three' })], { base: BASE })).toThrowError(
      /^data\/telegrams\/1951-03-03-petrov-to-kovalev\.txt:21:\d+ \(offset \d+\): value "three" is not an xsd:decimal/,
    );
  });

  it('rejects a contrast with a quantity that does not exist', () => {
    expect(() => buildGraph([withQuantity({ contrastWith: 99 })], { base: BASE })).toThrowError(MappingError);
  });

  it('rejects an empty span', () => {
    const r = sampleResult();
    const m = r.mentions[0];
    if (!m) throw new Error('fixture has mentions');
    expect(() => buildGraph([{ ...r, mentions: [{ ...m, span: { start: 5, end: 5 } }] }], { base: BASE })).toThrowError(/span \[5, 5\) is empty or outside the text/);
  });

  it('rejects a date that does not match its datatype', () => {
    const r = sampleResult();
    const h = r.header;
    const bad = { ...r, header: { ...h, dateSent: { value: '1951-03-03T10:00:00', datatype: 'date' as const, timeZoneStated: false, asPrinted: '3 March 1951', span: spanOf(SAMPLE_TEXT, '3 March 1951') } } };
    expect(() => buildGraph([bad], { base: BASE })).toThrowError(/was read as "1951-03-03T10:00:00", not an xsd:date/);
  });

  it('rejects two telegrams with the same slug and a base without a trailing slash', () => {
    expect(() => buildGraph([sampleResult(), sampleResult()], { base: BASE })).toThrowError(/two telegrams have the slug/);
    expect(() => buildGraph([sampleResult()], { base: 'http://localhost:3000' })).toThrowError(/must be an absolute IRI ending in "\/"/);
  });
});

describe('buildGraph: shapes', () => {
  it('conforms to ontology/shapes.ttl (only the expected warning for the unsigned telegram)', async () => {
    const shapes = readFileSync(resolve(import.meta.dirname, '../../ontology/shapes.ttl'), 'utf8');
    const report = await validateGraph(sample, shapes);
    expect(report.violations.filter((v) => v.severity === 'violation')).toEqual([]);
    expect(report.conforms).toBe(true);
    expect(report.violations.map((v) => v.message)).toEqual([
      `telegram <${BASE}id/telegram/quoting> has no schema:sender; cg:TelegramShape expects a sender (no signature was resolved) (ontology/shapes.ttl)`,
    ]);
  });
});
