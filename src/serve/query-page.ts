// **query-page** takes the site and the endpoint path and returns the HTML query page of /sparql:
// a plain <form method="get"> with a textarea, a results-format select and example queries (works
// without JavaScript), enhanced with YASGUI (from the installed @zazuko/yasgui, served under
// /static/yasgui/) by an external script, so that the Content-Security-Policy needs no inline script.

import { createRequire } from 'node:module';
import type { RequestHandler } from 'express';
import { dirname, join } from 'node:path';
import { findFormatByKey } from '../publish/formats.js';
import { renderPage, sitePath, type Site } from './html/layout.js';
import { html, type SafeHtml } from './html/template.js';

/** An example query shown on the page. */
export interface ExampleQuery {
  readonly title: string;
  readonly query: string;
}

/** Values of the form's results-format select, as sent in `?format=` (the SPARQL route reads it). */
export const QUERY_FORM_FORMATS: readonly { readonly value: string; readonly label: string }[] = [
  { value: 'json', label: 'SPARQL JSON (SELECT, ASK)' },
  { value: 'xml', label: 'SPARQL XML (SELECT, ASK)' },
  { value: 'csv', label: 'CSV (SELECT)' },
  { value: 'tsv', label: 'TSV (SELECT)' },
  { value: 'ttl', label: 'Turtle (CONSTRUCT, DESCRIBE)' },
  { value: 'jsonld', label: 'JSON-LD (CONSTRUCT, DESCRIBE)' },
  { value: 'nt', label: 'N-Triples (CONSTRUCT, DESCRIBE)' },
];

const RESULTS_MEDIA_TYPES: Readonly<Record<string, string>> = {
  json: 'application/sparql-results+json',
  xml: 'application/sparql-results+xml',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
};

/**
 * Lets the plain form (and clients such as SPARQLWrapper, which add `format=` to every GET) choose
 * the results format: a GET with `query` and `format` (one of QUERY_FORM_FORMATS' values or any
 * RDF format key) is answered as if it had sent the matching Accept header. A name that fits both
 * query forms ("xml", "json") names the results format for SELECT/ASK and the RDF format for
 * CONSTRUCT/DESCRIBE (RDF/XML, JSON-LD): the Accept lists both, and the router picks by form.
 * Mount it before the SPARQL router; other requests pass unchanged.
 */
export function formatParameterToAccept(): RequestHandler {
  return (req, _res, next) => {
    const params = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
    const format = params.get('format');
    if ((req.method === 'GET' || req.method === 'HEAD') && params.has('query') && format !== null) {
      const mediaTypes = [RESULTS_MEDIA_TYPES[format.toLowerCase()], findFormatByKey(format)?.mediaType].filter((t) => t !== undefined);
      if (mediaTypes.length > 0) req.headers['accept'] = mediaTypes.join(', ');
    }
    next();
  };
}

const PREFIXES = `PREFIX cg: <https://w3id.org/cablegraph/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
`;

/** Example queries over the core terms (design.md §4). */
export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    title: 'Telegrams with their date, sender and recipient',
    query: `${PREFIXES}
SELECT ?telegram ?date ?senderName ?recipientName WHERE {
  ?telegram a cg:Telegram ; schema:dateSent ?date .
  OPTIONAL { ?telegram schema:sender/schema:name ?senderName }
  OPTIONAL { ?telegram schema:recipient/schema:name ?recipientName }
  FILTER NOT EXISTS { ?telegram a cg:QuotedTelegram }
}
ORDER BY ?date
LIMIT 100`,
  },
  {
    title: 'Claims with their speaker, speech act and words',
    query: `${PREFIXES}
SELECT ?claim ?speaker ?act ?text WHERE {
  ?claim a cg:Claim ; cg:speechAct ?act ; schema:text ?text .
  OPTIONAL { ?claim cg:claimant/schema:name ?speaker }
}
LIMIT 100`,
  },
  {
    title: 'Quantities with value and unit, largest first',
    query: `${PREFIXES}
SELECT ?quantity ?text ?value ?unit WHERE {
  ?quantity schema:text ?text ; schema:isPartOf ?telegram .
  { ?quantity a schema:QuantitativeValue } UNION { ?quantity a schema:MonetaryAmount } UNION { ?quantity a cg:Ratio }
  OPTIONAL { ?quantity schema:value ?value }
  OPTIONAL { ?quantity schema:unitText ?unit }
}
ORDER BY DESC(?value)
LIMIT 100`,
  },
  {
    title: 'People mentioned most often, with their Wikidata link',
    query: `${PREFIXES}
SELECT ?person ?name ?wikidata (COUNT(DISTINCT ?telegram) AS ?telegrams) WHERE {
  ?telegram schema:mentions ?person .
  ?person a schema:Person ; schema:name ?name .
  OPTIONAL { ?person owl:sameAs ?wikidata }
}
GROUP BY ?person ?name ?wikidata
ORDER BY DESC(?telegrams)
LIMIT 10`,
  },
];

