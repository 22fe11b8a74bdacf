// **manifest** takes the W3C SPARQL 1.1 test suite folder and returns its categories and tests, read
// from the Turtle manifests, with every file named by its canonical W3C IRI and its local path.

import { existsSync, readFileSync } from 'node:fs';
import type { Term } from '@rdfjs/types';
import { DataFactory, Parser, Store } from 'n3';

/** Where the suite lives on this machine (read from there; never copied into the repository). */
export const W3C_SPARQL11_DIR = process.env['W3C_SPARQL11_DIR'] ?? '/work/shared/w3c/sparql/sparql11';

/** The W3C's own location of the suite: relative IRIs in manifests, data, queries and results resolve against it. */
export const CANONICAL_BASE = 'http://www.w3.org/2009/sparql/docs/tests/data-sparql11/';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const MF = 'http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#';
const QT = 'http://www.w3.org/2001/sw/DataAccess/tests/test-query#';
const UT = 'http://www.w3.org/2009/sparql/tests/test-update#';
const DAWGT = 'http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#';

/** The test types the runner tells apart (the local name of the rdf:type in mf:). */
export type TestType =
  | 'QueryEvaluationTest'
  | 'CSVResultFormatTest'
  | 'PositiveSyntaxTest'
  | 'NegativeSyntaxTest'
  | 'UpdateEvaluationTest'
  | 'PositiveUpdateSyntaxTest'
  | 'NegativeUpdateSyntaxTest'
  | 'Other';

/** One test entry of a category manifest. File references are canonical IRIs (see `iriToPath`). */
export interface W3cTest {
  readonly iri: string;
  /** Local name of the entry, e.g. "agg01". */
  readonly id: string;
  readonly name: string;
  readonly category: string;
  readonly type: TestType;
  /** The rdf:type's full IRI, for reports about `Other` tests. */
  readonly typeIri: string;
  /** dawgt:approval local name ("Approved", "Proposed", …), when stated. */
  readonly approval: string | undefined;
  /** The query (.rq) or update request (.ru). */
  readonly query: string | undefined;
  /** qt:data / ut:data: files merged into the default graph. */
  readonly data: readonly string[];
  /** qt:graphData / ut:graphData: named graphs, each named by its file IRI (ut:graph for updates). */
  readonly graphData: readonly string[];
  /** mf:result: expected results file (.srx, .srj, .ttl, .csv, .tsv), when the test has one. */
  readonly result: string | undefined;
  /** qt:serviceData present: the test needs remote SERVICE endpoints. */
  readonly usesService: boolean;
}

/** Canonical IRI of a suite file or folder, from its path under the suite folder. */
export function pathToIri(relative: string): string {
  return `${CANONICAL_BASE}${relative}`;
}

/** Local path of a canonical suite IRI; throws for an IRI outside the suite. */
export function iriToPath(iri: string): string {
  if (!iri.startsWith(CANONICAL_BASE)) throw new Error(`not a W3C SPARQL 1.1 suite IRI: ${iri}`);
  return `${W3C_SPARQL11_DIR}/${decodeURIComponent(iri.slice(CANONICAL_BASE.length).replace(/#.*$/, ''))}`;
}

/** The canonical folder IRI of a category, ending in "/": the base for its data, queries and results. */
export function categoryBase(category: string): string {
  return pathToIri(`${category}/`);
}

function readManifestStore(relative: string): Store {
  const text = readFileSync(`${W3C_SPARQL11_DIR}/${relative}`, 'utf8');
  return new Store(new Parser({ baseIRI: pathToIri(relative) }).parse(text));
}

function rdfList(store: Store, head: Term | undefined): Term[] {
  const out: Term[] = [];
  let node = head;
  for (let guard = 0; node !== undefined && node.value !== `${RDF}nil` && guard < 10_000; guard += 1) {
    const first = store.getObjects(node, `${RDF}first`, null)[0];
    if (first !== undefined) out.push(first);
    node = store.getObjects(node, `${RDF}rest`, null)[0];
  }
  return out;
}

