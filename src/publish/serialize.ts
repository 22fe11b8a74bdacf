// **serialize** takes quads and returns one RDF document as text: Turtle, TriG, N-Triples, N-Quads
// (n3 Writer), JSON-LD compacted with ontology/context.jsonld (jsonld), or RDF/XML. Output is
// deterministic: quads are sorted and deduplicated, prefixes are fixed, contexts are local.

import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import type { ContextDefinition, Options as JsonLdOptions } from 'jsonld';
import type { Frame, RemoteDocument } from 'jsonld/jsonld-spec.js';
import { Writer } from 'n3';
import { ConfigError } from '../errors.js';
import type { RdfFormatName } from './formats.js';
import { readOntologyJson } from './ontology-files.js';
import { prefixesFor } from './prefixes.js';
import { writeRdfXml } from './rdfxml.js';
import { sortQuads } from './sort-quads.js';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const CG_TELEGRAM = 'https://w3id.org/cablegraph/ontology#Telegram';

/** A JSON-LD context document as published: `{ "@context": … }`. */
export interface JsonLdContextDocument {
  readonly '@context': unknown;
}

export interface SerializeOptions {
  /** Base IRI of the dataset, ending in "/" (gives the `data:` prefixes). */
  readonly base: string;
  /** Quad formats keep named graphs by default; "merge" puts every triple in the default graph. */
  readonly graphs?: 'keep' | 'merge';
  /** The JSON-LD context document; ontology/context.jsonld is read when absent. */
  readonly context?: JsonLdContextDocument;
  /** When set, JSON-LD output refers to the context by this URL instead of inlining it. */
  readonly contextUrl?: string;
  /**
   * The quads are already what sortQuads returns for this format (merged into the default graph
   * for triple formats and with `graphs: 'merge'`): they are written as given, not sorted again.
   */
  readonly presorted?: boolean;
}

const N3_FORMATS = {
  turtle: 'Turtle',
  trig: 'TriG',
  ntriples: 'N-Triples',
  nquads: 'N-Quads',
} as const;

const QUAD_FORMATS: ReadonlySet<RdfFormatName> = new Set(['trig', 'nquads', 'jsonld']);

/**
 * Serializes quads in one format. Triple formats (Turtle, N-Triples, RDF/XML) merge graphs.
 * @example await serializeQuads(quads, 'turtle', { base: 'http://localhost:3000/' })
 */
export async function serializeQuads(
  quads: readonly Quad[],
  format: RdfFormatName,
  options: SerializeOptions,
): Promise<string> {
  const merge = !QUAD_FORMATS.has(format) || options.graphs === 'merge';
  const sorted = options.presorted === true ? quads : sortQuads(quads, { merge });
  switch (format) {
    case 'turtle':
    case 'trig':
    case 'ntriples':
    case 'nquads':
      return writeWithN3(sorted, N3_FORMATS[format], prefixesFor(options.base));
    case 'rdfxml':
      return writeRdfXml(sorted, prefixesFor(options.base));
    case 'jsonld':
      return writeJsonLd(sorted, options);
  }
}

/** A `\UXXXXXXXX` escape not itself escaped (after an even number of backslashes). */
const ASTRAL_ESCAPE = /(?<!\\)((?:\\\\)*)\\U([0-9A-Fa-f]{8})/g;

/**
 * Writes characters outside the Basic Multilingual Plane (emoji, rare CJK) as themselves, as
 * canonical N-Triples does, where the n3 Writer writes `\U0001F600`: valid, but readers such as
 * pyld 2.0's N-Quads parser do not decode it and corrupt the text.
 */
function unescapeAstral(text: string): string {
  if (!text.includes('\\U')) return text;
  return text.replace(ASTRAL_ESCAPE, (_whole, backslashes: string, hex: string) => `${backslashes}${String.fromCodePoint(Number.parseInt(hex, 16))}`);
}

