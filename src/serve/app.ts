// **app** takes the built dataset and the server's dependencies and returns the express application:
// security headers, request logging, optional CORS, static files (CSS, YASGUI), the dataset routes,
// dereferencing (/id → /doc), the home page, /sparql (mounted from outside), 404 and errors.
// It never listens: server.ts does, and tests use supertest on it.

import type { Quad } from '@rdfjs/types';
import express, { type Express, type RequestHandler, type Router } from 'express';
import { HttpError } from '../errors.js';
import type { BuiltDataset } from '../publish/dataset.js';
import { readOntologyFile, readOntologyJson } from '../publish/ontology-files.js';
import type { JsonLdContextDocument } from '../publish/serialize.js';
import { serializeQuads } from '../publish/serialize.js';
import { createDatasetRouter, datasetDescription, datasetTitle } from './dataset-routes.js';
import { createDocumentCache, toDocument } from './document-cache.js';
import { createErrorHandler, notFound } from './error-handler.js';
import { renderIndexPage } from './html/index-page.js';
import type { Site } from './html/layout.js';
import { STYLE_SHEET } from './html/style-sheet.js';
import { requestLogger, type Logger } from './log.js';
import { findYasguiDir, formatParameterToAccept, QUERY_PAGE_SCRIPT } from './query-page.js';
import { isTraversal } from './request-path.js';
import { createResourceIndex, type ResourceIndex } from './resource-index.js';
import { createResourceRouter } from './resource-route.js';
import { etagMatches } from './send-representation.js';

export interface AppDeps {
  readonly dataset: BuiltDataset;
  /** The SPARQL 1.1 Protocol router, mounted at /sparql; without it /sparql is a 503. */
  readonly sparql?: Router;
  readonly logger: Logger;
  /** Send `Access-Control-Allow-Origin: *` (and answer preflights) on every response. */
  readonly cors: boolean;
  /** ontology/context.jsonld; read from the ontology folder when absent. */
  readonly context?: JsonLdContextDocument;
  /** ontology/cablegraph.ttl; read from the ontology folder when absent. */
  readonly ontologyTurtle?: string;
  /** Where YASGUI's browser files are (default: the installed @zazuko/yasgui); null: none. */
  readonly yasguiDir?: string | null;
  /** Byte budget of the rendered-document cache (default 64 MB). */
  readonly cacheBytes?: number;
  /** Resource descriptions from an external SPARQL endpoint (remote-store.ts) instead of the build. */
  readonly describe?: (iri: string, index: ResourceIndex) => Promise<Quad[]>;
}

/**
 * The Content-Security-Policy: everything from this origin only, no inline scripts (YASGUI and the
 * page script are files under /static/), inline styles allowed because YASGUI sets them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  };
}

function corsHeaders(): RequestHandler {
  return (req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Link, Content-Location, Content-Disposition, Vary');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Accept, Content-Type, If-None-Match');
      res.setHeader('Access-Control-Max-Age', '86400');
      res.status(204).end();
      return;
    }
    next();
  };
}

/** Rejects paths that climb out ("..", "%2e%2e", NUL) before any route or static file sees them. */
function pathGuard(): RequestHandler {
  return (req, _res, next) => {
    const path = req.originalUrl.split('?')[0] ?? '';
    if (isTraversal(path)) {
      next(new HttpError(400, 'the path has a ".." segment or a malformed escape', 'bad-path'));
      return;
    }
    next();
  };
}

/** The site of a dataset: its base IRI and the path it is served under. */
export function siteOf(dataset: BuiltDataset): Site {
  const basePath = new URL(dataset.base).pathname;
  return { base: dataset.base, basePath: basePath.endsWith('/') ? basePath : `${basePath}/`, name: 'cablegraph' };
}

/**
 * Creates the application. Serves every path under the base IRI's path ("/" for
 * http://localhost:3000/, "/cables/" for https://example.org/cables/).
 * @example const app = createApp({ dataset, logger: createLogger({ silent: true }), cors: false })
 */
export function createApp(deps: AppDeps): Express {
  const { dataset, logger } = deps;
  const site = siteOf(dataset);
  const context = deps.context ?? (readOntologyJson('context.jsonld') as JsonLdContextDocument);
  const ontologyTurtle = deps.ontologyTurtle ?? readOntologyFile('cablegraph.ttl');
  const cache = createDocumentCache(deps.cacheBytes);
  const index = createResourceIndex(dataset);
  const yasguiDir = deps.yasguiDir === undefined ? findYasguiDir() : (deps.yasguiDir ?? undefined);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(requestLogger(logger));
  app.use(securityHeaders());
  if (deps.cors) app.use(corsHeaders());
  app.use(pathGuard());
  // Browsers ask for /favicon.ico at the origin's root whatever the page (a Turtle file opened in a
  // tab too): answer "no icon" instead of a 404 in their console. HTML pages link rel="icon" data:.
  app.get('/favicon.ico', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.status(204).end();
  });

  const site_ = express.Router();
  // The busiest routes first (their paths overlap no other route's): a request walks the router's
  // layers in order until one matches.
  if (deps.sparql) site_.use('/sparql', formatParameterToAccept(), deps.sparql);
  else {
    site_.use('/sparql', () => {
      throw new HttpError(503, 'the SPARQL endpoint is not running in this server', 'no-sparql');
    });
  }
  site_.use(createResourceRouter({ index, site, cache, context, ...(deps.describe ? { describe: deps.describe } : {}) }));
  const css = toDocument(STYLE_SHEET);
  const script = toDocument(QUERY_PAGE_SCRIPT);
  site_.get('/static/cablegraph.css', (req, res) => {
    res.setHeader('Content-Type', 'text/css; charset=utf-8');
    res.setHeader('ETag', css.etag);
    res.setHeader('Cache-Control', 'public, max-age=3600');
    if (etagMatches(req.get('if-none-match'), css.etag)) res.status(304).end();
    else res.send(css.body);
  });
  site_.get('/static/query-page.js', (req, res) => {
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.setHeader('ETag', script.etag);
    res.setHeader('Cache-Control', 'public, max-age=3600');
    if (etagMatches(req.get('if-none-match'), script.etag)) res.status(304).end();
    else res.send(script.body);
  });
  if (yasguiDir !== undefined) {
    site_.use('/static/yasgui', express.static(yasguiDir, { index: false, redirect: false, dotfiles: 'deny', fallthrough: true, maxAge: '1d' }));
  }

  const title = datasetTitle(dataset);
  const description = datasetDescription(dataset);
  site_.get('/', async (req, res) => {
    // The home page is HTML only: a landing page for people; data clients follow /dataset.
    res.vary('Accept');
    const doc = await cache.get('html index', async () =>
      renderIndexPage(site, index, {
        title,
        jsonLd: await serializeQuads(description, 'jsonld', { base: site.base, context }),
        ...(description.find((q) => q.predicate.value === 'http://purl.org/dc/terms/description') ? { description: description.find((q) => q.predicate.value === 'http://purl.org/dc/terms/description')?.object.value ?? '' } : {}),
      }),
    );
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('ETag', doc.etag);
    res.setHeader('Link', `<${site.basePath}dataset>; rel="describedby"; type="text/turtle"`);
    if (etagMatches(req.get('if-none-match'), doc.etag)) res.status(304).end();
    else res.send(doc.body);
  });

  site_.use(createDatasetRouter({ dataset, site, cache, context, ontologyTurtle }));

  app.use(site.basePath === '/' ? '/' : site.basePath.replace(/\/$/, ''), site_);
  app.use(notFound());
  app.use(createErrorHandler({ logger, site }));
  return app;
}
