// A small BuiltDataset built by hand (quads with the n3 DataFactory, one short text and its records),
// so that the HTTP tests do not depend on the extractors; plus testDeps() for createApp.
import type { NamedNode, Quad } from '@rdfjs/types';
import { DataFactory, Writer } from 'n3';
import type { ExtractionResult } from '../../src/extract/record.js';
import { sha256Hex } from '../../src/publish/checksums.js';
import type { BuiltDataset, DatasetFile } from '../../src/publish/dataset.js';
import type { AppDeps } from '../../src/serve/app.js';
import { createLogger } from '../../src/serve/log.js';

const { namedNode: n, literal, quad } = DataFactory;

export const BASE = 'http://localhost:3000/';
export const SLUG = '1951-01-02-alpha-to-bravo';
const CG = 'https://w3id.org/cablegraph/ontology#';
const S = 'https://schema.org/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const OA = 'http://www.w3.org/ns/oa#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

export const TEXT = 'TELEGRAM\nTo BRAVO\nAlpha said that Bravo has at least nine divisions near Charlie City <script>.\n\nALPHA\n';
const at = (phrase: string) => {
  const start = TEXT.indexOf(phrase);
  if (start < 0) throw new Error(`fixture: "${phrase}" not in text`);
  return { start, end: start + phrase.length };
};

export const IRI = {
  telegram: `${BASE}id/telegram/${SLUG}`,
  alpha: `${BASE}id/person/alpha`,
  bravo: `${BASE}id/person/bravo`,
  charlie: `${BASE}id/place/charlie-city`,
  office: `${BASE}id/org/delta-office`,
  claim: `${BASE}id/telegram/${SLUG}/claim/1`,
  quantity: `${BASE}id/telegram/${SLUG}/quantity/1`,
  event: `${BASE}id/telegram/${SLUG}/event/1`,
  annotation: `${BASE}id/telegram/${SLUG}/annotation/1`,
} as const;

export const RESULT: ExtractionResult = {
  slug: SLUG,
  file: `data/telegrams/${SLUG}.txt`,
  text: TEXT,
  header: { kind: 'header', identifiers: [], copies: [], references: [], title: { value: 'TELEGRAM', asPrinted: 'TELEGRAM', span: at('TELEGRAM') } },
  sender: { type: 'Person', slug: 'alpha' },
  recipient: { type: 'Person', slug: 'bravo' },
  mentions: [
    { kind: 'mention', entity: { type: 'Person', slug: 'alpha' }, surface: 'Alpha', span: at('Alpha'), via: 'authority' },
    { kind: 'mention', entity: { type: 'Person', slug: 'bravo' }, surface: 'Bravo', span: at('Bravo has'), via: 'authority' },
    { kind: 'mention', entity: { type: 'Place', slug: 'charlie-city' }, surface: 'Charlie City', span: at('Charlie City'), via: 'authority' },
  ].map((m) => (m.surface === 'Bravo' ? { ...m, span: { start: m.span.start, end: m.span.start + 5 } } : m)) as ExtractionResult['mentions'],
  quantities: [
    { kind: 'quantity', reading: 'lower-bound', text: 'at least nine divisions', span: at('at least nine divisions'), minValue: '9', approximate: false, unitText: 'divisions', countOf: 'division', polarity: 'asserted', notes: [] },
  ],
  claims: [
    {
      kind: 'claim',
      claimant: { type: 'Person', slug: 'alpha' },
      reportedBy: { type: 'Person', slug: 'alpha' },
      speechAct: 'say',
      verbAsPrinted: 'said that',
      verbSpan: at('said that'),
      text: 'Bravo has at least nine divisions near Charlie City <script>',
      span: at('Bravo has at least nine divisions near Charlie City <script>'),
    },
  ],
  events: [{ kind: 'meeting', span: at('Alpha said'), attendees: [{ type: 'Person', slug: 'alpha' }] }],
  quotedTelegrams: [],
  entities: [],
  report: [{ code: 'unresolved-name', message: 'name not in the authority files', span: at('ALPHA\n'), line: 6, column: 1, text: 'ALPHA' }],
};

