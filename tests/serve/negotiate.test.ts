// chooseFormat: a table of Accept headers → chosen format or 406 (null).
import { describe, expect, it } from 'vitest';
import { chooseFormat, contentTypeOf, DOCUMENT_FORMATS, formatByKey, HTML_FORMAT, parseAccept, RDF_SERVED_FORMATS } from '../../src/serve/negotiate.js';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

const CASES: [string | undefined, string | null][] = [
  // missing, empty and wildcard headers: the documented default (Turtle)
  [undefined, 'turtle'],
  ['', 'turtle'],
  ['   ', 'turtle'],
  ['*/*', 'turtle'],
  // browsers
  [BROWSER, 'html'],
  ['text/html', 'html'],
  ['application/xhtml+xml', 'html'],
  // each RDF format by its media type and by an alias
  ['text/turtle', 'turtle'],
  ['application/x-turtle', 'turtle'],
  ['application/ld+json', 'jsonld'],
  ['application/json', 'jsonld'],
  ['application/n-triples', 'ntriples'],
  ['text/plain', 'ntriples'],
  ['application/n-quads', 'nquads'],
  ['application/trig', 'trig'],
  ['application/rdf+xml', 'rdfxml'],
  ['application/xml', 'rdfxml'],
  // q-values
  ['text/turtle;q=0.5, application/ld+json', 'jsonld'],
  ['text/turtle;q=0.5, application/ld+json;q=0.4', 'turtle'],
  ['application/rdf+xml;q=1.0, text/html;q=0.999', 'rdfxml'],
  ['text/html;q=0, */*', 'turtle'],
  ['text/turtle;q=0, text/html;q=0, */*;q=0.1', 'jsonld'],
  ['*/*;q=0.1, application/n-quads', 'nquads'],
  // equal q: more specific first, then the client's order
  ['application/ld+json, text/turtle', 'jsonld'],
  ['text/turtle, application/ld+json', 'turtle'],
  ['*/*, text/html', 'html'],
  // text/*
  ['text/*', 'turtle'],
  ['text/*;q=0.5, application/trig', 'trig'],
  ['text/*, text/turtle;q=0', 'html'],
  // parameters
  ['text/turtle;charset=utf-8', 'turtle'],
  ['text/turtle;charset=UTF-8;q=0.9, text/html;q=0.8', 'turtle'],
  ['text/turtle;charset=iso-8859-1', null],
  ['application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"', 'jsonld'],
  ['application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded, x"; q=0.9, text/html;q=0.1', 'jsonld'],
  ['TEXT/HTML', 'html'],
  // nothing acceptable → 406
  ['image/png', null],
  ['application/pdf, image/*', null],
  ['text/turtle;q=0', null],
  ['*/*;q=0', null],
  // absurd values: unparseable ranges are skipped; all garbage → default
  ['garbage', 'turtle'],
  [',,,;;;', 'turtle'],
  ['*/html', 'turtle'],
  ['text/html;q=2', 'turtle'],
  ['text/html;q=abc, image/png', null],
  ['text/html;q=-1, application/trig', 'trig'],
  ['text/html;q=0.12345, application/trig', 'trig'],
  [`${'x/y, '.repeat(5000)}text/html`, null],
  ['text/html;;;q=0.5, text/turtle;q=0.4', 'html'],
  ['\u0000\u0001', 'turtle'],
];

describe('chooseFormat', () => {
  it.each(CASES)('Accept %j → %s', (accept, expected) => {
    const chosen = chooseFormat(accept, DOCUMENT_FORMATS);
    expect(chosen?.format.name ?? null).toBe(expected);
  });

  it('returns null when offered nothing', () => {
    expect(chooseFormat('*/*', [])).toBeNull();
  });

  it('keeps the q-value it chose by', () => {
    expect(chooseFormat(BROWSER, DOCUMENT_FORMATS)?.q).toBe(1);
    expect(chooseFormat('text/turtle;q=0.3', DOCUMENT_FORMATS)?.q).toBe(0.3);
  });

  it('offers HTML and every RDF format, Turtle first', () => {
    expect(DOCUMENT_FORMATS[0]?.name).toBe('turtle');
    expect(DOCUMENT_FORMATS).toContain(HTML_FORMAT);
    expect(DOCUMENT_FORMATS.length).toBe(RDF_SERVED_FORMATS.length + 1);
  });
});

describe('parseAccept', () => {
  it('reads types, parameters and q, and stops parameters at q', () => {
    expect(parseAccept('Text/Turtle; Charset="utf-8"; q=0.5; ext=1')).toEqual([{ type: 'text', subtype: 'turtle', params: { charset: 'utf-8' }, q: 0.5, order: 0 }]);
  });
  it('keeps commas inside quoted parameters', () => {
    expect(parseAccept('a/b;p="x,y", c/d').map((r) => `${r.type}/${r.subtype}`)).toEqual(['a/b', 'c/d']);
  });
});

describe('formatByKey and contentTypeOf', () => {
  it.each([
    ['ttl', 'turtle'],
    ['TURTLE', 'turtle'],
    ['jsonld', 'jsonld'],
    ['json', 'jsonld'],
    ['nt', 'ntriples'],
    ['nq', 'nquads'],
    ['trig', 'trig'],
    ['rdf', 'rdfxml'],
    ['html', 'html'],
    ['pdf', undefined],
  ])('%s → %s', (key, name) => {
    expect(formatByKey(key, DOCUMENT_FORMATS)?.name).toBe(name);
  });
  it('adds charset to text types only', () => {
    expect(contentTypeOf(HTML_FORMAT)).toBe('text/html; charset=utf-8');
    expect(contentTypeOf(DOCUMENT_FORMATS.find((f) => f.name === 'jsonld') ?? HTML_FORMAT)).toBe('application/ld+json; charset=utf-8');
  });
});
