// **sparql-results** takes SPARQL query results in the JSON results structure and returns them
// as text in one of the four result formats (JSON, XML, CSV, TSV), with the media type to send.

import { PublisherError } from '../../errors.js';

/** A term as the SPARQL 1.1 (and 1.2) JSON results format writes it. */
export type JsonResultTerm =
  | { readonly type: 'uri'; readonly value: string }
  | { readonly type: 'bnode'; readonly value: string }
  | {
      readonly type: 'literal';
      readonly value: string;
      readonly datatype?: string;
      readonly 'xml:lang'?: string;
      readonly 'its:dir'?: string;
    }
  | {
      readonly type: 'triple';
      readonly value: { readonly subject: JsonResultTerm; readonly predicate: JsonResultTerm; readonly object: JsonResultTerm };
    };

export type JsonBinding = Readonly<Record<string, JsonResultTerm>>;

/** SELECT results or an ASK answer, as in application/sparql-results+json. */
export type JsonResults =
  | { readonly head: { readonly vars: readonly string[] }; readonly results: { readonly bindings: readonly JsonBinding[] } }
  | { readonly head: Readonly<Record<string, unknown>>; readonly boolean: boolean };

export type ResultsFormatName = 'json' | 'xml' | 'csv' | 'tsv';

export interface ResultsFormat {
  readonly name: ResultsFormatName;
  /** Media type sent in Content-Type (charset added for text types). */
  readonly mediaType: string;
  /** Other media types accepted in Accept for this format. */
  readonly aliases: readonly string[];
  /** False for CSV and TSV: they have no boolean form, so ASK answers only in JSON or XML. */
  readonly boolean: boolean;
  /** The W3C formats IRI (http://www.w3.org/ns/formats/…), for the service description. */
  readonly formatIri: string;
}

const FORMATS_NS = 'http://www.w3.org/ns/formats/';

/** The result formats, JSON first: JSON is the default when Accept is missing or `*\/*`. */
export const RESULTS_FORMATS: readonly ResultsFormat[] = [
  { name: 'json', mediaType: 'application/sparql-results+json', aliases: ['application/json'], boolean: true, formatIri: `${FORMATS_NS}SPARQL_Results_JSON` },
  { name: 'xml', mediaType: 'application/sparql-results+xml', aliases: ['application/xml', 'text/xml'], boolean: true, formatIri: `${FORMATS_NS}SPARQL_Results_XML` },
  { name: 'csv', mediaType: 'text/csv', aliases: [], boolean: false, formatIri: `${FORMATS_NS}SPARQL_Results_CSV` },
  { name: 'tsv', mediaType: 'text/tab-separated-values', aliases: [], boolean: false, formatIri: `${FORMATS_NS}SPARQL_Results_TSV` },
];

/** The Content-Type header value for a results format. */
export function resultsContentType(name: ResultsFormatName): string {
  const format = RESULTS_FORMATS.find((f) => f.name === name);
  return `${format?.mediaType ?? 'application/sparql-results+json'}; charset=utf-8`;
}

/** True for the JSON results of an ASK query. */
export function isBooleanResults(results: JsonResults): results is Extract<JsonResults, { boolean: boolean }> {
  return 'boolean' in results;
}

/**
 * Writes results in a format. CSV and TSV have no boolean form (the router does not offer them for
 * ASK); should one be asked for, the answer is written as a single `_askResult` column.
 * @example writeResults({ head: { vars: ['s'] }, results: { bindings: [] } }, 'csv') // "s\r\n"
 */
export function writeResults(results: JsonResults, format: ResultsFormatName): string {
  switch (format) {
    case 'json':
      return JSON.stringify(results);
    case 'xml':
      return writeXml(results);
    case 'csv':
      return isBooleanResults(results) ? `_askResult\r\n${String(results.boolean)}\r\n` : writeCsv(results.head.vars, results.results.bindings);
    case 'tsv':
      return isBooleanResults(results) ? `?_askResult\n${String(results.boolean)}\n` : writeTsv(results.head.vars, results.results.bindings);
  }
}

/** Characters XML 1.0 cannot carry at all, even as character references (controls, U+FFFE/FFFF, lone surrogates). */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Escapes markup, and carriage returns as `&#xD;`: an XML parser turns a raw CR (or CR LF) into LF.
 * Throws (code `xml-unrepresentable`) for a character XML 1.0 cannot carry, rather than writing a
 * document no XML parser accepts.
 */