function quads(): Quad[] {
  const g = n(`${BASE}graph/telegram/${SLUG}`);
  const e = n(`${BASE}graph/entities`);
  const q = (s: string, p: string, o: Quad['object'], graph: NamedNode = g) => quad(n(s), n(p), o, graph);
  const a = IRI.annotation;
  return [
    q(IRI.telegram, RDF_TYPE, n(`${CG}Telegram`)),
    q(IRI.telegram, `${S}name`, literal('TELEGRAM')),
    q(IRI.telegram, `${S}text`, literal(TEXT)),
    q(IRI.telegram, `${S}sender`, n(IRI.alpha)),
    q(IRI.telegram, `${S}recipient`, n(IRI.bravo)),
    q(IRI.telegram, `${S}mentions`, n(IRI.alpha)),
    q(IRI.telegram, `${S}mentions`, n(IRI.bravo)),
    q(IRI.telegram, `${S}mentions`, n(IRI.charlie)),
    q(IRI.telegram, `${CG}claim`, n(IRI.claim)),
    q(IRI.telegram, `${CG}hasQuantity`, n(IRI.quantity)),
    q(IRI.telegram, `${CG}event`, n(IRI.event)),
    q(IRI.telegram, `${CG}issuingOffice`, n(IRI.office)),
    q(IRI.claim, RDF_TYPE, n(`${CG}Claim`)),
    q(IRI.claim, `${S}text`, literal(RESULT.claims[0]?.text ?? '')),
    q(IRI.claim, `${CG}claimant`, n(IRI.alpha)),
    q(IRI.claim, `${CG}hasQuantity`, n(IRI.quantity)),
    q(IRI.claim, `${S}isPartOf`, n(IRI.telegram)),
    q(IRI.quantity, RDF_TYPE, n(`${S}QuantitativeValue`)),
    q(IRI.quantity, `${S}minValue`, literal('9', n(`${XSD}decimal`))),
    q(IRI.quantity, `${S}text`, literal('at least nine divisions')),
    q(IRI.quantity, `${S}isPartOf`, n(IRI.telegram)),
    q(IRI.event, RDF_TYPE, n(`${CG}Meeting`)),
    q(IRI.event, `${S}attendee`, n(IRI.alpha)),
    q(a, RDF_TYPE, n(`${OA}Annotation`)),
    q(a, `${OA}hasBody`, n(IRI.claim)),
    q(a, `${OA}hasTarget`, n(`${a}#target`)),
    q(`${a}#target`, `${OA}hasSource`, n(IRI.telegram)),
    q(`${a}#target`, `${OA}hasSelector`, n(`${a}#position`)),
    q(`${a}#position`, `${OA}start`, literal('30', n(`${XSD}nonNegativeInteger`))),
    q(IRI.alpha, RDF_TYPE, n(`${S}Person`), e),
    q(IRI.alpha, `${S}name`, literal('Alpha Alphason'), e),
    q(IRI.alpha, `${S}alternateName`, literal('ALPHA'), e),
    q(IRI.alpha, `${CG}codename`, literal('ZULU'), e),
    q(IRI.alpha, 'http://www.w3.org/2002/07/owl#sameAs', n('http://www.wikidata.org/entity/Q42'), e),
    q(IRI.bravo, RDF_TYPE, n(`${S}Person`), e),
    q(IRI.bravo, `${S}name`, literal('Bravo Bravovich'), e),
    q(IRI.charlie, RDF_TYPE, n(`${S}Place`), e),
    q(IRI.charlie, `${S}name`, literal('Charlie City'), e),
    q(IRI.office, RDF_TYPE, n(`${S}Organization`), e),
    q(IRI.office, `${S}name`, literal('Delta Office'), e),
  ];
}

function file(fileName: string, kind: string, mediaType: string, content: string): DatasetFile {
  return { fileName, kind, mediaType, content, sha256: sha256Hex(content) };
}

/** The hand-built dataset. */
export function testDataset(base = BASE): BuiltDataset {
  const all = quads();
  const rebased = base === BASE ? all : all.map((x) => quad(rebase(x.subject, base), x.predicate, rebase(x.object, base), rebase(x.graph, base)) as Quad);
  const nquads = new Writer({ format: 'N-Quads' }).quadsToString(rebased);
  const files = [file('cablegraph.nq', 'nquads', 'application/n-quads', nquads), file('cablegraph.ttl', 'turtle', 'text/turtle', '# turtle\n')];
  files.push(file('SHA256SUMS', 'checksums', 'text/plain', files.map((f) => `${f.sha256}  ${f.fileName}\n`).join('')));
  const ds = n(`${base}id/dataset`);
  return {
    base,
    quads: rebased,
    nquads,
    files,
    canonicalHash: 'ab'.repeat(32),
    results: [RESULT],
    report: { telegrams: [{ slug: SLUG, file: RESULT.file, counts: { triples: all.length }, items: RESULT.report }], totals: { telegrams: 1, triples: all.length } },
    description: [
      quad(ds, n(RDF_TYPE), n('http://rdfs.org/ns/void#Dataset')),
      quad(ds, n('http://purl.org/dc/terms/title'), literal('Test telegrams', 'en')),
      quad(ds, n('http://rdfs.org/ns/void#triples'), literal(String(all.length), n(`${XSD}integer`))),
    ],
  };
}

function rebase<T extends Quad['subject'] | Quad['object'] | Quad['graph']>(term: T, base: string): T {
  return (term.termType === 'NamedNode' && term.value.startsWith(BASE) ? n(base + term.value.slice(BASE.length)) : term) as T;
}

/** createApp dependencies for tests: silent logger, no SPARQL, no CORS. */
export function testDeps(overrides: Partial<AppDeps> = {}): AppDeps {
  return { dataset: testDataset(), logger: createLogger({ silent: true }), cors: false, ...overrides };
}
