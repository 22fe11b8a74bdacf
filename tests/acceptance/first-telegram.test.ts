// Acceptance test of the first telegram: builds the real dataset from data/ (as `cablegraph build`
// does), loads its N-Quads into Oxigraph and checks every fact of design.md §3 through SPARQL, in the
// public core terms (schema:, cg:, oa:) a user would write, each with a text span that slices the
// telegram's schema:text (oa:start/oa:end counted in code points) to the annotation's oa:exact.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Store } from 'oxigraph';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../../src/load-inputs.js';
import { buildDataset } from '../../src/publish/build-dataset.js';
import type { BuiltDataset } from '../../src/publish/dataset.js';
import { defaultStages } from '../../src/publish/default-stages.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BASE = 'http://localhost:3000/';
const WD = 'http://www.wikidata.org/entity/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const SPEECH_ACTS = 'https://w3id.org/cablegraph/speech-act/';
const AUTHORITIES_CSV = resolve(ROOT, '../shared/authorities.csv');

const PREFIXES = `
PREFIX cg: <https://w3id.org/cablegraph/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX wd: <http://www.wikidata.org/entity/>
`;

/** One bound value of a SELECT row: lexical form, and datatype or "" for IRIs. */
interface Value {
  readonly value: string;
  readonly termType: string;
  readonly datatype: string;
  readonly language: string;
}
type Row = Readonly<Record<string, Value>>;

/** A text span as published: oa:start/oa:end in code points, and the quoted characters. */
interface Evidence {
  readonly start: number;
  readonly end: number;
  readonly exact: string;
}

let built: BuiltDataset;
let store: Store;
let telegram: string;
let text: string;
let codePoints: string[];

/** Runs a SELECT over the union of the graphs (what /sparql does without a dataset clause). */
function select(query: string): Row[] {
  const rows = store.query(PREFIXES + query, { use_default_graph_as_union: true });
  if (!Array.isArray(rows)) throw new Error(`not a SELECT: ${query}`);
  return rows.map((row) => {
    const out: Record<string, Value> = {};
    if (row instanceof Map) {
      for (const [k, term] of row) {
        out[k] = {
          value: term.value,
          termType: term.termType,
          datatype: term.termType === 'Literal' ? term.datatype.value : '',
          language: term.termType === 'Literal' ? term.language : '',
        };
      }
    }
    return out;
  });
}

function ask(query: string): boolean {
  const result = store.query(PREFIXES + query, { use_default_graph_as_union: true });
  if (typeof result !== 'boolean') throw new Error(`not an ASK: ${query}`);
  return result;
}

/** The one value of `variable` in the rows; fails with `what` when there is not exactly one. */
function only(rows: readonly Row[], variable: string, what: string): Value {
  const values = [...new Set(rows.map((r) => r[variable]?.value).filter((v): v is string => v !== undefined))];
  expect(values, `${what}: expected exactly one ?${variable}, found ${JSON.stringify(values)}`).toHaveLength(1);
  const row = rows.find((r) => r[variable]?.value === values[0]);
  const value = row?.[variable];
  if (value === undefined) throw new Error(`${what}: no ?${variable}`);
  return value;
}

/** `<iri>` for a query. */
const iri = (value: string): string => `<${value}>`;

/**
 * Every text span published for `body` (optionally for one property), each checked: the code-point
 * slice [start, end) of the telegram's schema:text is the annotation's oa:exact.
 */
function evidenceOf(body: string, forProperty?: string): Evidence[] {
  const rows = select(`
    SELECT ?start ?end ?exact WHERE {
      ?a a oa:Annotation ; oa:hasBody ${iri(body)} ; oa:hasTarget ?target .
      ${forProperty !== undefined ? `?a cg:forProperty ${forProperty} .` : ''}
      ?target oa:hasSource ${iri(telegram)} ; oa:hasSelector ?pos, ?quote .
      ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
      ?quote a oa:TextQuoteSelector ; oa:exact ?exact .
    }`);
  return rows.map((r) => {
    const start = Number(r['start']?.value);
    const end = Number(r['end']?.value);
    const exact = r['exact']?.value ?? '';
    expect(codePoints.slice(start, end).join(''), `span [${start}, ${end}) of ${body} slices the text to its oa:exact`).toBe(exact);
    return { start, end, exact };
  });
}

/** Asserts that `body` has a checked text span whose quoted text is `exact` (or matches it). */
function expectSpan(body: string, exact: string | RegExp, forProperty?: string): Evidence {
  const spans = evidenceOf(body, forProperty);
  const found = spans.find((s) => (typeof exact === 'string' ? s.exact === exact : exact.test(s.exact)));
  expect(found, `${body}${forProperty !== undefined ? ` (${forProperty})` : ''} has a text span ${String(exact)}; found ${JSON.stringify(spans.map((s) => s.exact))}`).toBeDefined();
  return found ?? { start: -1, end: -1, exact: '' };
}