function escapeXml(text: string): string {
  const bad = XML_ILLEGAL.exec(text);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new PublisherError(
      `A result holds U+${code}, which SPARQL XML results (XML 1.0) cannot carry; ask for application/sparql-results+json instead.`,
      'xml-unrepresentable',
    );
  }
  return text.replace(/[&<>"\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#xD;'));
}

function xmlTerm(term: JsonResultTerm): string {
  switch (term.type) {
    case 'uri':
      return `<uri>${escapeXml(term.value)}</uri>`;
    case 'bnode':
      return `<bnode>${escapeXml(term.value)}</bnode>`;
    case 'literal': {
      const lang = term['xml:lang'];
      const dir = term['its:dir'];
      const attrs =
        lang !== undefined
          ? ` xml:lang="${escapeXml(lang)}"${dir !== undefined ? ` its:dir="${escapeXml(dir)}"` : ''}`
          : term.datatype !== undefined
            ? ` datatype="${escapeXml(term.datatype)}"`
            : '';
      return `<literal${attrs}>${escapeXml(term.value)}</literal>`;
    }
    case 'triple':
      return `<triple><subject>${xmlTerm(term.value.subject)}</subject><predicate>${xmlTerm(term.value.predicate)}</predicate><object>${xmlTerm(term.value.object)}</object></triple>`;
  }
}

function writeXml(results: JsonResults): string {
  const open = '<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#" xmlns:its="http://www.w3.org/2005/11/its">';
  if (isBooleanResults(results)) return `${open}<head/><boolean>${String(results.boolean)}</boolean></sparql>\n`;
  const head = results.head.vars.map((v) => `<variable name="${escapeXml(v)}"/>`).join('');
  const rows = results.results.bindings.map((b) => {
    const cells = results.head.vars.flatMap((v) => {
      const term = b[v];
      return term === undefined ? [] : [`<binding name="${escapeXml(v)}">${xmlTerm(term)}</binding>`];
    });
    return `<result>${cells.join('')}</result>`;
  });
  return `${open}<head>${head}</head><results>${rows.join('\n')}</results></sparql>\n`;
}

/** CSV cell: the bare value (lexical form, IRI, `_:label`), quoted when it holds `"`, `,` or a line break. */
function csvTerm(term: JsonResultTerm | undefined): string {
  if (term === undefined) return '';
  const text = term.type === 'bnode' ? `_:${term.value}` : term.type === 'triple' ? tsvTerm(term) : term.value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function writeCsv(vars: readonly string[], bindings: readonly JsonBinding[]): string {
  const lines = [vars.map((v) => csvTerm({ type: 'literal', value: v })).join(',')];
  for (const b of bindings) lines.push(vars.map((v) => csvTerm(b[v])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const TURTLE_NUMBER: Readonly<Record<string, RegExp>> = {
  [`${XSD}integer`]: /^[+-]?\d+$/,
  [`${XSD}decimal`]: /^[+-]?\d*\.\d+$/,
  [`${XSD}double`]: /^[+-]?(\d+\.\d*|\.\d+|\d+)[eE][+-]?\d+$/,
  [`${XSD}boolean`]: /^(true|false)$/,
};

function escapeTsvString(text: string): string {
  return text.replace(/[\\"\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '"' ? '\\"' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** TSV cell: the term in Turtle/N-Triples syntax, numbers bare where Turtle allows it. */
function tsvTerm(term: JsonResultTerm | undefined): string {
  if (term === undefined) return '';
  switch (term.type) {
    case 'uri':
      return `<${term.value}>`;
    case 'bnode':
      return `_:${term.value}`;
    case 'triple':
      return `<<( ${tsvTerm(term.value.subject)} ${tsvTerm(term.value.predicate)} ${tsvTerm(term.value.object)} )>>`;
    case 'literal': {
      const lang = term['xml:lang'];
      const dir = term['its:dir'];
      if (lang !== undefined) return `"${escapeTsvString(term.value)}"@${lang}${dir !== undefined ? `--${dir}` : ''}`;
      const dt = term.datatype;
      if (dt === undefined || dt === `${XSD}string`) return `"${escapeTsvString(term.value)}"`;
      if (TURTLE_NUMBER[dt]?.test(term.value) === true) return term.value;
      return `"${escapeTsvString(term.value)}"^^<${dt}>`;
    }
  }
}

function writeTsv(vars: readonly string[], bindings: readonly JsonBinding[]): string {
  const lines = [vars.map((v) => `?${v}`).join('\t')];
  for (const b of bindings) lines.push(vars.map((v) => tsvTerm(b[v])).join('\t'));
  return `${lines.join('\n')}\n`;
}
