// Interop with Python clients nobody here wrote (Debian's /usr/bin/python3): python3-rdflib parses
// every download and every negotiated resource document (it dereferences the /id/ IRIs itself) and
// runs the relation queries over the dump; SPARQLWrapper queries /sparql (JSON and XML, GET and
// POST, ASK, CONSTRUCT); pyld expands our JSON-LD (inline context and by URL) and turns it into RDF.
// The reference is the N-Quads dump written by the CLI's build; the server is the real one.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInteropSite, type InteropSite } from './helpers/interop-site.js';
import { RELATION_QUERIES, selectRows, sortRows, type Row } from './helpers/relation-queries.js';
import { requireTool } from './helpers/require-tool.js';
import { sampleResources, serverPath } from './helpers/sample-resources.js';
import { UNUSUAL_TELEGRAM_SLUG, UNUSUAL_TELEGRAM_TEXT } from './helpers/unusual-telegram.js';
import { runPythonJson } from './helpers/run-python.js';

const rdflib = requireTool('python3:rdflib', 'python3-rdflib');
const sparqlWrapper = requireTool('python3:SPARQLWrapper', 'python3-sparqlwrapper');
const pyld = requireTool('python3:pyld', 'python3-pyld');

let site: InteropSite | undefined;

beforeAll(async () => {
  if (!rdflib.skip || !sparqlWrapper.skip || !pyld.skip) site = await startInteropSite();
});

afterAll(async () => {
  await site?.close();
});

function theSite(): InteropSite {
  if (!site) throw new Error('the interop site did not start');
  return site;
}

function dumpPath(name: string): string {
  const path = theSite().dump.get(name);
  if (path === undefined) throw new Error(`the build wrote no ${name}`);
  return path;
}

/** The number of triples in the CLI's N-Triples dump (one per line). */
async function dumpTripleCount(): Promise<number> {
  return (await readFile(dumpPath('cablegraph.nt'), 'utf8')).split('\n').filter((l) => l.trim() !== '').length;
}

interface CompareCheck {
  readonly document: string;
  readonly against: string;
  readonly mode: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly missing: readonly string[];
  readonly extra: readonly string[];
  readonly missingCount: number;
  readonly extraCount: number;
}

interface CompareAnswer {
  readonly documents: Readonly<Record<string, { readonly triples?: number; readonly graphs?: readonly string[]; readonly error?: string }>>;
  readonly checks: readonly CompareCheck[];
}

/** One line per failed check, with samples of what differs: empty when everything agrees. */
function failures(answer: CompareAnswer): string[] {
  const parseErrors = Object.entries(answer.documents)
    .filter(([, d]) => d.error !== undefined)
    .map(([key, d]) => `${key}: rdflib could not parse it: ${d.error ?? ''}`);
  const checks = answer.checks
    .filter((c) => !c.ok)
    .map((c) => `${c.document} vs ${c.against} (${c.mode}): ${c.error ?? ''} missing ${c.missingCount} ${JSON.stringify(c.missing)} extra ${c.extraCount} ${JSON.stringify(c.extra)}`);
  return [...parseErrors, ...checks];
}

const PREFIXES = 'PREFIX cg: <https://w3id.org/cablegraph/ontology#> PREFIX schema: <https://schema.org/> ';

/**
 * rdflib's format names for our formats, whether the format carries named graphs, and whether
 * rdflib 6.1.1 also dereferences the IRI itself in the tests: it does where its Accept header
 * differs from ours ("text/turtle,application/x-turtle" and, for N-Triples, "text/plain"); for
 * JSON-LD and RDF/XML it sends the type we send; for N-Quads and TriG a generic Accept that
 * prefers RDF/XML, so those are fetched here with the right Accept.
 */
