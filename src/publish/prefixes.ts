// **prefixes** takes a base IRI and returns the fixed prefix table every serialization uses.

/** Vocabulary namespaces, independent of where the data is served. Order is the output order. */
export const VOCABULARY_PREFIXES: Readonly<Record<string, string>> = {
  cg: 'https://w3id.org/cablegraph/ontology#',
  schema: 'https://schema.org/',
  oa: 'http://www.w3.org/ns/oa#',
  prov: 'http://www.w3.org/ns/prov#',
  dcterms: 'http://purl.org/dc/terms/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  owl: 'http://www.w3.org/2002/07/owl#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  void: 'http://rdfs.org/ns/void#',
  dcat: 'http://www.w3.org/ns/dcat#',
  sd: 'http://www.w3.org/ns/sparql-service-description#',
  spdx: 'http://spdx.org/rdf/terms#',
  crm: 'http://www.cidoc-crm.org/cidoc-crm/',
};

/**
 * The prefixes for a dataset served at `base` ("http://localhost:3000/"): the vocabularies, plus
 * `data:` for `{base}id/` and one prefix per kind of resource, so that Turtle stays readable.
 */
export function prefixesFor(base: string): Readonly<Record<string, string>> {
  return {
    ...VOCABULARY_PREFIXES,
    data: `${base}id/`,
    telegram: `${base}id/telegram/`,
    person: `${base}id/person/`,
    place: `${base}id/place/`,
    org: `${base}id/org/`,
  };
}
