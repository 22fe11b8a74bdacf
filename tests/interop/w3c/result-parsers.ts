// **result-parsers** take SPARQL results text (XML .srx, JSON .srj, CSV, TSV, an RDF result set in
// Turtle) or an RDF graph (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD) and return RDF/JS
// terms and quads to compare.

import type { Quad, Term } from '@rdfjs/types';
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import jsonld from 'jsonld';
import { DataFactory, Parser, Store } from 'n3';
import * as rdflib from 'rdflib';

/** One solution: variable name (without "?") → bound term; unbound variables are absent. */
export type Solution = ReadonlyMap<string, Term>;

/** What a query answered, or what the suite expects it to answer. */
export type QueryResult =
  | { readonly kind: 'solutions'; readonly variables: readonly string[]; readonly solutions: readonly Solution[] }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'graph'; readonly quads: readonly Quad[] };

const SRX = 'http://www.w3.org/2005/sparql-results#';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const RS = 'http://www.w3.org/2001/sw/DataAccess/tests/result-set#';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

function literal(value: string, lang: string | undefined | null, datatype: string | undefined | null): Term {
  if (lang !== undefined && lang !== null && lang !== '') return DataFactory.literal(value, lang);
  return DataFactory.literal(value, DataFactory.namedNode(datatype ?? XSD_STRING));
}

function children(element: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let node = element.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === localName && (node as Element).namespaceURI === SRX) out.push(node as Element);
  }
  return out;
}

function srxTerm(element: Element): Term {
  const text = element.textContent ?? '';
  switch (element.localName) {
    case 'uri':
      return DataFactory.namedNode(text);
    case 'bnode':
      return DataFactory.blankNode(text);
    case 'literal':
      return literal(text, element.getAttributeNS(XML_NS, 'lang') ?? element.getAttribute('xml:lang'), element.getAttribute('datatype'));
    default:
      throw new Error(`SPARQL XML results: unexpected term element <${element.localName}>`);
  }
}

/** Parses application/sparql-results+xml. Throws on anything that is not a results document. */
export function parseSrx(text: string): QueryResult {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(text, 'application/xml');
  const root = doc.documentElement;
  if (errors.length > 0 || root === null || root.localName !== 'sparql' || root.namespaceURI !== SRX) {
    throw new Error(`not a SPARQL XML results document${errors.length > 0 ? `: ${errors.join('; ')}` : ''}`);
  }
  const head = children(root, 'head')[0];
  const variables = head === undefined ? [] : children(head, 'variable').map((v) => v.getAttribute('name') ?? '');
  const boolean = children(root, 'boolean')[0];
  if (boolean !== undefined) {
    const value = (boolean.textContent ?? '').trim();
    if (value !== 'true' && value !== 'false') throw new Error(`SPARQL XML results: bad boolean "${value}"`);
    return { kind: 'boolean', value: value === 'true' };
  }
  const results = children(root, 'results')[0];
  if (results === undefined) throw new Error('SPARQL XML results: neither <results> nor <boolean>');
  const solutions = children(results, 'result').map((result) => {
    const row = new Map<string, Term>();
    for (const binding of children(result, 'binding')) {
      const term = [...(function* () {
        for (let n = binding.firstChild; n !== null; n = n.nextSibling) if (n.nodeType === 1) yield n as Element;
      })()][0];
      if (term === undefined) throw new Error(`SPARQL XML results: empty binding for ${binding.getAttribute('name') ?? '?'}`);
      row.set(binding.getAttribute('name') ?? '', srxTerm(term));
    }
    return row;
  });
  return { kind: 'solutions', variables, solutions };
}

interface SrjTerm {
  readonly type?: unknown;
  readonly value?: unknown;
  readonly datatype?: unknown;
  readonly 'xml:lang'?: unknown;
}

function srjTerm(term: SrjTerm): Term {
  const value = typeof term.value === 'string' ? term.value : '';
  switch (term.type) {
    case 'uri':
      return DataFactory.namedNode(value);
    case 'bnode':
      return DataFactory.blankNode(value);
    case 'literal':
    case 'typed-literal':
      return literal(value, typeof term['xml:lang'] === 'string' ? term['xml:lang'] : undefined, typeof term.datatype === 'string' ? term.datatype : undefined);
    default:
      throw new Error(`SPARQL JSON results: unexpected term type ${JSON.stringify(term.type)}`);
  }
}

/** Parses application/sparql-results+json. */
export function parseSrj(text: string): QueryResult {
  const doc = JSON.parse(text) as { head?: { vars?: unknown }; boolean?: unknown; results?: { bindings?: unknown } };
  if (typeof doc.boolean === 'boolean') return { kind: 'boolean', value: doc.boolean };
  const bindings = doc.results?.bindings;
  if (!Array.isArray(bindings)) throw new Error('SPARQL JSON results: neither results.bindings nor boolean');
  const variables = Array.isArray(doc.head?.vars) ? doc.head.vars.map(String) : [];
  const solutions = bindings.map((b: Record<string, SrjTerm>) => new Map(Object.entries(b).map(([k, t]) => [k, srjTerm(t)])));
  return { kind: 'solutions', variables, solutions };
}

