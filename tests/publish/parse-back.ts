// Independent parsers for the serializer tests: n3 for Turtle/TriG/N-Triples/N-Quads, jsonld
// toRDF for JSON-LD, rdflib for RDF/XML; plus the external tools rapper and python rdflib.
import type { Quad } from '@rdfjs/types';
import { spawnSync } from 'node:child_process';
import jsonld from 'jsonld';
import { DataFactory, Parser } from 'n3';
import * as $rdf from 'rdflib';
import type { RdfFormatName } from '../../src/publish/formats.js';

const N3_NAMES = { turtle: 'Turtle', trig: 'TriG', ntriples: 'N-Triples', nquads: 'N-Quads' } as const;

/** Parses a serialization back into quads with a parser other than the one that wrote it. */
export async function parseBack(text: string, format: RdfFormatName): Promise<Quad[]> {
  switch (format) {
    case 'turtle':
    case 'trig':
    case 'ntriples':
    case 'nquads':
      return new Parser({ format: N3_NAMES[format] }).parse(text);
    case 'jsonld': {
      const nquads = (await jsonld.toRDF(JSON.parse(text) as object, { format: 'application/n-quads' })) as string;
      return new Parser({ format: 'N-Quads' }).parse(nquads);
    }
    case 'rdfxml':
      return parseRdfXmlWithRdflib(text);
  }
}

function parseRdfXmlWithRdflib(text: string): Quad[] {
  const store = $rdf.graph();
  $rdf.parse(text, store, 'http://example.org/doc', 'application/rdf+xml');
  return store.statements.map((st) => {
    const term = (t: { termType: string; value: string }) => {
      if (t.termType === 'BlankNode') return DataFactory.blankNode(t.value);
      if (t.termType === 'NamedNode') return DataFactory.namedNode(t.value);
      throw new Error(`unexpected ${t.termType}`);
    };
    const o = st.object;
    const object =
      o.termType === 'Literal'
        ? DataFactory.literal(o.value, (o as $rdf.Literal).language || DataFactory.namedNode((o as $rdf.Literal).datatype.value))
        : term(o);
    return DataFactory.quad(term(st.subject) as Quad['subject'], DataFactory.namedNode(st.predicate.value), object as Quad['object']);
  });
}

/** A python3 that has rdflib (the Debian one when the default python lacks it), or undefined. */
export function pythonWithRdflib(): string | undefined {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import rdflib'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return undefined;
}

/** True when the rapper tool (raptor2-utils) runs. */
export function hasRapper(): boolean {
  return spawnSync('rapper', ['--version'], { encoding: 'utf8' }).status === 0;
}
