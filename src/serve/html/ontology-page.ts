// **ontology-page** takes the ontology's quads (ontology/cablegraph.ttl) and returns its HTML page:
// the ontology's title and version, then every class and property with label, comment, domain,
// range and alignments, each with an anchor named after its local name (so …/ontology#Claim works).

import type { Quad, Term } from '@rdfjs/types';
import { compactIri } from './terms.js';
import { renderPage, type Alternate, type Site } from './layout.js';
import { html, safeHref, type SafeHtml } from './template.js';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const OWL = 'http://www.w3.org/2002/07/owl#';
const DCTERMS = 'http://purl.org/dc/terms/';
const SKOS = 'http://www.w3.org/2004/02/skos/core#';

const CLASS_TYPES = new Set([`${OWL}Class`, `${RDFS}Class`]);
const PROPERTY_TYPES = new Set([`${OWL}ObjectProperty`, `${OWL}DatatypeProperty`, `${OWL}AnnotationProperty`, `${RDF}Property`]);

/** The local name of a term in the namespace (after "#" or the last "/"). */
function localName(iri: string): string {
  return iri.slice(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
}

export interface OntologyPageOptions {
  readonly namespace: string;
  readonly alternates: readonly Alternate[];
  readonly jsonLd?: string;
}

/** Renders /ontology from the ontology's quads. */
export function renderOntologyPage(site: Site, quads: readonly Quad[], options: OntologyPageOptions): string {
  const bySubject = new Map<string, Quad[]>();
  for (const q of quads) {
    const list = bySubject.get(q.subject.value);
    if (list) list.push(q);
    else bySubject.set(q.subject.value, [q]);
  }
  const values = (s: string, p: string): Term[] => (bySubject.get(s) ?? []).filter((q) => q.predicate.value === p).map((q) => q.object);
  const text = (s: string, p: string): string | undefined => {
    const all = values(s, p);
    return (all.find((t) => t.termType === 'Literal' && (t.language === 'en' || t.language === '')) ?? all[0])?.value;
  };
  const typed = (types: ReadonlySet<string>) =>
    [...bySubject.keys()].filter((s) => s.startsWith(options.namespace) && values(s, `${RDF}type`).some((t) => types.has(t.value))).sort((a, b) => localName(a).localeCompare(localName(b), 'en'));

  const termRef = (t: Term): SafeHtml => {
    if (t.termType === 'NamedNode') {
      if (t.value.startsWith(options.namespace)) return html`<a href="#${localName(t.value)}">${compactIri(t.value, site.base)}</a>`;
      const href = safeHref(t.value);
      return href !== undefined ? html`<a href="${href}" rel="external">${compactIri(t.value, site.base)}</a>` : html`${t.value}`;
    }
    if (t.termType === 'BlankNode') {
      const members = values(`${t.value}`, `${OWL}unionOf`);
      return members.length > 0 ? html`a union of classes` : html`a class expression`;
    }
    return html`${t.value}`;
  };
  const list = (terms: readonly Term[]) => terms.map((t, i) => html`${i > 0 ? ', ' : ''}${termRef(t)}`);

  const entry = (iri: string, kind: 'class' | 'property') => {
    const name = localName(iri);
    const rows: [string, Term[]][] =
      kind === 'class'
        ? [['Subclass of', values(iri, `${RDFS}subClassOf`)], ['Equivalent to', values(iri, `${OWL}equivalentClass`)]]
        : [
            ['Type', values(iri, `${RDF}type`)],
            ['Domain', values(iri, `${RDFS}domain`)],
            ['Range', values(iri, `${RDFS}range`)],
            ['Subproperty of', values(iri, `${RDFS}subPropertyOf`)],
            ['Equivalent to', values(iri, `${OWL}equivalentProperty`)],
          ];
    return html`<section class="term" id="${name}" aria-labelledby="h-${name}">
<h3 id="h-${name}">${text(iri, `${RDFS}label`) ?? name} <span class="iri">${compactIri(iri, site.base)}</span></h3>
${text(iri, `${RDFS}comment`) !== undefined ? html`<p>${text(iri, `${RDFS}comment`)}</p>` : ''}
${text(iri, `${SKOS}definition`) !== undefined ? html`<p>${text(iri, `${SKOS}definition`)}</p>` : ''}
<table><tbody>
<tr><th scope="row">IRI</th><td class="iri">${iri}</td></tr>
${rows.filter(([, v]) => v.length > 0).map(([label, v]) => html`<tr><th scope="row">${label}</th><td>${list(v)}</td></tr>`)}
</tbody></table>
</section>\n`;
  };

  const ontologyIri = [...bySubject.keys()].find((s) => values(s, `${RDF}type`).some((t) => t.value === `${OWL}Ontology`));
  const title = (ontologyIri !== undefined ? (text(ontologyIri, `${DCTERMS}title`) ?? text(ontologyIri, `${RDFS}label`)) : undefined) ?? 'Ontology';
  const classes = typed(CLASS_TYPES);
  const properties = typed(PROPERTY_TYPES);
  const main = html`<h1>${title}</h1>
${ontologyIri !== undefined ? html`<p class="iri">${ontologyIri}</p>
${text(ontologyIri, `${DCTERMS}description`) !== undefined ? html`<p>${text(ontologyIri, `${DCTERMS}description`)}</p>` : ''}
<p>Namespace <code>${options.namespace}</code>, prefix <code>cg:</code>${text(ontologyIri, `${OWL}versionInfo`) !== undefined ? html`, version ${text(ontologyIri, `${OWL}versionInfo`)}` : ''}.</p>` : ''}
<nav aria-label="Contents"><ul><li><a href="#classes">Classes (${classes.length})</a></li><li><a href="#properties">Properties (${properties.length})</a></li></ul></nav>
<section aria-labelledby="classes"><h2 id="classes">Classes</h2>
${classes.map((c) => entry(c, 'class'))}</section>
<section aria-labelledby="properties"><h2 id="properties">Properties</h2>
${properties.map((p) => entry(p, 'property'))}</section>`;
  return renderPage(site, { title, main, current: 'ontology', alternates: options.alternates, ...(options.jsonLd !== undefined ? { jsonLd: options.jsonLd } : {}) });
}
