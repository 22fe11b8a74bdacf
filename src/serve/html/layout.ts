// **layout** takes a page's title, main content, alternates and JSON-LD, and returns the whole HTML
// document: lang, skip link, banner with site navigation, main landmark, footer with the formats.

import { html, jsonLdScript, raw, type HtmlValue, type SafeHtml } from './template.js';

/** Where the site is: the dataset's base IRI and the path it is served under. */
export interface Site {
  /** Base IRI of the dataset, ending in "/". */
  readonly base: string;
  /** Path prefix of every page, "/" or "/cables/" (the base IRI's path). */
  readonly basePath: string;
  /** Name shown in the banner. */
  readonly name: string;
}

/** A link to another representation of the page. */
export interface Alternate {
  readonly href: string;
  readonly type: string;
  readonly label: string;
}

export interface PageOptions {
  readonly title: string;
  readonly main: SafeHtml;
  readonly alternates?: readonly Alternate[];
  /** JSON-LD text to embed (escaped against "</script>"). */
  readonly jsonLd?: string;
  /** Extra elements for <head> (trusted markup from this folder). */
  readonly head?: SafeHtml;
  /** Which navigation entry is current. */
  readonly current?: 'home' | 'dataset' | 'ontology' | 'sparql';
}

/** A path under the site (no leading slash): "doc/person/x" → "/cables/doc/person/x". */
export function sitePath(site: Site, path: string): string {
  return `${site.basePath}${path.replace(/^\/+/, '')}`;
}

/** The local page of an IRI under {base}id/ ("…/id/person/x" → "/doc/person/x"), else undefined. */
export function docPath(site: Site, iri: string): string | undefined {
  const prefix = `${site.base}id/`;
  return iri.startsWith(prefix) ? sitePath(site, `doc/${iri.slice(prefix.length)}`) : undefined;
}

/** Renders a full page. */
export function renderPage(site: Site, options: PageOptions): string {
  const nav: [string, string, PageOptions['current']][] = [
    ['Telegrams', '', 'home'],
    ['Dataset and downloads', 'dataset', 'dataset'],
    ['Ontology', 'ontology', 'ontology'],
    ['SPARQL', 'sparql', 'sparql'],
  ];
  const alternates = options.alternates ?? [];
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · ${site.name}</title>
<link rel="stylesheet" href="${sitePath(site, 'static/cablegraph.css')}">
<link rel="icon" href="data:,">
${alternates.map((a) => html`<link rel="alternate" type="${a.type}" href="${a.href}" title="${a.label}">\n`)}${options.head ?? ''}${options.jsonLd !== undefined ? jsonLdScript(options.jsonLd) : ''}
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="banner">
<p class="site-name"><a href="${sitePath(site, '')}">${site.name}</a></p>
<nav aria-label="Site">
<ul>
${nav.map(([label, path, key]) => html`<li><a href="${sitePath(site, path)}"${options.current === key ? raw(' aria-current="page"') : ''}>${label}</a></li>\n`)}</ul>
</nav>
</header>
<main id="main" tabindex="-1">
${options.main}
</main>
<footer class="site-footer">
${alternates.length > 0 ? html`<p>This page as data: ${alternates.map((a, i) => html`${i > 0 ? ', ' : ''}<a href="${a.href}" type="${a.type}">${a.label}</a>`)}.</p>` : ''}
<p>Linked data published by <a href="${sitePath(site, '')}">${site.name}</a>. <a href="${sitePath(site, 'sparql')}">Query it with SPARQL</a>.</p>
</footer>
</body>
</html>
`;
  return page.value;
}

/** A definition list row, skipped when the value is empty. */
export function factRow(label: string, value: HtmlValue): SafeHtml {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return html``;
  return html`<tr><th scope="row">${label}</th><td>${value}</td></tr>\n`;
}