const RDFLIB_FORMATS = [
  { key: 'ttl', rdflib: 'turtle', quads: false, accept: 'text/turtle', rdflibAccept: true },
  { key: 'nt', rdflib: 'nt', quads: false, accept: 'application/n-triples', rdflibAccept: true },
  { key: 'nq', rdflib: 'nquads', quads: true, accept: 'application/n-quads', rdflibAccept: false },
  { key: 'trig', rdflib: 'trig', quads: true, accept: 'application/trig', rdflibAccept: false },
  { key: 'jsonld', rdflib: 'json-ld', quads: true, accept: 'application/ld+json', rdflibAccept: false },
  { key: 'rdf', rdflib: 'xml', quads: false, accept: 'application/rdf+xml', rdflibAccept: false },
] as const;

describe.skipIf(rdflib.skip)('python3-rdflib', () => {
  beforeAll(rdflib.assertAvailable);

  it('parses every download (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML) into the graph of the N-Quads dump', async () => {
    const s = theSite();
    const documents: Record<string, { path: string; format: string; publicID: string }> = {
      reference: { path: dumpPath('cablegraph.nq'), format: 'nquads', publicID: s.base },
    };
    const checks: { document: string; against: string; mode: string }[] = [];
    for (const f of RDFLIB_FORMATS) {
      const fileName = f.key === 'rdf' ? 'cablegraph.rdf' : `cablegraph.${f.key}`;
      const path = `download/${fileName}`;
      const got = await s.fetchToFile(path, `download-${fileName}`);
      expect(got.status, path).toBe(200);
      documents[f.key] = { path: got.file, format: f.rdflib, publicID: new URL(path, s.url).href };
      checks.push({ document: f.key, against: 'reference', mode: 'triples' });
      if (f.quads) checks.push({ document: f.key, against: 'reference', mode: 'quads' });
    }
    const framed = await s.fetchToFile('download/cablegraph.framed.jsonld', 'download-cablegraph.framed.jsonld');
    expect(framed.status).toBe(200);
    documents['framed'] = { path: framed.file, format: 'json-ld', publicID: new URL('download/cablegraph.framed.jsonld', s.url).href };
    checks.push({ document: 'framed', against: 'reference', mode: 'subset' });

    const answer = await runPythonJson<CompareAnswer>('rdflib_compare.py', { documents, checks }, 120_000);
    expect(failures(answer)).toEqual([]);
    const count = await dumpTripleCount();
    for (const f of RDFLIB_FORMATS) expect(answer.documents[f.key]?.triples, f.key).toBe(count);
    for (const f of RDFLIB_FORMATS.filter((x) => x.quads)) {
      expect(answer.documents[f.key]?.graphs, `${f.key} keeps the named graphs`).toEqual(answer.documents['reference']?.graphs);
    }
    expect(answer.documents['reference']?.graphs?.length).toBeGreaterThan(1);
    expect(answer.documents['framed']?.triples).toBeGreaterThan(100);

    // Every format is the dump's graph, and the dump carries the unusual telegram's text exactly
    // (CRLF, CJK, emoji, quotes, backslashes, U+2028): so does every format, as rdflib reads it.
    const texts = await runPythonJson<Record<string, { rows?: Row[]; error?: string }>>('rdflib_select.py', {
      dump: { path: dumpPath('cablegraph.nq'), format: 'nquads' },
      queries: [{ name: 'text', query: `${PREFIXES}SELECT ?text WHERE { <${s.base}id/telegram/${UNUSUAL_TELEGRAM_SLUG}> schema:text ?text }` }],
    });
    expect(texts['text']?.rows).toEqual([[UNUSUAL_TELEGRAM_TEXT]]);
  });

  it('dereferences a telegram, a person, a claim and a quantity in each RDF format (303, Accept) and gets one graph, inside the dump', async () => {
    const s = theSite();
    const resources = await sampleResources(s.url);
    const documents: Record<string, { url?: string; path?: string; format: string }> = {
      dump: { path: dumpPath('cablegraph.nq'), format: 'nquads' },
    };
    const checks: { document: string; against: string; mode: string; subjects?: string[] }[] = [];
    for (const [kind, iri] of Object.entries(resources)) {
      // Our own N-Quads of the document: what every other format must carry.
      const nq = await s.fetchToFile(`${serverPath(s.base, iri, 'doc')}.nq`, `${kind}.nq`);
      expect(nq.status, `${serverPath(s.base, iri, 'doc')}.nq`).toBe(200);
      documents[`${kind}.reference`] = { path: nq.file, format: 'nquads' };
      const idPath = serverPath(s.base, iri, 'id');
      for (const f of RDFLIB_FORMATS) {
        // The IRI with the format's Accept header: 303 to /doc/…, then the negotiated document.
        const key = `${kind}.${f.key}`;
        const got = await s.fetchToFile(idPath, key, f.accept);
        expect(got.status, `${idPath} as ${f.accept}`).toBe(200);
        expect(got.contentType, `${idPath} as ${f.accept}`).toContain(f.accept);
        documents[key] = { path: got.file, format: f.rdflib };
        checks.push({ document: key, against: `${kind}.reference`, mode: f.quads ? 'quads' : 'triples' });
        checks.push({ document: key, against: 'dump', mode: 'subset' });
        if (f.rdflibAccept) {
          // rdflib dereferences the IRI itself, with its own Accept header for this format.
          documents[`${key} (rdflib's request)`] = { url: new URL(idPath, s.url).href, format: f.rdflib };
          checks.push({ document: `${key} (rdflib's request)`, against: `${kind}.reference`, mode: 'triples' });
        }
      }
      checks.push({ document: `${kind}.ttl`, against: 'dump', mode: 'subjects', subjects: [iri] });
    }
    const answer = await runPythonJson<CompareAnswer>('rdflib_compare.py', { documents, checks }, 120_000);
    expect(failures(answer)).toEqual([]);
    for (const kind of Object.keys(resources)) {
      expect(answer.documents[`${kind}.ttl`]?.triples, kind).toBeGreaterThan(5);
    }
  });

  it('reads the dataset description, the service description and the ontology in every RDF format (blank nodes too) as one graph, and the description is true', async () => {
    const s = theSite();
    const documents: Record<string, { path: string; format: string; publicID: string }> = {};
    const checks: { document: string; against: string; mode: string }[] = [];
    for (const [name, path] of [
      ['dataset', 'dataset'],
      ['void', '.well-known/void'],
      ['service', 'sparql'],
      ['ontology', 'ontology'],
    ] as const) {
      for (const f of RDFLIB_FORMATS) {
        const got = await s.fetchToFile(path, `${name}.${f.key}`, f.accept);
        expect(got.status, `${path} as ${f.accept}`).toBe(200);
        expect(got.contentType, `${path} as ${f.accept}`).toContain(f.accept);
        documents[`${name}.${f.key}`] = { path: got.file, format: f.rdflib, publicID: new URL(path, s.url).href };
        if (f.key !== 'ttl') checks.push({ document: `${name}.${f.key}`, against: `${name}.ttl`, mode: 'triples' });
      }
    }
    checks.push({ document: 'void.ttl', against: 'dataset.ttl', mode: 'triples' });
    const answer = await runPythonJson<CompareAnswer>('rdflib_compare.py', { documents, checks }, 120_000);
    expect(failures(answer)).toEqual([]);

    // What the descriptions say, read by rdflib's SPARQL engine, against the files and the dump.
    type Answer = Record<string, { rows?: Row[]; error?: string }>;
    const VOID = 'PREFIX void: <http://rdfs.org/ns/void#> PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX spdx: <http://spdx.org/rdf/terms#> PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> ';
    const described = await runPythonJson<Answer>('rdflib_select.py', {
      dump: { path: documents['dataset.jsonld']?.path, format: 'json-ld' },
      queries: [
        { name: 'triples', query: `${VOID}SELECT ?n WHERE { ?d a void:Dataset ; void:triples ?n }` },
        { name: 'checksums', query: `${VOID}SELECT ?url ?sha WHERE { ?x dcat:downloadURL ?url ; spdx:checksum [ spdx:algorithm spdx:checksumAlgorithm_sha256 ; spdx:checksumValue ?sha ] }` },
      ],
    });
    const service = await runPythonJson<Answer>('rdflib_select.py', {
      dump: { path: documents['service.rdf']?.path, format: 'xml' },
      queries: [
        { name: 'graphs', query: `${VOID}SELECT ?name ?n WHERE { ?s sd:defaultDataset/sd:namedGraph [ sd:name ?name ; sd:graph/void:triples ?n ] }` },
        { name: 'default', query: `${VOID}SELECT ?n WHERE { ?s sd:defaultDataset/sd:defaultGraph/void:triples ?n }` },
      ],
    });
    const count = await dumpTripleCount();
    expect(described['triples']?.rows).toEqual([[String(count)]]);
    expect(service['default']?.rows).toEqual([[String(count)]]);
    const checksums = described['checksums']?.rows ?? [];
    expect(checksums.length).toBeGreaterThanOrEqual(7);
    for (const [url, sha] of checksums) {
      const fileName = (url ?? '').split('/').pop() ?? '';
      const body = await readFile(dumpPath(fileName));
      expect({ fileName, sha }).toEqual({ fileName, sha: createHash('sha256').update(body).digest('hex') });
    }
    const perGraph = new Map<string, number>();
    for (const q of new Parser({ format: 'N-Quads' }).parse(await readFile(dumpPath('cablegraph.nq'), 'utf8'))) {
      perGraph.set(q.graph.value, (perGraph.get(q.graph.value) ?? 0) + 1);
    }
    expect(sortRows(service['graphs']?.rows ?? [])).toEqual(sortRows([...perGraph].map(([g, n]) => [g, String(n)])));
  });

  it('answers the relation queries over the dump as /sparql does (same rows of lexical values)', async () => {
    const s = theSite();
    type Answer = Record<string, { vars?: string[]; rows?: Row[]; error?: string }>;
    const local = await runPythonJson<Answer>('rdflib_select.py', {
      dump: { path: dumpPath('cablegraph.nq'), format: 'nquads' },
      queries: RELATION_QUERIES.map(({ name, query }) => ({ name, query })),
    });
    for (const q of RELATION_QUERIES) {
      const mine = local[q.name];
      expect(mine?.error, q.name).toBeUndefined();
      const remote = await selectRows(s.url, q.query);
      expect(sortRows(mine?.rows ?? []), q.name).toEqual(remote);
      expect(remote.length, q.name).toBeGreaterThanOrEqual(q.minRows);
    }
  });
});

