// The service description: the W3C service-description manifest's three checks (GET on the endpoint
// returns RDF, it has a matching sd:endpoint triple, it conforms to the SD schema), in every RDF format.
import { readFileSync } from 'node:fs';
import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, Parser, Store } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RDF_FORMATS } from '../../../src/publish/formats.js';
import { describeService, serviceDescriptionTurtle } from '../../../src/serve/sparql/service-description.js';
import { parseBack } from '../../publish/parse-back.js';
import { ENDPOINT, startTestApp, W3C } from './sparql-test-app.js';
import type { TestApp } from './sparql-test-app.js';

const SD = 'http://www.w3.org/ns/sparql-service-description#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const VOID_TRIPLES = 'http://rdfs.org/ns/void#triples';
const { namedNode, quad, literal } = DataFactory;

const DATA: Quad[] = [
  quad(namedNode('http://e/a'), namedNode('http://e/p'), literal('1'), namedNode('http://e/g1')),
  quad(namedNode('http://e/b'), namedNode('http://e/p'), literal('2'), namedNode('http://e/g1')),
  quad(namedNode('http://e/a'), namedNode('http://e/p'), literal('1'), namedNode('http://e/g2')),
];

/** The same quads as n3 quads (rdf-isomorphic's types want them). */
const asN3 = (quads: readonly Quad[]) => new Store([...quads]).getQuads(null, null, null, null);

/** The SD schema's constraints on the terms we use (domains, ranges, instance sets). */
function schemaViolations(quads: readonly Quad[]): string[] {
  const store = new Store([...quads]);
  const problems: string[] = [];
  const typed = (t: Term, cls: string) => store.has(quad(t as Quad['subject'], namedNode(RDF_TYPE), namedNode(`${SD}${cls}`)));
  const services = store.getSubjects(RDF_TYPE, `${SD}Service`, null);
  if (services.length !== 1) problems.push(`expected one sd:Service, found ${services.length}`);
  const languages = new Set(['SPARQL10Query', 'SPARQL11Query', 'SPARQL11Update'].map((l) => `${SD}${l}`));
  const features = new Set(['DereferencesURIs', 'UnionDefaultGraph', 'RequiresDataset', 'EmptyGraphs', 'BasicFederatedQuery'].map((f) => `${SD}${f}`));
  for (const q of quads) {
    const p = q.predicate.value;
    if (!p.startsWith(SD)) continue;
    const name = p.slice(SD.length);
    const need = (ok: boolean, what: string) => void (ok || problems.push(`sd:${name} ${what}: ${q.subject.value} → ${q.object.value}`));
    switch (name) {
      case 'endpoint':
      case 'resultFormat':
        need(typed(q.subject, 'Service') && q.object.termType === 'NamedNode', 'needs an sd:Service subject and an IRI');
        break;
      case 'supportedLanguage':
        need(languages.has(q.object.value), 'must be an sd:Language instance');
        break;
      case 'feature':
        need(features.has(q.object.value), 'must be an sd:Feature instance');
        break;
      case 'defaultDataset':
        need(typed(q.subject, 'Service') && typed(q.object, 'Dataset'), 'links an sd:Service to an sd:Dataset');
        break;
      case 'defaultGraph':
        need(typed(q.subject, 'Dataset') && typed(q.object, 'Graph'), 'links an sd:Dataset to an sd:Graph');
        break;
      case 'namedGraph':
        need(typed(q.subject, 'Dataset') && typed(q.object, 'NamedGraph'), 'links an sd:Dataset to an sd:NamedGraph');
        need(store.getObjects(q.object, `${SD}name`, null).filter((n) => n.termType === 'NamedNode').length === 1, 'needs exactly one IRI sd:name');
        break;
      case 'name':
        need(typed(q.subject, 'NamedGraph') && q.object.termType === 'NamedNode', 'names an sd:NamedGraph with an IRI');
        break;
      case 'graph':
        need(typed(q.subject, 'NamedGraph') && typed(q.object, 'Graph'), 'links an sd:NamedGraph to an sd:Graph');
        break;
      default:
        problems.push(`sd:${name} is not a term this check knows`);
    }
  }
  for (const q of store.getQuads(null, VOID_TRIPLES, null, null)) {
    if (q.object.termType !== 'Literal' || !/^\d+$/.test(q.object.value)) problems.push(`void:triples must be a non-negative integer: ${q.object.value}`);
  }
  return problems;
}

