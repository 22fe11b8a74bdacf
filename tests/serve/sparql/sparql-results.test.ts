// writeResults: the four SPARQL result formats from the JSON results structure, with their escapes.
import { describe, expect, it } from 'vitest';
import { resultsContentType, writeResults } from '../../../src/serve/sparql/sparql-results.js';
import type { JsonResults } from '../../../src/serve/sparql/sparql-results.js';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RESULTS: JsonResults = {
  head: { vars: ['s', 'o'] },
  results: {
    bindings: [
      { s: { type: 'uri', value: 'http://e/a&b' }, o: { type: 'literal', value: 'say "hi",\nthen\tgo', 'xml:lang': 'en' } },
      { s: { type: 'bnode', value: 'b0' }, o: { type: 'literal', value: '4', datatype: `${XSD}integer` } },
      { o: { type: 'literal', value: '1.5e3', datatype: `${XSD}double` } },
      { s: { type: 'uri', value: 'http://e/c' }, o: { type: 'literal', value: 'x<y', datatype: `${XSD}string` } },
      { o: { type: 'literal', value: '01', datatype: `${XSD}gYear` } },
      {
        s: { type: 'triple', value: { subject: { type: 'uri', value: 'http://e/a' }, predicate: { type: 'uri', value: 'http://e/p' }, object: { type: 'literal', value: 'v' } } },
      },
    ],
  },
};

describe('writeResults', () => {
  it('writes CSV per RFC 4180: quotes fields with quotes, commas or line breaks; CRLF lines', () => {
    expect(writeResults(RESULTS, 'csv')).toBe(
      [
        's,o',
        'http://e/a&b,"say ""hi"",\nthen\tgo"',
        '_:b0,4',
        ',1.5e3',
        'http://e/c,x<y',
        ',01',
        '"<<( <http://e/a> <http://e/p> ""v"" )>>",',
        '',
      ].join('\r\n'),
    );
  });

  it('writes TSV with terms in Turtle syntax, bare numbers where Turtle allows them', () => {
    expect(writeResults(RESULTS, 'tsv')).toBe(
      [
        '?s\t?o',
        '<http://e/a&b>\t"say \\"hi\\",\\nthen\\tgo"@en',
        '_:b0\t4',
        '\t1.5e3',
        '<http://e/c>\t"x<y"',
        `\t"01"^^<${XSD}gYear>`,
        '<<( <http://e/a> <http://e/p> "v" )>>\t',
        '',
      ].join('\n'),
    );
  });

  it('writes XML with escapes, language tags, datatypes and unbound variables left out', () => {
    const xml = writeResults(RESULTS, 'xml');
    expect(xml).toContain('<head><variable name="s"/><variable name="o"/></head>');
    expect(xml).toContain('<binding name="s"><uri>http://e/a&amp;b</uri></binding><binding name="o"><literal xml:lang="en">say &quot;hi&quot;,\nthen\tgo</literal></binding>');
    expect(xml).toContain('<result><binding name="o"><literal datatype="http://www.w3.org/2001/XMLSchema#double">1.5e3</literal></binding></result>');
    expect(xml).toContain('<bnode>b0</bnode>');
    expect(xml).toContain('<triple><subject><uri>http://e/a</uri></subject>');
  });

  it('writes carriage returns in XML as character references, which XML parsers keep (a raw CR becomes LF)', () => {
    const xml = writeResults({ head: { vars: ['x'] }, results: { bindings: [{ x: { type: 'literal', value: 'a\r\nb\rc' } }] } }, 'xml');
    expect(xml).toContain('<literal>a&#xD;\nb&#xD;c</literal>');
    expect(xml).not.toContain('\r');
  });

  it('refuses to write XML results holding a character XML 1.0 cannot carry, naming it and the way out', () => {
    const results = { head: { vars: ['x'] }, results: { bindings: [{ x: { type: 'literal', value: 'bell \u0007' } }] } } as const;
    expect(() => writeResults(results, 'xml')).toThrow(/U\+0007.*application\/sparql-results\+json/);
    expect(writeResults(results, 'json')).toContain('\\u0007');
  });

  it('writes JSON unchanged', () => {
    expect(JSON.parse(writeResults(RESULTS, 'json'))).toEqual(RESULTS);
  });

  it.each([
    ['json', '{"head":{},"boolean":true}'],
    ['xml', '<boolean>true</boolean>'],
  ] as const)('writes an ASK answer in %s', (format, expected) => {
    expect(writeResults({ head: {}, boolean: true }, format)).toContain(expected);
  });

  it('gives the media type with charset', () => {
    expect(resultsContentType('tsv')).toBe('text/tab-separated-values; charset=utf-8');
  });
});
