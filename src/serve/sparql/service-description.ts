// **service-description** takes the endpoint IRI (and optionally the served quads) and returns the
// SPARQL 1.1 Service Description of the endpoint, as quads or as Turtle.

import type { Quad, Quad_Object, Quad_Subject } from '@rdfjs/types';
import { DataFactory, Writer } from 'n3';
import { RDF_FORMATS } from '../../publish/formats.js';
import { RESULTS_FORMATS } from './sparql-results.js';

const { namedNode, literal, blankNode, quad } = DataFactory;

const SD = 'http://www.w3.org/ns/sparql-service-description#';
const VOID = 'http://rdfs.org/ns/void#';
const RDF_TYPE = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
const XSD_INTEGER = namedNode('http://www.w3.org/2001/XMLSchema#integer');
const FORMATS_NS = 'http://www.w3.org/ns/formats/';

/** W3C formats IRIs of the RDF formats in the format table. */
const RDF_FORMAT_IRIS: Readonly<Record<string, string>> = {
  turtle: `${FORMATS_NS}Turtle`,
  ntriples: `${FORMATS_NS}N-Triples`,
  nquads: `${FORMATS_NS}N-Quads`,
  trig: `${FORMATS_NS}TriG`,
  jsonld: `${FORMATS_NS}JSON-LD`,
  rdfxml: `${FORMATS_NS}RDF_XML`,
};

export interface ServiceDescriptionOptions {
  /** The endpoint's absolute IRI, e.g. "http://localhost:3000/sparql". */
  readonly endpoint: string;
  /** The served quads: gives void:triples for the default (union) graph and each named graph. */
  readonly quads?: readonly Quad[];
  /** Named graphs are listed only up to this many (a large corpus would bloat the description). Default 1000. */
  readonly maxNamedGraphs?: number;
}

const sd = (name: string) => namedNode(`${SD}${name}`);

/**
 * Describes the endpoint: sd:Service with sd:endpoint, sd:supportedLanguage sd:SPARQL11Query, one
 * sd:resultFormat per results and RDF format, sd:feature sd:UnionDefaultGraph, and sd:defaultDataset
 * whose default graph (the union of all graphs) and named graphs carry void:triples.
 * @example describeService({ endpoint: 'http://localhost:3000/sparql', quads: built.quads })
 */
export function describeService(options: ServiceDescriptionOptions): Quad[] {
  const service = namedNode(`${options.endpoint}#service`);
  const out: Quad[] = [];
  const add = (s: Quad_Subject, p: string, o: Quad_Object): void => void out.push(quad(s, p === 'a' ? RDF_TYPE : sd(p), o));
  add(service, 'a', sd('Service'));
  add(service, 'endpoint', namedNode(options.endpoint));
  add(service, 'supportedLanguage', sd('SPARQL11Query'));
  for (const f of RESULTS_FORMATS) add(service, 'resultFormat', namedNode(f.formatIri));
  for (const f of RDF_FORMATS) {
    const iri = RDF_FORMAT_IRIS[f.name];
    if (iri !== undefined) add(service, 'resultFormat', namedNode(iri));
  }
  add(service, 'feature', sd('UnionDefaultGraph'));

  const dataset = blankNode('dataset');
  const defaultGraph = blankNode('defaultGraph');
  add(service, 'defaultDataset', dataset);
  add(dataset, 'a', sd('Dataset'));
  add(dataset, 'defaultGraph', defaultGraph);
  add(defaultGraph, 'a', sd('Graph'));
  if (options.quads !== undefined) {
    out.push(quad(defaultGraph, namedNode(`${VOID}triples`), literal(String(countTriples(options.quads)), XSD_INTEGER)));
    const graphs = countGraphTriples(options.quads);
    if (graphs.size <= (options.maxNamedGraphs ?? 1000)) {
      let n = 0;
      for (const [name, triples] of [...graphs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        n += 1;
        const named = blankNode(`namedGraph${n}`);
        const graph = blankNode(`graph${n}`);
        add(dataset, 'namedGraph', named);
        add(named, 'a', sd('NamedGraph'));
        add(named, 'name', namedNode(name));
        add(named, 'graph', graph);
        add(graph, 'a', sd('Graph'));
        out.push(quad(graph, namedNode(`${VOID}triples`), literal(String(triples), XSD_INTEGER)));
      }
    }
  }
  return out;
}

/** Distinct triples over all graphs (the union default graph's size). */
function countTriples(quads: readonly Quad[]): number {
  const seen = new Set<string>();
  for (const q of quads) seen.add(`${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`);
  return seen.size;
}

function termKey(term: Quad['object']): string {
  return term.termType === 'Literal' ? `"${term.value}"@${term.language}^^${term.datatype.value}` : `${term.termType}:${term.value}`;
}

/** Triples per named graph (IRI-named graphs only). */
function countGraphTriples(quads: readonly Quad[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of quads) {
    if (q.graph.termType === 'NamedNode') counts.set(q.graph.value, (counts.get(q.graph.value) ?? 0) + 1);
  }
  return counts;
}

/** Writes the service description as Turtle with the sd:, void: and formats: prefixes. */
export function serviceDescriptionTurtle(options: ServiceDescriptionOptions): Promise<string> {
  const writer = new Writer({ prefixes: { sd: SD, void: VOID, formats: FORMATS_NS } });
  writer.addQuads(describeService(options));
  return new Promise((resolve, reject) => writer.end((error, result: string) => (error ? reject(error) : resolve(result))));
}
