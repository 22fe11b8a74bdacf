// inspectQueryText: form, dataset clause, SELECT * and variable order, past comments, strings and IRIs.
import { describe, expect, it } from 'vitest';
import { inspectQueryText } from '../../../src/serve/sparql/query-text.js';

describe('inspectQueryText', () => {
  it.each([
    ['SELECT * {}', 'select'],
    ['  select ?s { ?s ?p ?o }', 'select'],
    ['PREFIX ex: <http://e/#x> BASE <http://b/> ASK {}', 'ask'],
    ['# SELECT in a comment\nCONSTRUCT WHERE { ?s ?p ?o }', 'construct'],
    ['DESCRIBE <http://e/a>', 'describe'],
    ['PREFIX : <http://e/>\nINSERT DATA { :a :b :c }', 'update'],
    ['DELETE WHERE { ?s ?p ?o }', 'update'],
    ['WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }', 'update'],
    ['CLEAR ALL', 'update'],
    ['LOAD <http://x>', 'update'],
    ['DROP SILENT GRAPH <http://g>', 'update'],
    ['SELEC * {}', 'unknown'],
    ['', 'unknown'],
    ['{ ?s ?p ?o }', 'unknown'],
  ])('%j is a %s', (text, form) => expect(inspectQueryText(text).form).toBe(form));

  it.each([
    ['SELECT * FROM <http://g> { ?s ?p ?o }', true],
    ['SELECT * FROM NAMED <http://g> { GRAPH ?g { ?s ?p ?o } }', true],
    ['CONSTRUCT { ?s ?p ?o } FROM <http://g> WHERE { ?s ?p ?o }', true],
    ['select * from <http://g> { }', true],
    ['SELECT * { ?s ex:from ?from . FILTER(?s = "FROM") } # FROM', false],
    ['SELECT * { ?s <http://e/FROM> ?o }', false],
    ['SELECT * { ?s ?p """a\nFROM <x>\n""" }', false],
    ["SELECT * { ?s ?p 'it\\'s FROM' }", false],
  ])('%j has a dataset clause: %s', (text, expected) => expect(inspectQueryText(text).hasDatasetClause).toBe(expected));

  it.each([
    ['SELECT * { ?s ?p ?o }', true],
    ['SELECT DISTINCT * { ?s ?p ?o }', true],
    ['PREFIX x: <http://x/> SELECT REDUCED * { ?s ?p ?o }', true],
    ['SELECT ?s { { SELECT * { ?s ?p ?o } } }', false],
    ['SELECT (COUNT(*) AS ?n) { ?s ?p ?o }', false],
    ['ASK { ?s ?p ?o }', false],
  ])('%j selects all: %s', (text, expected) => expect(inspectQueryText(text).selectsAll).toBe(expected));

  it('lists variables in order of first appearance, ? and $ alike, not in strings or comments', () => {
    const info = inspectQueryText('SELECT * WHERE { ?zeta $alpha ?zeta . # ?hidden\n ?mid ?p "?notavar" . BIND(1 AS ?ü) }');
    expect(info.variables).toEqual(['zeta', 'alpha', 'mid', 'p', 'ü']);
  });

  it('does not mistake a less-than operator for an IRI', () => {
    const info = inspectQueryText('SELECT * WHERE { ?a ?p ?b FILTER(?a < ?b && ?b > 2) } ');
    expect(info.variables).toEqual(['a', 'p', 'b']);
  });
});
