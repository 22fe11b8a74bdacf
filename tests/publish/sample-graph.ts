// A small hand-written graph shaped like a telegram's: named graphs, blank nodes, typed and
// language-tagged literals, characters every syntax must escape.
import { DataFactory, Parser, type Quad } from 'n3';

export const BASE = 'http://localhost:3000/';

const TTL = `
@prefix cg: <https://w3id.org/cablegraph/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix t: <${BASE}id/telegram/> .
@prefix p: <${BASE}id/person/> .

t:1950-01-01-a-to-b {
  t:1950-01-01-a-to-b a cg:Telegram ;
    schema:name "Telegram from A to B, 1 January 1950" ;
    schema:text "Line one \\"quoted\\" & <tagged>\\r\\nLine two\\n\\ttab ]]> – Пекин 北京 😀" ;
    schema:sender p:a ;
    schema:recipient p:b ;
    schema:dateSent "1950-01-01"^^xsd:date ;
    schema:mentions p:a, p:b ;
    schema:identifier [ a schema:PropertyValue ; schema:propertyID "cipher-number" ; schema:value "25348" ] ;
    cg:copy [ a cg:Copy ; cg:copyNumber 1 ; cg:copyNumberAsPrinted "1." ; schema:recipient p:b ] ;
    cg:claim <${BASE}id/telegram/1950-01-01-a-to-b/claim/1> .
  <${BASE}id/telegram/1950-01-01-a-to-b/claim/1> a cg:Claim ;
    cg:claimant p:a ;
    schema:text "at least nine divisions" ;
    schema:isPartOf t:1950-01-01-a-to-b ;
    cg:hasQuantity <${BASE}id/telegram/1950-01-01-a-to-b/quantity/1> .
  <${BASE}id/telegram/1950-01-01-a-to-b/quantity/1> a schema:QuantitativeValue ;
    schema:minValue "9"^^xsd:decimal ;
    cg:approximate false ;
    schema:unitText "divisions" ;
    schema:isPartOf t:1950-01-01-a-to-b .
  <${BASE}id/telegram/1950-01-01-a-to-b/annotation/1> a oa:Annotation ;
    oa:hasBody <${BASE}id/telegram/1950-01-01-a-to-b/claim/1> ;
    oa:hasTarget [ oa:hasSource t:1950-01-01-a-to-b ;
      oa:hasSelector [ a oa:TextPositionSelector ; oa:start 10 ; oa:end 33 ] ] .
}

<${BASE}id/person/> {
  p:a a schema:Person ; schema:name "Person A" , "Персона А"@ru ; cg:codename "ALPHA" ;
    owl:sameAs <http://www.wikidata.org/entity/Q1> .
  p:b a schema:Person ; schema:name "Person B" ; schema:alternateName "B." .
}
`;

/** The sample graph as quads. */
export function sampleQuads(): Quad[] {
  return new Parser({ format: 'TriG' }).parse(TTL);
}

/** The same quads in the default graph. */
export function mergeGraphs(quads: readonly import('@rdfjs/types').Quad[]): Quad[] {
  return quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object));
}
