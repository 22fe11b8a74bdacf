// **error-handler** takes an error raised while handling a request and sends the answer: an
// HttpError (or a client error from express's own middleware) → its status and message; anything
// else → logged with its stack, answered as a masked 500 "internal error". HTML, JSON or plain text
// by Accept. No response body ever carries a stack trace.

import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HttpError } from '../errors.js';
import { renderErrorPage } from './html/error-page.js';
import type { Site } from './html/layout.js';
import type { Logger } from './log.js';
import { chooseFormat, HTML_FORMAT, type ServedFormat } from './negotiate.js';

const JSON_FORMAT: ServedFormat = { name: 'jsonld', mediaType: 'application/json', aliases: ['application/problem+json'], extensions: [], keys: [], label: 'JSON' };
const TEXT_FORMAT: ServedFormat = { name: 'ntriples', mediaType: 'text/plain', aliases: [], extensions: [], keys: [], label: 'text' };
/** Plain text first: what a client that states nothing gets. */
const ERROR_FORMATS: readonly ServedFormat[] = [TEXT_FORMAT, HTML_FORMAT, JSON_FORMAT];

/** Status and client-safe message of an error. */
export function describeError(error: unknown): { status: number; code: string; message: string; expose: boolean } {
  if (error instanceof HttpError) return { status: error.status, code: error.code, message: error.message, expose: error.status < 500 || error.status === 503 || error.status === 504 };
  // Errors from express's body parsers and other http-errors: 4xx with expose = true.
  if (typeof error === 'object' && error !== null) {
    const e = error as { status?: unknown; statusCode?: unknown; expose?: unknown; message?: unknown; type?: unknown };
    const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : undefined;
    if (status !== undefined && status >= 400 && status < 500 && e.expose === true) {
      return { status, code: typeof e.type === 'string' ? e.type : 'bad-request', message: typeof e.message === 'string' ? e.message : 'bad request', expose: true };
    }
  }
  return { status: 500, code: 'internal-error', message: 'internal error', expose: false };
}

/** The 404 for everything no route answered. */
export function notFound(): RequestHandler {
  return (req, _res, next) => {
    next(new HttpError(404, `nothing at ${req.originalUrl.split('?')[0] ?? ''}`, 'not-found'));
  };
}

/** Creates the error handler (mounted last). */
export function createErrorHandler(deps: { readonly logger: Logger; readonly site: Site }): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    const info = describeError(error);
    if (!info.expose) {
      deps.logger.error({ err: error, method: req.method, path: req.originalUrl.split('?')[0] }, 'request failed');
    }
    if (res.headersSent) {
      next(error);
      return;
    }
    const message = info.expose ? info.message : 'internal error';
    for (const h of ['ETag', 'Content-Location', 'Content-Disposition', 'Last-Modified', 'Cache-Control', 'Link']) res.removeHeader(h);
    res.setHeader('Cache-Control', 'no-store');
    res.vary('Accept');
    if (info.status === 405 && !res.getHeader('Allow')) res.setHeader('Allow', 'GET, HEAD');
    const format = chooseFormat(req.get('accept'), ERROR_FORMATS)?.format ?? TEXT_FORMAT;
    res.status(info.status);
    if (format === HTML_FORMAT) res.type('text/html; charset=utf-8').send(renderErrorPage(deps.site, info.status, message));
    else if (format === JSON_FORMAT) res.type('application/json; charset=utf-8').send(`${JSON.stringify({ status: info.status, code: info.code, message })}\n`);
    else res.type('text/plain; charset=utf-8').send(`${info.status} ${message}\n`);
  };
}