/** The entity the telegram mentions with this Wikidata ID (fails unless exactly one). */
function entityWithQid(qid: string): string {
  return only(select(`SELECT ?e WHERE { ${iri(telegram)} schema:mentions ?e . ?e owl:sameAs wd:${qid} }`), 'e', `entity with owl:sameAs wd:${qid}`).value;
}

/** The entity the telegram mentions that has this printed form (name or alternate name). */
function entityPrintedAs(form: string): string {
  return only(
    select(`SELECT DISTINCT ?e WHERE { ${iri(telegram)} schema:mentions ?e . ?e schema:name|schema:alternateName ${JSON.stringify(form)} }`),
    'e',
    `entity printed as "${form}"`,
  ).value;
}

/** Parses RFC 4180 CSV (quoted fields with commas, doubled quotes, line breaks). */
function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

beforeAll(async () => {
  const inputs = await loadInputs(resolve(ROOT, 'data'));
  built = await buildDataset(
    { raw: inputs.raw, telegrams: inputs.telegrams, ...(inputs.dataset !== undefined ? { dataset: inputs.dataset } : {}) },
    { base: BASE, stages: defaultStages() },
  );
  store = new Store();
  store.load(built.nquads, { format: 'application/n-quads' });
  const rows = select(`
    SELECT ?t ?text WHERE {
      ?t a cg:Telegram ; schema:text ?text ;
         schema:identifier [ schema:propertyID "cipher-number" ; schema:value "25348" ] .
    }`);
  telegram = only(rows, 't', 'the telegram with cipher number 25348').value;
  text = only(rows, 'text', 'its schema:text').value;
  codePoints = Array.from(text);
});

describe('first telegram: the telegram and its text', () => {
  it('is published at its slug IRI, and its schema:text is the file byte for byte', () => {
    expect(telegram).toBe(`${BASE}id/telegram/1950-10-07-roshchin-to-filippov`);
    const file = readFileSync(resolve(ROOT, 'data/telegrams/1950-10-07-roshchin-to-filippov.txt'), 'utf8');
    expect(text, 'schema:text is the whole telegram as received').toBe(file.replace(/^\uFEFF/, ''));
  });
});

