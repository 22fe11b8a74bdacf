// **sparql-inputs** takes a seeded generator and returns hostile SPARQL texts: random token soups,
// mutations of valid queries (deletions, insertions, swaps, byte flips, truncations), deeply nested
// and very long queries. Nothing here names a SERVICE outside loopback.

import { EXAMPLE_QUERIES } from '../../../src/serve/query-page.js';
import type { Prng } from './prng.js';

const WORDS = [
  'SELECT', 'WHERE', 'ASK', 'CONSTRUCT', 'DESCRIBE', 'FILTER', 'OPTIONAL', 'UNION', 'MINUS', 'GRAPH', 'BIND', 'AS',
  'VALUES', 'GROUP BY', 'ORDER BY', 'HAVING', 'LIMIT', 'OFFSET', 'PREFIX', 'BASE', 'FROM', 'FROM NAMED', 'DISTINCT',
  'REDUCED', 'COUNT', 'SUM', 'MIN', 'MAX', 'AVG', 'SAMPLE', 'GROUP_CONCAT', 'SEPARATOR', 'REGEX', 'STR', 'LANG',
  'LANGMATCHES', 'DATATYPE', 'BOUND', 'IRI', 'BNODE', 'RAND', 'ABS', 'CEIL', 'CONCAT', 'STRLEN', 'SUBSTR', 'REPLACE',
  'NOW', 'YEAR', 'MD5', 'SHA512', 'COALESCE', 'IF', 'EXISTS', 'NOT EXISTS', 'NOT', 'IN', 'a', 'true', 'false',
  'INSERT', 'DELETE', 'DATA', 'LOAD', 'CLEAR', 'DROP', 'WITH', 'UNDEF', 'DESC', 'ASC', 'STRDT', 'STRLANG', 'isIRI',
];
const TERMS = [
  '?s', '?p', '?o', '?x', '$y', '?name', '?', '?1', '<http://localhost:3000/id/person/joseph-stalin>', '<>', '<#x>',
  '<http://a/b c>', '<http://example.org/\u00e9>', 'schema:name', 'cg:Claim', ':x', 'rdf:type', 'owl:sameAs',
  '_:b0', '[]', '"x"', "'y'@en", '"""long\nstring"""', '"esc\\u0041"', '"bad\\q"', '"unterminated', '1', '-0',
  '1.5e10', '.5', '0x10', '1e999999', '"1"^^xsd:integer', '"a"@', '"\\uD800"', '12345678901234567890123456789',
];
const PUNCT = ['{', '}', '(', ')', '[', ']', '.', ';', ',', '|', '/', '^', '!', '=', '!=', '<', '>', '<=', '&&', '||', '+', '-', '*', '?', '^^', '@', '#', '\n', '\\', '"', "'", '`', '~', '%', '$'];
const ODD = ['\u0000', '\u0001', '\u00ff', '\ufeff', '\u202e', '\ud800', '\udfff', '\u{1f600}', '\u0301', '\u3000', '\r', '\t', '\u2028', '\uffff'];

/** One random token. */
function token(rng: Prng): string {
  const r = rng.next();
  if (r < 0.35) return rng.pick(WORDS);
  if (r < 0.65) return rng.pick(TERMS);
  if (r < 0.93) return rng.pick(PUNCT);
  return rng.pick(ODD);
}

/** A soup of 1–60 SPARQL-ish tokens, usually starting with a query form. */
export function randomSparql(rng: Prng): string {
  const parts: string[] = [];
  if (rng.chance(0.3)) parts.push('PREFIX schema: <https://schema.org/>');
  if (rng.chance(0.7)) parts.push(rng.pick(['SELECT *', 'SELECT ?s', 'ASK', 'CONSTRUCT', 'DESCRIBE', 'SELECT (COUNT(*) AS ?n)']));
  const n = rng.int(1, 60);
  for (let i = 0; i < n; i++) parts.push(token(rng));
  return parts.join(rng.chance(0.8) ? ' ' : '');
}

