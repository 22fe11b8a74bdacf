// **run-category** takes one category of the W3C SPARQL 1.1 suite and returns each test's outcome
// (passed, failed, skipped with a reason), every query sent over HTTP to our /sparql endpoint.

import { readFileSync } from 'node:fs';
import type { Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { inspectQueryText } from '../../../src/serve/sparql/query-text.js';
import { compareResults } from './compare-results.js';
import { createDirectEngine } from './direct-engine.js';
import type { DirectEngine } from './direct-engine.js';
import type { Comparison } from './compare-results.js';
import { categoryBase, categoryLabel, iriToPath, readCategory } from './manifest.js';
import type { TestType, W3cTest } from './manifest.js';
import { orderByVariables } from './query-order.js';
import { parseCsv, parseJsonLd, parseRdfXml, parseSrj, parseSrx, parseTsv, parseTurtle, resultSetFromGraph } from './result-parsers.js';
import type { QueryResult } from './result-parsers.js';
import { categoryNQuads, startTestEndpoint } from './test-endpoint.js';

export type Status = 'passed' | 'failed' | 'skipped';

export interface TestOutcome {
  readonly id: string;
  readonly name: string;
  readonly type: TestType;
  readonly approval: string | undefined;
  readonly status: Status;
  /** Why it failed or was skipped; for passes, what was checked. */
  readonly reason: string;
}

export interface CategoryOutcome {
  readonly category: string;
  readonly label: string;
  readonly outcomes: readonly TestOutcome[];
}

/** Categories not run at all, with the reason stated in the report. */
export const SKIPPED_CATEGORIES: Readonly<Record<string, string>> = {
  entailment: 'entailment regimes (RDF, RDFS, D, OWL, RIF) are not supported: the endpoint answers under simple entailment only',
  service: 'federated SERVICE is disabled: a public read-only endpoint does not call out to other endpoints',
  protocol: 'SPARQL Protocol tests (HTTP requests, not query evaluation) are run against the same router by tests/serve/sparql/sparql-route.test.ts',
  'service-description': 'service description tests are run by tests/serve/sparql/service-description.test.ts',
  'graph-store-protocol': 'the Graph Store HTTP Protocol is not offered (read-only endpoint; no graph store route)',
};

export const READ_ONLY_REASON = 'read-only endpoint: SPARQL Update is refused; the request was answered 403 as required (asserted)';
const SERVICE_REASON = 'needs remote SERVICE endpoints (qt:serviceData): federation is disabled on this endpoint';
/** Added to a failure when Oxigraph alone (in process, no router, pool or writers) fails it too. */
export const ENGINE_CONFIRMED = 'Oxigraph alone fails it the same way';
/** Added to a failure when Oxigraph alone passes it: the fault is in our layer. */
export const ENGINE_PASSES = 'OUR LAYER: Oxigraph alone passes this test';
/** Added to a failure whose results match once numeric and boolean literals are compared by value. */
export const LEXICAL_ONLY = 'only lexical forms of numeric/boolean literals differ: equal by value';
const UPDATE_TYPES: ReadonlySet<TestType> = new Set(['UpdateEvaluationTest', 'PositiveUpdateSyntaxTest', 'NegativeUpdateSyntaxTest']);
const EMPTY_DEFAULT_GRAPH = 'urn:x-cablegraph-w3c:empty-default-graph';
const SOLUTION_TYPES = ['application/sparql-results+xml', 'application/sparql-results+json'] as const;
const ALL_SOLUTION_TYPES = [...SOLUTION_TYPES, 'text/tab-separated-values', 'text/csv'] as const;
const GRAPH_TYPES = ['text/turtle', 'application/n-triples', 'application/n-quads', 'application/trig', 'application/rdf+xml', 'application/ld+json'] as const;

export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

async function post(url: string, contentType: string, body: string, accept: string, params: URLSearchParams = new URLSearchParams()): Promise<HttpAnswer> {
  const query = params.toString();
  const response = await fetch(query === '' ? url : `${url}?${query}`, {
    method: 'POST',
    headers: { 'content-type': `${contentType}; charset=utf-8`, accept },
    body,
  });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
}

/** The three SPARQL Protocol query operations. */
type Operation = 'POST direct' | 'GET' | 'POST form';

/**
 * Which operation carries a query asked for in a given media type: spread over the formats so that
 * every test goes through all three (XML, CSV and Turtle by direct POST, JSON and N-Triples by GET,
 * TSV by form POST).
 */
const OPERATION_FOR: Readonly<Record<string, Operation>> = {
  'application/sparql-results+json': 'GET',
  'application/n-triples': 'GET',
  'text/tab-separated-values': 'POST form',
  'application/ld+json': 'POST form',
  'application/trig': 'GET',
};

/** Sends a query with one protocol operation; the dataset goes in the URL (GET, direct POST) or the form body. */
async function sendQuery(url: string, operation: Operation, query: string, accept: string, dataset: URLSearchParams): Promise<HttpAnswer> {
  if (operation === 'POST direct') return post(url, 'application/sparql-query', query, accept, dataset);
  const params = new URLSearchParams([['query', query], ...dataset]);
  if (operation === 'POST form') return post(url, 'application/x-www-form-urlencoded', params.toString(), accept);
  const response = await fetch(`${url}?${params.toString()}`, { headers: { accept } });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
}

/** Parses an HTTP answer by its Content-Type; graph results resolve relative IRIs against `base`. */
export async function parseAnswer(answer: HttpAnswer, base: string): Promise<QueryResult> {
  const type = answer.contentType.split(';')[0]?.trim() ?? '';
  if (type === 'application/ld+json') return { kind: 'graph', quads: await parseJsonLd(answer.body, base) };
  switch (type) {
    case 'application/sparql-results+xml':
      return parseSrx(answer.body);
    case 'application/sparql-results+json':
      return parseSrj(answer.body);
    case 'text/csv':
      return parseCsv(answer.body);
    case 'text/tab-separated-values':
      return parseTsv(answer.body);
    case 'text/turtle':
    case 'application/n-triples':
    case 'application/n-quads':
    case 'application/trig':
      return { kind: 'graph', quads: parseTurtle(answer.body, base, type).map((q) => DataFactory.quad(q.subject, q.predicate, q.object)) };
    case 'application/rdf+xml':
      return { kind: 'graph', quads: parseRdfXml(answer.body, base) };
    default:
      throw new Error(`unexpected Content-Type "${answer.contentType}"`);
  }
}

/**
 * The expected solutions as a CSV answer reads back: IRIs and literals become their bare text (a
 * plain string), empty strings become unbound, blank nodes stay blank nodes; booleans and graphs are
 * returned unchanged.
 */
export function asCsvStrings(result: QueryResult): QueryResult {
  if (result.kind !== 'solutions') return result;
  const cell = (term: Term): Term => (term.termType === 'BlankNode' ? term : DataFactory.literal(term.value));
  // An empty field stands for both an unbound variable and an empty string: CSV cannot tell them apart.
  const row = (s: ReadonlyMap<string, Term>): Map<string, Term> => new Map([...s].filter(([, t]) => t.value !== '' || t.termType === 'BlankNode').map(([k, t]) => [k, cell(t)]));
  return { ...result, solutions: result.solutions.map(row) };
}

/** Reads the expected results file and says which media types to ask for to compare with it. */
function readExpected(iri: string): { result: QueryResult; accepts: readonly string[] } {
  const expected = readExpectedFile(iri);
  // SELECT answers are also fetched as TSV (lossless) and CSV (compared as strings), to test our writers.
  if (expected.result.kind === 'solutions' && expected.accepts === SOLUTION_TYPES) return { ...expected, accepts: ALL_SOLUTION_TYPES };
  return expected;
}

function readExpectedFile(iri: string): { result: QueryResult; accepts: readonly string[] } {
  const text = readFileSync(iriToPath(iri), 'utf8');
  const extension = iri.replace(/^.*\./, '');
  switch (extension) {
    case 'srx':
      return { result: parseSrx(text), accepts: SOLUTION_TYPES };
    case 'srj':
      return { result: parseSrj(text), accepts: SOLUTION_TYPES };
    case 'csv':
      return { result: parseCsv(text), accepts: ['text/csv'] };
    case 'tsv':
      return { result: parseTsv(text), accepts: ['text/tab-separated-values'] };
    case 'ttl':
    case 'nt': {
      const quads = parseTurtle(text, iri, extension === 'nt' ? 'application/n-triples' : 'text/turtle');
      const set = resultSetFromGraph(quads);
      return set !== undefined ? { result: set, accepts: SOLUTION_TYPES } : { result: { kind: 'graph', quads }, accepts: GRAPH_TYPES };
    }
    default:
      throw new Error(`unsupported expected results file ${iri}`);
  }
}

/** Protocol dataset for a test: its data files as the default graph, graphData as named graphs. */
function datasetParams(test: W3cTest, query: string): URLSearchParams {
  const params = new URLSearchParams();
  // A query with FROM / FROM NAMED names its own dataset (protocol parameters would override it).
  if (inspectQueryText(query).hasDatasetClause) return params;
  for (const iri of test.data.length > 0 ? test.data : [EMPTY_DEFAULT_GRAPH]) params.append('default-graph-uri', iri);
  for (const iri of test.graphData) params.append('named-graph-uri', iri);
  return params;
}

/** Where a category's tests are sent: our endpoint, and the engine alone for a second opinion. */
interface RunContext {
  readonly url: string;
  readonly direct: DirectEngine;
}

/** Says whether Oxigraph alone, without our layer, gives a matching answer too. */
function secondOpinion(direct: DirectEngine, query: string, params: URLSearchParams, expected: QueryResult, orderedBy: readonly string[]): string {
  const dataset = params.size === 0 ? undefined : { defaultGraphs: params.getAll('default-graph-uri'), namedGraphs: params.getAll('named-graph-uri') };
  const answer = direct.answer(query, dataset);
  if ('error' in answer) return `${ENGINE_CONFIRMED}: it throws "${answer.error.slice(0, 200)}"`;
  const comparison = compareResults(answer, expected, { orderedBy });
  return comparison.ok ? ENGINE_PASSES : `${ENGINE_CONFIRMED}: ${comparison.reason.slice(0, 200)}`;
}

async function runEvaluation(test: W3cTest, context: RunContext): Promise<Pick<TestOutcome, 'status' | 'reason'>> {
  const { url } = context;
  if (test.usesService) return { status: 'skipped', reason: SERVICE_REASON };
  if (test.query === undefined || test.result === undefined) return { status: 'failed', reason: 'manifest entry has no query or no result' };
  const query = readFileSync(iriToPath(test.query), 'utf8');
  const expected = readExpected(test.result);
  const orderedBy = orderByVariables(query);
  const params = datasetParams(test, query);
  const failures: string[] = [];
  for (const accept of expected.accepts) {
    const operation = OPERATION_FOR[accept] ?? 'POST direct';
    const answer = await sendQuery(url, operation, query, accept, params);
    if (answer.status !== 200) {
      failures.push(`${accept}: ${operation}: HTTP ${answer.status}: ${answer.body.trim().slice(0, 300)}`);
      continue;
    }
    let comparison: Comparison;
    let byValue: Comparison = { ok: false, reason: '' };
    try {
      const actual = await parseAnswer(answer, test.query);
      // CSV loses term kinds: compare with the expected solutions written as CSV would write them.
      const wanted = accept === 'text/csv' && !test.result.endsWith('.csv') ? asCsvStrings(expected.result) : expected.result;
      comparison = compareResults(actual, wanted, { orderedBy });
      if (!comparison.ok) byValue = compareResults(actual, wanted, { orderedBy, literalsByValue: true });
    } catch (error) {
      comparison = { ok: false, reason: `cannot read the answer: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!comparison.ok) failures.push(`${accept}: ${comparison.reason}${byValue.ok ? ` [${LEXICAL_ONLY}]` : ''}`);
  }
  if (failures.length > 0) return { status: 'failed', reason: `${failures.join(' || ')} || ${secondOpinion(context.direct, query, params, expected.result, orderedBy)}` };
  return { status: 'passed', reason: `results match in ${expected.accepts.map((a) => `${a} (${OPERATION_FOR[a] ?? 'POST direct'})`).join(', ')}${orderedBy.length > 0 ? ', in ORDER BY order' : ''}` };
}

async function runSyntax(test: W3cTest, context: RunContext, positive: boolean): Promise<Pick<TestOutcome, 'status' | 'reason'>> {
  const { url } = context;
  if (test.query === undefined) return { status: 'failed', reason: 'manifest entry has no query' };
  const query = readFileSync(iriToPath(test.query), 'utf8');
  const params = new URLSearchParams([['default-graph-uri', EMPTY_DEFAULT_GRAPH]]);
  const answer = await post(url, 'application/sparql-query', query, 'application/sparql-results+json, text/turtle;q=0.9', params);
  const message = answer.body.trim().slice(0, 300);
  if (positive) {
    if (answer.status === 200) return { status: 'passed', reason: 'accepted (200)' };
    if (answer.status === 400 && /\bSERVICE\b/i.test(query) && /service/i.test(message) && !/syntax error/i.test(message)) {
      return { status: 'skipped', reason: `parsed, but not run: a SERVICE call without SILENT fails because federation is disabled on this endpoint (answer: ${message.slice(0, 120)})` };
    }
    const alone = context.direct.answer(query, { defaultGraphs: [EMPTY_DEFAULT_GRAPH], namedGraphs: [] });
    const opinion = 'error' in alone ? `${ENGINE_CONFIRMED}: it throws "${alone.error.slice(0, 200)}"` : ENGINE_PASSES;
    return { status: 'failed', reason: `valid query refused: HTTP ${answer.status}: ${message} || ${opinion}` };
  }
  if (answer.status === 400) return { status: 'passed', reason: 'refused (400)' };
  return { status: 'failed', reason: `invalid query not refused with 400: HTTP ${answer.status}${answer.status === 200 ? '' : `: ${message}`}` };
}

async function runUpdate(test: W3cTest, url: string): Promise<Pick<TestOutcome, 'status' | 'reason'>> {
  if (test.query === undefined) return { status: 'failed', reason: 'manifest entry has no update request' };
  const update = readFileSync(iriToPath(test.query), 'utf8');
  const direct = await post(url, 'application/sparql-update', update, '*/*');
  const form = await post(url, 'application/x-www-form-urlencoded', new URLSearchParams([['update', update]]).toString(), '*/*');
  if (direct.status === 403 && form.status === 403) return { status: 'skipped', reason: READ_ONLY_REASON };
  return { status: 'failed', reason: `update not refused with 403: direct POST ${direct.status}, form POST ${form.status}` };
}

async function runTest(test: W3cTest, context: RunContext): Promise<TestOutcome> {
  const { url } = context;
  const head = { id: test.id, name: test.name, type: test.type, approval: test.approval };
  try {
    switch (test.type) {
      case 'QueryEvaluationTest':
      case 'CSVResultFormatTest':
        return { ...head, ...(await runEvaluation(test, context)) };
      case 'PositiveSyntaxTest':
      case 'NegativeSyntaxTest':
        // Some update manifests file update syntax tests (.ru) under the query syntax types.
        if (test.query?.endsWith('.ru') === true) return { ...head, ...(await runUpdate(test, url)) };
        return { ...head, ...(await runSyntax(test, context, test.type === 'PositiveSyntaxTest')) };
      case 'UpdateEvaluationTest':
      case 'PositiveUpdateSyntaxTest':
      case 'NegativeUpdateSyntaxTest':
        return { ...head, ...(await runUpdate(test, url)) };
      case 'Other':
        return { ...head, status: 'skipped', reason: `test type ${test.typeIri} is not a query test` };
    }
  } catch (error) {
    return { ...head, status: 'failed', reason: `runner error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Runs every test of a category through a fresh endpoint holding the category's data; categories
 * in SKIPPED_CATEGORIES give one skipped outcome per test (or none when the manifest has no entries).
 */
export async function runCategory(category: string): Promise<CategoryOutcome> {
  const tests = readCategory(category);
  const label = categoryLabel(category);
  const skip = SKIPPED_CATEGORIES[category];
  if (skip !== undefined) {
    return { category, label, outcomes: tests.map((t) => ({ id: t.id, name: t.name, type: t.type, approval: t.approval, status: 'skipped', reason: skip })) };
  }
  const onlyUpdates = tests.length > 0 && tests.every((t) => UPDATE_TYPES.has(t.type));
  const nquads = onlyUpdates ? '' : categoryNQuads(tests.filter((t) => !UPDATE_TYPES.has(t.type)));
  const endpoint = await startTestEndpoint(nquads, categoryBase(category));
  const context: RunContext = { url: endpoint.url, direct: createDirectEngine(nquads, categoryBase(category)) };
  try {
    const outcomes: TestOutcome[] = [];
    for (const test of tests) outcomes.push(await runTest(test, context));
    return { category, label, outcomes };
  } finally {
    await endpoint.close();
  }
}