/**
 * Where the installed @zazuko/yasgui keeps its browser files (yasgui.min.js, yasgui.min.css), or
 * undefined when the package is not installed.
 */
export function findYasguiDir(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('@zazuko/yasgui/package.json')), 'build');
  } catch {
    return undefined;
  }
}

/**
 * The script that turns the form into YASGUI when YASGUI has loaded; the form stays when it has not.
 * Served as /static/query-page.js.
 */
export const QUERY_PAGE_SCRIPT = `// Progressive enhancement of the SPARQL query page: YASGUI replaces the plain form.
(function () {
  var root = document.getElementById('yasgui');
  var form = document.getElementById('query-form');
  if (!root || !form || typeof window.Yasgui !== 'function') return;
  var textarea = form.querySelector('textarea');
  var endpoint = new URL(root.getAttribute('data-endpoint') || 'sparql', document.baseURI).href;
  // Shown before YASGUI starts: its editor measures itself when created.
  root.hidden = false;
  form.hidden = true;
  try {
    var yasgui = new window.Yasgui(root, {
      requestConfig: { endpoint: endpoint, method: 'POST' },
      copyEndpointOnNewTab: false,
      populateFromUrl: false,
      persistenceId: null
    });
    var tab = yasgui.getTab();
    if (tab && textarea && textarea.value.trim() !== '') tab.setQuery(textarea.value);
    document.querySelectorAll('form.example-form').forEach(function (f) {
      f.addEventListener('submit', function (event) {
        event.preventDefault();
        var q = f.querySelector('input[name="query"]');
        var current = yasgui.getTab();
        if (q && current) { current.setQuery(q.value); current.query(); root.scrollIntoView(); }
      });
    });
  } catch (error) {
    root.hidden = true;
    form.hidden = false;
  }
})();
`;

export interface QueryPageOptions {
  /** Path of the endpoint, relative to the site ("sparql"). */
  readonly endpoint?: string;
  /** Query text to prefill (e.g. from ?query= when the route answers HTML). */
  readonly query?: string;
  /** False when YASGUI is not installed: the page is the plain form only. */
  readonly yasgui?: boolean;
  readonly examples?: readonly ExampleQuery[];
  /** The endpoint's limits, shown to users. */
  readonly limits?: { readonly timeoutMs: number; readonly maxResults: number };
}

function formatSelect(id: string): SafeHtml {
  return html`<select id="${id}" name="format">
${QUERY_FORM_FORMATS.map((f, i) => html`<option value="${f.value}"${i === 0 ? html` selected` : ''}>${f.label}</option>\n`)}</select>`;
}

/**
 * Renders the query page.
 * @example renderQueryPage(site, { query: 'SELECT * WHERE { ?s ?p ?o } LIMIT 10' })
 */
export function renderQueryPage(site: Site, options: QueryPageOptions = {}): string {
  const endpoint = sitePath(site, options.endpoint ?? 'sparql');
  const examples = options.examples ?? EXAMPLE_QUERIES;
  const initial = options.query ?? examples[0]?.query ?? 'SELECT * WHERE { ?s ?p ?o } LIMIT 10';
  const yasgui = options.yasgui ?? true;
  const head = yasgui
    ? html`<link rel="stylesheet" href="${sitePath(site, 'static/yasgui/yasgui.min.css')}">
<script src="${sitePath(site, 'static/yasgui/yasgui.min.js')}" defer></script>
<script src="${sitePath(site, 'static/query-page.js')}" defer></script>
`
    : html``;
  const main = html`<h1>SPARQL query</h1>
<p>The endpoint is <code>${site.base}sparql</code> (SPARQL 1.1 Protocol: GET or POST). It is read-only.${options.limits ? html` Queries stop after ${options.limits.timeoutMs / 1000} s and return at most ${options.limits.maxResults} results.` : ''}</p>
<div id="yasgui" data-endpoint="${endpoint}" hidden></div>
<form id="query-form" class="query-form" method="get" action="${endpoint}">
<label for="query">Query</label>
<textarea id="query" name="query" rows="14" spellcheck="false">${initial}</textarea>
<div class="controls">
<label for="format">Results format</label>
${formatSelect('format')}
<button type="submit">Run query</button>
</div>
</form>
<section aria-labelledby="examples"><h2 id="examples">Example queries</h2>
${examples.map((e, i) => html`<h3 id="example-${i + 1}">${e.title}</h3>
<pre><code>${e.query}</code></pre>
<form class="example-form" method="get" action="${endpoint}">
<input type="hidden" name="query" value="${e.query}">
<input type="hidden" name="format" value="json">
<button type="submit" aria-describedby="example-${i + 1}">Run this example</button>
</form>\n`)}
</section>`;
  return renderPage(site, { title: 'SPARQL query', main, head, current: 'sparql' });
}
