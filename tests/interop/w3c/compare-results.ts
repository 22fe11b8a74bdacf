// **compare-results** takes an actual and an expected query result and returns whether they match
// as the W3C SPARQL test suite defines it (and why not): solutions as a bag, or in order for the
// ORDER BY keys; terms by RDF term equality; blank nodes up to one consistent renaming; graphs by
// isomorphism (rdf-isomorphic).

import type { Quad, Term } from '@rdfjs/types';
import { isomorphic } from 'rdf-isomorphic';
import type { QueryResult, Solution } from './result-parsers.js';

export type Comparison = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const NUMERIC = new Set(
  ['integer', 'decimal', 'double', 'float', 'int', 'long', 'short', 'byte', 'nonNegativeInteger', 'positiveInteger', 'nonPositiveInteger', 'negativeInteger', 'unsignedInt', 'unsignedLong', 'unsignedShort', 'unsignedByte'].map((t) => `${XSD}${t}`),
);

/** Value of a numeric or boolean literal as text ("1.0" and "1" give "1"), or undefined for other terms. */
function valueOf(term: Term): string | undefined {
  if (term.termType !== 'Literal' || term.language !== '') return undefined;
  const dt = term.datatype.value;
  if (dt === `${XSD}boolean`) return term.value === '1' || term.value === 'true' ? 'true' : term.value === '0' || term.value === 'false' ? 'false' : undefined;
  if (!NUMERIC.has(dt)) return undefined;
  const n = Number(term.value.trim());
  return Number.isNaN(n) && !/^\s*NaN\s*$/.test(term.value) ? undefined : String(n);
}

/**
 * A key for term equality: lexical form, datatype and (lower-cased) language tag; blank nodes give
 * undefined. With `byValue`, numeric and boolean literals compare by datatype and value instead.
 */
export function termKey(term: Term, byValue = false): string | undefined {
  switch (term.termType) {
    case 'NamedNode':
      return `<${term.value}>`;
    case 'Literal': {
      if (term.language !== '') return `${JSON.stringify(term.value)}@${term.language.toLowerCase()}`;
      const value = byValue ? valueOf(term) : undefined;
      if (value !== undefined) return `${value}^^<${term.datatype.value}>`;
      return `${JSON.stringify(term.value)}^^<${term.datatype.value === '' ? XSD_STRING : term.datatype.value}>`;
    }
    case 'BlankNode':
      return undefined;
    default:
      return `${term.termType}:${term.value}`;
  }
}

/** Short readable form of a solution, for failure messages. */
export function showSolution(solution: Solution): string {
  const cells = [...solution].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => `?${k}=${termKey(t) ?? `_:${t.value}`}`);
  return `{${cells.join(' ')}}`;
}

/** A solution with its variables sorted, and blank nodes apart, for fast grouping and matching. */
interface Row {
  readonly solution: Solution;
  /** Variable names in sorted order, each with its term key or "_" for a blank node. */
  readonly signature: string;
  readonly bnodes: readonly (readonly [string, string])[];
}

function toRow(solution: Solution, byValue: boolean): Row {
  const entries = [...solution].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    solution,
    signature: entries.map(([k, t]) => `${k}=${termKey(t, byValue) ?? '_'}`).join('\u0000'),
    bnodes: entries.filter(([, t]) => t.termType === 'BlankNode').map(([k, t]) => [k, t.value] as const),
  };
}

/**
 * Finds a one-to-one pairing of actual and expected solutions under a single bijection of blank node
 * labels (across the whole sequence), by backtracking over rows that have blank nodes.
 */
function bagsMatch(actual: readonly Row[], expected: readonly Row[]): boolean {
  if (actual.length !== expected.length) return false;
  // Rows without blank nodes match by signature, as multisets.
  const plain = new Map<string, number>();
  for (const r of expected) if (r.bnodes.length === 0) plain.set(r.signature, (plain.get(r.signature) ?? 0) + 1);
  for (const r of actual) {
    if (r.bnodes.length > 0) continue;
    const left = plain.get(r.signature) ?? 0;
    if (left === 0) return false;
    plain.set(r.signature, left - 1);
  }
  const withBnodes = actual.filter((r) => r.bnodes.length > 0);
  const candidates = expected.filter((r) => r.bnodes.length > 0);
  if (withBnodes.length !== candidates.length) return false;
  const forward = new Map<string, string>();
  const backward = new Map<string, string>();
  const used = new Set<number>();
  let steps = 0;
  const search = (i: number): boolean => {
    const row = withBnodes[i];
    if (row === undefined) return true;
    for (let j = 0; j < candidates.length; j += 1) {
      const candidate = candidates[j];
      if (used.has(j) || candidate === undefined || candidate.signature !== row.signature) continue;
      if ((steps += 1) > 2_000_000) throw new Error('blank node matching gave up after 2,000,000 steps');
      const bound: string[] = [];
      let fits = true;
      for (let k = 0; k < row.bnodes.length && fits; k += 1) {
        const a = row.bnodes[k]?.[1] ?? '';
        const e = candidate.bnodes[k]?.[1] ?? '';
        const fa = forward.get(a);
        const be = backward.get(e);
        if (fa === undefined && be === undefined) {
          forward.set(a, e);
          backward.set(e, a);
          bound.push(a);
        } else fits = fa === e && be === a;
      }
      if (fits) {
        used.add(j);
        if (search(i + 1)) return true;
        used.delete(j);
      }
      for (const a of bound) {
        backward.delete(forward.get(a) ?? '');
        forward.delete(a);
      }
    }
    return false;
  };
  return search(0);
}

