// **rdfxml** takes sorted triples and returns RDF/XML: one flat rdf:Description per subject,
// (not rdflib's serializer: rdflib 2.4 writes node elements nested in a property element and an
// unescaped "]]>", which rapper and python rdflib reject; oxigraph's dump is not order-stable),
// blank nodes as rdf:nodeID, literals with rdf:datatype or xml:lang. Deterministic for sorted input.

import type { Quad, Term } from '@rdfjs/types';
import { MappingError } from '../errors.js';

const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANG_STRING = `${RDF_NS}langString`;
const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** Characters XML 1.0 cannot carry at all, even as character references. */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function escapeText(value: string): string {
  return value.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function checkRepresentable(value: string, what: string): void {
  const bad = XML_ILLEGAL.exec(value);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new MappingError(
      `${what} contains U+${code} at offset ${bad.index}, which RDF/XML (XML 1.0) cannot represent`,
      'rdfxml-unrepresentable',
    );
  }
}

/** Splits a predicate IRI into a namespace and an XML local name, preferring known prefixes. */
function splitPredicate(iri: string, known: readonly (readonly [string, string])[]): [string, string] {
  let best: [string, string] | undefined;
  for (const [, ns] of known) {
    if (iri.startsWith(ns) && NCNAME.test(iri.slice(ns.length)) && (!best || ns.length > best[0].length)) {
      best = [ns, iri.slice(ns.length)];
    }
  }
  if (best) return best;
  const m = /^(.*[#/:])([A-Za-z_][A-Za-z0-9_.-]*)$/.exec(iri);
  if (!m || m[1] === undefined || m[2] === undefined) {
    throw new MappingError(
      `predicate <${iri}> has no XML local name (it must end in a letter or "_" followed by letters, digits, "-", "." or "_"), so RDF/XML cannot express it`,
      'rdfxml-predicate',
    );
  }
  return [m[1], m[2]];
}

/**
 * Writes triples (graphs are ignored: RDF/XML has none) as RDF/XML.
 * @param triples sorted and deduplicated, grouped by subject
 * @param prefixes prefix → namespace; only the namespaces used are declared
 */
export function writeRdfXml(triples: readonly Quad[], prefixes: Readonly<Record<string, string>>): string {
  const known = Object.entries(prefixes).filter(([p]) => NCNAME.test(p) && !p.toLowerCase().startsWith('xml'));
  const nsToPrefix = new Map<string, string>([[RDF_NS, 'rdf']]);
  for (const [p, ns] of known) if (!nsToPrefix.has(ns)) nsToPrefix.set(ns, p);
  const usedPrefixes = new Map<string, string>([['rdf', RDF_NS]]);
  const generated: string[] = [];
  const nodeIds = new Map<string, string>();

  const qname = (iri: string): string => {
    const [ns, local] = splitPredicate(iri, [...known, ['rdf', RDF_NS]]);
    let prefix = nsToPrefix.get(ns);
    if (prefix === undefined) {
      prefix = `ns${generated.length + 1}`;
      generated.push(ns);
      nsToPrefix.set(ns, prefix);
    }
    usedPrefixes.set(prefix, ns);
    return `${prefix}:${local}`;
  };
  const nodeId = (label: string): string => {
    let id = nodeIds.get(label);
    if (id === undefined) {
      id = `b${nodeIds.size}`;
      nodeIds.set(label, id);
    }
    return id;
  };
  const nodeAttribute = (term: Term, about: 'rdf:about' | 'rdf:resource'): string => {
    if (term.termType === 'NamedNode') {
      checkRepresentable(term.value, `IRI <${term.value}>`);
      return `${about}="${escapeAttribute(term.value)}"`;
    }
    if (term.termType === 'BlankNode') return `rdf:nodeID="${nodeId(term.value)}"`;
    throw new MappingError(`RDF/XML cannot express a ${term.termType} in this position`, 'rdfxml-term');
  };

  const body: string[] = [];
  let subjectKey: string | undefined;
  for (const t of triples) {
    const key = `${t.subject.termType}:${t.subject.value}`;
    if (key !== subjectKey) {
      if (subjectKey !== undefined) body.push('  </rdf:Description>');
      body.push(`  <rdf:Description ${nodeAttribute(t.subject, 'rdf:about')}>`);
      subjectKey = key;
    }
    const p = qname(t.predicate.value);
    const o = t.object;
    if (o.termType === 'Literal') {
      checkRepresentable(o.value, `the literal of <${t.predicate.value}> on ${t.subject.value}`);
      const attr = o.language
        ? ` xml:lang="${escapeAttribute(o.language)}"`
        : o.datatype.value === XSD_STRING || o.datatype.value === RDF_LANG_STRING
          ? ''
          : ` rdf:datatype="${escapeAttribute(o.datatype.value)}"`;
      body.push(`    <${p}${attr}>${escapeText(o.value)}</${p}>`);
    } else {
      body.push(`    <${p} ${nodeAttribute(o, 'rdf:resource')}/>`);
    }
  }
  if (subjectKey !== undefined) body.push('  </rdf:Description>');

  const declarations = [...usedPrefixes.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([p, ns]) => `\n    xmlns:${p}="${escapeAttribute(ns)}"`)
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${declarations}>\n${body.join('\n')}${body.length ? '\n' : ''}</rdf:RDF>\n`;
}
