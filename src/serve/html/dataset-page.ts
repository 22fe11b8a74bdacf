// **dataset-page** takes the built dataset and returns the /dataset page: title, counts, downloads
// with sizes and SHA-256 checksums, the canonical hash, and a summary of the build report.

import type { BuiltDataset } from '../../publish/dataset.js';
import { renderPage, sitePath, type Alternate, type Site } from './layout.js';
import { html, safeHref } from './template.js';

/** "12.3 kB" for a byte count. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${n} bytes`;
}

export interface DatasetPageOptions {
  readonly title: string;
  readonly description?: string;
  readonly license?: string;
  readonly alternates: readonly Alternate[];
  readonly jsonLd?: string;
}

/** Renders /dataset. */
export function renderDatasetPage(site: Site, dataset: BuiltDataset, options: DatasetPageOptions): string {
  const { report } = dataset;
  const totals = Object.entries(report.totals).sort(([a], [b]) => (a < b ? -1 : 1));
  const warnings = report.warnings ?? [];
  const main = html`<h1>${options.title}</h1>
${options.description !== undefined ? html`<p>${options.description}</p>` : ''}
<table><caption>About the dataset</caption><tbody>
<tr><th scope="row">IRI</th><td class="iri">${site.base}id/dataset</td></tr>
${options.license !== undefined ? html`<tr><th scope="row">Licence</th><td>${safeHref(options.license) !== undefined ? html`<a href="${safeHref(options.license)}" rel="license">${options.license}</a>` : options.license}</td></tr>` : ''}
<tr><th scope="row">SPARQL endpoint</th><td><a href="${sitePath(site, 'sparql')}">${site.base}sparql</a></td></tr>
<tr><th scope="row">Canonical hash</th><td><span class="hash">${dataset.canonicalHash}</span><br><span class="note">SHA-256 of the RDFC-1.0 canonical N-Quads: the same for every build of the same graph, whatever the serialization.</span></td></tr>
<tr><th scope="row">JSON-LD context</th><td><a href="${sitePath(site, 'context.jsonld')}">${site.base}context.jsonld</a></td></tr>
</tbody></table>
<section aria-labelledby="downloads"><h2 id="downloads">Downloads</h2>
<table>
<thead><tr><th scope="col">File</th><th scope="col">Media type</th><th scope="col" class="num">Size</th><th scope="col">SHA-256</th></tr></thead>
<tbody>
${dataset.files.map((f) => html`<tr><td><a href="${sitePath(site, `download/${f.fileName}`)}" type="${f.mediaType}">${f.fileName}</a></td><td>${f.mediaType}</td><td class="num">${formatBytes(Buffer.byteLength(f.content, 'utf8'))}</td><td><span class="hash">${f.sha256}</span></td></tr>\n`)}</tbody>
</table>
<p>Check a download with <code>sha256sum -c SHA256SUMS</code>.</p>
</section>
<section aria-labelledby="counts"><h2 id="counts">Counts</h2>
<table><thead><tr><th scope="col">What</th><th scope="col" class="num">Count</th></tr></thead><tbody>
${totals.map(([k, v]) => html`<tr><td>${k}</td><td class="num">${v}</td></tr>\n`)}</tbody></table>
</section>
<section aria-labelledby="report"><h2 id="report">Build report</h2>
<table>
<thead><tr><th scope="col">Telegram</th><th scope="col" class="num">Triples</th><th scope="col" class="num">Report items</th><th scope="col" class="num">Unresolved names</th></tr></thead>
<tbody>
${report.telegrams.map((t) => html`<tr><td><a href="${sitePath(site, `doc/telegram/${encodeURIComponent(t.slug)}#report`)}">${t.slug}</a></td><td class="num">${t.counts['triples'] ?? 0}</td><td class="num">${t.items.length}</td><td class="num">${t.counts['unresolved-names'] ?? t.items.filter((i) => i.code === 'unresolved-name').length}</td></tr>\n`)}</tbody>
</table>
${warnings.length > 0 ? html`<h3>Validation warnings (${warnings.length})</h3><ul>${warnings.map((w) => html`<li>${w}</li>`)}</ul>` : html`<p>SHACL validation: no warnings.</p>`}
</section>`;
  return renderPage(site, { title: options.title, main, current: 'dataset', alternates: options.alternates, ...(options.jsonLd !== undefined ? { jsonLd: options.jsonLd } : {}) });
}
