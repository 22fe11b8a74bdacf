// **relation-queries** holds the relation queries users ask of the data (who sent what to whom,
// who is mentioned with whom, claims by a person with their quantities, telegrams in a date range)
// and reads SPARQL results from our endpoint as sorted rows of lexical values.

/** A named SELECT query; `minRows` guards against two engines agreeing on nothing. */
export interface RelationQuery {
  readonly name: string;
  readonly query: string;
  readonly minRows: number;
}

const PREFIXES = `PREFIX cg: <https://w3id.org/cablegraph/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
`;

/** Queries written against the core terms only (design.md §4), as a user would write them. */
export const RELATION_QUERIES: readonly RelationQuery[] = [
  {
    name: 'who sent what to whom',
    query: `${PREFIXES}SELECT ?telegram ?title ?sender ?senderName ?recipient ?recipientName WHERE {
  ?telegram a cg:Telegram ; schema:sender ?sender ; schema:recipient ?recipient .
  OPTIONAL { ?telegram schema:name ?title }
  OPTIONAL { ?sender schema:name ?senderName }
  OPTIONAL { ?recipient schema:name ?recipientName }
}`,
    minRows: 1,
  },
  {
    name: 'who is mentioned with whom',
    query: `${PREFIXES}SELECT DISTINCT ?telegram ?a ?b WHERE {
  ?telegram a cg:Telegram ; schema:mentions ?a, ?b .
  ?a a schema:Person . ?b a schema:Person .
  FILTER (STR(?a) < STR(?b))
}`,
    minRows: 2,
  },
  {
    name: 'claims by a person with their quantities',
    query: `${PREFIXES}SELECT ?person ?name ?claim ?words ?quantity ?phrase ?value ?min ?max ?unit WHERE {
  ?claim a cg:Claim ; cg:claimant ?person ; cg:hasQuantity ?quantity .
  ?person a schema:Person .
  OPTIONAL { ?person schema:name ?name }
  OPTIONAL { ?claim schema:text ?words }
  OPTIONAL { ?quantity schema:text ?phrase }
  OPTIONAL { ?quantity schema:value ?value }
  OPTIONAL { ?quantity schema:minValue ?min }
  OPTIONAL { ?quantity schema:maxValue ?max }
  OPTIONAL { ?quantity schema:unitText ?unit }
}`,
    minRows: 3,
  },
  {
    name: 'telegrams sent in October 1950',
    query: `${PREFIXES}SELECT ?telegram ?date WHERE {
  ?telegram a cg:Telegram ; schema:dateSent ?date .
  FILTER (?date >= "1950-10-01"^^xsd:date && ?date <= "1950-10-31"^^xsd:date)
}`,
    minRows: 1,
  },
  {
    name: 'telegrams sent in 1951 (none)',
    query: `${PREFIXES}SELECT ?telegram ?date WHERE {
  ?telegram a cg:Telegram ; schema:dateSent ?date .
  FILTER (?date >= "1951-01-01"^^xsd:date && ?date <= "1951-12-31"^^xsd:date)
}`,
    minRows: 0,
  },
  {
    name: 'claims per claimant',
    query: `${PREFIXES}SELECT ?claimant (COUNT(?claim) AS ?claims) WHERE {
  ?claim a cg:Claim ; cg:claimant ?claimant .
} GROUP BY ?claimant`,
    minRows: 1,
  },
];

/** One result row: the projected variables' lexical values in order, null when unbound. */
export type Row = readonly (string | null)[];

interface JsonResults {
  readonly head: { readonly vars: readonly string[] };
  readonly results: { readonly bindings: readonly Readonly<Record<string, { readonly value: string }>>[] };
}

/** Sorts rows so that two engines' answers compare as bags regardless of order. */
export function sortRows(rows: readonly Row[]): Row[] {
  const key = (row: Row) => JSON.stringify(row);
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Reads SPARQL 1.1 JSON results into sorted rows of lexical values. */
export function rowsFromJson(results: unknown): Row[] {
  const r = results as JsonResults;
  const vars = r.head.vars;
  return sortRows(r.results.bindings.map((binding) => vars.map((v) => binding[v]?.value ?? null)));
}

/** Runs a SELECT through our endpoint (GET, JSON results) and returns sorted rows. */
export async function selectRows(serverUrl: string, query: string): Promise<Row[]> {
  const url = new URL(`sparql?query=${encodeURIComponent(query)}`, serverUrl);
  const response = await fetch(url, { headers: { accept: 'application/sparql-results+json' } });
  if (response.status !== 200) throw new Error(`/sparql answered ${response.status}: ${await response.text()}`);
  return rowsFromJson(await response.json());
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return XML_ENTITIES[name] ?? whole;
  });
}

/**
 * Reads SPARQL XML results (as written by roqet or an endpoint) into sorted rows of lexical values;
 * `<unbound/>` and absent bindings are null.
 */
export function rowsFromXml(xml: string): Row[] {
  const vars = [...xml.matchAll(/<variable\s+name="([^"]*)"\s*\/>/g)].map((m) => m[1] ?? '');
  const rows = [...xml.matchAll(/<result(?:\s[^>]*)?>([\s\S]*?)<\/result>/g)].map((m) => {
    const values = new Map<string, string | null>();
    const bindings = (m[1] ?? '').matchAll(/<binding\s+name="([^"]*)"\s*>\s*<(uri|literal|bnode|unbound)(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/\2>)\s*<\/binding>/g);
    for (const b of bindings) values.set(b[1] ?? '', b[2] === 'unbound' ? null : decodeXml(b[3] ?? ''));
    return vars.map((v) => values.get(v) ?? null);
  });
  return sortRows(rows);
}