describe('first telegram: header', () => {
  it('has its title (schema:name) with a span', () => {
    const name = only(select(`SELECT ?name WHERE { ${iri(telegram)} schema:name ?name }`), 'name', 'schema:name');
    expect(name.value).toBe('Telegram from Soviet Ambassador N.V. Roshchin to Stalin, 7 October 1950');
    expectSpan(telegram, name.value, 'schema:name');
  });

  it('has cipher number 25348 as a schema:PropertyValue with propertyID "cipher-number", with a span', () => {
    const id = only(
      select(`SELECT ?id WHERE { ${iri(telegram)} schema:identifier ?id . ?id a schema:PropertyValue ; schema:propertyID "cipher-number" ; schema:value "25348" }`),
      'id',
      'cipher-number identifier',
    );
    expectSpan(id.value, /25348/);
  });

  it('has classification Top Secret (cg:classification) with a span', () => {
    const c = only(select(`SELECT ?c WHERE { ${iri(telegram)} cg:classification ?c }`), 'c', 'cg:classification');
    expect(c.value).toBe('Top Secret');
    expectSpan(telegram, /^Top Secret\.?$/, 'cg:classification');
  });

  it('keeps the issuing office as printed (SOVIEV) and normalises its label', () => {
    const rows = select(`SELECT ?office ?printed ?name WHERE { ${iri(telegram)} cg:issuingOffice ?office ; cg:issuingOfficeAsPrinted ?printed . ?office schema:name ?name }`);
    expect(only(rows, 'printed', 'cg:issuingOfficeAsPrinted').value).toBe('SECOND CHIEF DIRECTORATE OF THE GENERAL STAFF OF THE SOVIEV ARMY');
    expect(only(rows, 'name', 'the office schema:name').value).toBe('Second Chief Directorate of the General Staff of the Soviet Army');
    expect(ask(`ASK { ${iri(only(rows, 'office', 'office').value)} schema:alternateName "SECOND CHIEF DIRECTORATE OF THE GENERAL STAFF OF THE SOVIEV ARMY" }`), 'the printed form is an alternate name').toBe(true);
    expectSpan(telegram, 'SECOND CHIEF DIRECTORATE OF THE GENERAL STAFF OF THE SOVIEV ARMY', 'cg:issuingOffice');
  });

  it('was sent on 1950-10-07 (schema:dateSent xsd:date) with a span', () => {
    const d = only(select(`SELECT ?d WHERE { ${iri(telegram)} schema:dateSent ?d }`), 'd', 'schema:dateSent');
    expect([d.value, d.datatype]).toEqual(['1950-10-07', `${XSD}date`]);
    expectSpan(telegram, '7 October 1950', 'schema:dateSent');
  });

  it('lists 8 copies numbered 1..8, with the printed numbering (restarting at "1.") and each recipient', () => {
    const rows = select(`
      SELECT ?copy ?n ?printed ?person ?qid WHERE {
        ${iri(telegram)} cg:copy ?copy .
        ?copy a cg:Copy ; cg:copyNumber ?n ; cg:copyNumberAsPrinted ?printed ; schema:recipient ?person .
        OPTIONAL { ?person owl:sameAs ?qid }
      } ORDER BY ?n`);
    expect(rows.map((r) => [Number(r['n']?.value), r['printed']?.value, r['qid']?.value.replace(WD, '')])).toEqual([
      [1, '1', 'Q855'],
      [2, '2', 'Q855'],
      [3, '3', 'Q132899'],
      [4, '4', 'Q180588'],
      [5, '1.', 'Q141829'],
      [6, '2.', 'Q152738'],
      [7, '3.', 'Q215705'],
      [8, '4.', 'Q48093'],
    ]);
    expect(rows.every((r) => r['n']?.datatype === `${XSD}integer`), 'cg:copyNumber is an xsd:integer').toBe(true);
    const surnames = ['Stalin', 'Stalin', 'Molotov', 'Malenkov', 'Beria', 'Mikoyan', 'Kaganovich', 'Bulganin'];
    rows.forEach((r, i) => {
      const span = expectSpan(r['copy']?.value ?? '', new RegExp(`${surnames[i] ?? ''}$`));
      expect(span.exact.startsWith(r['printed']?.value ?? '?'), `copy ${i + 1}'s span starts with its printed number`).toBe(true);
    });
  });

  it('was received from Beijing at 1950-10-07T11:55:00, with no offset and the time zone marked not stated', () => {
    const rows = select(`SELECT ?place ?printed ?received ?stated WHERE {
      ${iri(telegram)} cg:receivedFrom ?place ; schema:dateReceived ?received ; cg:timeZoneStated ?stated .
      OPTIONAL { ${iri(telegram)} cg:receivedFromAsPrinted ?printed } }`);
    expect(only(rows, 'place', 'cg:receivedFrom').value).toBe(entityWithQid('Q956'));
    const received = only(rows, 'received', 'schema:dateReceived');
    expect([received.value, received.datatype], 'no offset is invented').toEqual(['1950-10-07T11:55:00', `${XSD}dateTime`]);
    expect(only(rows, 'stated', 'cg:timeZoneStated').value).toBe('false');
    expectSpan(telegram, /11: 55/, 'schema:dateReceived');
    expectSpan(telegram, 'Beijing', 'cg:receivedFrom');
  });

  it('has priority URGENT with its gloss [vne ocherednaia]', () => {
    const rows = select(`SELECT ?p ?gloss WHERE { ${iri(telegram)} cg:priority ?p ; cg:priorityGloss ?gloss }`);
    expect(only(rows, 'p', 'cg:priority').value).toBe('URGENT');
    expect(only(rows, 'gloss', 'cg:priorityGloss').value).toBe('vne ocherednaia');
    expectSpan(telegram, /^URGENT/, 'cg:priority');
  });

  it('is addressed to FILIPPOV (cg:addressedAs), resolved to Stalin (wd:Q855) with the codename Filippov', () => {
    const rows = select(`SELECT ?printed ?r ?codename WHERE {
      ${iri(telegram)} cg:addressedAs ?printed ; schema:recipient ?r .
      ?r owl:sameAs wd:Q855 ; cg:codename ?codename ; schema:alternateName "FILIPPOV" }`);
    expect(only(rows, 'printed', 'cg:addressedAs').value).toBe('FILIPPOV');
    expect(only(rows, 'codename', 'cg:codename').value.toLowerCase()).toBe('filippov');
    expect(select(`SELECT ?r WHERE { ${iri(telegram)} schema:recipient ?r }`), 'one recipient, not a second person for the codename').toHaveLength(1);
    expectSpan(telegram, /FILIPPOV/, 'cg:addressedAs');
  });

  it('is cg:inReplyTo a telegram known only by its number 4676', () => {
    const rows = select(`SELECT ?ref WHERE { ${iri(telegram)} cg:inReplyTo ?ref . ?ref schema:identifier/schema:value "4676" }`);
    const ref = only(rows, 'ref', 'cg:inReplyTo with number 4676').value;
    expect(ask(`ASK { ${iri(ref)} a cg:Telegram }`), 'a referenced telegram is not one of the corpus texts').toBe(false);
    expect(ask(`ASK { ${iri(ref)} schema:text ?t }`), 'a referenced telegram has no text').toBe(false);
    expectSpan(ref, /no\. 4676/);
  });

  it('is signed ROSHCHIN: schema:sender, with a span', () => {
    const sender = only(select(`SELECT ?s WHERE { ${iri(telegram)} schema:sender ?s }`), 's', 'schema:sender').value;
    expect(sender).toBe(entityPrintedAs('ROSHCHIN'));
    expect(ask(`ASK { ${iri(sender)} a schema:Person ; schema:name ?n FILTER(CONTAINS(?n, "Roshchin")) }`)).toBe(true);
    expectSpan(telegram, 'ROSHCHIN', 'schema:sender');
  });

  it('has outgoing number 2318 and closing date 7.10.50 (cg:closingDate 1950-10-07)', () => {
    const id = only(
      select(`SELECT ?id WHERE { ${iri(telegram)} schema:identifier ?id . ?id schema:propertyID "outgoing-number" ; schema:value "2318" }`),
      'id',
      'outgoing-number identifier',
    );
    expectSpan(id.value, /2318/);
    const d = only(select(`SELECT ?d WHERE { ${iri(telegram)} cg:closingDate ?d }`), 'd', 'cg:closingDate');
    expect([d.value, d.datatype]).toEqual(['1950-10-07', `${XSD}date`]);
    expectSpan(telegram, '7.10.50', 'cg:closingDate');
  });
});