/** Splits RFC 4180 CSV into records of fields (quoted fields may hold commas, quotes and line breaks). */
export function splitCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/**
 * Parses text/csv results. CSV loses term kinds, so every cell becomes a plain string literal, except
 * "_:label" (a blank node, compared up to renaming); an empty cell is unbound.
 */
export function parseCsv(text: string): QueryResult {
  const [header = [], ...rows] = splitCsv(text);
  const solutions = rows.map((row) => {
    const solution = new Map<string, Term>();
    row.forEach((cell, i) => {
      const name = header[i];
      if (name === undefined || cell === '') return;
      solution.set(name, cell.startsWith('_:') ? DataFactory.blankNode(cell.slice(2)) : literal(cell, undefined, undefined));
    });
    return solution;
  });
  return { kind: 'solutions', variables: header, solutions };
}

/** Parses one TSV cell (a term in Turtle syntax) by reading it as the object of a triple. */
function tsvTerm(cell: string): Term {
  // One parser per cell: a fixed (empty) blank node prefix keeps _:a the same node in every cell.
  const quads = new Parser({ format: 'text/turtle', blankNodePrefix: '' }).parse(`<urn:x-tsv:s> <urn:x-tsv:p> ${cell} .`);
  const object = quads[0]?.object;
  if (quads.length !== 1 || object === undefined) throw new Error(`TSV results: cannot read the cell ${JSON.stringify(cell)}`);
  return object;
}

/** Parses text/tab-separated-values results: a "?var" header, then terms in Turtle syntax. */
export function parseTsv(text: string): QueryResult {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const [head = '', ...rows] = lines;
  const variables = head === '' ? [] : head.split('\t').map((v) => v.replace(/^[?$]/, ''));
  const solutions = rows.map((line) => {
    const solution = new Map<string, Term>();
    line.split('\t').forEach((cell, i) => {
      const name = variables[i];
      if (name !== undefined && cell !== '') solution.set(name, tsvTerm(cell));
    });
    return solution;
  });
  return { kind: 'solutions', variables, solutions };
}

/** Parses Turtle or N-Triples (relative IRIs against `base`) into default-graph quads. */
export function parseTurtle(text: string, base: string, format = 'text/turtle'): Quad[] {
  return new Parser({ baseIRI: base, format }).parse(text);
}

/** Parses RDF/XML with rdflib (an independent parser) into default-graph RDF/JS quads. */
export function parseRdfXml(text: string, base: string): Quad[] {
  const store = rdflib.graph();
  rdflib.parse(text, store, base, 'application/rdf+xml');
  const term = (t: { termType: string; value: string; language?: string; datatype?: { value: string } }): Term => {
    if (t.termType === 'NamedNode') return DataFactory.namedNode(t.value);
    if (t.termType === 'BlankNode') return DataFactory.blankNode(t.value);
    return literal(t.value, t.language, t.datatype?.value);
  };
  return store.statements.map((s) =>
    DataFactory.quad(term(s.subject) as Quad['subject'], term(s.predicate) as Quad['predicate'], term(s.object) as Quad['object']),
  );
}

/**
 * Parses JSON-LD with jsonld.js (to N-Quads, then n3) into default-graph quads. Remote contexts are
 * refused: an answer must carry its context inline.
 */
export async function parseJsonLd(text: string, base: string): Promise<Quad[]> {
  const doc = JSON.parse(text) as jsonld.JsonLdDocument;
  const nquads = (await jsonld.toRDF(doc, {
    base,
    format: 'application/n-quads',
    documentLoader: (url: string) => Promise.reject(new Error(`remote JSON-LD context refused: ${url}`)),
  })) as unknown as string;
  return new Parser({ format: 'application/n-quads' }).parse(nquads).map((q) => DataFactory.quad(q.subject, q.predicate, q.object));
}

/** Reads an RDF graph that holds an rs:ResultSet (the suite's results in Turtle); undefined when none. */
export function resultSetFromGraph(quads: readonly Quad[]): QueryResult | undefined {
  const store = new Store([...quads]);
  const set = store.getSubjects(`${'http://www.w3.org/1999/02/22-rdf-syntax-ns#'}type`, `${RS}ResultSet`, null)[0];
  if (set === undefined) return undefined;
  const boolean = store.getObjects(set, `${RS}boolean`, null)[0];
  if (boolean !== undefined) return { kind: 'boolean', value: boolean.value === 'true' };
  const variables = store.getObjects(set, `${RS}resultVariable`, null).map((t) => t.value);
  const indexed = store.getObjects(set, `${RS}solution`, null).map((node) => {
    const solution = new Map<string, Term>();
    for (const binding of store.getObjects(node, `${RS}binding`, null)) {
      const name = store.getObjects(binding, `${RS}variable`, null)[0]?.value;
      const value = store.getObjects(binding, `${RS}value`, null)[0];
      if (name !== undefined && value !== undefined) solution.set(name, value);
    }
    const index = store.getObjects(node, `${RS}index`, null)[0];
    return { solution, index: index === undefined ? 0 : Number(index.value) };
  });
  indexed.sort((a, b) => a.index - b.index);
  return { kind: 'solutions', variables, solutions: indexed.map((i) => i.solution) };
}
