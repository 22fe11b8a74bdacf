// **query-text** takes SPARQL request text and returns what the endpoint needs before running it:
// the operation's form (query form or update), whether it names its own dataset, and variable order.
// It is a lexical scan (comments, strings and IRIs skipped), not a parser: Oxigraph parses.

/** The operation a SPARQL text asks for, from its first keyword after the prologue. */
export type OperationForm = 'select' | 'ask' | 'construct' | 'describe' | 'update' | 'unknown';

export interface QueryTextInfo {
  readonly form: OperationForm;
  /** True when the query has a dataset clause (FROM or FROM NAMED) at the top level. */
  readonly hasDatasetClause: boolean;
  /** True for `SELECT *` (also `SELECT DISTINCT *`) at the top level. */
  readonly selectsAll: boolean;
  /** Variable names (without ? or $) in order of first appearance in the text. */
  readonly variables: readonly string[];
  /** Deepest nesting of brackets ({, ( and [ together), outside comments, strings and IRIs. */
  readonly maxDepth: number;
}

type Token =
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'iri' }
  | { readonly kind: 'string' }
  | { readonly kind: 'punct'; readonly text: string };

const UPDATE_KEYWORDS = new Set(['INSERT', 'DELETE', 'LOAD', 'CLEAR', 'CREATE', 'DROP', 'COPY', 'MOVE', 'ADD', 'WITH']);
const QUERY_KEYWORDS: Readonly<Record<string, OperationForm>> = {
  SELECT: 'select',
  ASK: 'ask',
  CONSTRUCT: 'construct',
  DESCRIBE: 'describe',
};

const IRI_REF = /<[^<>"{}|^`\\\u0000-\u0020]*>/y;
const VARIABLE = /[?$]([\p{L}\p{N}_\u00B7\u0300-\u036F\u203F-\u2040]+)/uy;
const WORD = /[\p{L}\p{N}_:][\p{L}\p{N}_\-:.%\\]*/uy;

/** Splits SPARQL text into the few token kinds the scan needs; never throws. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '#') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '"' || c === "'") {
      i = skipString(text, i, c);
      tokens.push({ kind: 'string' });
    } else if (c === '<' && matchAt(IRI_REF, text, i) !== undefined) {
      i += matchAt(IRI_REF, text, i)?.length ?? 1;
      tokens.push({ kind: 'iri' });
    } else if ((c === '?' || c === '$') && matchAt(VARIABLE, text, i) !== undefined) {
      const m = matchAt(VARIABLE, text, i) ?? '';
      tokens.push({ kind: 'var', name: m.slice(1) });
      i += m.length;
    } else if (matchAt(WORD, text, i) !== undefined) {
      const m = (matchAt(WORD, text, i) ?? c).replace(/\.+$/, '');
      tokens.push({ kind: 'word', text: m });
      i += Math.max(m.length, 1);
    } else {
      tokens.push({ kind: 'punct', text: c });
      i += 1;
    }
  }
  return tokens;
}

function matchAt(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m[0] : undefined;
}

/** Returns the index just after the string literal that starts at `start` (long or short form). */
function skipString(text: string, start: number, quote: string): number {
  const long = text.startsWith(quote.repeat(3), start);
  const close = long ? quote.repeat(3) : quote;
  let i = start + close.length;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (text.startsWith(close, i)) return i + close.length;
    else if (!long && (c === '\n' || c === '\r')) return i;
    else i += 1;
  }
  return text.length;
}

function keywordOf(token: Token | undefined): string | undefined {
  return token?.kind === 'word' && /^[A-Za-z]+$/.test(token.text) ? token.text.toUpperCase() : undefined;
}

/**
 * Scans a SPARQL query or update text.
 * @example inspectQueryText('PREFIX ex: <http://e/> SELECT * FROM <g> { ?s ?p ?o }')
 *   // { form: 'select', hasDatasetClause: true, selectsAll: true, variables: ['s', 'p', 'o'] }
 */
export function inspectQueryText(text: string): QueryTextInfo {
  const tokens = tokenize(text);
  let i = 0;
  for (;;) {
    const kw = keywordOf(tokens[i]);
    if (kw === 'BASE') i += 2;
    else if (kw === 'PREFIX') i += 3;
    else break;
  }
  const first = keywordOf(tokens[i]);
  const form: OperationForm = first === undefined ? 'unknown' : (QUERY_KEYWORDS[first] ?? (UPDATE_KEYWORDS.has(first) ? 'update' : 'unknown'));

  let selectsAll = false;
  if (form === 'select') {
    let j = i + 1;
    const modifier = keywordOf(tokens[j]);
    if (modifier === 'DISTINCT' || modifier === 'REDUCED') j += 1;
    const next = tokens[j];
    selectsAll = next?.kind === 'punct' && next.text === '*';
  }

  let depth = 0;
  let hasDatasetClause = false;
  const variables: string[] = [];
  const seen = new Set<string>();
  let open = 0;
  let maxDepth = 0;
  for (const token of tokens) {
    if (token.kind !== 'punct') continue;
    if (token.text === '{' || token.text === '(' || token.text === '[') maxDepth = Math.max(maxDepth, ++open);
    else if (token.text === '}' || token.text === ')' || token.text === ']') open = Math.max(0, open - 1);
  }
  for (const token of tokens.slice(i)) {
    if (token.kind === 'punct' && token.text === '{') depth += 1;
    else if (token.kind === 'punct' && token.text === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && keywordOf(token) === 'FROM') hasDatasetClause = true;
    else if (token.kind === 'var' && !seen.has(token.name)) {
      seen.add(token.name);
      variables.push(token.name);
    }
  }
  return { form, hasDatasetClause, selectsAll, variables, maxDepth };
}
