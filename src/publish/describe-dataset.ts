// **describe-dataset** takes what a build knows about itself (title, licence, software, source
// hashes, triple count, downloads and their checksums, canonical hash) and returns the dataset's
// VoID / DCAT / schema:Dataset description as quads in the default graph.

import type { Quad, Quad_Object, Quad_Subject } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { VOCABULARY_PREFIXES } from './prefixes.js';

const { namedNode, literal, blankNode, quad } = DataFactory;

const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcterms: 'http://purl.org/dc/terms/',
  void: 'http://rdfs.org/ns/void#',
  dcat: 'http://www.w3.org/ns/dcat#',
  schema: 'https://schema.org/',
  prov: 'http://www.w3.org/ns/prov#',
  spdx: 'http://spdx.org/rdf/terms#',
  cg: 'https://w3id.org/cablegraph/ontology#',
} as const;

/** One download described as a dcat:Distribution. */
export interface DistributionInput {
  readonly fileName: string;
  /** Media type without parameters ("text/turtle"). */
  readonly mediaType: string;
  readonly label: string;
  readonly sha256: string;
  /** Size in bytes of the UTF-8 content. */
  readonly byteSize: number;
  /** True for the RDF dumps of the whole dataset (void:dataDump). */
  readonly dataDump: boolean;
}

/** One source text the dataset was generated from. */
export interface SourceInput {
  readonly slug: string;
  /** The file name (no folders: the description must not depend on where the build ran). */
  readonly fileName: string;
  readonly sha256: string;
}

export interface DatasetDescriptionInput {
  /** Base IRI, ending in "/". */
  readonly base: string;
  readonly title: string;
  readonly description?: string;
  /** Licence IRI (e.g. "https://creativecommons.org/licenses/by/4.0/"). */
  readonly license: string;
  /** xsd:date or xsd:dateTime; omitted from the description when absent. */
  readonly created?: string;
  readonly software: { readonly name: string; readonly version: string };
  readonly sources: readonly SourceInput[];
  /** Number of distinct triples (graphs merged). */
  readonly triples: number;
  /** Namespace IRIs of the vocabularies the data uses. */
  readonly vocabularies: readonly string[];
  readonly distributions: readonly DistributionInput[];
  /** Hex SHA-256 of the RDFC-1.0 canonical N-Quads. */
  readonly canonicalHash: string;
}

/** The IRI of the dataset description's subject: `{base}id/dataset`. */
export function datasetIri(base: string): string {
  return `${base}id/dataset`;
}

/** The IANA IRI of a media type, the usual object of dcat:mediaType. */
export function mediaTypeIri(mediaType: string): string {
  return `https://www.iana.org/assignments/media-types/${mediaType.split(';')[0]?.trim() ?? mediaType}`;
}

function checksum(subject: Quad_Subject, key: string, hex: string, out: Quad[], predicate = `${NS.spdx}checksum`): void {
  const node = blankNode(`checksum-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`);
  out.push(
    quad(subject, namedNode(predicate), node),
    quad(node, namedNode(`${NS.rdf}type`), namedNode(`${NS.spdx}Checksum`)),
    quad(node, namedNode(`${NS.spdx}algorithm`), namedNode(`${NS.spdx}checksumAlgorithm_sha256`)),
    quad(node, namedNode(`${NS.spdx}checksumValue`), literal(hex, namedNode(`${NS.xsd}hexBinary`))),
  );
}

function dateLiteral(value: string) {
  return literal(value, namedNode(`${NS.xsd}${value.includes('T') ? 'dateTime' : 'date'}`));
}

/**
 * Describes the dataset: `a void:Dataset, dcat:Dataset, schema:Dataset` with title, licence,
 * creation date, provenance (software and the SHA-256 of every source), triple count, SPARQL
 * endpoint, URI space, vocabularies, one dcat:Distribution per download (media type, download
 * URL, byte size, SHA-256) and the RDFC-1.0 canonical hash (`cg:canonicalHash`).
 * Deterministic: no clock, no counters; blank nodes are labelled from stable keys.
 */
