// **sample-resources** takes the running site and returns resources to dereference, found through
// /sparql rather than named in the tests (a telegram, a person who makes a claim in it, the claim
// and one of its quantities), and the server paths of their IRIs and documents.

import { selectRows } from './relation-queries.js';

export interface SampleResources {
  readonly telegram: string;
  readonly person: string;
  readonly claim: string;
  readonly quantity: string;
}

/** The first claim (in IRI order) that has a claimant who is a person and a quantity. */
export async function sampleResources(serverUrl: string): Promise<SampleResources> {
  const rows = await selectRows(
    serverUrl,
    `PREFIX cg: <https://w3id.org/cablegraph/ontology#> PREFIX schema: <https://schema.org/>
    SELECT ?telegram ?person ?claim ?quantity WHERE {
      ?claim a cg:Claim ; cg:claimant ?person ; cg:hasQuantity ?quantity ; schema:isPartOf ?telegram .
      ?telegram a cg:Telegram . ?person a schema:Person .
    } ORDER BY ?telegram ?claim ?quantity LIMIT 1`,
  );
  const [telegram, person, claim, quantity] = rows[0] ?? [];
  if (!telegram || !person || !claim || !quantity) throw new Error('no claim with a claimant and a quantity in the data');
  return { telegram, person, claim, quantity };
}

/**
 * The server path (relative, no leading "/") of a resource IRI under `{base}id/`: "id/…", or its
 * document "doc/…" when `kind` is "doc".
 */
export function serverPath(base: string, iri: string, kind: 'id' | 'doc'): string {
  if (!iri.startsWith(`${base}id/`)) throw new Error(`${iri} is not under ${base}id/`);
  return `${kind}/${iri.slice(`${base}id/`.length)}`;
}
