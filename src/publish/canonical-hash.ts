// **canonical-hash** takes N-Quads and returns their RDFC-1.0 canonical form (blank nodes
// relabelled _:c14nN, lines sorted) and its hex SHA-256: the dataset's identity, independent of
// blank-node labels and quad order.

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