/** Term key of a variable in a solution for order checks: blank nodes are all alike, unbound is "". */
function orderKey(solution: Solution, variables: readonly string[], byValue: boolean): string {
  return variables.map((v) => {
    const t = solution.get(v);
    return t === undefined ? '' : (termKey(t, byValue) ?? '_:');
  }).join('\u0000');
}

export interface CompareOptions {
  /**
   * Variables the query's top-level ORDER BY mentions: when given (non-empty), the sequence of their
   * values must be the same in both results; solutions tied on them may come in any order.
   */
  readonly orderedBy?: readonly string[];
  /** Also require the same set of result variables in the header. Default true. */
  readonly checkVariables?: boolean;
  /**
   * Compare numeric and boolean literals by datatype and value ("1.0"^^xsd:decimal = "1"^^xsd:decimal),
   * not by lexical form. Default false (RDF term equality, as the suite defines).
   */
  readonly literalsByValue?: boolean;
}

/** Compares two results (see the module comment); the reason names the first difference found. */
export function compareResults(actual: QueryResult, expected: QueryResult, options: CompareOptions = {}): Comparison {
  if (actual.kind !== expected.kind) return { ok: false, reason: `expected a ${expected.kind} result, got ${actual.kind}` };
  if (actual.kind === 'boolean' && expected.kind === 'boolean') {
    return actual.value === expected.value ? { ok: true } : { ok: false, reason: `expected ${expected.value}, got ${actual.value}` };
  }
  if (actual.kind === 'graph' && expected.kind === 'graph') return compareGraphs(actual.quads, expected.quads);
  if (actual.kind !== 'solutions' || expected.kind !== 'solutions') return { ok: false, reason: 'unreachable' };
  if (options.checkVariables !== false && expected.variables.length > 0) {
    const a = [...actual.variables].sort().join(' ');
    const e = [...expected.variables].sort().join(' ');
    if (a !== e) return { ok: false, reason: `result variables differ: expected [${e}], got [${a}]` };
  }
  const byValue = options.literalsByValue === true;
  const actualRows = actual.solutions.map((s) => toRow(s, byValue));
  const expectedRows = expected.solutions.map((s) => toRow(s, byValue));
  if (!bagsMatch(actualRows, expectedRows)) return { ok: false, reason: describeBagDifference(actualRows, expectedRows) };
  const orderedBy = options.orderedBy ?? [];
  if (orderedBy.length > 0) {
    for (let i = 0; i < expected.solutions.length; i += 1) {
      const a = actual.solutions[i];
      const e = expected.solutions[i];
      if (a === undefined || e === undefined) break;
      if (orderKey(a, orderedBy, byValue) !== orderKey(e, orderedBy, byValue)) {
        return { ok: false, reason: `order differs at solution ${i + 1} (ORDER BY ?${orderedBy.join(', ?')}): expected ${showSolution(e)}, got ${showSolution(a)}` };
      }
    }
  }
  return { ok: true };
}

function describeBagDifference(actual: readonly Row[], expected: readonly Row[]): string {
  const count = (rows: readonly Row[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(r.signature, (m.get(r.signature) ?? 0) + 1);
    return m;
  };
  const a = count(actual);
  const e = count(expected);
  const missing = expected.filter((r) => (a.get(r.signature) ?? 0) < (e.get(r.signature) ?? 0)).map((r) => showSolution(r.solution));
  const extra = actual.filter((r) => (e.get(r.signature) ?? 0) < (a.get(r.signature) ?? 0)).map((r) => showSolution(r.solution));
  const list = (xs: string[]): string => [...new Set(xs)].slice(0, 3).join(', ') + (new Set(xs).size > 3 ? ', …' : '');
  const parts = [`expected ${expected.length} solutions, got ${actual.length}`];
  if (missing.length > 0) parts.push(`missing ${list(missing)}`);
  if (extra.length > 0) parts.push(`unexpected ${list(extra)}`);
  if (missing.length === 0 && extra.length === 0) parts.push('same values, but blank nodes cannot be renamed consistently');
  return parts.join('; ');
}

/** Graphs match when isomorphic (blank nodes up to renaming). */
export function compareGraphs(actual: readonly Quad[], expected: readonly Quad[]): Comparison {
  if (isomorphic([...actual], [...expected])) return { ok: true };
  const key = (q: Quad): string => [q.subject, q.predicate, q.object].map((t) => termKey(t) ?? '_').join(' ');
  const e = new Set(expected.map(key));
  const a = new Set(actual.map(key));
  const missing = [...e].filter((k) => !a.has(k));
  const extra = [...a].filter((k) => !e.has(k));
  return {
    ok: false,
    reason: `graphs not isomorphic: expected ${expected.length} triples, got ${actual.length}${missing.length > 0 ? `; missing ${missing.slice(0, 3).join(' | ')}` : ''}${extra.length > 0 ? `; unexpected ${extra.slice(0, 3).join(' | ')}` : ''}`,
  };
}
