// **error-page** takes a status and a message and returns an HTML error page; the 404 page helps:
// it says what was looked for and where to go (the index, the dataset, SPARQL).

import { renderPage, sitePath, type Site } from './layout.js';
import { html } from './template.js';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  413: 'Request too large',
  415: 'Unsupported media type',
  500: 'Internal error',
  503: 'Service unavailable',
};

/** A title for a status code. */
export function statusTitle(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server error' : 'Request error');
}

/** Renders an error page. `message` is shown as text (escaped); it never holds a stack trace. */
export function renderErrorPage(site: Site, status: number, message: string): string {
  const main = html`<h1>${status} ${statusTitle(status)}</h1>
<p>${message}</p>
${status === 404 ? html`<p>Every resource of this dataset has an IRI under <code>${site.base}id/</code> and a page under <code>${sitePath(site, 'doc/')}</code>.
Start from <a href="${sitePath(site, '')}">the list of telegrams</a>, see <a href="${sitePath(site, 'dataset')}">the dataset and its downloads</a>, or look the resource up with <a href="${sitePath(site, 'sparql')}">SPARQL</a>.</p>` : html`<p><a href="${sitePath(site, '')}">Back to the list of telegrams</a>.</p>`}`;
  return renderPage(site, { title: `${status} ${statusTitle(status)}`, main });
}