describe.skipIf(rdflib.skip)("rdflib's SPARQLStore (the endpoint as a remote graph) and SERVICE", () => {
  beforeAll(rdflib.assertAvailable);

  it('selects, matches triples, counts, reads values, constructs, asks, lists the named graphs and federates (SERVICE) as rdflib does over the dump', async () => {
    const s = theSite();
    const { person } = await sampleResources(s.url);
    type Answer = Record<string, { remote?: unknown; local?: unknown; error?: string }>;
    const answer = await runPythonJson<Answer>('rdflib_sparqlstore.py', {
      endpoint: new URL('sparql', s.url).href,
      dump: { path: dumpPath('cablegraph.nq'), format: 'nquads' },
      subject: person,
      query: `${PREFIXES}SELECT ?person ?name ?alias WHERE { ?person a schema:Person ; schema:name ?name . OPTIONAL { ?person schema:alternateName ?alias } }`,
      construct: `${PREFIXES}CONSTRUCT { ?claim ?p ?o } WHERE { ?claim a cg:Claim ; ?p ?o }`,
      // rdflib 6.1.1 cannot parse a SERVICE query whose prologue is on the SELECT's line: new lines.
      serviceQuery: `${PREFIXES}\nSELECT ?telegram ?sender ?date WHERE { ?telegram a cg:Telegram ; schema:sender ?sender ; schema:dateSent ?date }`,
    });
    const operations = ['select xml GET', 'select json GET', 'select xml POST', 'triples', 'len', 'value', 'construct', 'ask', 'contexts', 'service'];
    expect(Object.keys(answer).sort()).toEqual([...operations].sort());
    for (const name of operations) {
      const got = answer[name];
      expect({ name, error: got?.error }).toEqual({ name, error: undefined });
      expect({ name, remote: got?.remote }).toEqual({ name, remote: got?.local });
    }
    expect(answer['len']?.remote).toBe(await dumpTripleCount());
    expect((answer['select xml GET']?.remote as unknown[]).length).toBeGreaterThan(5);
    expect((answer['construct']?.remote as unknown[]).length).toBeGreaterThan(50);
    expect((answer['service']?.remote as unknown[]).length).toBeGreaterThan(0);
  });
});

