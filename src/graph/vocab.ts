// **vocab** takes nothing and returns typed RDF term constants for every vocabulary the graph uses
// (`CG.terms.Telegram`, `SCHEMA.terms.sender`…), plus the concept IRIs of the speech-act and unit schemes.

import type { NamedNode } from '@rdfjs/types';
import { DataFactory } from 'n3';

/** A namespace and its terms as named nodes; `terms` holds exactly the listed local names. */
export interface Vocabulary<T extends string> {
  readonly namespace: string;
  readonly terms: { readonly [K in T]: NamedNode };
}

/**
 * Builds a vocabulary from a namespace and its local names.
 * @example createVocabulary('https://schema.org/', ['name']).terms.name.value // "https://schema.org/name"
 */
export function createVocabulary<const T extends readonly string[]>(
  namespace: string,
  localNames: T,
): Vocabulary<T[number]> {
  const terms = {} as Record<T[number], NamedNode>;
  for (const name of localNames as readonly T[number][]) terms[name] = DataFactory.namedNode(namespace + name);
  return { namespace, terms: Object.freeze(terms) };
}

/** The cablegraph ontology (ontology/cablegraph.ttl declares every term listed here). */
export const CG = createVocabulary('https://w3id.org/cablegraph/ontology#', [
  // classes
  'Telegram',
  'QuotedTelegram',
  'ReferencedTelegram',
  'Copy',
  'Claim',
  'Ratio',
  'Meeting',
  'Group',
  'Polarity',
  // individuals
  'Asserted',
  'Rejected',
  // telegram
  'addressedAs',
  'addressedAsEditorial',
  'closingDate',
  'timeZoneStated',
  'timeZoneAsPrinted',
  'receivedFrom',
  'receivedFromAsPrinted',
  'classification',
  'priority',
  'priorityGloss',
  'issuingOffice',
  'issuingOfficeAsPrinted',
  'inReplyTo',
  'refersTo',
  'quotes',
  'copy',
  'copyNumber',
  'copyNumberAsPrinted',
  'recipientAsPrinted',
  'claim',
  'hasQuantity',
  'event',
  // claim
  'claimant',
  'reportedBy',
  'speechAct',
  'verbAsPrinted',
  'about',
  'pointAsPrinted',
  'quotedFrom',
  // quantity
  'approximate',
  'countOf',
  'holder',
  'forYear',
  'numerator',
  'denominator',
  'polarity',
  'contrastsWith',
  'reading',
  // event
  'travelMode',
  // entity
  'codename',
  'resolved',
  // evidence
  'forProperty',
  'identifiedVia',
] as const);

export const SCHEMA = createVocabulary('https://schema.org/', [
  'Message',
  'Person',
  'Place',
  'Country',
  'Organization',
  'PropertyValue',
  'QuantitativeValue',
  'MonetaryAmount',
  'Event',
  'TravelAction',
  'PotentialActionStatus',
  'CompletedActionStatus',
  'name',
  'text',
  'sender',
  'recipient',
  'dateSent',
  'dateReceived',
  'identifier',
  'propertyID',
  'value',
  'minValue',
  'maxValue',
  'unitText',
  'currency',
  'mentions',
  'alternateName',
  'isPartOf',
  'startDate',
  'duration',
  'attendee',
  'location',
  'agent',
  'participant',
  'fromLocation',
  'toLocation',
  'startTime',
  'actionStatus',
] as const);

export const OA = createVocabulary('http://www.w3.org/ns/oa#', [
  'Annotation',
  'SpecificResource',
  'TextPositionSelector',
  'TextQuoteSelector',
  'hasBody',
  'hasTarget',
  'hasSource',
  'hasSelector',
  'motivatedBy',
  'start',
  'end',
  'exact',
  'prefix',
  'suffix',
  'identifying',
  'describing',
  'classifying',
] as const);

export const RDF = createVocabulary('http://www.w3.org/1999/02/22-rdf-syntax-ns#', ['type'] as const);
export const RDFS = createVocabulary('http://www.w3.org/2000/01/rdf-schema#', ['label', 'comment'] as const);
export const OWL = createVocabulary('http://www.w3.org/2002/07/owl#', ['sameAs'] as const);
export const SKOS = createVocabulary('http://www.w3.org/2004/02/skos/core#', ['related', 'Concept', 'prefLabel', 'inScheme'] as const);
export const XSD = createVocabulary('http://www.w3.org/2001/XMLSchema#', [
  'string',
  'boolean',
  'integer',
  'nonNegativeInteger',
  'decimal',
  'date',
  'dateTime',
  'gYear',
  'duration',
] as const);

/** Namespace of the speech-act concept scheme (ontology/speech-acts.ttl). */
export const SPEECH_ACT_NAMESPACE = 'https://w3id.org/cablegraph/speech-act/';
/** Namespace of the countable-unit concept scheme (ontology/units.ttl). */
export const UNIT_NAMESPACE = 'https://w3id.org/cablegraph/unit/';

/**
 * The concept IRI of a speech act from its lexicon key.
 * @example speechActTerm('declare').value // "https://w3id.org/cablegraph/speech-act/declare"
 */
export function speechActTerm(key: string): NamedNode {
  return DataFactory.namedNode(SPEECH_ACT_NAMESPACE + encodeURIComponent(key));
}

/**
 * The concept IRI of a countable unit from its lexicon key.
 * @example unitTerm('artillery-piece').value // "https://w3id.org/cablegraph/unit/artillery-piece"
 */
export function unitTerm(key: string): NamedNode {
  return DataFactory.namedNode(UNIT_NAMESPACE + encodeURIComponent(key));
}