describe('first telegram: events', () => {
  it('reports the meeting: start 1950-10-06T22:30:00+08:00, duration PT1H45M, five attendees including the sender', () => {
    const rows = select(`SELECT ?m ?start ?duration WHERE {
      ?m a cg:Meeting ; schema:startDate ?start ; schema:duration ?duration .
      ${iri(telegram)} cg:event ?m }`);
    const meeting = only(rows, 'm', 'cg:Meeting').value;
    const start = only(rows, 'start', 'schema:startDate');
    expect([start.value, start.datatype]).toEqual(['1950-10-06T22:30:00+08:00', `${XSD}dateTime`]);
    const duration = only(rows, 'duration', 'schema:duration');
    expect([duration.value, duration.datatype]).toEqual(['PT1H45M', `${XSD}duration`]);
    const attendees = select(`SELECT ?p WHERE { ${iri(meeting)} schema:attendee ?p }`).map((r) => r['p']?.value).sort();
    const sender = only(select(`SELECT ?s WHERE { ${iri(telegram)} schema:sender ?s }`), 's', 'sender').value;
    expect(attendees).toEqual(
      [entityWithQid('Q5816'), entityPrintedAs('ZHOU ENLAI'), entityPrintedAs('U SU XIAN'), entityPrintedAs('FEDORENKO'), sender].sort(),
    );
    expect(ask(`ASK { ${iri(meeting)} schema:location ?l }`), 'the place of the meeting is not stated').toBe(false);
    expectSpan(meeting, /22:30/, 'schema:startDate');
    expect(ask(`ASK { ${iri(meeting)} cg:timeZoneStated true ; cg:timeZoneAsPrinted "Beijing time" }`), 'the zone is stated as Beijing time').toBe(true);
    expectSpan(meeting, '1 hour and 45 minutes', 'schema:duration');
    expect(evidenceOf(meeting).length, 'the meeting has spans').toBeGreaterThan(0);
  });

  it('reports the planned flight (schema:TravelAction) of Zhou Enlai and Lin Biao with Shi Zhe and Fedorenko, Beijing → Irkutsk, 8 October', () => {
    const rows = select(`SELECT ?trip ?start WHERE {
      ${iri(telegram)} cg:event ?trip .
      ?trip a schema:TravelAction ; schema:actionStatus schema:PotentialActionStatus ; schema:startTime ?start ;
            schema:fromLocation ?from ; schema:toLocation ?to .
      ?from owl:sameAs wd:Q956 . ?to owl:sameAs wd:Q6576 }`);
    const trip = only(rows, 'trip', 'the TravelAction from Beijing to Irkutsk').value;
    const start = only(rows, 'start', 'schema:startTime');
    expect([start.value, start.datatype]).toEqual(['1950-10-08', `${XSD}date`]);
    const values = (p: string) => select(`SELECT ?x WHERE { ${iri(trip)} ${p} ?x }`).map((r) => r['x']?.value).sort();
    expect(values('schema:agent'), 'agents').toEqual([entityPrintedAs('ZHOU ENLAI'), entityWithQid('Q315475')].sort());
    expect(values('schema:participant'), 'participants').toEqual([entityPrintedAs('SHI ZHE'), entityPrintedAs('FEDORENKO')].sort());
    expectSpan(trip, /8 October/, 'schema:startTime');
    expect(evidenceOf(trip).length, 'the journey has spans').toBeGreaterThan(1);
  });
});

