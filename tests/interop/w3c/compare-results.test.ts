// The W3C runner's judges: result parsers, the ORDER BY scan and the comparison (bag, order, blank
// node renaming, term equality, graph isomorphism), each on small hand-made cases.
import type { Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { compareResults, termKey } from './compare-results.js';
import { orderByVariables } from './query-order.js';
import { parseCsv, parseSrj, parseSrx, parseTsv, parseTurtle, resultSetFromGraph } from './result-parsers.js';
import type { QueryResult } from './result-parsers.js';
import { asCsvStrings } from './run-category.js';

const { namedNode: iri, blankNode: bnode, literal } = DataFactory;
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const int = (v: string): Term => literal(v, iri(`${XSD}integer`));

/** Solutions from rows of [variable, term] pairs. */
const sols = (...rows: [string, Term][][]): QueryResult => ({
  kind: 'solutions',
  variables: [...new Set(rows.flatMap((r) => r.map(([k]) => k)))],
  solutions: rows.map((r) => new Map(r)),
});
const ok = (actual: QueryResult, expected: QueryResult, orderedBy: string[] = []): boolean => compareResults(actual, expected, { orderedBy }).ok;

describe('compareResults', () => {
  it('compares solutions as a bag', () => {
    expect(ok(sols([['x', int('1')]], [['x', int('2')]]), sols([['x', int('2')]], [['x', int('1')]]))).toBe(true);
    expect(ok(sols([['x', int('1')]], [['x', int('1')]]), sols([['x', int('1')]], [['x', int('2')]]))).toBe(false);
    expect(ok(sols([['x', int('1')]]), sols([['x', int('1')]], [['x', int('1')]]))).toBe(false);
  });

  it('uses RDF term equality for literals, numbers by value only when asked', () => {
    expect(ok(sols([['x', int('01')]]), sols([['x', int('1')]]))).toBe(false);
    expect(compareResults(sols([['x', int('01')]]), sols([['x', int('1')]]), { literalsByValue: true }).ok).toBe(true);
    expect(ok(sols([['x', literal('a', 'EN')]]), sols([['x', literal('a', 'en')]]))).toBe(true);
    expect(ok(sols([['x', literal('a')]]), sols([['x', literal('a', iri(`${XSD}string`))]]))).toBe(true);
    expect(ok(sols([['x', literal('a')]]), sols([['x', iri('a')]]))).toBe(false);
    expect(termKey(literal('1.0', iri(`${XSD}decimal`)), true)).toBe(termKey(literal('1', iri(`${XSD}decimal`)), true));
  });

  it('renames blank nodes by one bijection across the whole answer', () => {
    const shared = sols([['x', bnode('a')]], [['x', bnode('a')]]);
    const distinct = sols([['x', bnode('b')]], [['x', bnode('c')]]);
    expect(ok(shared, sols([['x', bnode('z')]], [['x', bnode('z')]]))).toBe(true);
    expect(ok(distinct, sols([['x', bnode('p')]], [['x', bnode('q')]]))).toBe(true);
    expect(ok(shared, distinct)).toBe(false);
    expect(ok(distinct, shared)).toBe(false);
    // Within a row: the same label in two columns must map to the same label.
    expect(ok(sols([['x', bnode('a')], ['y', bnode('a')]]), sols([['x', bnode('p')], ['y', bnode('q')]]))).toBe(false);
  });

  it('checks order only on the ORDER BY variables, so ties may come in any order', () => {
    const expected = sols([['k', int('1')], ['v', int('10')]], [['k', int('1')], ['v', int('11')]], [['k', int('2')], ['v', int('12')]]);
    const tiesSwapped = sols([['k', int('1')], ['v', int('11')]], [['k', int('1')], ['v', int('10')]], [['k', int('2')], ['v', int('12')]]);
    const wrongOrder = sols([['k', int('2')], ['v', int('12')]], [['k', int('1')], ['v', int('10')]], [['k', int('1')], ['v', int('11')]]);
    expect(ok(tiesSwapped, expected, ['k'])).toBe(true);
    expect(ok(wrongOrder, expected, ['k'])).toBe(false);
    expect(ok(wrongOrder, expected)).toBe(true);
  });

  it('requires the same result variables, booleans and kinds', () => {
    expect(ok({ kind: 'solutions', variables: ['x', 'y'], solutions: [] }, { kind: 'solutions', variables: ['x'], solutions: [] })).toBe(false);
    expect(ok({ kind: 'boolean', value: true }, { kind: 'boolean', value: false })).toBe(false);
    expect(ok({ kind: 'boolean', value: true }, sols())).toBe(false);
  });

  it('compares graphs by isomorphism', () => {
    const a = parseTurtle('_:x <http://p> _:y . _:y <http://p> "1" .', 'http://base/');
    const b = parseTurtle('[ <http://p> [ <http://p> "1" ] ] .', 'http://base/');
    const c = parseTurtle('_:x <http://p> _:x . _:y <http://p> "1" .', 'http://base/');
    expect(ok({ kind: 'graph', quads: a }, { kind: 'graph', quads: b })).toBe(true);
    expect(ok({ kind: 'graph', quads: c }, { kind: 'graph', quads: b })).toBe(false);
  });
});

describe('orderByVariables', () => {
  it.each([
    ['SELECT * { ?s ?p ?o } ORDER BY DESC(?o) ?s LIMIT 3', ['o', 's']],
    ['SELECT * { { SELECT ?s { ?s ?p ?o } ORDER BY ?s LIMIT 1 } ?s ?q ?z }', []],
    ['SELECT * { ?s ?p "ORDER BY ?x" } # ORDER BY ?y\nORDER BY (?s + $t)', ['s', 't']],
    ['select ?s { ?s ?p ?o } order by ?s offset 1 values ?o { 1 }', ['s']],
  ])('%s', (query, expected) => {
    expect(orderByVariables(query)).toEqual(expected);
  });
});

describe('result parsers', () => {
  it('reads SPARQL XML with languages, datatypes and blank nodes', () => {
    const r = parseSrx(`<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="a"/><variable name="b"/></head>
      <results><result><binding name="a"><literal xml:lang="fr">chat</literal></binding><binding name="b"><bnode>r1</bnode></binding></result>
      <result><binding name="a"><literal datatype="${XSD}integer">7</literal></binding></result></results></sparql>`);
    expect(r).toEqual(sols([['a', literal('chat', 'fr')], ['b', bnode('r1')]], [['a', int('7')]]));
    expect(parseSrx('<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/><boolean>true</boolean></sparql>')).toEqual({ kind: 'boolean', value: true });
    expect(() => parseSrx('<html/>')).toThrow(/not a SPARQL XML results document/);
  });

  it('reads SPARQL JSON', () => {
    const r = parseSrj('{"head":{"vars":["a"]},"results":{"bindings":[{"a":{"type":"uri","value":"http://x"}},{}]}}');
    expect(r).toEqual({ kind: 'solutions', variables: ['a'], solutions: [new Map([['a', iri('http://x')]]), new Map()] });
  });

  it('reads TSV cells as Turtle terms and CSV cells as strings', () => {
    const tsv = parseTsv('?a\t?b\n<http://x>\t2.5\n"q\\tr"@en\t\n');
    expect(tsv).toEqual(sols([['a', iri('http://x')], ['b', literal('2.5', iri(`${XSD}decimal`))]], [['a', literal('q\tr', 'en')]]));
    const shared = parseTsv('?a\t?b\n_:x\t_:x\n_:x\t_:y\n');
    expect(shared.kind === 'solutions' && shared.solutions.map((r) => [r.get('a')?.value, r.get('b')?.value])).toEqual([['x', 'x'], ['x', 'y']]);
    const csv = parseCsv('a,b\r\nhttp://x,"1,5"\r\n_:b0,\r\n');
    expect(csv).toEqual(sols([['a', literal('http://x')], ['b', literal('1,5')]], [['a', bnode('b0')]]));
    expect(asCsvStrings(sols([['a', iri('http://x')], ['b', literal('')]]))).toEqual({ kind: 'solutions', variables: ['a', 'b'], solutions: [new Map([['a', literal('http://x')]])] });
  });

  it('reads a result set written in RDF (rs: vocabulary)', () => {
    const quads = parseTurtle(
      `@prefix rs: <http://www.w3.org/2001/sw/DataAccess/tests/result-set#> .
       [] a rs:ResultSet ; rs:resultVariable "g" ; rs:solution [ rs:binding [ rs:variable "g" ; rs:value <a.ttl> ] ] .`,
      'http://base/dir/x.ttl',
    );
    expect(resultSetFromGraph(quads)).toEqual(sols([['g', iri('http://base/dir/a.ttl')]]));
    expect(resultSetFromGraph(parseTurtle('<a> <b> <c> .', 'http://base/'))).toBeUndefined();
  });
});