export function describeDataset(input: DatasetDescriptionInput): Quad[] {
  const { base } = input;
  const out: Quad[] = [];
  const ds = namedNode(datasetIri(base));
  const add = (s: Quad_Subject, p: string, o: Quad_Object) => out.push(quad(s, namedNode(p), o));
  const type = `${NS.rdf}type`;

  for (const t of [`${NS.void}Dataset`, `${NS.dcat}Dataset`, `${NS.schema}Dataset`]) add(ds, type, namedNode(t));
  add(ds, `${NS.dcterms}title`, literal(input.title, 'en'));
  add(ds, `${NS.schema}name`, literal(input.title, 'en'));
  if (input.description !== undefined) {
    add(ds, `${NS.dcterms}description`, literal(input.description, 'en'));
    add(ds, `${NS.schema}description`, literal(input.description, 'en'));
  }
  add(ds, `${NS.dcterms}license`, namedNode(input.license));
  add(ds, `${NS.schema}license`, namedNode(input.license));
  if (input.created !== undefined) {
    add(ds, `${NS.dcterms}created`, dateLiteral(input.created));
    add(ds, `${NS.schema}dateCreated`, dateLiteral(input.created));
  }
  add(ds, `${NS.void}triples`, literal(String(input.triples), namedNode(`${NS.xsd}integer`)));
  add(ds, `${NS.void}sparqlEndpoint`, namedNode(`${base}sparql`));
  add(ds, `${NS.void}uriSpace`, literal(`${base}id/`));
  for (const v of [...new Set(input.vocabularies)].sort()) add(ds, `${NS.void}vocabulary`, namedNode(v));

  // Provenance: the build activity, the software that ran it, and every source text with its hash.
  const activity = namedNode(`${base}id/dataset/build`);
  const software = namedNode(`${base}id/dataset/software`);
  add(ds, `${NS.prov}wasGeneratedBy`, activity);
  add(activity, type, namedNode(`${NS.prov}Activity`));
  add(activity, `${NS.prov}wasAssociatedWith`, software);
  add(software, type, namedNode(`${NS.prov}SoftwareAgent`));
  add(software, type, namedNode(`${NS.schema}SoftwareApplication`));
  add(software, `${NS.schema}name`, literal(input.software.name));
  add(software, `${NS.schema}softwareVersion`, literal(input.software.version));
  const sources = [...input.sources].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  if (sources[0]) add(ds, `${NS.void}exampleResource`, namedNode(`${base}id/telegram/${encodeURIComponent(sources[0].slug)}`));
  for (const src of sources) {
    const s = namedNode(`${base}id/dataset/source/${encodeURIComponent(src.slug)}`);
    add(activity, `${NS.prov}used`, s);
    add(ds, `${NS.dcterms}source`, s);
    add(s, type, namedNode(`${NS.prov}Entity`));
    add(s, `${NS.schema}name`, literal(src.fileName));
    add(s, `${NS.schema}encodingFormat`, literal('text/plain'));
    add(s, `${NS.schema}about`, namedNode(`${base}id/telegram/${encodeURIComponent(src.slug)}`));
    checksum(s, `source-${src.slug}`, src.sha256, out);
  }

  for (const d of input.distributions) {
    const dist = namedNode(`${base}id/dataset/distribution/${encodeURIComponent(d.fileName)}`);
    const url = namedNode(`${base}download/${encodeURIComponent(d.fileName)}`);
    add(ds, `${NS.dcat}distribution`, dist);
    add(ds, `${NS.schema}distribution`, dist);
    if (d.dataDump) add(ds, `${NS.void}dataDump`, url);
    add(dist, type, namedNode(`${NS.dcat}Distribution`));
    add(dist, type, namedNode(`${NS.schema}DataDownload`));
    add(dist, `${NS.dcterms}title`, literal(d.label, 'en'));
    add(dist, `${NS.dcat}mediaType`, namedNode(mediaTypeIri(d.mediaType)));
    add(dist, `${NS.schema}encodingFormat`, literal(d.mediaType));
    add(dist, `${NS.dcat}downloadURL`, url);
    add(dist, `${NS.dcat}accessURL`, url);
    add(dist, `${NS.schema}contentUrl`, url);
    add(dist, `${NS.dcat}byteSize`, literal(String(d.byteSize), namedNode(`${NS.xsd}nonNegativeInteger`)));
    add(dist, `${NS.dcterms}license`, namedNode(input.license));
    checksum(dist, `file-${d.fileName}`, d.sha256, out);
  }

  // The canonical hash: SHA-256 over the RDFC-1.0 canonical N-Quads of the whole dataset.
  checksum(ds, 'canonical', input.canonicalHash, out, `${NS.cg}canonicalHash`);
  add(blankNode('checksum-canonical'), `${NS.dcterms}conformsTo`, namedNode('https://www.w3.org/TR/rdf-canon/'));
  return out;
}

/** Namespace IRIs from the fixed prefix table that the quads use (predicates and classes). */
export function vocabulariesUsed(quads: readonly Quad[]): string[] {
  const namespaces = Object.values(VOCABULARY_PREFIXES).filter((ns) => ns !== VOCABULARY_PREFIXES['rdf'] && ns !== VOCABULARY_PREFIXES['xsd']);
  const used = new Set<string>();
  const note = (iri: string) => {
    for (const ns of namespaces) if (iri.startsWith(ns)) used.add(ns);
  };
  for (const q of quads) {
    note(q.predicate.value);
    if (q.predicate.value === `${NS.rdf}type` && q.object.termType === 'NamedNode') note(q.object.value);
  }
  return [...used].sort();
}