describe('first telegram: quantities, each with its reading and span', () => {
  /** The one quantity of the telegram matching `pattern` (over ?q), with its span quoting `exact`. */
  function quantity(pattern: string, exact: string | RegExp, what: string): string {
    const q = only(select(`SELECT DISTINCT ?q WHERE { ${iri(telegram)} cg:hasQuantity ?q . ?q schema:isPartOf ${iri(telegram)} . ${pattern} }`), 'q', what).value;
    expectSpan(q, exact);
    const t = only(select(`SELECT ?t WHERE { ${iri(q)} schema:text ?t }`), 't', `${what}: schema:text`).value;
    expect(typeof exact === 'string' ? t === exact : exact.test(t), `${what}: schema:text "${t}" is the phrase`).toBe(true);
    return q;
  }
  const unit = (key: string) => `<https://w3id.org/cablegraph/unit/${key}>`;

  it('five-six divisions: a range 5–6, rejected, contrasting with the lower bound', () => {
    const q = quantity(`?q a schema:QuantitativeValue ; schema:minValue ?min ; schema:maxValue ?max ; cg:countOf ${unit('division')} ; cg:polarity cg:Rejected FILTER(?min = 5 && ?max = 6)`, 'five-six divisions', 'five-six divisions');
    expect(ask(`ASK { ${iri(q)} cg:contrastsWith ?other . ?other schema:minValue ?m FILTER(?m = 9) }`), 'contrasts with "at least nine"').toBe(true);
  });

  it('at least nine divisions: schema:minValue 9, no maximum, asserted', () => {
    const q = quantity(`?q schema:minValue ?min ; cg:countOf ${unit('division')} FILTER(?min = 9)`, 'at least nine divisions', 'at least nine divisions');
    expect(ask(`ASK { ${iri(q)} schema:maxValue|schema:value ?v }`), 'a lower bound has no maximum and no value').toBe(false);
    expect(ask(`ASK { ${iri(q)} cg:polarity cg:Rejected }`)).toBe(false);
    expect(ask(`ASK { ${iri(q)} schema:minValue ?v FILTER(datatype(?v) = xsd:decimal) }`), 'numbers are xsd:decimal').toBe(true);
  });

  it('108 artillery pieces, with the ambiguity (total or per division) recorded', () => {
    const q = quantity(`?q schema:value ?v ; cg:countOf ${unit('artillery-piece')} FILTER(?v = 108)`, /108 artillery pieces$/, '108 artillery pieces');
    expect(ask(`ASK { ${iri(q)} rdfs:comment ?c FILTER(CONTAINS(LCASE(?c), "ambiguous") && CONTAINS(?c, "per division")) }`), 'ambiguity recorded in rdfs:comment').toBe(true);
  });

  it('no tanks: absent (value 0)', () => {
    quantity(`?q schema:value ?v ; cg:countOf ${unit('tank')} ; cg:reading "absent" FILTER(?v = 0)`, 'do not have tanks at all', 'no tanks');
  });

  it('three divisions per US corps (holder the US)', () => {
    const q = quantity(`?q schema:value ?v ; cg:countOf ${unit('division')} ; cg:holder ?h . ?h owl:sameAs wd:Q30 FILTER(?v = 3)`, 'three divisions', 'three divisions');
    expect(ask(`ASK { ${iri(q)} rdfs:comment ?c FILTER(CONTAINS(?c, "corps")) }`), 'recorded as the composition of one corps').toBe(true);
  });

  it('around 1,500 artillery pieces: cg:approximate true', () => {
    quantity(`?q schema:value ?v ; cg:approximate true ; cg:countOf ${unit('artillery-piece')} ; cg:holder/owl:sameAs wd:Q30 FILTER(?v = 1500)`, 'around 1,500 artillery pieces', 'around 1,500 artillery pieces');
  });

  it('four-to-one and three-to-one superiority: cg:Ratio with numerator and denominator', () => {
    quantity(`?q a cg:Ratio ; cg:numerator ?n ; cg:denominator ?d FILTER(?n = 4 && ?d = 1)`, /^four-to-one superiority/, 'four-to-one');
    quantity(`?q a cg:Ratio ; cg:numerator ?n ; cg:denominator ?d FILTER(?n = 3 && ?d = 1)`, /^three-to-one superiority/, 'three-to-one');
  });

  it('about 1000 aircraft: approximate, held by the US', () => {
    quantity(`?q schema:value ?v ; cg:approximate true ; cg:countOf ${unit('aircraft')} ; cg:holder/owl:sameAs wd:Q30 FILTER(?v = 1000)`, 'about 1000 aircraft', 'about 1000 aircraft');
  });

  it('the 1951 budget: schema:MonetaryAmount 2200000000 USD for 1951, printed across a paragraph break', () => {
    const q = quantity(`?q a schema:MonetaryAmount ; schema:value ?v ; schema:currency "USD" ; cg:forYear ?y FILTER(?v = 2200000000 && STR(?y) = "1951")`, /^two\s+billion two hundred million American dollars$/, 'the 1951 budget');
    expect(ask(`ASK { ${iri(q)} schema:value ?v FILTER(datatype(?v) = xsd:decimal) }`)).toBe(true);
  });

  it('two hundred million (USD) for armament', () => {
    quantity(`?q a schema:MonetaryAmount ; schema:value ?v ; schema:currency "USD" FILTER(?v = 200000000)`, /two hundred million$/, 'two hundred million for armament');
  });

  it('every quantity is part of the telegram, belongs to a claim or the narration, and has a span', () => {
    const qs = select(`SELECT ?q WHERE { ${iri(telegram)} cg:hasQuantity ?q }`).map((r) => r['q']?.value ?? '');
    expect(qs.length).toBeGreaterThanOrEqual(12);
    for (const q of qs) {
      expect(ask(`ASK { ${iri(q)} schema:isPartOf ${iri(telegram)} ; schema:text ?t }`), `${q} is part of the telegram with its text`).toBe(true);
      expect(evidenceOf(q).length, `${q} has a span`).toBeGreaterThan(0);
    }
  });

  it('reads no telegram number, date, clock time or point number as a quantity', () => {
    for (const n of [25348, 4676, 2318, 1950, 22, 30, 11, 55]) {
      expect(ask(`ASK { ${iri(telegram)} cg:hasQuantity ?q . ?q schema:value|schema:minValue ?v FILTER(?v = ${n}) }`), `${n} is not a quantity`).toBe(false);
    }
  });
});