describe.skipIf(sparqlWrapper.skip)('SPARQLWrapper', () => {
  beforeAll(sparqlWrapper.assertAvailable);

  interface Request {
    readonly name: string;
    readonly query: string;
    readonly kind: 'select' | 'ask' | 'construct' | 'describe';
    /** Absent: SPARQLWrapper's default (XML: SPARQL XML results, or RDF/XML for graphs). */
    readonly returnFormat?: 'json' | 'xml' | 'csv' | 'turtle' | 'rdfxml';
    readonly method: 'GET' | 'POST' | 'POSTDIRECTLY';
    readonly defaultGraph?: string;
    readonly local?: boolean;
    readonly about?: string;
  }
  type Answer = Record<
    string,
    {
      error?: string;
      vars?: string[];
      rows?: Row[];
      localRows?: Row[] | null;
      boolean?: boolean;
      contentType?: string;
      triples?: number;
      local?: number;
      expected?: number;
      isomorphic?: boolean;
      missing?: string[];
      extra?: string[];
    }
  >;

  const METHODS = ['GET', 'POST', 'POSTDIRECTLY'] as const;
  const RESULT_TYPES = { json: 'application/sparql-results+json', xml: 'application/sparql-results+xml', csv: 'text/csv' } as const;

  async function ask(requests: readonly Request[]): Promise<Answer> {
    const answer = await runPythonJson<Answer>('sparqlwrapper_query.py', {
      endpoint: new URL('sparql', theSite().url).href,
      dump: { path: dumpPath('cablegraph.nq'), format: 'nquads' },
      requests,
    });
    const errors = requests.filter((r) => answer[r.name]?.error !== undefined).map((r) => `${r.name}: ${answer[r.name]?.error ?? ''}`);
    expect(errors).toEqual([]);
    return answer;
  }

  it('runs the relation queries with JSON, XML and CSV results over GET, POST form and POST direct: the rows of /sparql and of rdflib', async () => {
    const requests: Request[] = [];
    for (const q of RELATION_QUERIES) {
      for (const method of METHODS) {
        for (const returnFormat of ['json', 'xml', 'csv'] as const) {
          const local = method === 'GET' && returnFormat === 'json';
          requests.push({ name: `${q.name} ${returnFormat} ${method}`, query: q.query, kind: 'select', returnFormat, method, local });
        }
      }
    }
    const answer = await ask(requests);
    for (const q of RELATION_QUERIES) {
      const expected = await selectRows(theSite().url, q.query);
      expect(sortRows(answer[`${q.name} json GET`]?.localRows ?? []), `${q.name}: rdflib over the dump`).toEqual(expected);
      for (const method of METHODS) {
        for (const returnFormat of ['json', 'xml', 'csv'] as const) {
          const got = answer[`${q.name} ${returnFormat} ${method}`];
          expect(sortRows(got?.rows ?? []), `${q.name} ${returnFormat} ${method}`).toEqual(expected);
          expect(got?.contentType).toContain(RESULT_TYPES[returnFormat]);
        }
      }
    }
  });

  it('restricts the default graph (addDefaultGraph → default-graph-uri) as rdflib does over that graph, and answers ASK', async () => {
    const entities = `${theSite().base}graph/entities`;
    const named = `${PREFIXES}SELECT ?s ?name WHERE { ?s schema:name ?name }`;
    const requests: Request[] = [
      { name: 'entities GET json', query: named, kind: 'select', returnFormat: 'json', method: 'GET', defaultGraph: entities, local: true },
      { name: 'entities POST xml', query: named, kind: 'select', returnFormat: 'xml', method: 'POST', defaultGraph: entities, local: true },
      { name: 'all GET json', query: named, kind: 'select', returnFormat: 'json', method: 'GET' },
    ];
    for (const method of METHODS) {
      for (const returnFormat of ['json', 'xml'] as const) {
        requests.push({ name: `ask yes ${returnFormat} ${method}`, query: `${PREFIXES}ASK { ?t a cg:Telegram ; schema:sender ?p }`, kind: 'ask', returnFormat, method });
        requests.push({ name: `ask no ${returnFormat} ${method}`, query: `${PREFIXES}ASK { ?t a cg:Telegram ; schema:sender ?t }`, kind: 'ask', returnFormat, method });
      }
    }
    const answer = await ask(requests);
    for (const name of ['entities GET json', 'entities POST xml']) {
      const got = answer[name];
      expect(sortRows(got?.rows ?? []), name).toEqual(sortRows(got?.localRows ?? []));
      expect(got?.rows?.length, name).toBeGreaterThan(5);
      expect(got?.rows?.length, name).toBeLessThan(answer['all GET json']?.rows?.length ?? 0);
    }
    for (const method of METHODS) {
      for (const returnFormat of ['json', 'xml'] as const) {
        expect(answer[`ask yes ${returnFormat} ${method}`]?.boolean).toBe(true);
        expect(answer[`ask no ${returnFormat} ${method}`]?.boolean).toBe(false);
        expect(answer[`ask yes ${returnFormat} ${method}`]?.contentType).toContain(RESULT_TYPES[returnFormat]);
      }
    }
  });

  it('gets CONSTRUCT (its default XML, Turtle, RDF/XML, JSON) and DESCRIBE graphs: those rdflib constructs over the dump', async () => {
    const { person } = await sampleResources(theSite().url);
    const construct = `${PREFIXES}CONSTRUCT { ?claim cg:claimant ?person ; cg:hasQuantity ?q . ?q ?p ?o } WHERE {
      ?claim a cg:Claim ; cg:claimant ?person ; cg:hasQuantity ?q . ?q ?p ?o }`;
    const graphs: Request[] = [
      { name: 'construct default GET', query: construct, kind: 'construct', method: 'GET' },
      { name: 'construct default POST', query: construct, kind: 'construct', method: 'POST' },
      { name: 'construct turtle GET', query: construct, kind: 'construct', returnFormat: 'turtle', method: 'GET' },
      { name: 'construct rdfxml POST', query: construct, kind: 'construct', returnFormat: 'rdfxml', method: 'POST' },
      { name: 'construct rdfxml POSTDIRECTLY', query: construct, kind: 'construct', returnFormat: 'rdfxml', method: 'POSTDIRECTLY' },
      { name: 'construct json GET', query: construct, kind: 'construct', returnFormat: 'json', method: 'GET' },
    ];
    const describes: Request[] = [
      { name: 'describe default GET', query: `DESCRIBE <${person}>`, kind: 'describe', method: 'GET', about: person },
      { name: 'describe turtle POST', query: `DESCRIBE <${person}>`, kind: 'describe', returnFormat: 'turtle', method: 'POST', about: person },
    ];
    const answer = await ask([...graphs, ...describes]);
    for (const { name } of graphs) {
      const got = answer[name];
      expect({ name, isomorphic: got?.isomorphic, missing: got?.missing, extra: got?.extra }).toEqual({ name, isomorphic: true, missing: [], extra: [] });
      expect(got?.triples, name).toBeGreaterThan(20);
      expect(got?.triples, name).toBe(got?.local);
    }
    expect(answer['construct default GET']?.contentType).toContain('application/rdf+xml');
    expect(answer['construct turtle GET']?.contentType).toContain('text/turtle');
    expect(answer['construct rdfxml POST']?.contentType).toContain('application/rdf+xml');
    expect(answer['construct json GET']?.contentType).toContain('application/ld+json');
    for (const { name } of describes) {
      const got = answer[name];
      expect({ name, missing: got?.missing }).toEqual({ name, missing: [] });
      expect(got?.expected, name).toBeGreaterThan(3);
    }
  });
});

