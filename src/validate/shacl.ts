// **shacl** takes quads and the SHACL shapes (Turtle) and returns a readable validation report:
// whether the graph conforms (no sh:Violation; warnings are reported but do not fail a build) and
// one entry per result, with its focus node, path, message and severity.

import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, Parser, Store } from 'n3';
import { Validator, type PathStep, type ValidationResult, type ValidatorFactory } from 'shacl-engine';
import { ConfigError, MappingError } from '../errors.js';
import { TripleIndex } from './triple-index.js';

export type Severity = 'violation' | 'warning' | 'info';

/** One SHACL result, in words. */
export interface ShapeViolation {
  /** The focus node, as N-Triples-like text ("<http://…/id/telegram/x>"). */
  readonly focusNode: string;
  /** The result path with prefixes ("schema:text", "^cg:copy"), or "" for node-level constraints. */
  readonly path: string;
  /** The shape's sh:message with {$this} and {$value} filled in. */
  readonly message: string;
  readonly severity: Severity;
}

export interface GraphValidationReport {
  /** False when at least one result has severity sh:Violation. Warnings do not count. */
  readonly conforms: boolean;
  /** Every result (violations, warnings, infos), sorted by severity, focus node, path and message. */
  readonly violations: readonly ShapeViolation[];
}

const SH = 'http://www.w3.org/ns/shacl#';

/** Prefixes used to shorten IRIs in paths and values of messages. */
const PREFIXES: readonly (readonly [string, string])[] = [
  ['cg', 'https://w3id.org/cablegraph/ontology#'],
  ['schema', 'https://schema.org/'],
  ['oa', 'http://www.w3.org/ns/oa#'],
  ['owl', 'http://www.w3.org/2002/07/owl#'],
  ['rdfs', 'http://www.w3.org/2000/01/rdf-schema#'],
  ['rdf', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'],
  ['xsd', 'http://www.w3.org/2001/XMLSchema#'],
  ['skos', 'http://www.w3.org/2004/02/skos/core#'],
  ['prov', 'http://www.w3.org/ns/prov#'],
  ['dcterms', 'http://purl.org/dc/terms/'],
];

function compact(iri: string): string {
  for (const [prefix, ns] of PREFIXES) {
    if (iri.startsWith(ns) && /^[A-Za-z_][\w-]*$/.test(iri.slice(ns.length))) return `${prefix}:${iri.slice(ns.length)}`;
  }
  return `<${iri}>`;
}

/** A term as it reads in a message: <iri>, _:b0, or "lexical"^^xsd:type. */
export function termToText(term: Term | undefined): string {
  if (!term) return '';
  switch (term.termType) {
    case 'NamedNode':
      return `<${term.value}>`;
    case 'BlankNode':
      return `_:${term.value}`;
    case 'Literal': {
      const lexical = JSON.stringify(term.value);
      if (term.language) return `${lexical}@${term.language}`;
      return term.datatype.value === 'http://www.w3.org/2001/XMLSchema#string' ? lexical : `${lexical}^^${compact(term.datatype.value)}`;
    }
    default:
      return term.value;
  }
}

function pathToText(path: readonly PathStep[] | null | undefined): string {
  if (!path) return '';
  return path
    .map((step) => {
      const alternatives = step.predicates.map((p) => compact(p.value)).join('|');
      const inverse = step.start === 'object' ? '^' : '';
      const quantifier = step.quantifier === 'one' ? '' : step.quantifier === 'zeroOrMore' ? '*' : step.quantifier === 'oneOrMore' ? '+' : step.quantifier === 'zeroOrOne' ? '?' : '';
      return `${inverse}${step.predicates.length > 1 ? `(${alternatives})` : alternatives}${quantifier}`;
    })
    .join('/');
}

function severityOf(term: Term): Severity {
  if (term.value === `${SH}Warning`) return 'warning';
  if (term.value === `${SH}Info`) return 'info';
  return 'violation';
}

function toViolation(result: ValidationResult): ShapeViolation {
  const focusNode = termToText(result.focusNode?.term);
  const value = termToText(result.value?.term);
  const template = result.message.map((m) => m.value).join('; ') || 'constraint not met (the shape has no sh:message)';
  const message = template.replaceAll('{$this}', focusNode).replaceAll('{?this}', focusNode).replaceAll('{$value}', value).replaceAll('{?value}', value);
  return { focusNode, path: pathToText(result.path), message, severity: severityOf(result.severity) };
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { violation: 0, warning: 1, info: 2 };

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Locale-independent order, so that reports are byte-identical across machines. */
function compareViolations(a: ShapeViolation, b: ShapeViolation): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || byString(a.focusNode, b.focusNode) || byString(a.path, b.path) || byString(a.message, b.message);
}

/** Parses the shapes; a syntax error becomes a ConfigError naming ontology/shapes.ttl. */
export function parseShapes(shapesTurtle: string, source = 'ontology/shapes.ttl'): Store {
  try {
    return new Store(new Parser({ format: 'text/turtle' }).parse(shapesTurtle));
  } catch (error) {
    throw new ConfigError(`${source}: ${(error as Error).message}`, 'bad-shapes', { cause: error });
  }
}

const FACTORY: ValidatorFactory = {
  namedNode: DataFactory.namedNode,
  blankNode: DataFactory.blankNode,
  literal: DataFactory.literal,
  variable: DataFactory.variable,
  defaultGraph: DataFactory.defaultGraph,
  quad: DataFactory.quad,
  fromTerm: DataFactory.fromTerm,
  fromQuad: DataFactory.fromQuad,
  dataset: (quads) => new Store(quads ? [...quads] : []),
};

/**
 * Validates `quads` (all named graphs together) against the shapes in `shapesTurtle`.
 * Only sh:Violation makes `conforms` false; warnings are listed with severity "warning".
 * @example const report = await validateGraph(buildGraph(results, { base }), readFileSync('ontology/shapes.ttl', 'utf8'));
 */
export async function validateGraph(quads: readonly Quad[], shapesTurtle: string): Promise<GraphValidationReport> {
  const validator = new Validator(parseShapes(shapesTurtle), { factory: FACTORY });
  // The data graph is the merge of every named graph (SHACL validates one RDF graph: a triple stated
  // in two named graphs counts once), held in a TripleIndex: n3's Store keeps one index per graph and
  // answers a match over all graphs by searching each graph's index in turn, which made every lookup
  // cost O(telegrams) and validating 1,000 telegrams take minutes; its matches also build new quads.
  const report = await validator.validate({ dataset: new TripleIndex(quads) });
  const violations = report.results.map(toViolation).sort(compareViolations);
  return { conforms: !violations.some((v) => v.severity === 'violation'), violations };
}

/** The report as lines of text, one per result: "violation: <message> [path]". */
export function formatValidationReport(report: GraphValidationReport): string[] {
  return report.violations.map((v) => `${v.severity}: ${v.message}${v.path ? ` [path ${v.path}]` : ''}`);
}

/** Throws a MappingError listing every violation when the report does not conform. */
export function assertConforms(report: GraphValidationReport): void {
  if (report.conforms) return;
  const lines = formatValidationReport({ conforms: false, violations: report.violations.filter((v) => v.severity === 'violation') });
  throw new MappingError(`the graph violates ontology/shapes.ttl (${lines.length} violation${lines.length === 1 ? '' : 's'}):\n${lines.join('\n')}`, 'shacl-violation');
}