/** Valid queries the mutations start from. */
export const SEED_QUERIES: readonly string[] = [
  ...EXAMPLE_QUERIES.map((e) => e.query),
  'ASK { ?s a <https://w3id.org/cablegraph/ontology#Telegram> }',
  'CONSTRUCT { ?s <https://schema.org/name> ?n } WHERE { ?s <https://schema.org/name> ?n } LIMIT 20',
  'DESCRIBE <http://localhost:3000/id/person/joseph-stalin>',
  'SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s HAVING (COUNT(?o) > 10) ORDER BY DESC(?n) LIMIT 5',
  'PREFIX schema: <https://schema.org/> SELECT ?x WHERE { VALUES ?x { 1 2 "three" } OPTIONAL { ?x schema:name ?n } FILTER(!BOUND(?n)) }',
  'SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 3 } ?s <http://www.w3.org/2002/07/owl#sameAs>* ?t }',
  'SELECT ?t WHERE { GRAPH ?g { ?t a ?type } FILTER(REGEX(STR(?type), "Tele", "i")) } LIMIT 5',
];

/** One mutation of `text`: delete, insert, swap, duplicate, flip a character, or truncate. */
function mutateOnce(text: string, rng: Prng): string {
  const at = rng.int(0, Math.max(0, text.length - 1));
  switch (rng.int(0, 6)) {
    case 0:
      return text.slice(0, at) + text.slice(at + rng.int(1, 12));
    case 1:
      return text.slice(0, at) + token(rng) + text.slice(at);
    case 2: {
      const b = rng.int(0, Math.max(0, text.length - 1));
      const [i, j] = at < b ? [at, b] : [b, at];
      return text.slice(0, i) + (text[j] ?? '') + text.slice(i + 1, j) + (text[i] ?? '') + text.slice(j + 1);
    }
    case 3:
      return text.slice(0, at) + text.slice(at, at + rng.int(1, 40)).repeat(rng.int(2, 5)) + text.slice(at);
    case 4:
      return text.slice(0, at) + String.fromCharCode((text.charCodeAt(at) ^ (1 << rng.int(0, 7))) & 0xffff) + text.slice(at + 1);
    case 5:
      return text.slice(0, at);
    default:
      return text.slice(0, at) + rng.pick(ODD) + text.slice(at + 1);
  }
}

/** A seed query with 1–4 mutations. */
export function mutatedSparql(rng: Prng): string {
  let text = rng.pick(SEED_QUERIES);
  const n = rng.int(1, 4);
  for (let i = 0; i < n; i++) text = mutateOnce(text, rng);
  return text;
}

/** Deeply nested or long-chained queries (`depth` levels): brackets, operators, paths, unions. */
export function nestedQueries(depth: number): readonly { readonly label: string; readonly query: string }[] {
  const r = (s: string, n = depth) => s.repeat(n);
  return [
    { label: 'braces', query: `SELECT * WHERE ${r('{')} ?s ?p ?o ${r('}')}` },
    { label: 'parentheses', query: `SELECT * WHERE { FILTER(${r('(')}1${r(')')}) }` },
    { label: 'brackets', query: `SELECT * WHERE { ?s ?p ${r('[ ?p ')}?o${r(' ]')} }` },
    { label: 'collections', query: `SELECT * WHERE { ?s ?p ${r('( ')}1${r(' )')} }` },
    { label: 'optional', query: `SELECT * WHERE { ${r('?s ?p ?o OPTIONAL { ')}?s ?p ?o${r(' }')} }` },
    { label: 'subselect', query: `${r('SELECT * WHERE { ')}?s ?p ?o${r(' }')}` },
    { label: 'not-exists', query: `SELECT * WHERE { ?s ?p ?o ${r('FILTER NOT EXISTS { ?s ?p ?o ')}${r('}')} }` },
    { label: 'unbalanced-open', query: `SELECT * WHERE ${r('{')}` },
    { label: 'unbalanced-close', query: `SELECT * WHERE { ?s ?p ?o ${r('}')}` },
    { label: 'negations', query: `SELECT * WHERE { FILTER(${r('!')}true) }` },
    { label: 'unary-minus', query: `SELECT * WHERE { BIND(${r('-(')}1${r(')')} AS ?x) }` },
    { label: 'additions', query: `SELECT * WHERE { BIND(${r('1+')}1 AS ?x) }` },
    { label: 'conjunctions', query: `SELECT * WHERE { FILTER(${r('true && ')}true) }` },
    { label: 'unions', query: `SELECT * WHERE { ${r('{ ?s ?p ?o } UNION ')}{ ?s ?p ?o } } LIMIT 1` },
    { label: 'path-sequence', query: `SELECT * WHERE { ?s ${Array.from({ length: depth }, () => '<p>').join('/')} ?o }` },
    { label: 'path-inverse', query: `SELECT * WHERE { ?s ${r('^(')}<p>${r(')')} ?o }` },
  ];
}