/**
 * The categories that manifest-all.ttl includes, in its order (folder names such as "aggregates").
 * @example listCategories() // ['add', 'aggregates', 'basic-update', …]
 */
export function listCategories(): string[] {
  const store = readManifestStore('manifest-all.ttl');
  const manifest = pathToIri('manifest-all.ttl');
  const includes = rdfList(store, store.getObjects(manifest, `${MF}include`, null)[0]);
  return includes.map((t) => t.value.slice(CANONICAL_BASE.length).replace(/\/manifest\.ttl$/, ''));
}

/** True when the category has a manifest in the local copy of the suite. */
export function hasCategory(category: string): boolean {
  return existsSync(`${W3C_SPARQL11_DIR}/${category}/manifest.ttl`);
}

const TYPES: Readonly<Record<string, TestType>> = {
  QueryEvaluationTest: 'QueryEvaluationTest',
  CSVResultFormatTest: 'CSVResultFormatTest',
  PositiveSyntaxTest: 'PositiveSyntaxTest',
  PositiveSyntaxTest11: 'PositiveSyntaxTest',
  NegativeSyntaxTest: 'NegativeSyntaxTest',
  NegativeSyntaxTest11: 'NegativeSyntaxTest',
  UpdateEvaluationTest: 'UpdateEvaluationTest',
  PositiveUpdateSyntaxTest11: 'PositiveUpdateSyntaxTest',
  NegativeUpdateSyntaxTest11: 'NegativeUpdateSyntaxTest',
};

/** Reads `<category>/manifest.ttl`: its entries in manifest order. */
export function readCategory(category: string): W3cTest[] {
  const relative = `${category}/manifest.ttl`;
  const store = readManifestStore(relative);
  const manifest = pathToIri(relative);
  const one = (s: Term, p: string): Term | undefined => store.getObjects(s, p, null)[0];
  const all = (s: Term | undefined, p: string): Term[] => (s === undefined ? [] : store.getObjects(s, p, null));
  const entries = rdfList(store, one(DataFactory.namedNode(manifest), `${MF}entries`));
  return entries.map((entry): W3cTest => {
    const typeIri = all(entry, `${RDF}type`).find((t) => t.value.startsWith(MF))?.value ?? all(entry, `${RDF}type`)[0]?.value ?? '';
    const type = TYPES[typeIri.slice(MF.length)] ?? 'Other';
    const action = one(entry, `${MF}action`);
    const actionIsFile = action?.termType === 'NamedNode';
    const query = actionIsFile ? action.value : (one(action ?? entry, `${QT}query`) ?? one(action ?? entry, `${UT}request`))?.value;
    const graphData = [...all(action, `${QT}graphData`), ...all(action, `${UT}graphData`)].map((g) =>
      g.termType === 'BlankNode' ? (one(g, `${UT}graph`)?.value ?? '') : g.value,
    );
    return {
      iri: entry.value,
      id: entry.value.replace(/^.*#/, ''),
      name: one(entry, `${MF}name`)?.value ?? entry.value,
      category,
      type,
      typeIri,
      approval: one(entry, `${DAWGT}approval`)?.value.replace(/^.*#/, ''),
      query,
      data: [...all(action, `${QT}data`), ...all(action, `${UT}data`)].map((t) => t.value),
      graphData: graphData.filter((g) => g !== ''),
      result: one(entry, `${MF}result`)?.termType === 'NamedNode' ? one(entry, `${MF}result`)?.value : undefined,
      usesService: all(action, `${QT}serviceData`).length > 0,
    };
  });
}

/** rdfs:label of a category manifest (e.g. "Aggregates"), or the folder name. */
export function categoryLabel(category: string): string {
  const relative = `${category}/manifest.ttl`;
  const store = readManifestStore(relative);
  return store.getObjects(pathToIri(relative), `${RDFS}label`, null)[0]?.value ?? category;
}
