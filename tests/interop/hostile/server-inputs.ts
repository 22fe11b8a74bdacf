// **server-inputs** takes nothing (or a seeded generator) and returns hostile HTTP requests by
// category: malformed percent-encoding, malformed bodies, wrong and absent content types, absurd
// Accept headers, path traversal, oversized requests, huge and deeply nested queries.

import { percentEncode, type RawRequest } from './raw-http.js';
import { nestedQueries } from './sparql-inputs.js';

export interface HostileRequest {
  readonly label: string;
  readonly request: RawRequest;
  /** Statuses this input must get (when narrower than "4xx or a controlled 5xx"). */
  readonly expect?: readonly number[];
}

const TELEGRAM = '/doc/telegram/1950-10-07-roshchin-to-filippov';
const PERSON = '/doc/person/joseph-stalin';
const FORM = 'application/x-www-form-urlencoded';
const DIRECT = 'application/sparql-query';
const ASK = 'ASK { ?s ?p ?o }';

const get = (path: string, headers: readonly (readonly [string, string])[] = []): RawRequest => ({ method: 'GET', path, headers });
const post = (body: Buffer | string, contentType: string | undefined, extra: readonly (readonly [string, string])[] = []): RawRequest => ({
  method: 'POST',
  path: '/sparql',
  headers: [...(contentType !== undefined ? [['Content-Type', contentType] as const] : []), ...extra],
  body,
});

/** Malformed percent-escapes in paths and query strings (raw bytes included). */
export function percentEncodingInputs(): HostileRequest[] {
  const paths = [
    '/doc/%', '/doc/%zz', '/doc/person/%E0%A4%A', '/doc/%C0%AE%C0%AE', '/doc/person/%FF%FE', '/doc/person/%ED%A0%80', '/download/%',
    '/id/%G1', '/%', '/%%%%', '/doc/person%2fjoseph-stalin', '/doc/person/joseph%2Dstalin', '/static/%', '/ontology%',
    '/sparql/%', '/doc/%u0041', '/doc/person/%2', '/doc/%0A%0D', '/doc/person/%00',
  ];
  const queries = [
    '/sparql?query=%', '/sparql?query=%ZZ', '/sparql?query=%E0%A4%A', '/sparql?query=%FF', '/sparql?%=%&query=ASK%7B%7D',
    '/sparql?default-graph-uri=%zz&query=ASK%7B%7D', '/sparql?query=ASK%7B%7D&named-graph-uri=%C0', `${PERSON}?format=%zz`,
    `${PERSON}?format=%00`, '/?%%%%', '/dataset?format=%E0', '/id/person/joseph-stalin?%', '/sparql?query=%u0041SK%7B%7D',
    '/sparql?query', '/sparql?query=&query=', '/sparql?=&=&=', `${TELEGRAM}?${'%'.repeat(2000)}`,
  ];
  const raw = [
    { label: 'raw byte 0xFF in path', path: '/doc/person/\u00ff' },
    { label: 'raw byte 0xC3 in query', path: '/sparql?query=ASK\u00c3{}' },
    { label: 'raw tab in path', path: '/doc/\tperson' },
  ];
  return [
    ...paths.map((p) => ({ label: `path ${p}`, request: get(p, [['Accept', 'text/turtle']]) })),
    ...queries.map((q) => ({ label: `query ${q.slice(0, 60)}`, request: get(q, [['Accept', 'application/sparql-results+json']]) })),
    ...raw.map((r) => ({ label: r.label, request: get(r.path) })),
  ];
}