/** Writes already sorted quads with the n3 Writer (prefixes apply to Turtle and TriG only). */
function writeWithN3(sorted: readonly Quad[], format: string, prefixes: Readonly<Record<string, string>>): Promise<string> {
  if (format === 'N-Triples' || format === 'N-Quads') {
    return Promise.resolve(unescapeAstral(new Writer({ format }).quadsToString([...sorted])));
  }
  const writer = new Writer({ format, prefixes: { ...prefixes } });
  for (const q of sorted) writer.addQuad(q);
  return new Promise((resolve, reject) => {
    writer.end((error, result: string) => (error ? reject(error) : resolve(unescapeAstral(result))));
  });
}

/**
 * Sorted, distinct quads as JSON-LD's fromRDF reads them. Given as quads (RDF/JS terms, which it
 * reads as they are), not as N-Quads text: its N-Quads reader (rdf-canonize's) compares each quad
 * with every quad already read in the same graph, quadratic in the size of a telegram's graph.
 */
function fromQuads(sorted: readonly Quad[]): ReturnType<typeof jsonld.fromRDF> {
  return jsonld.fromRDF(sorted);
}

/** Reads and checks the context document (from options or ontology/context.jsonld). */
function contextDocument(options: { readonly context?: JsonLdContextDocument }): JsonLdContextDocument {
  const doc = options.context ?? readOntologyJson('context.jsonld');
  if (typeof doc !== 'object' || doc === null || !('@context' in doc)) {
    throw new ConfigError('the JSON-LD context document (ontology/context.jsonld) must be an object with "@context"', 'bad-context');
  }
  return doc as JsonLdContextDocument;
}

/**
 * A document loader that never touches the network: it answers the given URLs from memory
 * and refuses every other URL with a ConfigError naming it.
 */
export function localDocumentLoader(documents: ReadonlyMap<string, unknown>): (url: string) => Promise<RemoteDocument> {
  return (url: string) => {
    const document = documents.get(url);
    if (document === undefined) {
      return Promise.reject(
        new ConfigError(`JSON-LD document ${url} is not available locally; contexts are never fetched over the network`, 'remote-context'),
      );
    }
    return Promise.resolve({ documentUrl: url, document: document as RemoteDocument['document'] });
  };
}

function loaderFor(contextDoc: JsonLdContextDocument, contextUrl: string | undefined, base: string) {
  const docs = new Map<string, unknown>([[`${base}context.jsonld`, contextDoc]]);
  if (contextUrl !== undefined) docs.set(contextUrl, contextDoc);
  return localDocumentLoader(docs);
}

