// **record-iris** takes one extraction result and the base IRI, and returns the IRI of each of its
// records (claims, quantities, events) by their index in the result's lists, and of its entities.
// It follows graph/to-quads.ts: parts are numbered 1… in span order (start, then longer first).

import type { EntityRef, ExtractionResult } from '../extract/record.js';
import { entityKind, mintIri } from '../graph/mint-iri.js';
import { compareSpans, type Span } from '../text/span.js';

/** IRIs of a telegram's records: `claims[i]` is the IRI of `result.claims[i]`. */
export interface RecordIris {
  readonly telegram: string;
  readonly claims: readonly string[];
  readonly quantities: readonly string[];
  readonly events: readonly string[];
}

/** Position (1-based) of each item in span order, indexed like the input list. */
function positions(items: readonly { readonly span: Span }[]): number[] {
  const order = items.map((item, index) => ({ item, index })).sort((a, b) => compareSpans(a.item.span, b.item.span) || a.index - b.index);
  const out = new Array<number>(items.length).fill(0);
  order.forEach(({ index }, i) => {
    out[index] = i + 1;
  });
  return out;
}

/**
 * The IRIs graph/to-quads.ts mints for a result's records.
 * @example recordIris(result, 'http://localhost:3000/').claims[0] // ".../id/telegram/{slug}/claim/1" when it comes first
 */
export function recordIris(result: ExtractionResult, base: string): RecordIris {
  const slug = result.slug;
  return {
    telegram: mintIri(base, 'telegram', slug),
    claims: positions(result.claims).map((n) => mintIri(base, 'claim', [slug, n])),
    quantities: positions(result.quantities).map((n) => mintIri(base, 'quantity', [slug, n])),
    events: positions(result.events).map((n) => mintIri(base, 'event', [slug, n])),
  };
}

/** The IRI of an entity reference. */
export function entityIri(base: string, ref: EntityRef): string {
  return mintIri(base, entityKind(ref.type), ref.slug);
}
