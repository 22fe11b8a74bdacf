// **raw-http** takes a request as exact bytes (or as method, raw path, headers and body) and returns
// the server's answer (status, headers, body) read from a plain TCP socket: no URL normalisation,
// no header validation, so that malformed requests reach the server as written.

import { connect } from 'node:net';

export interface RawRequest {
  readonly method?: string;
  /** Sent as written: "../", "%2e", backslashes and NUL bytes stay. */
  readonly path: string;
  readonly headers?: readonly (readonly [string, string])[];
  readonly body?: Buffer | string;
  /** Don't add Content-Length for the body (the headers say how it is framed). */
  readonly noContentLength?: boolean;
}

export interface RawResponse {
  /** The HTTP status, 0 when the server closed without answering, -1 on a client-side time-out. */
  readonly status: number;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
  readonly ms: number;
  /** A socket error seen (e.g. ECONNRESET after a 413 while the body was still being written). */
  readonly error?: string;
}

/** Serializes a request with `Host` and `Connection: close` (unless given) and a Content-Length. */
export function requestBytes(host: string, request: RawRequest): Buffer {
  const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
  const headers = [...(request.headers ?? [])];
  const has = (name: string) => headers.some(([k]) => k.toLowerCase() === name);
  if (!has('host')) headers.unshift(['Host', host]);
  if (!has('connection')) headers.push(['Connection', 'close']);
  if (body !== undefined && !request.noContentLength && !has('content-length') && !has('transfer-encoding')) {
    headers.push(['Content-Length', String(body.length)]);
  }
  const head = `${request.method ?? 'GET'} ${request.path} HTTP/1.1\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body ?? Buffer.alloc(0)]);
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = Number.parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Parses a whole HTTP/1.1 response (the first one, when there are several). */
export function parseResponse(bytes: Buffer): { status: number; headers: Map<string, string>; body: string } {
  const headEnd = bytes.indexOf('\r\n\r\n');
  const head = (headEnd < 0 ? bytes : bytes.subarray(0, headEnd)).toString('latin1');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  let body = headEnd < 0 ? Buffer.alloc(0) : bytes.subarray(headEnd + 4);
  if (headers.get('transfer-encoding')?.toLowerCase() === 'chunked') body = dechunk(body);
  else if (headers.has('content-length')) body = body.subarray(0, Number(headers.get('content-length')));
  return { status, headers, body: body.toString('utf8') };
}

/**
 * Sends `bytes` to 127.0.0.1:`port` and reads until the server closes (or `timeoutMs`, then -1).
 * `abortAfterMs` closes the socket early, as a client that gives up (status 0 then).
 */
export function sendRaw(port: number, bytes: Buffer, options: { timeoutMs?: number; abortAfterMs?: number } = {}): Promise<RawResponse> {
  const started = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let error: string | undefined;
    let done = false;
    const socket = connect({ host: '127.0.0.1', port });
    const finish = (timedOut: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (abort) clearTimeout(abort);
      socket.destroy();
      const parsed = parseResponse(Buffer.concat(chunks));
      resolve({ ...parsed, status: timedOut ? -1 : parsed.status, ms: performance.now() - started, ...(error !== undefined ? { error } : {}) });
    };
    const timer = setTimeout(() => finish(true), options.timeoutMs ?? 30_000);
    const abort = options.abortAfterMs !== undefined ? setTimeout(() => finish(false), options.abortAfterMs) : undefined;
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
    });
    socket.on('close', () => finish(false));
    socket.on('connect', () => {
      socket.write(bytes);
    });
  });
}

/** Percent-encodes every byte of `text`'s UTF-8 except unreserved characters (lone surrogates become U+FFFD). */
export function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