/** Bodies that are not what they claim to be. */
export function malformedBodyInputs(): HostileRequest[] {
  const invalidUtf8 = Buffer.from([0x71, 0x75, 0x65, 0x72, 0x79, 0x3d, 0xc3, 0x28, 0xff, 0xfe]);
  return [
    { label: 'form: query=%%%', request: post('query=%%%', FORM) },
    { label: 'form: only separators', request: post('&&&=&=&', FORM) },
    { label: 'form: empty', request: post('', FORM), expect: [400] },
    { label: 'form: query twice', request: post(`query=${percentEncode(ASK)}&query=${percentEncode(ASK)}`, FORM), expect: [400] },
    { label: 'form: update parameter', request: post('update=DROP%20ALL', FORM), expect: [403] },
    { label: 'form: invalid UTF-8', request: post(invalidUtf8, FORM), expect: [400] },
    { label: 'form: 20,000 parameters', request: post(`${'a=1&'.repeat(20_000)}query=${percentEncode(ASK)}`, FORM) },
    { label: 'form: random bytes', request: post(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), FORM) },
    { label: 'direct: empty', request: post('', DIRECT), expect: [400] },
    { label: 'direct: whitespace only', request: post(' \n\t ', DIRECT), expect: [400] },
    { label: 'direct: invalid UTF-8', request: post(invalidUtf8, DIRECT), expect: [400] },
    { label: 'direct: NUL bytes', request: post(Buffer.from('ASK \0\0\0 { }'), DIRECT) },
    { label: 'direct: UTF-16LE text', request: post(Buffer.from(ASK, 'utf16le'), DIRECT) },
    { label: 'direct: byte order mark', request: post(`\ufeff${ASK}`, DIRECT) },
    { label: 'direct: gzip encoding, not gzip', request: post('not gzip at all', DIRECT, [['Content-Encoding', 'gzip']]) },
    { label: 'direct: unknown encoding', request: post(ASK, DIRECT, [['Content-Encoding', 'x-hostile']]) },
    { label: 'direct: query in URL and body', request: { ...post(ASK, DIRECT), path: `/sparql?query=${percentEncode(ASK)}` }, expect: [400] },
    {
      label: 'chunked: malformed chunk size',
      request: { method: 'POST', path: '/sparql', headers: [['Content-Type', DIRECT], ['Transfer-Encoding', 'chunked']], body: 'zz\r\nASK {}\r\n0\r\n\r\n', noContentLength: true },
    },
    {
      label: 'chunked and Content-Length',
      request: { method: 'POST', path: '/sparql', headers: [['Content-Type', DIRECT], ['Transfer-Encoding', 'chunked'], ['Content-Length', '3']], body: '6\r\nASK {}\r\n0\r\n\r\n', noContentLength: true },
    },
    { label: 'Content-Length: abc', request: { ...post(ASK, DIRECT, [['Content-Length', 'abc']]), noContentLength: true } },
    { label: 'Content-Length: -1', request: { ...post(ASK, DIRECT, [['Content-Length', '-1']]), noContentLength: true } },
    { label: 'two Content-Lengths', request: { ...post(ASK, DIRECT, [['Content-Length', '16'], ['Content-Length', '3']]), noContentLength: true } },
    { label: 'body on GET', request: { method: 'GET', path: '/sparql?query=ASK%7B%7D', headers: [['Content-Type', DIRECT]], body: 'SELECT * WHERE { ?s ?p ?o }' } },
    { label: 'PUT /sparql', request: { ...post(ASK, DIRECT), method: 'PUT' }, expect: [405] },
    { label: 'DELETE /download', request: { method: 'DELETE', path: '/download/cablegraph.ttl' } },
    { label: 'unknown method', request: { method: 'BREW', path: '/sparql' } },
  ];
}

/** Absent and wrong Content-Type headers on POST /sparql. */
export function contentTypeInputs(): HostileRequest[] {
  const types: readonly (string | undefined)[] = [
    undefined, '', 'text/plain', 'application/json', 'application/sparql-results+json', 'multipart/form-data; boundary=x',
    `${DIRECT}; charset=iso-8859-1`, `${FORM}; charset=utf-16`, ';;;', 'application/', '/', `${DIRECT}, text/plain`, '*/*',
    `${DIRECT}; charset="`, `x/${'y'.repeat(8000)}`, 'application/sparql-update', 'APPLICATION/SPARQL-QUERY', `${DIRECT};charset=UTF-8;charset=latin1`,
    'text/turtle', 'application/xml', '\u00ff\u00fe',
  ];
  return types.map((t) => ({ label: `Content-Type ${t === undefined ? '(absent)' : JSON.stringify(t.slice(0, 50))}`, request: post(ASK, t) }));
}

