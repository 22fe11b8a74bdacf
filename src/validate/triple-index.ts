// **triple-index** takes quads and returns a read-only RDF/JS DatasetCore of their distinct triples
// (every graph merged into the default graph), indexed for the lookups SHACL makes: by subject and
// predicate, by predicate and object, by object. A match returns the stored quads without copying.

import type { DatasetCore, Quad, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';

type Index = Map<string, Map<string, Quad[]>>;

/** A key that tells terms apart: IRIs as themselves, blank nodes "_:b", literals quoted with language or datatype. */
function termKey(term: Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return term.value;
    case 'BlankNode':
      return `_:${term.value}`;
    case 'Literal':
      return `"${term.value}"${term.language !== '' ? `@${term.language}` : `^^${term.datatype.value}`}`;
    case 'DefaultGraph':
      return '';
    case 'Variable':
      return `?${term.value}`;
    case 'Quad':
      return `<<${termKey(term.subject)} ${termKey(term.predicate)} ${termKey(term.object)}>>`;
  }
}

function put(index: Index, first: string, second: string, quad: Quad): void {
  let inner = index.get(first);
  if (!inner) index.set(first, (inner = new Map()));
  const list = inner.get(second);
  if (list) list.push(quad);
  else inner.set(second, [quad]);
}

function flatten(inner: Map<string, Quad[]> | undefined): Quad[] {
  if (!inner) return [];
  const out: Quad[] = [];
  for (const list of inner.values()) for (const q of list) out.push(q);
  return out;
}

const read = (what: string): never => {
  throw new TypeError(`a triple index is read-only: cannot ${what}`);
};

/** The quads a match found: a read-only DatasetCore over an array it does not copy. */
class QuadList implements DatasetCore {
  constructor(private readonly quads: readonly Quad[]) {}

  get size(): number {
    return this.quads.length;
  }

  [Symbol.iterator](): Iterator<Quad> {
    return this.quads[Symbol.iterator]();
  }

  match(subject?: Term | null, predicate?: Term | null, object?: Term | null, graph?: Term | null): DatasetCore {
    return new QuadList(
      this.quads.filter(
        (q) => (!subject || subject.equals(q.subject)) && (!predicate || predicate.equals(q.predicate)) && (!object || object.equals(q.object)) && (!graph || graph.equals(q.graph)),
      ),
    );
  }

  has(quad: Quad): boolean {
    return this.quads.some((q) => q.equals(quad));
  }

  add(): this {
    return read('add');
  }

  delete(): this {
    return read('delete');
  }
}

const EMPTY = new QuadList([]);

/**
 * The distinct triples of `quads` in the default graph, as a read-only DatasetCore whose match()
 * looks the pattern up in a hash index instead of scanning: what shacl-engine (through grapoi)
 * calls for every value of every property shape.
 * @example new Validator(shapes, { factory }).validate({ dataset: new TripleIndex(quads) })
 */
export class TripleIndex implements DatasetCore {
  private readonly all: Quad[] = [];
  private readonly bySubject: Index = new Map();
  private readonly byPredicate: Index = new Map();
  private readonly byObject: Index = new Map();

  constructor(quads: Iterable<Quad>) {
    const seen = new Set<string>();
    const g = DataFactory.defaultGraph();
    for (const q of quads) {
      const s = termKey(q.subject);
      const p = termKey(q.predicate);
      const o = termKey(q.object);
      const key = `${s}\u0000${p}\u0000${o}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const triple = q.graph.termType === 'DefaultGraph' ? q : DataFactory.quad(q.subject, q.predicate, q.object, g);
      this.all.push(triple);
      put(this.bySubject, s, p, triple);
      put(this.byPredicate, p, o, triple);
      put(this.byObject, o, s, triple);
    }
  }

  get size(): number {
    return this.all.length;
  }

  [Symbol.iterator](): Iterator<Quad> {
    return this.all[Symbol.iterator]();
  }

  match(subject?: Term | null, predicate?: Term | null, object?: Term | null, graph?: Term | null): DatasetCore {
    if (graph && graph.termType !== 'DefaultGraph') return EMPTY;
    let found: readonly Quad[];
    if (subject) {
      const inner = this.bySubject.get(termKey(subject));
      if (!inner) return EMPTY;
      if (predicate) {
        found = inner.get(termKey(predicate)) ?? [];
        if (object) found = found.filter((q) => object.equals(q.object));
      } else if (object) {
        found = this.byObject.get(termKey(object))?.get(termKey(subject)) ?? [];
      } else {
        found = flatten(inner);
      }
    } else if (predicate) {
      const inner = this.byPredicate.get(termKey(predicate));
      if (!inner) return EMPTY;
      found = object ? (inner.get(termKey(object)) ?? []) : flatten(inner);
    } else if (object) {
      found = flatten(this.byObject.get(termKey(object)));
    } else {
      found = this.all;
    }
    return found.length === 0 ? EMPTY : new QuadList(found);
  }

  has(quad: Quad): boolean {
    return quad.graph.termType === 'DefaultGraph' && this.match(quad.subject, quad.predicate, quad.object).size > 0;
  }

  add(): this {
    return read('add');
  }

  delete(): this {
    return read('delete');
  }
}