describe('first telegram: claims', () => {
  /** The printed verb → the speech-act concept's skos:prefLabel. */
  const ACTS: readonly (readonly [string, string])[] = [
    ['declared', 'declare'],
    ['emphasized', 'emphasize'],
    ['added', 'add'],
    ['believes', 'believe'],
    ['pointed out', 'point out'],
    ['remarked', 'remark'],
    ['underlined', 'underline'],
    ['noted', 'note'],
    ['said', 'say'],
    ['expressed a wish', 'express a wish'],
  ];

  it('every claim has a speaker: Mao (wd:Q5816) for all but the sender\'s own; cg:reportedBy is the sender', () => {
    const sender = only(select(`SELECT ?s WHERE { ${iri(telegram)} schema:sender ?s }`), 's', 'sender').value;
    const mao = entityWithQid('Q5816');
    const rows = select(`SELECT ?c ?speaker ?by ?text WHERE {
      ${iri(telegram)} cg:claim ?c . ?c a cg:Claim ; schema:isPartOf ${iri(telegram)} ; schema:text ?text .
      OPTIONAL { ?c cg:claimant ?speaker } OPTIONAL { ?c cg:reportedBy ?by } }`);
    expect(rows.length, 'claims').toBeGreaterThanOrEqual(20);
    for (const r of rows) {
      const speaker = r['speaker']?.value;
      const own = /^I am waiting for your instructions/.test(r['text']?.value ?? '');
      expect(speaker, `claim "${r['text']?.value.slice(0, 60)}…" is spoken by ${own ? 'the sender' : 'Mao'}`).toBe(own ? sender : mao);
      expect(r['by']?.value, 'cg:reportedBy is the sender').toBe(sender);
    }
    expect(rows.filter((r) => r['speaker']?.value === sender), 'the sender\'s own statement').toHaveLength(1);
  });

  it('every claim has its exact words (schema:text) as a span, and its reporting verb as a span', () => {
    const rows = select(`SELECT ?c ?text WHERE { ${iri(telegram)} cg:claim ?c . ?c schema:text ?text }`);
    for (const r of rows) {
      const c = r['c']?.value ?? '';
      expectSpan(c, r['text']?.value ?? '');
      expect(evidenceOf(c, 'cg:speechAct').length, `${c}: its reporting verb has a span`).toBe(1);
    }
  });

  it.each(ACTS)('reports a claim of Mao\'s with the verb "%s" → speech act "%s" (a SKOS concept with that prefLabel)', (verb, label) => {
    const rows = select(`SELECT ?c ?act ?label WHERE {
      ${iri(telegram)} cg:claim ?c . ?c cg:claimant/owl:sameAs wd:Q5816 ; cg:speechAct ?act .
      OPTIONAL { ?act skos:prefLabel ?label } }`);
    const matching = rows.filter((r) => {
      const c = r['c']?.value ?? '';
      return evidenceOf(c, 'cg:speechAct').some((s) => new RegExp(`\\b${verb}\\b`).test(s.exact));
    });
    expect(matching.length, `a claim whose printed verb contains "${verb}"`).toBeGreaterThan(0);
    const labels = matching.map((r) => r['label']?.value);
    expect(labels, `a claim with the verb "${verb}" has a speech act with skos:prefLabel "${label}"`).toContain(label);
  });

  it('gives every claim one speech act: a skos:Concept of the speech-act scheme with an English prefLabel', () => {
    const rows = select(`SELECT ?c ?act ?label ?scheme WHERE {
      ${iri(telegram)} cg:claim ?c . ?c cg:speechAct ?act .
      OPTIONAL { ?act a skos:Concept ; skos:prefLabel ?label ; skos:inScheme ?scheme } }`);
    expect(new Set(rows.map((r) => r['c']?.value)).size, 'one speech act per claim').toBe(rows.length);
    for (const r of rows) {
      expect(r['act']?.value.startsWith(SPEECH_ACTS), `${r['act']?.value} is in the speech-act scheme`).toBe(true);
      expect([r['label']?.language, r['scheme']?.value], `${r['act']?.value} has a prefLabel@en and its scheme`).toEqual(['en', SPEECH_ACTS]);
    }
  });

  it('keeps the numbered points as printed: 1.–4., then renumbered 1.–3.', () => {
    const rows = select(`SELECT ?c ?point ?start WHERE {
      ${iri(telegram)} cg:claim ?c . ?c cg:pointAsPrinted ?point .
      ?a oa:hasBody ?c ; oa:motivatedBy oa:describing ; oa:hasTarget/oa:hasSelector ?pos . ?pos a oa:TextPositionSelector ; oa:start ?start .
    }`);
    const ordered = [...rows].sort((a, b) => Number(a['start']?.value) - Number(b['start']?.value)).map((r) => r['point']?.value);
    const runs = ordered.filter((p, i) => i === 0 || p !== ordered[i - 1]);
    expect(runs, 'points in text order').toEqual(['1.', '2.', '3.', '4.', '1.', '2.', '3.']);
    const point = (pattern: string) => only(select(`SELECT ?p WHERE { ${iri(telegram)} cg:claim ?c . ?c schema:text ?t ; cg:pointAsPrinted ?p FILTER(${pattern}) }`), 'p', pattern).value;
    expect(point('STRSTARTS(?t, "He is in full agreement")')).toBe('1.');
    expect(point('CONTAINS(?t, "at least nine divisions")')).toBe('3.');
    expect(point('CONTAINS(?t, "about 1000 aircraft")')).toBe('4.');
    expect(point('CONTAINS(?t, "roads and communications are destroyed")')).toBe('1.');
    expect(point('CONTAINS(?t, "1951 budget")')).toBe('2.');
    expect(point('STRSTARTS(?t, "it is necessary to send immediately")')).toBe('3.');
  });

  it('links the claims to their quantities (cg:hasQuantity) and entities (cg:about)', () => {
    expect(ask(`ASK { ?c a cg:Claim ; cg:hasQuantity ?q . ?q schema:minValue ?v FILTER(?v = 9) }`), 'the nine-divisions claim holds its quantity').toBe(true);
    expect(ask(`ASK { ?c a cg:Claim ; cg:hasQuantity ?q . ?q schema:value ?v FILTER(?v = 2200000000) }`), 'the budget claim holds its quantity').toBe(true);
    expect(ask(`ASK { ?c a cg:Claim ; cg:about ?k . ?k owl:sameAs wd:Q18097 }`), 'a claim is about Korea').toBe(true);
  });

  it('records the request for a special plane in Irkutsk as Mao\'s claim, about Irkutsk', () => {
    const c = only(
      select(`SELECT ?c WHERE { ${iri(telegram)} cg:claim ?c . ?c schema:text ?t ; cg:claimant/owl:sameAs wd:Q5816 ; cg:about/owl:sameAs wd:Q6576 FILTER(CONTAINS(?t, "special plane")) }`),
      'c',
      'the special-plane claim',
    ).value;
    expectSpan(c, 'Our special plane is required in Irkutsk');
    expect(only(select(`SELECT ?l WHERE { ${iri(c)} cg:speechAct/skos:prefLabel ?l }`), 'l', 'its speech act').value, 'read as a request').toBe('request');
  });
});

