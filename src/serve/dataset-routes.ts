// **dataset-routes** takes the built dataset, the ontology and the JSON-LD context, and returns the
// router of the dataset's own documents: /dataset and /.well-known/void (VoID/DCAT, negotiated),
// /download/<file> (exactly the files of the build, nothing else), /context.jsonld and /ontology.

import type { Quad } from '@rdfjs/types';
import express, { type Request, type Response, type Router } from 'express';
import { DataFactory, Parser } from 'n3';
import { HttpError } from '../errors.js';
import type { BuiltDataset } from '../publish/dataset.js';
import { datasetIri } from '../publish/describe-dataset.js';
import { serializeQuads, type JsonLdContextDocument } from '../publish/serialize.js';
import { toDocument, type DocumentCache } from './document-cache.js';
import { renderDatasetPage } from './html/dataset-page.js';
import { sitePath, type Site } from './html/layout.js';
import { renderOntologyPage } from './html/ontology-page.js';
import { contentTypeOf, DOCUMENT_FORMATS, type ServedFormat } from './negotiate.js';
import { alternatesOf, formatUrl } from './resource-route.js';
import { etagMatches, sendRepresentation } from './send-representation.js';

const { namedNode, literal, quad } = DataFactory;

/** The ontology namespace (design.md §4): stable, independent of where the data is served. */
export const ONTOLOGY_NAMESPACE = 'https://w3id.org/cablegraph/ontology#';

export interface DatasetRouteDeps {
  readonly dataset: BuiltDataset;
  readonly site: Site;
  readonly cache: DocumentCache;
  readonly context: JsonLdContextDocument;
  /** ontology/cablegraph.ttl. */
  readonly ontologyTurtle: string;
}

const DCTERMS = 'http://purl.org/dc/terms/';

/** The dataset description, or a minimal one when the build has none. */
export function datasetDescription(dataset: BuiltDataset): readonly Quad[] {
  if (dataset.description && dataset.description.length > 0) return dataset.description;
  const ds = namedNode(datasetIri(dataset.base));
  return [
    quad(ds, namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), namedNode('http://rdfs.org/ns/void#Dataset')),
    quad(ds, namedNode('http://rdfs.org/ns/void#triples'), literal(String(dataset.report.totals['triples'] ?? dataset.quads.length), namedNode('http://www.w3.org/2001/XMLSchema#integer'))),
    quad(ds, namedNode('http://rdfs.org/ns/void#sparqlEndpoint'), namedNode(`${dataset.base}sparql`)),
  ];
}

function literalOf(quads: readonly Quad[], subject: string, predicate: string): string | undefined {
  return quads.find((q) => q.subject.value === subject && q.predicate.value === predicate && q.object.termType === 'Literal')?.object.value;
}

function objectOf(quads: readonly Quad[], subject: string, predicate: string): string | undefined {
  return quads.find((q) => q.subject.value === subject && q.predicate.value === predicate)?.object.value;
}

/** Sends a fixed document with its ETag (304 on If-None-Match). */
function sendFixed(req: Request, res: Response, body: string, contentType: string, etag: string, extra: Readonly<Record<string, string>> = {}): void {
  res.setHeader('Content-Type', contentType);
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'public, max-age=300');
  for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
  if (etagMatches(req.get('if-none-match'), etag)) {
    res.status(304).end();
    return;
  }
  res.status(200).send(body);
}

/** The dataset's title (dcterms:title of the description). */
export function datasetTitle(dataset: BuiltDataset): string {
  return literalOf(datasetDescription(dataset), datasetIri(dataset.base), `${DCTERMS}title`) ?? 'cablegraph';
}

/** Creates the router. Parses the ontology once. */
export function createDatasetRouter(deps: DatasetRouteDeps): Router {
  const { dataset, site, cache, context } = deps;
  const router = express.Router();
  const description = datasetDescription(dataset);
  const dsIri = datasetIri(dataset.base);
  const ontologyQuads = new Parser({ baseIRI: ONTOLOGY_NAMESPACE }).parse(deps.ontologyTurtle);
  const filesByName = new Map(dataset.files.map((f) => [f.fileName, f]));
  const contextDoc = toDocument(`${JSON.stringify(context, null, 2)}\n`);

  const renderDataset = async (format: ServedFormat): Promise<string> => {
    if (format.name !== 'html') return serializeQuads(description, format.name, { base: site.base, context });
    const jsonLd = await serializeQuads(description, 'jsonld', { base: site.base, context });
    const desc = literalOf(description, dsIri, `${DCTERMS}description`);
    const license = objectOf(description, dsIri, `${DCTERMS}license`);
    return renderDatasetPage(site, dataset, {
      title: datasetTitle(dataset),
      alternates: alternatesOf(sitePath(site, 'dataset')),
      jsonLd,
      ...(desc !== undefined ? { description: desc } : {}),
      ...(license !== undefined ? { license } : {}),
    });
  };

  const datasetHandler = (path: string) => async (req: Request, res: Response) => {
    const override = extensionOverride(stringParam(req.params['ext']));
    await sendRepresentation(req, res, {
      offers: DOCUMENT_FORMATS,
      ...(override ? { override } : {}),
      urlOf: (f) => formatUrl(sitePath(site, path), f),
      render: (format) => cache.get(`${format.name} dataset`, () => renderDataset(format)),
    });
  };
  router.get('/dataset', datasetHandler('dataset'));
  router.get('/dataset.:ext', datasetHandler('dataset'));
  router.get('/.well-known/void', datasetHandler('dataset'));

  const renderOntology = async (format: ServedFormat): Promise<string> => {
    if (format.name !== 'html') return serializeQuads(ontologyQuads, format.name, { base: site.base, context });
    return renderOntologyPage(site, ontologyQuads, { namespace: ONTOLOGY_NAMESPACE, alternates: alternatesOf(sitePath(site, 'ontology')) });
  };
  const ontologyHandler = async (req: Request, res: Response) => {
    const override = extensionOverride(stringParam(req.params['ext']));
    await sendRepresentation(req, res, {
      offers: DOCUMENT_FORMATS,
      ...(override ? { override } : {}),
      urlOf: (f) => formatUrl(sitePath(site, 'ontology'), f),
      render: (format) => cache.get(`${format.name} ontology`, () => renderOntology(format)),
    });
  };
  router.get('/ontology', ontologyHandler);
  router.get('/ontology.:ext', ontologyHandler);

  router.get('/context.jsonld', (req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    sendFixed(req, res, contextDoc.body, 'application/ld+json; charset=utf-8', contextDoc.etag);
  });

  router.get('/download/:file', (req, res) => {
    const name = req.params['file'] ?? '';
    const file = filesByName.get(name);
    if (!file) throw new HttpError(404, `no download named "${name}"; see ${sitePath(site, 'dataset')} for the list`, 'unknown-download');
    const format: ServedFormat = { name: 'turtle', mediaType: file.mediaType, aliases: [], extensions: [], keys: [], label: file.kind };
    sendFixed(req, res, file.content, contentTypeOf(format), `"${file.sha256}"`, {
      'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    });
  });

  return router;
}

function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The format named by a URL's extension (/dataset.ttl), or a 404 when it names none. */
function extensionOverride(ext: string | undefined): ServedFormat | undefined {
  if (ext === undefined) return undefined;
  const format = DOCUMENT_FORMATS.find((f) => f.extensions.includes(ext.toLowerCase()));
  if (!format) throw new HttpError(404, `no format with the extension ".${ext}"; try ${DOCUMENT_FORMATS.map((f) => `.${f.extensions[0] ?? f.name}`).join(', ')}`, 'unknown-extension');
  return format;
}