async function writeJsonLd(sorted: readonly Quad[], options: SerializeOptions): Promise<string> {
  const contextDoc = contextDocument(options);
  const documentLoader = loaderFor(contextDoc, options.contextUrl, options.base);
  const expanded = await fromQuads(sorted);
  const compacted = await jsonld.compact(expanded, contextDoc['@context'] as ContextDefinition, {
    documentLoader,
    graph: true,
  });
  const out = options.contextUrl === undefined ? compacted : { ...compacted, '@context': options.contextUrl };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export interface FrameOptions {
  readonly base: string;
  readonly context?: JsonLdContextDocument;
  readonly contextUrl?: string;
  /** The frame; ontology/frame-telegram.jsonld is read when absent. */
  readonly frame?: Readonly<Record<string, unknown>>;
  /** Frame only this telegram (its IRI); every telegram otherwise. */
  readonly telegram?: string;
}

/**
 * JSON-LD framed around each telegram: one readable tree per telegram (header, copies, claims
 * with their quantities, events, mentioned entities), compacted with the published context,
 * as `{ "@context", "@graph": [tree…] }` sorted by telegram IRI (one tree without `@graph` when
 * `telegram` is given). Each tree holds the telegram's own graph plus the descriptions of what
 * it refers to, so every tree reads on its own.
 */
export async function frameTelegrams(quads: readonly Quad[], options: FrameOptions): Promise<string> {
  const contextDoc = contextDocument(options);
  const documentLoader = loaderFor(contextDoc, options.contextUrl, options.base);
  const frameDoc = options.frame ?? readOntologyJson('frame-telegram.jsonld');
  if (typeof frameDoc !== 'object' || frameDoc === null) {
    throw new ConfigError('ontology/frame-telegram.jsonld must be a JSON object', 'bad-frame');
  }
  const telegrams = telegramGraphs(quads).filter(([iri]) => options.telegram === undefined || iri === options.telegram);
  const index = indexDescriptions(quads);
  const frameOptions: JsonLdOptions.Frame & { documentLoader: typeof documentLoader } = { documentLoader, omitGraph: true };
  const frame = { ...frameDoc, '@context': contextDoc['@context'] };
  const trees: Record<string, unknown>[] = [];
  for (const [iri, graphKey] of telegrams) {
    const subset = sortQuads(quadsForTelegram(graphKey, index), { merge: true });
    const expanded = await fromQuads(subset);
    const framed: Record<string, unknown> = await jsonld.frame(expanded, { ...frame, '@id': iri } as Frame, frameOptions);
    const tree = { ...framed };
    delete tree['@context'];
    trees.push(tree);
  }
  const context = options.contextUrl ?? contextDoc['@context'];
  const out = options.telegram !== undefined && trees.length === 1 ? { '@context': context, ...trees[0] } : { '@context': context, '@graph': trees };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function graphKeyOf(q: Quad): string {
  return q.graph.termType === 'DefaultGraph' ? '' : `${q.graph.termType}:${q.graph.value}`;
}

/** [telegram IRI, key of the graph that types it], sorted by IRI. */
function telegramGraphs(quads: readonly Quad[]): [string, string][] {
  const found = new Map<string, string>();
  for (const q of quads) {
    if (q.predicate.value === RDF_TYPE && q.object.value === CG_TELEGRAM && q.subject.termType === 'NamedNode') {
      if (!found.has(q.subject.value)) found.set(q.subject.value, graphKeyOf(q));
    }
  }
  return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

interface DescriptionIndex {
  /** Quads by graph key. */
  readonly byGraph: ReadonlyMap<string, readonly Quad[]>;
  /** Quads of non-telegram graphs (entity descriptions) by subject key. */
  readonly bySubject: ReadonlyMap<string, readonly Quad[]>;
}

function indexDescriptions(quads: readonly Quad[]): DescriptionIndex {
  const telegramGraphKeys = new Set(telegramGraphs(quads).map(([, g]) => g));
  const byGraph = new Map<string, Quad[]>();
  const bySubject = new Map<string, Quad[]>();
  const push = (map: Map<string, Quad[]>, key: string, q: Quad) => {
    const list = map.get(key);
    if (list) list.push(q);
    else map.set(key, [q]);
  };
  for (const q of quads) {
    const g = graphKeyOf(q);
    push(byGraph, g, q);
    if (!telegramGraphKeys.has(g)) push(bySubject, `${q.subject.termType}:${q.subject.value}`, q);
  }
  return { byGraph, bySubject };
}

/**
 * The telegram's graph, plus every quad of the other, non-telegram graphs (entity descriptions)
 * whose subject the telegram's graph refers to, following blank nodes.
 */
function quadsForTelegram(graphKey: string, index: DescriptionIndex): Quad[] {
  const own = index.byGraph.get(graphKey) ?? [];
  if (graphKey === '') return [...own];
  const bySubject = index.bySubject;
  const out = [...own];
  const seen = new Set<string>();
  const queue = own.map((q) => q.object).filter((o) => o.termType === 'NamedNode' || o.termType === 'BlankNode');
  for (let term = queue.shift(); term !== undefined; term = queue.shift()) {
    const key = `${term.termType}:${term.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const q of bySubject.get(key) ?? []) {
      out.push(q);
      if (q.object.termType === 'BlankNode') queue.push(q.object);
    }
  }
  return out;
}