describe('first telegram: entities', () => {
  const PLACES: readonly (readonly [string, string])[] = [
    ['Korea', 'Q18097'],
    ['Shanghai', 'Q8686'],
    ['Tianjin', 'Q11736'],
    ['Beijing', 'Q956'],
    ['Mukden', 'Q11720'],
    ['Anshan', 'Q74957'],
    ['Fushun', 'Q75026'],
    ['Irkutsk', 'Q6576'],
  ];

  it.each(PLACES)('mentions the place %s (owl:sameAs wd:%s) with a span', (printed, qid) => {
    const place = entityWithQid(qid);
    expect(ask(`ASK { ${iri(place)} a ?type FILTER(?type IN (schema:Place, schema:Country)) }`), `${printed} is a schema:Place`).toBe(true);
    expect(entityPrintedAs(printed), `"${printed}" is a printed form of wd:${qid}`).toBe(place);
    expectSpan(place, printed);
  });

  it('names Mukden as printed and Shenyang as the preferred label', () => {
    expect(only(select(`SELECT ?n WHERE { ?p owl:sameAs wd:Q11720 ; schema:name ?n }`), 'n', 'Shenyang label').value).toBe('Shenyang');
  });

  it('mentions the persons with their Wikidata IDs, each with a span', () => {
    const persons: readonly (readonly [string, string])[] = [
      ['Stalin', 'Q855'],
      ['Molotov', 'Q132899'],
      ['Malenkov', 'Q180588'],
      ['Beria', 'Q141829'],
      ['Mikoyan', 'Q152738'],
      ['Kaganovich', 'Q215705'],
      ['Bulganin', 'Q48093'],
      ['MAO ZEDONG', 'Q5816'],
      ['LIN BIAO', 'Q315475'],
    ];
    for (const [printed, qid] of persons) {
      const person = entityWithQid(qid);
      expect(ask(`ASK { ${iri(person)} a schema:Person }`), `${printed} is a schema:Person`).toBe(true);
      expectSpan(person, printed);
    }
  });

  it('gives Roshchin, Zhou Enlai, Shi Zhe, Fedorenko and U Su Xian no owl:sameAs (no verified ID)', () => {
    for (const printed of ['ROSHCHIN', 'ZHOU ENLAI', 'SHI ZHE', 'FEDORENKO', 'U SU XIAN']) {
      const person = entityPrintedAs(printed);
      expect(ask(`ASK { ${iri(person)} owl:sameAs ?x }`), `${printed} has no owl:sameAs`).toBe(false);
      expectSpan(person, printed);
    }
  });

  it('links owl:sameAs only to IDs marked verified in authorities.csv', () => {
    const [head, ...rows] = parseCsv(readFileSync(AUTHORITIES_CSV, 'utf8'));
    const qidColumn = head?.indexOf('wikidata_qid') ?? -1;
    const statusColumn = head?.indexOf('status') ?? -1;
    expect(qidColumn >= 0 && statusColumn >= 0, 'authorities.csv has wikidata_qid and status columns').toBe(true);
    const verified = new Set(rows.filter((r) => /^verified\b/.test(r[statusColumn] ?? '') && /^Q\d+$/.test(r[qidColumn] ?? '')).map((r) => `${WD}${r[qidColumn] ?? ''}`));
    expect(verified.size, 'verified IDs parsed from the CSV').toBeGreaterThan(15);
    const linked = select(`SELECT DISTINCT ?x WHERE { ?e owl:sameAs ?x }`).map((r) => r['x']?.value ?? '');
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.filter((x) => !verified.has(x)), 'owl:sameAs targets not marked verified').toEqual([]);
  });
});

