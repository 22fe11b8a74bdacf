// **build-dataset** takes the loaded inputs and returns a BuiltDataset: the ONE place the stages
// are chained (extract every telegram → buildGraph → validateGraph → canonicalize → serialize every
// format, the framed JSON-LD, the VoID/DCAT description and SHA256SUMS). Pure apart from reading
// ontology files the caller did not pass in; identical input gives byte-identical output.

import type { Quad } from '@rdfjs/types';
import { MappingError } from '../errors.js';
import type { Extractors, TelegramSource } from '../extract/extract-telegram.js';
import type { RawInputs } from '../extract/inputs.js';
import type { ExtractionResult } from '../extract/record.js';
import { canonicalizeQuads } from './canonical-hash.js';
import { formatSha256Sums, sha256Hex } from './checksums.js';
import type { BuildReport, BuiltDataset, DatasetFile, TelegramReport } from './dataset.js';
import { describeDataset, vocabulariesUsed, type DistributionInput } from './describe-dataset.js';
import { RDF_FORMATS } from './formats.js';
import { readOntologyFile, readOntologyJson, readPackageInfo } from './ontology-files.js';
import { frameTelegrams, serializeQuads, type JsonLdContextDocument } from './serialize.js';
import { sortQuads } from './sort-quads.js';

/** One telegram's source text with the SHA-256 of its file. */
export interface SourceText extends TelegramSource {
  readonly sha256: string;
}

export interface BuildInputs {
  readonly raw: RawInputs;
  readonly telegrams: readonly SourceText[];
  /** ontology/shapes.ttl; read from the ontology folder when absent. */
  readonly shapes?: string;
  /** ontology/context.jsonld; read from the ontology folder when absent. */
  readonly context?: JsonLdContextDocument;
  /** ontology/frame-telegram.jsonld; read from the ontology folder when absent. */
  readonly frame?: Readonly<Record<string, unknown>>;
  /** data/dataset.yaml: { title?, description?, license? }. */
  readonly dataset?: unknown;
}

/** What validation found, normalised: each message one readable line. */
export interface ValidationOutcome {
  readonly conforms: boolean;
  readonly violations: readonly string[];
  readonly warnings: readonly string[];
}

/** The stages buildDataset chains; tests and the benchmark may pass their own. */
export interface PipelineStages {
  readonly compileExtractors: (raw: RawInputs) => Extractors;
  readonly extractTelegram: (source: TelegramSource, extractors: Extractors) => ExtractionResult;
  readonly buildGraph: (results: readonly ExtractionResult[], options: { base: string }) => Quad[];
  readonly validateGraph: (quads: readonly Quad[], shapesTurtle: string) => Promise<ValidationOutcome>;
}

export interface BuildOptions {
  /** Base IRI, absolute, ending in "/". */
  readonly base: string;
  readonly stages: PipelineStages;
  /** dcterms:created of the dataset; defaults to the newest telegram's dateSent (no clock). */
  readonly created?: string;
  /** Defaults to name and version from package.json. */
  readonly software?: { readonly name: string; readonly version: string };
}

/** Download file names, in their stable order. */
export const DATA_FILE_NAMES: Readonly<Record<string, string>> = {
  turtle: 'cablegraph.ttl',
  ntriples: 'cablegraph.nt',
  nquads: 'cablegraph.nq',
  trig: 'cablegraph.trig',
  jsonld: 'cablegraph.jsonld',
  rdfxml: 'cablegraph.rdf',
  'jsonld-framed': 'cablegraph.framed.jsonld',
  void: 'void.ttl',
  checksums: 'SHA256SUMS',
};

const DEFAULT_TITLE = 'cablegraph: Cold War diplomatic telegrams as linked data';
const DEFAULT_DESCRIPTION =
  'Translated diplomatic telegrams with their headers, distribution lists, reported claims, quantities, events and mentioned people, places and organisations, each statement linked to the exact words of the source text.';
const DEFAULT_LICENSE = 'https://creativecommons.org/licenses/by/4.0/';

function file(fileName: string, kind: string, mediaType: string, content: string): DatasetFile {
  return { fileName, kind, mediaType, content, sha256: sha256Hex(content) };
}