/** Very long, thousands of q-values, garbage, repeated: on every kind of route. */
export function acceptInputs(): HostileRequest[] {
  const q = encodeURIComponent;
  const paths = [
    PERSON, TELEGRAM, '/sparql', `/sparql?query=${q(ASK)}`, `/sparql?query=${q('CONSTRUCT WHERE { ?s ?p ?o } LIMIT 3')}`,
    `/sparql?query=${q('SELECT * WHERE { ?s ?p ?o } LIMIT 3')}`, '/dataset', '/ontology', '/', '/download/cablegraph.ttl', '/context.jsonld', '/nope',
  ];
  const headers: readonly { label: string; value: string }[] = [
    { label: '1,400 q-values', value: Array.from({ length: 1400 }, (_, i) => `t/x${i};q=0.${i % 1000}`).join(',').slice(0, 15_000) },
    { label: '12 kB of one type', value: `text/${'h'.repeat(12_000)}` },
    { label: 'long q', value: `text/html;q=${'9'.repeat(5000)}` },
    { label: 'separators only', value: ';;;,,,'.repeat(1000) },
    { label: '1,000 parameters', value: `text/turtle${';a=b'.repeat(1000)}` },
    { label: 'every range q=0', value: '*/*;q=0, text/html;q=0, text/turtle;q=0' },
    { label: 'NaN q', value: '*/*;q=NaN, text/html;q=-1, text/turtle;q=1e9' },
    { label: 'latin-1 garbage', value: '\u00ff\u00fe\u00e9/\u00e0;q=\u00b9' },
    { label: 'quotes', value: 'text/html;x="unterminated, */*' },
    { label: 'wildcard subtype first', value: '*/html, text/*;q=0.1' },
  ];
  return paths.flatMap((path) => headers.map((h) => ({ label: `${h.label} on ${path.slice(0, 40)}`, request: get(path, [['Accept', h.value]]) })));
}

/** Attempts to read files outside the dataset through /download/, /doc/, /id/, /static/ and /ontology. */
export function traversalInputs(): HostileRequest[] {
  const targets = [
    '../package.json', '../../package.json', '../../../../../../etc/passwd', '..%2fpackage.json', '%2e%2e%2fpackage.json', '%2e%2e/%2e%2e/package.json',
    '%252e%252e%252fpackage.json', '..%252f..%252fpackage.json', '..%5cpackage.json', '..\\package.json', '..\\..\\package.json', '....//package.json',
    '.%2e/package.json', '%2e./package.json', '%c0%ae%c0%ae%2fpackage.json', '..%c0%afpackage.json', '%u002e%u002e/package.json', 'package.json%00.ttl',
    '%00', '..%00/package.json', '/etc/passwd', '%2fetc%2fpasswd', 'file:///etc/passwd', 'C:\\Windows\\win.ini', '\\\\server\\share', './package.json',
    'ontology/../package.json', 'ontology/..%2f..%2fpackage.json', '~/.ssh/id_rsa', '.git/config', '.env', 'SHA256SUMS/../../package.json',
  ];
  const prefixes = ['/download/', '/doc/', '/id/', '/static/', '/static/yasgui/', '/ontology/'];
  const requests: HostileRequest[] = prefixes.flatMap((prefix) => targets.map((t) => ({ label: `${prefix}${t}`, request: get(`${prefix}${t}`, [['Accept', 'text/plain, */*']]) })));
  requests.push(
    { label: 'raw NUL in path', request: get('/download/cablegraph.ttl\u0000../../package.json') },
    { label: 'request target without a slash', request: get('../package.json') },
    { label: 'absolute-form target', request: get('http://127.0.0.1/../package.json') },
    { label: 'asterisk target', request: get('*') },
    { label: 'query-string path (the download itself)', request: get('/download/cablegraph.ttl?file=../../package.json'), expect: [200] },
    { label: 'format override climbing', request: get(`${PERSON}?format=../../package.json`) },
  );
  return requests;
}