describe('service description (W3C service-description manifest)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(DATA, { size: 1 });
  });
  afterAll(() => t.close());

  it('the manifest still lists the three checks implemented here', () => {
    const manifest = readFileSync(`${W3C}/service-description/manifest.ttl`, 'utf8');
    for (const name of ['has-endpoint-triple', 'returns-rdf', 'conforms-to-schema']) expect(manifest).toContain(`:${name}`);
  });

  it.each(RDF_FORMATS.map((f) => [f.name, f] as const))('returns-rdf, has-endpoint-triple, conforms-to-schema (%s)', async (_name, format) => {
    const res = await request(t.app).get('/sparql').set('Accept', format.mediaType);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(`${format.mediaType}; charset=utf-8`);
    const quads = await parseBack(res.text, format.name);
    const merged = quads.map((q) => quad(q.subject, q.predicate, q.object));
    expect(merged.some((q) => q.predicate.value === `${SD}endpoint` && q.object.value === ENDPOINT)).toBe(true);
    expect(schemaViolations(merged)).toEqual([]);
    expect(isomorphic(merged, asN3(describeService({ endpoint: ENDPOINT, quads: DATA })))).toBe(true);
  });

  it('says what the endpoint offers', () => {
    const sd = new Store(describeService({ endpoint: ENDPOINT, quads: DATA }));
    const service = namedNode(`${ENDPOINT}#service`);
    expect(sd.getObjects(service, `${SD}supportedLanguage`, null).map((o) => o.value)).toEqual([`${SD}SPARQL11Query`]);
    expect(sd.getObjects(service, `${SD}feature`, null).map((o) => o.value)).toEqual([`${SD}UnionDefaultGraph`]);
    expect(sd.getObjects(service, `${SD}resultFormat`, null).map((o) => o.value).sort()).toEqual(
      ['SPARQL_Results_JSON', 'SPARQL_Results_XML', 'SPARQL_Results_CSV', 'SPARQL_Results_TSV', 'Turtle', 'N-Triples', 'N-Quads', 'TriG', 'JSON-LD', 'RDF_XML']
        .map((f) => `http://www.w3.org/ns/formats/${f}`)
        .sort(),
    );
  });

  it('counts triples: the union default graph (distinct triples) and each named graph', () => {
    const sd = new Store(describeService({ endpoint: ENDPOINT, quads: DATA }));
    const dataset = sd.getObjects(namedNode(`${ENDPOINT}#service`), `${SD}defaultDataset`, null)[0];
    if (!dataset) throw new Error('no dataset');
    const defaultGraph = sd.getObjects(dataset, `${SD}defaultGraph`, null)[0];
    if (!defaultGraph) throw new Error('no default graph');
    expect(sd.getObjects(defaultGraph, VOID_TRIPLES, null).map((o) => o.value)).toEqual(['2']);
    const counts = sd.getObjects(dataset, `${SD}namedGraph`, null).map((ng) => {
      const name = sd.getObjects(ng, `${SD}name`, null)[0]?.value;
      const graph = sd.getObjects(ng, `${SD}graph`, null)[0];
      return [name, graph ? sd.getObjects(graph, VOID_TRIPLES, null)[0]?.value : undefined];
    });
    expect(counts.sort()).toEqual([
      ['http://e/g1', '2'],
      ['http://e/g2', '1'],
    ]);
  });

  it('leaves out the list of named graphs beyond maxNamedGraphs', () => {
    const quads = describeService({ endpoint: ENDPOINT, quads: DATA, maxNamedGraphs: 1 });
    expect(quads.some((q) => q.predicate.value === `${SD}namedGraph`)).toBe(false);
    expect(schemaViolations(quads)).toEqual([]);
  });

  it('the schema check can fail', () => {
    const bad = [quad(namedNode('http://x/s'), namedNode(`${SD}endpoint`), literal('not an IRI'))];
    expect(schemaViolations(bad).length).toBeGreaterThan(0);
  });

  it('writes Turtle that n3 parses back to the same graph', async () => {
    const turtle = await serviceDescriptionTurtle({ endpoint: ENDPOINT });
    expect(turtle).toContain('@prefix sd: <http://www.w3.org/ns/sparql-service-description#>');
    expect(isomorphic(new Parser().parse(turtle), asN3(describeService({ endpoint: ENDPOINT })))).toBe(true);
  });
});
