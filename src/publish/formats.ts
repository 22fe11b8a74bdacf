// **formats** is the one table of RDF serializations: it drives the files written by `build`,
// content negotiation, the `?format=` override and the file-extension override on /doc/….

export type RdfFormatName = 'turtle' | 'ntriples' | 'nquads' | 'trig' | 'jsonld' | 'rdfxml';

export interface RdfFormat {
  readonly name: RdfFormatName;
  /** The registered media type, as sent in Content-Type (with "; charset=utf-8" for text types). */
  readonly mediaType: string;
  /** Other media types clients send for the same format (accepted in Accept and Content-Type). */
  readonly aliases: readonly string[];
  /** File extension without the dot; the first is canonical. */
  readonly extensions: readonly string[];
  /** Names accepted by `?format=` and `--format`. */
  readonly keys: readonly string[];
  /** True when the format can carry named graphs. */
  readonly quads: boolean;
  readonly label: string;
}

export const RDF_FORMATS: readonly RdfFormat[] = [
  { name: 'turtle', mediaType: 'text/turtle', aliases: ['application/x-turtle'], extensions: ['ttl'], keys: ['ttl', 'turtle'], quads: false, label: 'Turtle' },
  { name: 'jsonld', mediaType: 'application/ld+json', aliases: ['application/json'], extensions: ['jsonld', 'json'], keys: ['jsonld', 'json-ld', 'json'], quads: true, label: 'JSON-LD' },
  { name: 'ntriples', mediaType: 'application/n-triples', aliases: ['text/plain'], extensions: ['nt'], keys: ['nt', 'ntriples', 'n-triples'], quads: false, label: 'N-Triples' },
  { name: 'nquads', mediaType: 'application/n-quads', aliases: ['text/x-nquads'], extensions: ['nq'], keys: ['nq', 'nquads', 'n-quads'], quads: true, label: 'N-Quads' },
  { name: 'trig', mediaType: 'application/trig', aliases: ['application/x-trig'], extensions: ['trig'], keys: ['trig'], quads: true, label: 'TriG' },
  { name: 'rdfxml', mediaType: 'application/rdf+xml', aliases: ['application/xml', 'text/xml'], extensions: ['rdf', 'xml'], keys: ['rdf', 'rdfxml', 'rdf-xml', 'xml'], quads: false, label: 'RDF/XML' },
];

/** Looks a format up by a `?format=`/`--format` key or a file extension (case-insensitive). */
export function findFormatByKey(key: string): RdfFormat | undefined {
  const k = key.toLowerCase();
  return RDF_FORMATS.find((f) => f.keys.includes(k) || f.extensions.includes(k));
}