/** Requests over the body, header and URL limits. */
export function oversizedInputs(): HostileRequest[] {
  const big = `SELECT * WHERE { ?s ?p ?o } # ${'x'.repeat(1_150_000)}`;
  return [
    { label: 'direct POST body 1.1 MB', request: post(big, DIRECT), expect: [413] },
    { label: 'form POST body 1.1 MB', request: post(`query=${'x'.repeat(1_150_000)}`, FORM), expect: [413] },
    { label: 'direct POST body 4 MB', request: post('a'.repeat(4_000_000), DIRECT), expect: [413] },
    {
      label: 'chunked body 2 MB',
      request: { method: 'POST', path: '/sparql', headers: [['Content-Type', DIRECT], ['Transfer-Encoding', 'chunked']], body: `${(1_000_000).toString(16)}\r\n${'a'.repeat(1_000_000)}\r\n`.repeat(2) + '0\r\n\r\n', noContentLength: true },
      expect: [413],
    },
    { label: 'Content-Length 100 GB declared', request: { ...post('ASK {}', DIRECT, [['Content-Length', '100000000000']]), noContentLength: true }, expect: [413] },
    { label: 'one 20 kB header', request: get(PERSON, [['X-Big', 'x'.repeat(20_000)]]), expect: [431] },
    { label: '3,000 headers', request: get(PERSON, Array.from({ length: 3000 }, (_, i) => [`X-H${i}`, 'v'] as const)) },
    { label: 'URL of 100 kB', request: get(`/sparql?query=${'a'.repeat(100_000)}`), expect: [414, 431] },
    { label: 'cookie of 15 kB', request: get(PERSON, [['Cookie', `a=${'b'.repeat(15_000)}`]]) },
  ];
}

/** Huge queries under the body limit (about 1 MB) and deeply nested ones (5,000 levels and a few smaller). */
export function hugeAndNestedInputs(): HostileRequest[] {
  const nearLimit = 1_000_000;
  const values = `SELECT * WHERE { VALUES ?x { ${Array.from({ length: 80_000 }, (_, i) => i).join(' ')} } } LIMIT 1`;
  const huge: HostileRequest[] = [
    { label: 'huge: 1 MB comment', request: post(`SELECT * WHERE { ?s ?p ?o } LIMIT 1 #${'c'.repeat(nearLimit)}`, DIRECT) },
    { label: 'huge: 1 MB string literal', request: post(`ASK { FILTER("${'s'.repeat(nearLimit)}" != "") }`, DIRECT) },
    { label: 'huge: 1 MB IRI', request: post(`ASK { <http://x/${'i'.repeat(nearLimit)}> ?p ?o }`, DIRECT) },
    { label: 'huge: 80,000 VALUES', request: post(values, DIRECT) },
    { label: 'huge: 30,000 triple patterns', request: post(`SELECT * WHERE { ${Array.from({ length: 30_000 }, (_, i) => `?s${i} <p> ?o${i} .`).join(' ')} } LIMIT 1`, DIRECT) },
    { label: 'huge: 50,000 variables', request: post(`SELECT ${Array.from({ length: 50_000 }, (_, i) => `?v${i}`).join(' ')} WHERE { }`, DIRECT) },
    { label: 'huge: 20,000 prefixes', request: post(`${Array.from({ length: 20_000 }, (_, i) => `PREFIX p${i}: <http://p/${i}#>`).join('\n')}\nASK {}`, DIRECT) },
    { label: 'huge: 1 MB form query', request: post(`query=${percentEncode('ASK {}')}%23${'c'.repeat(nearLimit - 100)}`, FORM) },
  ];
  const nested = [5000, 1000, 300].flatMap((depth) =>
    nestedQueries(depth).map((n) => ({ label: `nested ${n.label} ×${depth}`, request: post(n.query, DIRECT) })),
  );
  return [...huge, ...nested];
}
