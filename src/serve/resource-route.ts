// **resource-route** takes the resource index and returns the router of dereferenceable IRIs:
// GET/HEAD /id/… → 303 See Other → /doc/…; /doc/… sends the resource's description in the
// negotiated format (HTML or any RDF format; `?format=` and /doc/….ttl overrides), with Vary,
// a strong ETag and 304, 406 listing the available types, and a helpful 404.

import type { Quad } from '@rdfjs/types';
import express, { type Request, type Response, type Router } from 'express';
import { HttpError } from '../errors.js';
import type { JsonLdContextDocument } from '../publish/serialize.js';
import { serializeQuads } from '../publish/serialize.js';
import { toDocument, type DocumentCache } from './document-cache.js';
import { renderEntityPage } from './html/entity-page.js';
import { docPath, sitePath, type Alternate, type Site } from './html/layout.js';
import { renderResourcePage } from './html/resource-page.js';
import { renderTelegramPage } from './html/telegram-page.js';
import { DOCUMENT_FORMATS, HTML_FORMAT, type ServedFormat } from './negotiate.js';
import { normalizeResourcePath } from './request-path.js';
import type { ResourceIndex } from './resource-index.js';
import { sendRepresentation } from './send-representation.js';

export interface ResourceRouteDeps {
  readonly index: ResourceIndex;
  readonly site: Site;
  readonly cache: DocumentCache;
  /** The JSON-LD context inlined in JSON-LD documents (ontology/context.jsonld). */
  readonly context: JsonLdContextDocument;
  /**
   * Reads descriptions from elsewhere (an external SPARQL endpoint: remote-store.ts) instead of
   * `index.describe`; such documents are rendered on each request, not cached.
   */
  readonly describe?: (iri: string, index: ResourceIndex) => Promise<Quad[]>;
}

/** The URL of one format of a page: "/doc/person/x" → "/doc/person/x.ttl" (HTML: ".html"). */
export function formatUrl(path: string, format: ServedFormat): string {
  return `${path}.${format.extensions[0] ?? format.name}`;
}

/** Alternate links for a page at `path`, one per RDF format. */
export function alternatesOf(path: string, formats: readonly ServedFormat[] = DOCUMENT_FORMATS): Alternate[] {
  return formats.filter((f) => f !== HTML_FORMAT).map((f) => ({ href: formatUrl(path, f), type: f.mediaType, label: f.label }));
}

const OA = 'http://www.w3.org/ns/oa#';

/** The description without evidence annotations (what HTML pages embed as JSON-LD; the full one is linked). */
function withoutEvidence(index: ResourceIndex, quads: readonly Quad[]): Quad[] {
  const evidence = new Set(quads.filter((q) => q.object.termType === 'NamedNode' && q.object.value === `${OA}Annotation`).map((q) => q.subject.value));
  return quads.filter((q) => {
    const s = q.subject.value.split('#')[0] ?? '';
    return !evidence.has(s) && index.kindOf(s) !== 'annotation';
  });
}

/**
 * Renders one resource in one format (RDF: the description serialized; HTML: its page).
 * Returns the body text.
 */
export async function renderResource(deps: ResourceRouteDeps, iri: string, format: ServedFormat): Promise<string> {
  const { index, site, context } = deps;
  const description = deps.describe ? await deps.describe(iri, index) : index.describe(iri);
  if (format.name !== 'html') return serializeQuads(description, format.name, { base: site.base, context });
  const path = docPath(site, iri) ?? sitePath(site, '');
  const alternates = alternatesOf(path);
  const embedded = withoutEvidence(index, description);
  const jsonLd = embedded.length > 0 ? await serializeQuads(embedded, 'jsonld', { base: site.base, context }) : undefined;
  const options = { alternates, description, ...(jsonLd !== undefined ? { jsonLd } : {}) };
  const kind = index.kindOf(iri);
  if (kind === 'telegram') {
    const result = index.resultOf(iri);
    if (result !== undefined) return renderTelegramPage(site, index, result, options);
  }
  if (kind === 'person' || kind === 'place' || kind === 'org') return renderEntityPage(site, index, iri, options);
  return renderResourcePage(site, index, iri, options);
}

/** Resolves a raw /doc/ or /id/ remainder to a resource IRI and an extension override. Throws 404. */
function resolve(deps: ResourceRouteDeps, rawPath: string): { iri: string; path: string; override?: ServedFormat } {
  const { index, site } = deps;
  const normalized = normalizeResourcePath(rawPath);
  const iri = `${site.base}id/${normalized}`;
  if (index.has(iri)) return { iri, path: sitePath(site, `doc/${normalized}`) };
  const m = /^(.*)\.([A-Za-z0-9]+)$/.exec(normalized);
  if (m?.[1] && m[2]) {
    const ext = m[2].toLowerCase();
    const format = DOCUMENT_FORMATS.find((f) => f.extensions.includes(ext));
    const stripped = `${site.base}id/${m[1]}`;
    if (format && index.has(stripped)) return { iri: stripped, path: sitePath(site, `doc/${m[1]}`), override: format };
  }
  throw new HttpError(404, `no resource ${iri} in this dataset`, 'unknown-resource');
}

function checkMethod(req: Request, res: Response): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    throw new HttpError(405, `${req.method} is not allowed here; use GET or HEAD`, 'method-not-allowed');
  }
}

/** The query string of a request, with its "?" (kept on redirects: ?format=ttl survives the 303). */
function queryString(req: Request): string {
  const i = req.originalUrl.indexOf('?');
  return i < 0 ? '' : req.originalUrl.slice(i);
}

/** Creates the router for /id/… and /doc/…. */
export function createResourceRouter(deps: ResourceRouteDeps): Router {
  const router = express.Router();
  const { site, cache } = deps;

  router.use('/id', (req, res) => {
    checkMethod(req, res);
    res.vary('Accept');
    const normalized = normalizeResourcePath(req.path);
    if (normalized === 'dataset') {
      res.redirect(303, `${sitePath(site, 'dataset')}${queryString(req)}`);
      return;
    }
    const { path, override } = resolve(deps, req.path);
    res.redirect(303, `${override ? formatUrl(path, override) : path}${queryString(req)}`);
  });

  router.use('/doc', async (req, res) => {
    checkMethod(req, res);
    res.vary('Accept');
    const { iri, path, override } = resolve(deps, req.path);
    await sendRepresentation(req, res, {
      offers: DOCUMENT_FORMATS,
      ...(override ? { override } : {}),
      urlOf: (f) => formatUrl(path, f),
      render: (format) => (deps.describe ? renderResource(deps, iri, format).then(toDocument) : cache.get(`${format.name} ${iri}`, () => renderResource(deps, iri, format))),
    });
  });

  return router;
}