describe.skipIf(pyld.skip)('pyld', () => {
  beforeAll(pyld.assertAvailable);

  interface PyldResult {
    readonly error?: string;
    readonly expandedNodes?: number;
    readonly quads?: number;
    readonly expected?: number;
    readonly missing?: readonly string[];
    readonly extra?: readonly string[];
    readonly missingCount?: number;
    readonly extraCount?: number;
    readonly partNotInTree?: number;
    readonly partNotInTreeSubjects?: readonly string[];
  }

  it('expands the compacted and framed JSON-LD (context inline, and by URL from /context.jsonld) and toRDF gives our graph', async () => {
    const s = theSite();
    const contextUrl = `${s.base}context.jsonld`;
    const context = await s.fetchToFile('context.jsonld', 'context.jsonld', 'application/ld+json');
    expect(context.status).toBe(200);
    expect(context.contentType).toContain('application/ld+json');
    const compacted = await s.fetchToFile('download/cablegraph.jsonld', 'pyld-cablegraph.jsonld');
    const framed = await s.fetchToFile('download/cablegraph.framed.jsonld', 'pyld-cablegraph.framed.jsonld');
    const documents = [
      { name: 'compacted', path: compacted.file, mode: 'quads' },
      { name: 'compacted, context by URL', path: compacted.file, mode: 'quads', contextUrl },
      { name: 'framed', path: framed.file, mode: 'framed' },
      { name: 'framed, context by URL', path: framed.file, mode: 'framed', contextUrl },
    ];
    const answer = await runPythonJson<Record<string, PyldResult>>(
      'pyld_to_rdf.py',
      { contexts: { [contextUrl]: context.file }, reference: dumpPath('cablegraph.nq'), documents },
      120_000,
    );
    const count = await dumpTripleCount();
    for (const d of documents) {
      const got = answer[d.name];
      expect(got?.error, d.name).toBeUndefined();
      expect({ name: d.name, missing: got?.missing, extra: got?.extra }).toEqual({ name: d.name, missing: [], extra: [] });
      expect(got?.expandedNodes, d.name).toBeGreaterThan(0);
      if (d.mode === 'quads') expect(got?.quads, d.name).toBe(count);
      else expect(got?.quads, d.name).toBeGreaterThan(100);
    }
    // The framed tree is rooted at the telegram: what of the telegram's part it does not hold must
    // be the evidence annotations (nothing in the tree links to them), never a fact of the telegram.
    const leftOut = answer['framed']?.partNotInTreeSubjects ?? [];
    expect(leftOut.filter((iri) => !/\/annotation\/\d+(#[a-z-]+)?$/.test(iri))).toEqual([]);
  });

  it('reads the JSON-LD embedded in the HTML pages of a telegram, a person, a claim and a quantity: facts of the dump, all those about the page\'s resource', async () => {
    const s = theSite();
    const resources = await sampleResources(s.url);
    const pages: Record<string, string> = {};
    const documents: { name: string; url: string; mode: 'page'; subject: string }[] = [];
    for (const [kind, iri] of Object.entries(resources)) {
      const path = serverPath(s.base, iri, 'doc');
      const got = await s.fetchToFile(path, `${kind}.html`, 'text/html');
      expect(got.contentType, path).toContain('text/html');
      const url = new URL(path, s.url).href;
      pages[url] = got.file;
      documents.push({ name: kind, url, mode: 'page', subject: iri });
    }
    const context = await s.fetchToFile('context.jsonld', 'page-context.jsonld', 'application/ld+json');
    const answer = await runPythonJson<Record<string, PyldResult>>('pyld_to_rdf.py', {
      contexts: { [`${s.base}context.jsonld`]: context.file },
      pages,
      reference: dumpPath('cablegraph.nq'),
      documents,
    });
    for (const d of documents) {
      const got = answer[d.name];
      expect(got?.error, d.name).toBeUndefined();
      expect({ name: d.name, missing: got?.missing, extra: got?.extra }).toEqual({ name: d.name, missing: [], extra: [] });
      expect(got?.expected, d.name).toBeGreaterThan(3);
    }
  });
});
