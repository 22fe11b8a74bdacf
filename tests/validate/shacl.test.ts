// Tests validateGraph's report: severities, readable messages, the build-failing helper, term rendering.
import { DataFactory, Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { MappingError } from '../../src/errors.js';
import { assertConforms, formatValidationReport, termToText, validateGraph } from '../../src/validate/shacl.js';

const SHAPES = `@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
ex:S a sh:NodeShape ; sh:targetClass ex:T ;
  sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "thing {$this} has no ex:name; ex:S requires one" ] ;
  sh:property [ sh:path ex:note ; sh:minCount 1 ; sh:severity sh:Warning ; sh:message "thing {$this} has no ex:note" ] ;
  sh:property [ sh:path [ sh:inversePath ex:has ] ; sh:nodeKind sh:Literal ; sh:message "thing {$this} is had by {$value}" ] .`;
const data = (ttl: string) => new Parser().parse(`@prefix ex: <http://example.org/> . ${ttl}`);

describe('validateGraph', () => {
  it('conforms with warnings only, and lists the warnings', async () => {
    const report = await validateGraph(data('ex:a a ex:T ; ex:name "A" .'), SHAPES);
    expect(report.conforms).toBe(true);
    expect(report.violations).toEqual([{ focusNode: '<http://example.org/a>', path: '<http://example.org/note>', message: 'thing <http://example.org/a> has no ex:note', severity: 'warning' }]);
    expect(() => assertConforms(report)).not.toThrow();
  });

  it('fails on a violation, fills {$value}, renders inverse paths, and sorts violations first', async () => {
    const report = await validateGraph(data('ex:a a ex:T . ex:b ex:has ex:a .'), SHAPES);
    expect(report.conforms).toBe(false);
    expect(report.violations.map((v) => v.severity)).toEqual(['violation', 'violation', 'warning']);
    expect(report.violations.map((v) => v.message)).toContain('thing <http://example.org/a> is had by <http://example.org/b>');
    expect(report.violations.map((v) => v.path)).toContain('^<http://example.org/has>');
    expect(formatValidationReport(report)[0]).toMatch(/^violation: thing <http:\/\/example\.org\/a> /);
    let caught: unknown;
    try {
      assertConforms(report);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MappingError);
    expect((caught as MappingError).code).toBe('shacl-violation');
    expect((caught as MappingError).message).toMatch(/^the graph violates ontology\/shapes\.ttl \(2 violations\):\nviolation: /);
    expect((caught as MappingError).message).not.toMatch(/ex:note/);
  });
});

describe('termToText', () => {
  it('renders IRIs, typed and plain literals', () => {
    const { namedNode, literal } = DataFactory;
    expect(termToText(namedNode('http://x/a'))).toBe('<http://x/a>');
    expect(termToText(literal('7 October'))).toBe('"7 October"');
    expect(termToText(literal('5', namedNode('http://www.w3.org/2001/XMLSchema#decimal')))).toBe('"5"^^xsd:decimal');
    expect(termToText(literal('Pekin', 'fr'))).toBe('"Pekin"@fr');
    expect(termToText(undefined)).toBe('');
  });
});
