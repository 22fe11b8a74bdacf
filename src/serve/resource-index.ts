// **resource-index** takes a BuiltDataset and returns an index of its resources: which IRIs under
// {base}id/ exist, their labels and types, each resource's description (the quads a /doc/… page
// serves) and, for the HTML pages, where each telegram's records and each entity's mentions are.
// Indexes hold quad positions (Int32Arrays), never copies of quads; descriptions are built on request.

import type { NamedNode, Quad, Quad_Object, Quad_Subject, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { ExtractionResult } from '../extract/record.js';
import { mintIri } from '../graph/mint-iri.js';
import type { BuiltDataset } from '../publish/dataset.js';
import { entityIri, recordIris, type RecordIris } from './record-iris.js';

const { quad, defaultGraph } = DataFactory;

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const OA_HAS_BODY = 'http://www.w3.org/ns/oa#hasBody';
/** Predicates that give a resource's label, in order of preference. */
export const LABEL_PREDICATES: readonly string[] = [
  'https://schema.org/name',
  'http://www.w3.org/2000/01/rdf-schema#label',
  'http://www.w3.org/2004/02/skos/core#prefLabel',
  'http://purl.org/dc/terms/title',
];

/** What kind of page a resource gets. */
export type ResourceKind = 'telegram' | 'person' | 'place' | 'org' | 'claim' | 'quantity' | 'event' | 'annotation' | 'part';

/** Where a record sits: the telegram's index in `dataset.results` and the record's index in its list. */
export interface RecordLocation {
  readonly result: number;
  readonly index: number;
}

/** One mention of an entity in a telegram. */
export interface Appearance {
  readonly result: number;
  /** Index in result.mentions. */
  readonly mention: number;
}

export interface ResourceIndex {
  readonly base: string;
  readonly dataset: BuiltDataset;
  /** True when the IRI is the subject of some quad (a resource with a document). */
  has(iri: string): boolean;
  kindOf(iri: string): ResourceKind;
  /** The preferred label (schema:name, rdfs:label…), if any. */
  label(iri: string): string | undefined;
  types(iri: string): string[];
  /** Values of one predicate of a subject (all graphs). */
  objects(iri: string, predicate: string): Quad_Object[];
  /** The resource's description: see describe() in this file. Graphs merged, deduplicated. */
  describe(iri: string): Quad[];
  /** Telegram IRIs in slug order with their index in dataset.results. */
  telegrams(): readonly { readonly iri: string; readonly result: number }[];
  /** Subject IRIs of a top-level kind ("person", "place", "org"), sorted by label. */
  entities(kind: 'person' | 'place' | 'org'): string[];
  resultOf(telegramIri: string): number | undefined;
  recordIris(result: number): RecordIris;
  /** The record a claim, quantity or event IRI stands for. */
  recordOf(iri: string): (RecordLocation & { readonly kind: 'claim' | 'quantity' | 'event' }) | undefined;
  /** Every mention of an entity, in telegram then text order. */
  appearances(entityIri: string): readonly Appearance[];
}

function subjectKey(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

/**
 * Quad positions grouped by a key, in compressed form: one Int32Array of positions and one of group
 * starts, plus the key → group map. About 10 bytes per quad plus the map entry per key, instead of
 * one JS array per key.
 */
interface Groups {
  readonly group: ReadonlyMap<string, number>;
  readonly starts: Int32Array;
  readonly items: Int32Array;
}

function groupBy(count: number, keyOf: (i: number) => string | undefined): Groups {
  const group = new Map<string, number>();
  const keys = new Int32Array(count).fill(-1);
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) {
    const key = keyOf(i);
    if (key === undefined) continue;
    let g = group.get(key);
    if (g === undefined) {
      g = sizes.length;
      group.set(key, g);
      sizes.push(0);
    }
    keys[i] = g;
    sizes[g] = (sizes[g] ?? 0) + 1;
  }
  const starts = new Int32Array(sizes.length + 1);
  for (let g = 0; g < sizes.length; g++) starts[g + 1] = (starts[g] ?? 0) + (sizes[g] ?? 0);
  const fill = starts.slice(0, sizes.length);
  const items = new Int32Array(starts[sizes.length] ?? 0);
  for (let i = 0; i < count; i++) {
    const g = keys[i] ?? -1;
    if (g < 0) continue;
    items[fill[g] ?? 0] = i;
    fill[g] = (fill[g] ?? 0) + 1;
  }
  return { group, starts, items };
}

function positionsOf(groups: Groups, key: string): Int32Array {
  const g = groups.group.get(key);
  return g === undefined ? new Int32Array(0) : groups.items.subarray(groups.starts[g] ?? 0, groups.starts[g + 1] ?? 0);
}

/** First index in the sorted array whose value is >= key. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Indexes a dataset. Memory: quad positions grouped by subject and by object IRI (Int32Arrays and
 * one map entry per key), one sorted array of subject IRIs (strings shared with the quads), plus
 * small per-telegram maps built lazily.
 */
export function createResourceIndex(dataset: BuiltDataset): ResourceIndex {
  const { base, quads, results } = dataset;
  const idPrefix = `${base}id/`;
  const bySubject = groupBy(quads.length, (i) => {
    const q = quads[i];
    return q ? subjectKey(q.subject) : undefined;
  });
  const byObject = groupBy(quads.length, (i) => {
    const o = quads[i]?.object;
    return o && o.termType === 'NamedNode' && o.value.startsWith(idPrefix) ? o.value : undefined;
  });
  const subjects = [...bySubject.group.keys()].filter((k) => !k.startsWith('_:')).sort();
  const resultBySlug = new Map<string, number>();
  results.forEach((r, i) => resultBySlug.set(r.slug, i));

  // Lazily built: record IRIs per telegram, entity appearances.
  const irisCache = new Map<number, RecordIris>();
  let appearanceIndex: Map<string, Appearance[]> | undefined;

  const quadsOf = (key: string): Quad[] => {
    const out: Quad[] = [];
    for (const i of positionsOf(bySubject, key)) {
      const q = quads[i];
      if (q) out.push(q);
    }
    return out;
  };
  const objects = (iri: string, predicate: string): Quad_Object[] => quadsOf(iri).filter((q) => q.predicate.value === predicate).map((q) => q.object);

  const label = (iri: string): string | undefined => {
    const own = quadsOf(iri);
    for (const p of LABEL_PREDICATES) {
      const found = own.find((q) => q.predicate.value === p && q.object.termType === 'Literal');
      if (found) return found.object.value;
    }
    return undefined;
  };

  const kindOf = (iri: string): ResourceKind => {
    const path = iri.startsWith(idPrefix) ? iri.slice(idPrefix.length).split('#')[0] ?? '' : '';
    const parts = path.split('/');
    if (parts[0] === 'telegram' && parts.length === 2) return 'telegram';
    if ((parts[0] === 'person' || parts[0] === 'place' || parts[0] === 'org') && parts.length === 2) return parts[0];
    if (parts[0] === 'telegram' && parts.length === 4) {
      const k = parts[2];
      if (k === 'claim' || k === 'quantity' || k === 'event' || k === 'annotation') return k;
    }
    return 'part';
  };

  /** Subject IRIs that start with `prefix`. */
  const subjectsUnder = (prefix: string): string[] => {
    const out: string[] = [];
    for (let i = lowerBound(subjects, prefix); i < subjects.length && (subjects[i] ?? '').startsWith(prefix); i++) out.push(subjects[i] ?? '');
    return out;
  };

  const getRecordIris = (result: number): RecordIris => {
    const cached = irisCache.get(result);
    if (cached) return cached;
    const r = results[result];
    const iris = r ? recordIris(r, base) : { telegram: '', claims: [], quantities: [], events: [] };
    irisCache.set(result, iris);
    return iris;
  };

  const telegramSlugOf = (iri: string): string | undefined => {
    const m = /^telegram\/([^/#]+)/.exec(iri.startsWith(idPrefix) ? iri.slice(idPrefix.length) : '');
    if (!m?.[1]) return undefined;
    try {
      return decodeURIComponent(m[1]);
    } catch {
      return undefined;
    }
  };

  /**
   * A resource's description, graphs merged:
   * 1. every quad with the resource as subject, and with any IRI under its own path as subject
   *    (`{iri}/…`, `{iri}#…`: a telegram's claims, quantities, events, copies, annotations…),
   *    following blank nodes;
   * 2. for a telegram's claims, quantities and events: the annotations whose oa:hasBody it is
   *    (the evidence), with their targets and selectors;
   * 3. inbound links from other resources (a telegram that mentions a person, a claim it made),
   *    except evidence annotations, which stay in their telegram's document;
   * 4. the labels of every other resource it links to.
   */
  const describe = (iri: string): Quad[] => {
    const out: Quad[] = [];
    const seen = new Set<string>();
    const described = new Set<string>();
    const add = (q: Quad) => {
      const key = `${subjectKey(q.subject)} ${q.predicate.value} ${q.object.termType}:${q.object.value}:${q.object.termType === 'Literal' ? `${q.object.datatype.value}@${q.object.language}` : ''}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(quad(q.subject, q.predicate, q.object, defaultGraph()));
    };
    const queue: string[] = [iri, ...subjectsUnder(`${iri}#`), ...subjectsUnder(`${iri}/`)];
    const describeQueue = () => {
      for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
        if (described.has(key)) continue;
        described.add(key);
        for (const q of quadsOf(key)) {
          add(q);
          if (q.object.termType === 'BlankNode') queue.push(subjectKey(q.object));
        }
      }
    };
    describeQueue();
    const kind = kindOf(iri);
    const inbound = [...positionsOf(byObject, iri)].flatMap((i) => (quads[i] ? [quads[i]] : []));
    if (kind === 'claim' || kind === 'quantity' || kind === 'event') {
      for (const q of inbound) {
        if (q.predicate.value !== OA_HAS_BODY) continue;
        queue.push(q.subject.value, ...subjectsUnder(`${q.subject.value}#`));
      }
      describeQueue();
    }
    for (const q of inbound) {
      if (q.predicate.value === OA_HAS_BODY || described.has(subjectKey(q.subject))) continue;
      add(q);
    }
    // Labels of what the description links to.
    const linked = new Set<string>();
    for (const q of [...out]) {
      for (const t of [q.subject, q.object]) if (t.termType === 'NamedNode' && !described.has(t.value)) linked.add(t.value);
    }
    for (const other of linked) {
      for (const q of quadsOf(other)) if (LABEL_PREDICATES.includes(q.predicate.value) && q.object.termType === 'Literal') add(q);
    }
    return out;
  };

  const buildAppearances = (): Map<string, Appearance[]> => {
    const map = new Map<string, Appearance[]>();
    results.forEach((r: ExtractionResult, result) => {
      r.mentions.forEach((m, mention) => {
        const key = entityIri(base, m.entity);
        const list = map.get(key);
        if (list) list.push({ result, mention });
        else map.set(key, [{ result, mention }]);
      });
    });
    return map;
  };

  const telegramList = results
    .map((r, result) => ({ iri: mintIri(base, 'telegram', r.slug), result }))
    .sort((a, b) => (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0));

  return {
    base,
    dataset,
    has: (iri) => bySubject.group.has(iri),
    kindOf,
    label,
    types: (iri) => objects(iri, RDF_TYPE).map((o) => o.value),
    objects,
    describe,
    telegrams: () => telegramList,
    entities: (kind) =>
      subjectsUnder(`${idPrefix}${kind}/`)
        .filter((s) => kindOf(s) === kind)
        .map((s) => ({ s, l: (label(s) ?? s).toLowerCase() }))
        .sort((a, b) => (a.l < b.l ? -1 : a.l > b.l ? 1 : a.s < b.s ? -1 : 1))
        .map((x) => x.s),
    resultOf: (iri) => {
      const slug = telegramSlugOf(iri);
      return slug === undefined ? undefined : resultBySlug.get(slug);
    },
    recordIris: getRecordIris,
    recordOf: (iri) => {
      const slug = telegramSlugOf(iri);
      const result = slug === undefined ? undefined : resultBySlug.get(slug);
      if (result === undefined) return undefined;
      const kind = kindOf(iri);
      if (kind !== 'claim' && kind !== 'quantity' && kind !== 'event') return undefined;
      const iris = getRecordIris(result);
      const list = kind === 'claim' ? iris.claims : kind === 'quantity' ? iris.quantities : iris.events;
      const index = list.indexOf(iri);
      return index < 0 ? undefined : { kind, result, index };
    },
    appearances: (iri) => {
      appearanceIndex ??= buildAppearances();
      return appearanceIndex.get(iri) ?? [];
    },
  };
}


/** A named node's IRI, or undefined for literals and blank nodes. */
export function iriOf(term: Quad_Subject | Quad_Object | NamedNode): string | undefined {
  return term.termType === 'NamedNode' ? term.value : undefined;
}
