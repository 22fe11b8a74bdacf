// **queries** takes the chosen person, speaker and threshold and returns the six query shapes of
// design.md section 7 (Q1–Q6) as SPARQL text, with Q6 in two forms: the naive property path over
// owl:sameAs and the form the build-time alias resolution allows.

/** One benchmark query. */
export interface BenchQuery {
  /** "Q1" … "Q6", "Q6b". */
  readonly id: string;
  readonly label: string;
  readonly text: string;
}

/** Parameters picked from the data (see PICK_PERSON and PICK_SPEAKER). */
export interface QueryParameters {
  /** A person IRI that has aliases (another person sharing its sameAs) and many mentions. */
  readonly person: string;
  /** The person IRI with the most claims. */
  readonly speaker: string;
  /** Q3 keeps quantities whose schema:value is above this. */
  readonly threshold: number;
}

const PREFIXES = `PREFIX schema: <https://schema.org/>
PREFIX cg: <https://w3id.org/cablegraph/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
`;

/** Finds the most-mentioned person that shares a sameAs with another person (one row: ?p). */
export const PICK_PERSON = `${PREFIXES}SELECT ?p (COUNT(?t) AS ?n) WHERE {
  ?p owl:sameAs ?x . ?q owl:sameAs ?x . FILTER(?p != ?q)
  ?t schema:mentions ?p .
} GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 1`;

/** Fallback for tiny corpora where no alias is mentioned: the most-mentioned person (one row: ?p). */
export const PICK_ANY_PERSON = `${PREFIXES}SELECT ?p (COUNT(?t) AS ?n) WHERE { ?t schema:mentions ?p . ?p a schema:Person } GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 1`;

/** Finds the person with the most claims (one row: ?s). */
export const PICK_SPEAKER = `${PREFIXES}SELECT ?s (COUNT(?c) AS ?n) WHERE { ?c cg:claimant ?s } GROUP BY ?s ORDER BY DESC(?n) ?s LIMIT 1`;

/**
 * The query shapes. Q6b relies on what the build guarantees: every authority's aliases (printed
 * forms, codenames) are resolved to one IRI at build time, and owl:sameAs only points to external
 * IRIs, so two local entries are the same person exactly when they share a sameAs target: the
 * closure is one join instead of an unbounded path.
 */
export function benchQueries(p: QueryParameters): BenchQuery[] {
  const person = `<${p.person}>`;
  return [
    { id: 'Q1', label: 'all triples of one person', text: `SELECT ?p ?o WHERE { ${person} ?p ?o }` },
    {
      id: 'Q2',
      label: 'telegrams mentioning a person, with dates',
      text: `${PREFIXES}SELECT ?t ?date WHERE { ?t schema:mentions ${person} ; schema:dateSent ?date } ORDER BY ?date ?t`,
    },
    {
      id: 'Q3',
      label: `claims by a speaker with quantities > ${p.threshold}`,
      text: `${PREFIXES}SELECT ?claim ?words ?value WHERE {
  ?claim a cg:Claim ; cg:claimant <${p.speaker}> ; cg:hasQuantity ?q ; schema:text ?words .
  ?q schema:value ?value . FILTER(?value > ${p.threshold})
}`,
    },
    {
      id: 'Q4',
      label: 'mentions per person, top 10',
      text: `${PREFIXES}SELECT ?person (COUNT(?t) AS ?mentions) WHERE { ?t schema:mentions ?person . ?person a schema:Person }
GROUP BY ?person ORDER BY DESC(?mentions) ?person LIMIT 10`,
    },
    {
      id: 'Q5',
      label: 'all persons with OPTIONAL labels',
      text: `${PREFIXES}SELECT ?person ?name WHERE { ?person a schema:Person . OPTIONAL { ?person schema:name ?name } }`,
    },
    {
      id: 'Q6',
      label: 'alias closure, naive path (owl:sameAs|^owl:sameAs)*',
      text: `${PREFIXES}SELECT DISTINCT ?t WHERE { ${person} (owl:sameAs|^owl:sameAs)* ?alias . ?t schema:mentions ?alias }`,
    },
    {
      id: 'Q6b',
      label: 'alias closure, build-time form (one sameAs join)',
      text: `${PREFIXES}SELECT DISTINCT ?t WHERE {
  { BIND(${person} AS ?alias) } UNION { ${person} owl:sameAs ?x . ?alias owl:sameAs ?x }
  ?t schema:mentions ?alias
}`,
    },
  ];
}
