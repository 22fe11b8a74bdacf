// **sort-quads** takes quads and returns them deduplicated in one fixed order (graph, subject,
// predicate with rdf:type first, object), so that every serialization is byte-identical for
// identical input. Keys compare by UTF-16 code units, never by locale.

import type { Quad, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** A string that identifies a term and orders IRIs before blank nodes before literals. */
export function termKey(term: Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return `<${term.value}`;
    case 'BlankNode':
      return `_${term.value}`;
    case 'Literal':
      return `"${term.value}\u0000${term.language}\u0000${term.datatype.value}`;
    case 'DefaultGraph':
      return '';
    case 'Variable':
      return `?${term.value}`;
    case 'Quad':
      return `<<${termKey(term.subject)} ${termKey(term.predicate)} ${termKey(term.object)}>>`;
  }
}

function predicateKey(term: Term): string {
  return term.value === RDF_TYPE ? '' : termKey(term);
}

/**
 * Sorts and deduplicates quads. With `merge`, every quad moves to the default graph first
 * (what triple formats need).
 */
export function sortQuads(quads: readonly Quad[], options: { merge: boolean }): Quad[] {
  const keyed = quads.map((q) => {
    const quad = options.merge && q.graph.termType !== 'DefaultGraph'
      ? DataFactory.quad(q.subject, q.predicate, q.object, DataFactory.defaultGraph())
      : q;
    const key = `${termKey(quad.graph)}\u0001${termKey(quad.subject)}\u0001${predicateKey(quad.predicate)}\u0001${termKey(quad.object)}`;
    return { key, quad };
  });
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const out: Quad[] = [];
  let previous: string | undefined;
  for (const { key, quad } of keyed) {
    if (key !== previous) out.push(quad);
    previous = key;
  }
  return out;
}