describe('first telegram: evidence', () => {
  it('every annotation\'s position selector slices the text to its quote selector, with matching prefix and suffix', () => {
    const rows = select(`SELECT ?a ?start ?end ?exact ?prefix ?suffix WHERE {
      ?a a oa:Annotation ; oa:hasTarget ?target . ?target oa:hasSource ${iri(telegram)} ; oa:hasSelector ?pos, ?quote .
      ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
      ?quote a oa:TextQuoteSelector ; oa:exact ?exact .
      OPTIONAL { ?quote oa:prefix ?prefix } OPTIONAL { ?quote oa:suffix ?suffix } }`);
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      const start = Number(r['start']?.value);
      const end = Number(r['end']?.value);
      const where = `${r['a']?.value} [${start}, ${end})`;
      expect(codePoints.slice(start, end).join(''), where).toBe(r['exact']?.value);
      expect(codePoints.slice(0, start).join('').endsWith(r['prefix']?.value ?? ''), `${where}: oa:prefix precedes it`).toBe(true);
      expect(codePoints.slice(end).join('').startsWith(r['suffix']?.value ?? ''), `${where}: oa:suffix follows it`).toBe(true);
    }
  });

  it('every mentioned entity, claim, quantity and event has at least one span', () => {
    const things = select(`SELECT DISTINCT ?x WHERE { ${iri(telegram)} schema:mentions|cg:claim|cg:hasQuantity|cg:event ?x }`).map((r) => r['x']?.value ?? '');
    const missing = things.filter((x) => !ask(`ASK { ?a oa:hasBody ${iri(x)} ; oa:hasTarget/oa:hasSource ${iri(telegram)} }`));
    expect(missing, 'things without a span').toEqual([]);
  });
});
