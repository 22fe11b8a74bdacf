// **query-order** takes SPARQL query text and returns the variables its top-level ORDER BY mentions
// (a lexical scan: comments, strings and IRIs skipped; ORDER BY inside braces belongs to a subquery).

const TOKEN = /#[^\n]*|"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|[?$][\p{L}\p{N}_\u00B7\u0300-\u036F\u203F-\u2040]+|[\p{L}_][\p{L}\p{N}_-]*|[{}]|\S/gu;

/**
 * Variables in the top-level ORDER BY clause, in order of appearance; empty when the query has none.
 * @example orderByVariables('SELECT * { ?s ?p ?o } ORDER BY DESC(?o) ?s LIMIT 3') // ['o', 's']
 */
export function orderByVariables(query: string): string[] {
  let depth = 0;
  let inOrder = false;
  let previous = '';
  const variables: string[] = [];
  for (const match of query.matchAll(TOKEN)) {
    const token = match[0];
    if (token.startsWith('#')) continue;
    const upper = token.toUpperCase();
    if (token === '{') depth += 1;
    else if (token === '}') depth -= 1;
    else if (depth === 0 && upper === 'BY' && previous === 'ORDER') inOrder = true;
    else if (depth === 0 && inOrder && (upper === 'LIMIT' || upper === 'OFFSET' || upper === 'VALUES')) inOrder = false;
    else if (inOrder && depth === 0 && (token.startsWith('?') || token.startsWith('$'))) {
      const name = token.slice(1);
      if (!variables.includes(name)) variables.push(name);
    }
    previous = upper;
  }
  return variables;
}
