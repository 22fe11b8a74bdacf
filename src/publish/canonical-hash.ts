// **canonical-hash** takes N-Quads (or quads) and returns their RDFC-1.0 canonical form (blank
// nodes relabelled _:c14nN, lines sorted) and its hex SHA-256: the dataset's identity, independent
// of blank-node labels and quad order.

import type { Quad, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { canonize } from 'rdf-canonize';
import { MappingError } from '../errors.js';
import { sha256Hex } from './checksums.js';

export interface CanonicalForm {
  /** Canonical N-Quads (RDFC-1.0), one sorted line per quad. */
  readonly nquads: string;
  /** Lower-case hex SHA-256 of the UTF-8 bytes of `nquads`. */
  readonly hash: string;
}

/**
 * Canonicalizes an N-Quads document with RDFC-1.0. `maxWorkFactor` bounds the work spent on
 * indistinguishable blank nodes (2 = O(n²)); a graph that needs more fails with a MappingError.
 * @example (await canonicalForm('_:x <http://a/p> "1" .\n')).nquads // '_:c14n0 <http://a/p> "1" .\n'
 */
export async function canonicalForm(nquads: string, options: { maxWorkFactor?: number } = {}): Promise<CanonicalForm> {
  let canonical: string;
  try {
    canonical = await canonize(nquads, {
      algorithm: 'RDFC-1.0',
      inputFormat: 'application/n-quads',
      format: 'application/n-quads',
      maxWorkFactor: options.maxWorkFactor ?? 2,
    });
  } catch (error) {
    throw new MappingError(`RDFC-1.0 canonicalization failed: ${(error as Error).message}`, 'canonicalization', { cause: error });
  }
  return { nquads: canonical, hash: sha256Hex(canonical) };
}

/** The hex SHA-256 of the RDFC-1.0 canonical N-Quads of `nquads`. */
export async function canonicalHash(nquads: string): Promise<string> {
  return (await canonicalForm(nquads)).hash;
}

/** The canonical form of quads, with the quads themselves relabelled. */
export interface CanonicalQuads extends CanonicalForm {
  /**
   * The input quads in their input order with blank nodes relabelled to their canonical labels
   * (c14nN); the input array itself when it has no blank node.
   */
  readonly quads: readonly Quad[];
}

/**
 * Canonicalizes quads (distinct, as sortQuads returns them) with RDFC-1.0, as canonicalForm does
 * for their N-Quads, without writing and re-parsing them: rdf-canonize's N-Quads reader checks
 * each quad against every quad already read in its graph (quadratic in the size of a named graph).
 * Also returns the quads relabelled, so the caller needs no parser to read the canonical form back.
 * @example (await canonicalizeQuads(sortQuads(quads, { merge: false }))).hash
 */
export async function canonicalizeQuads(quads: readonly Quad[], options: { maxWorkFactor?: number } = {}): Promise<CanonicalQuads> {
  const canonicalIdMap = new Map<string, string>();
  let canonical: string;
  try {
    canonical = await canonize(quads, { algorithm: 'RDFC-1.0', format: 'application/n-quads', maxWorkFactor: options.maxWorkFactor ?? 2, canonicalIdMap });
  } catch (error) {
    throw new MappingError(`RDFC-1.0 canonicalization failed: ${(error as Error).message}`, 'canonicalization', { cause: error });
  }
  const relabel = <T extends Term>(term: T): T | Term => {
    if (term.termType !== 'BlankNode') return term;
    const id = canonicalIdMap.get(`_:${term.value}`) ?? canonicalIdMap.get(term.value);
    return id === undefined ? term : DataFactory.blankNode(id.replace(/^_:/, ''));
  };
  const relabelled = canonicalIdMap.size === 0
    ? quads
    : quads.map((q) => DataFactory.quad(relabel(q.subject) as Quad['subject'], q.predicate, relabel(q.object) as Quad['object'], relabel(q.graph) as Quad['graph']));
  return { nquads: canonical, hash: sha256Hex(canonical), quads: relabelled };
}
