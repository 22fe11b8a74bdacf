// **mint-iri** takes a base IRI, a kind of resource and its stable key, and returns the resource's IRI.
// The one place IRIs are minted: deterministic from slugs and 1-based positions, never from counters
// held between calls or from randomness.

import { MappingError } from '../errors.js';
import type { EntityType } from '../extract/record.js';

/** Top-level resources, keyed by one slug. */
export type TopLevelKind = 'telegram' | 'person' | 'place' | 'org';

/** Resources inside a telegram, keyed by the telegram's slug and a local key. */
export type TelegramPartKind =
  | 'claim'
  | 'quantity'
  | 'event'
  | 'annotation'
  | 'copy'
  | 'quoted'
  | 'ref'
  | 'identifier';

export type IriKind = TopLevelKind | TelegramPartKind;

/**
 * The key of a resource: a slug for top-level kinds; `[telegramSlug, local]` for parts of a
 * telegram, where `local` is a 1-based position by span start (claim, quantity, event, annotation,
 * copy, quoted), a printed number (ref) or a property id (identifier).
 */
export type IriKey<K extends IriKind> = K extends TopLevelKind ? string : readonly [string, string | number];

const TOP_LEVEL_PATH: Readonly<Record<TopLevelKind, string>> = {
  telegram: 'telegram',
  person: 'person',
  place: 'place',
  org: 'org',
};

function isTopLevel(kind: IriKind): kind is TopLevelKind {
  return kind in TOP_LEVEL_PATH;
}

/** Percent-encodes one path segment; rejects empty keys (they would collide with the parent). */
function segment(key: string | number, kind: IriKind): string {
  const s = String(key);
  if (s.length === 0) throw new MappingError(`cannot mint a ${kind} IRI from an empty key`, 'empty-iri-key');
  if (typeof key === 'number' && !(Number.isInteger(key) && key >= 1)) {
    throw new MappingError(`cannot mint a ${kind} IRI from position ${key}: positions are 1-based integers`, 'bad-iri-position');
  }
  return encodeURIComponent(s);
}

/** Checks that the base IRI is absolute and ends in "/". */
export function checkBase(base: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^\s]*\/$/i.test(base)) {
    throw new MappingError(`base IRI "${base}" must be an absolute IRI ending in "/" (e.g. "http://localhost:3000/")`, 'bad-base-iri');
  }
  return base;
}

/**
 * Mints the IRI of a resource.
 * @example mintIri('http://localhost:3000/', 'telegram', '1950-10-07-x') // "http://localhost:3000/id/telegram/1950-10-07-x"
 * @example mintIri('http://localhost:3000/', 'claim', ['1950-10-07-x', 3]) // ".../id/telegram/1950-10-07-x/claim/3"
 */
export function mintIri<K extends IriKind>(base: string, kind: K, key: IriKey<K>): string {
  checkBase(base);
  if (isTopLevel(kind)) {
    if (typeof key !== 'string') throw new MappingError(`a ${kind} IRI is keyed by one slug`, 'bad-iri-key');
    return `${base}id/${TOP_LEVEL_PATH[kind]}/${segment(key, kind)}`;
  }
  if (typeof key === 'string') throw new MappingError(`a ${kind} IRI is keyed by [telegram slug, local key]`, 'bad-iri-key');
  const [slug, local] = key;
  return `${base}id/telegram/${segment(slug, 'telegram')}/${kind}/${segment(local, kind)}`;
}

/** The top-level kind an entity type is minted under: countries are places, groups are organisations. */
export function entityKind(type: EntityType): 'person' | 'place' | 'org' {
  switch (type) {
    case 'Person':
      return 'person';
    case 'Place':
    case 'Country':
      return 'place';
    case 'Organization':
    case 'Group':
      return 'org';
  }
}

/**
 * The IRI of a named graph: one per telegram (`{base}graph/telegram/{slug}`), and one holding every
 * entity description (`{base}graph/entities`).
 */
export function mintGraphIri(base: string, which: { readonly telegram: string } | 'entities'): string {
  checkBase(base);
  return which === 'entities' ? `${base}graph/entities` : `${base}graph/telegram/${segment(which.telegram, 'telegram')}`;
}

/**
 * The IRI of a node that only exists as part of another resource (an annotation's target and
 * selectors, a referenced telegram's identifier): a fragment of its owner's IRI, so that it is
 * described in its owner's document.
 * @example mintFragmentIri('http://localhost:3000/id/telegram/x/annotation/4', 'target') // "…/annotation/4#target"
 */
export function mintFragmentIri(owner: string, name: 'target' | 'position' | 'quote' | 'identifier'): string {
  if (owner.includes('#')) throw new MappingError(`cannot mint a fragment of "${owner}": it already has one`, 'nested-fragment');
  return `${owner}#${name}`;
}