function stringField(meta: unknown, key: string): string | undefined {
  if (typeof meta !== 'object' || meta === null || !(key in meta)) return undefined;
  const value: unknown = (meta as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The newest xsd:date among the telegrams' dates sent, or undefined. */
export function newestDateSent(results: readonly ExtractionResult[]): string | undefined {
  let newest: string | undefined;
  for (const r of results) {
    const date = r.header.dateSent?.value.slice(0, 10);
    if (date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) && (newest === undefined || date > newest)) newest = date;
  }
  return newest;
}

/** Counts per kind for one telegram (what the build report prints). */
function countsOf(r: ExtractionResult, triples: number): Record<string, number> {
  return {
    mentions: r.mentions.length,
    entities: r.entities.length,
    quantities: r.quantities.length,
    claims: r.claims.length,
    events: r.events.length,
    copies: r.header.copies.length,
    identifiers: r.header.identifiers.length,
    'quoted-telegrams': r.quotedTelegrams.length,
    'unresolved-names': r.report.filter((i) => i.code === 'unresolved-name').length,
    'uninterpreted-text': r.report.filter((i) => i.code === 'uninterpreted-text').length,
    'report-items': r.report.length,
    triples,
  };
}

/** Quads per telegram: those in a named graph whose IRI ends with "/telegram/{slug}". */
function triplesPerTelegram(quads: readonly Quad[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of quads) {
    if (q.graph.termType !== 'NamedNode') continue;
    const m = /\/telegram\/([^/#]+)$/.exec(q.graph.value);
    if (!m?.[1]) continue;
    const slug = decodeURIComponent(m[1]);
    counts.set(slug, (counts.get(slug) ?? 0) + 1);
  }
  return counts;
}

function buildReport(results: readonly ExtractionResult[], quads: readonly Quad[], distinctTriples: number, warnings: readonly string[]): BuildReport {
  const perTelegram = triplesPerTelegram(quads);
  const telegrams: TelegramReport[] = results.map((r) => ({
    slug: r.slug,
    file: r.file,
    counts: countsOf(r, perTelegram.get(r.slug) ?? 0),
    items: r.report,
  }));
  const totals: Record<string, number> = { telegrams: results.length };
  for (const t of telegrams) for (const [k, v] of Object.entries(t.counts)) totals[k] = (totals[k] ?? 0) + v;
  totals['entities'] = new Set(results.flatMap((r) => r.entities.map((e) => `${e.type}/${e.slug}`))).size;
  totals['triples'] = distinctTriples;
  totals['quads'] = quads.length;
  return { telegrams, totals, warnings };
}

/**
 * Builds the whole dataset in memory. Throws MappingError with the readable SHACL report when
 * the graph violates ontology/shapes.ttl; SourceError/ConfigError/MappingError from the stages
 * pass through unchanged.
 */
export async function buildDataset(inputs: BuildInputs, options: BuildOptions): Promise<BuiltDataset> {
  const { base, stages } = options;
  const extractors = stages.compileExtractors(inputs.raw);
  const telegrams = [...inputs.telegrams].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const results = telegrams.map((t) => stages.extractTelegram({ slug: t.slug, file: t.file, text: t.text }, extractors));
  const graph = stages.buildGraph(results, { base });

  const validation = await stages.validateGraph(graph, inputs.shapes ?? readOntologyFile('shapes.ttl'));
  if (!validation.conforms || validation.violations.length > 0) {
    const lines = validation.violations.length > 0 ? validation.violations : ['the graph does not conform to ontology/shapes.ttl'];
    throw new MappingError(
      `the graph violates ontology/shapes.ttl (${lines.length} violation${lines.length === 1 ? '' : 's'}):\n${lines.map((l) => `  - ${l}`).join('\n')}`,
      'shacl-violation',
    );
  }

  // Canonical form first: it relabels blank nodes (_:c14nN), so every file is byte-identical
  // whatever labels the graph stage chose.
  const sorted = sortQuads(graph, { merge: false });
  const canonical = await canonicalizeQuads(sorted);
  const quads = canonical.quads === sorted ? sorted : sortQuads(canonical.quads, { merge: false });
  const merged = sortQuads(quads, { merge: true });
  const distinctTriples = merged.length;

  const context = inputs.context ?? (readOntologyJson('context.jsonld') as JsonLdContextDocument);
  const frame = inputs.frame ?? (readOntologyJson('frame-telegram.jsonld') as Record<string, unknown>);
  const files: DatasetFile[] = [];
  for (const format of RDF_FORMATS) {
    // Both orders are computed once above: serializeQuads would otherwise sort again per format.
    const content = await serializeQuads(format.quads ? quads : merged, format.name, { base, context, presorted: true });
    files.push(file(DATA_FILE_NAMES[format.name] ?? `cablegraph.${format.extensions[0] ?? format.name}`, format.name, format.mediaType, content));
  }
  files.push(file(DATA_FILE_NAMES['jsonld-framed'] ?? 'cablegraph.framed.jsonld', 'jsonld-framed', 'application/ld+json', await frameTelegrams(quads, { base, context, frame })));

  const software = options.software ?? readPackageInfo();
  const created = options.created ?? newestDateSent(results);
  const distributions: DistributionInput[] = files.map((f) => ({
    fileName: f.fileName,
    mediaType: f.mediaType,
    label: f.kind === 'jsonld-framed' ? 'JSON-LD framed around each telegram' : (RDF_FORMATS.find((r) => r.name === f.kind)?.label ?? f.kind),
    sha256: f.sha256,
    byteSize: Buffer.byteLength(f.content, 'utf8'),
    dataDump: f.kind !== 'jsonld-framed',
  }));
  const description = describeDataset({
    base,
    title: stringField(inputs.dataset, 'title') ?? DEFAULT_TITLE,
    description: stringField(inputs.dataset, 'description') ?? DEFAULT_DESCRIPTION,
    license: stringField(inputs.dataset, 'license') ?? DEFAULT_LICENSE,
    ...(created !== undefined ? { created } : {}),
    software,
    sources: telegrams.map((t) => ({ slug: t.slug, fileName: t.file.split(/[\\/]/).pop() ?? t.file, sha256: t.sha256 })),
    triples: distinctTriples,
    vocabularies: vocabulariesUsed(quads),
    distributions,
    canonicalHash: canonical.hash,
  });
  files.push(file(DATA_FILE_NAMES['void'] ?? 'void.ttl', 'void', 'text/turtle', await serializeQuads(description, 'turtle', { base })));
  files.push(file(DATA_FILE_NAMES['checksums'] ?? 'SHA256SUMS', 'checksums', 'text/plain', formatSha256Sums(files)));

  const nquads = files.find((f) => f.kind === 'nquads')?.content ?? '';
  return {
    base,
    quads,
    nquads,
    files,
    canonicalHash: canonical.hash,
    results,
    report: buildReport(results, quads, distinctTriples, validation.warnings),
    description,
  };
}
