// **http-auth** takes credentials and returns a fetch that answers HTTP authentication challenges:
// Digest (RFC 7616 / RFC 2617: MD5, MD5-sess, SHA-256, SHA-256-sess; qop=auth or none) and Basic.

import { createHash, randomBytes } from 'node:crypto';

/** The fetch signature the remote modules use (global fetch fits). */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/** One challenge of a WWW-Authenticate header: its scheme (lower case) and parameters (keys lower case). */
export interface AuthChallenge {
  readonly scheme: string;
  readonly params: Readonly<Record<string, string>>;
}

export interface AuthOptions {
  readonly user?: string;
  readonly password?: string;
  /** Underlying fetch (default: the global fetch). */
  readonly fetch?: FetchLike;
  /** Client nonce source (default: 16 random bytes in hex); tests pass a fixed one. */
  readonly cnonce?: () => string;
}

/** A fetch that authenticates when challenged. */
export interface AuthFetch {
  (url: string, init?: RequestInit): Promise<Response>;
  /** True when credentials were configured. */
  readonly hasCredentials: boolean;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;

/**
 * Parses a WWW-Authenticate value into its challenges (several may share one header, comma-joined).
 * @example parseChallenges('Digest realm="x", qop="auth", Basic realm="y"') // [{ scheme: 'digest', … }, { scheme: 'basic', … }]
 */
export function parseChallenges(header: string): AuthChallenge[] {
  const challenges: { scheme: string; params: Record<string, string> }[] = [];
  let rest = header.trim();
  while (rest.length > 0) {
    rest = rest.replace(/^[\s,]+/, '');
    const token = TOKEN.exec(rest)?.[0];
    if (token === undefined) break;
    const after = rest.slice(token.length);
    const param = /^\s*=\s*/.exec(after);
    const current = challenges.at(-1);
    if (param && current) {
      // key=value inside the current challenge
      let value: string;
      let tail = after.slice(param[0].length);
      if (tail.startsWith('"')) {
        let i = 1;
        let out = '';
        for (; i < tail.length && tail[i] !== '"'; i++) {
          if (tail[i] === '\\' && i + 1 < tail.length) i++;
          out += tail[i] ?? '';
        }
        value = out;
        tail = tail.slice(i + 1);
      } else {
        value = TOKEN.exec(tail)?.[0] ?? '';
        tail = tail.slice(value.length);
      }
      current.params[token.toLowerCase()] = value;
      rest = tail;
    } else if (param) {
      break; // a parameter before any scheme: malformed
    } else {
      challenges.push({ scheme: token.toLowerCase(), params: {} });
      rest = after;
    }
  }
  return challenges;
}

type DigestAlgorithm = 'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess';

const ALGORITHMS: Readonly<Record<string, DigestAlgorithm>> = { md5: 'MD5', 'md5-sess': 'MD5-sess', 'sha-256': 'SHA-256', 'sha-256-sess': 'SHA-256-sess' };

function hash(algorithm: DigestAlgorithm, text: string): string {
  return createHash(algorithm.startsWith('SHA-256') ? 'sha256' : 'md5').update(text, 'utf8').digest('hex');
}

function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** What a Digest Authorization header is computed from. */
export interface DigestInput {
  readonly user: string;
  readonly password: string;
  readonly method: string;
  /** The request-target: path and query, as sent on the request line. */
  readonly uri: string;
  readonly challenge: AuthChallenge;
  /** Nonce count (1 for the first request with this nonce). */
  readonly nc: number;
  readonly cnonce: string;
}

/**
 * Computes a Digest `Authorization` header value (RFC 7616 §3.4), or undefined when the challenge
 * asks for something unsupported (qop=auth-int only, an unknown algorithm, userhash).
 */
export function digestAuthorization(input: DigestInput): string | undefined {
  const p = input.challenge.params;
  const realm = p['realm'] ?? '';
  const nonce = p['nonce'];
  if (nonce === undefined) return undefined;
  const algorithm = ALGORITHMS[(p['algorithm'] ?? 'MD5').toLowerCase()];
  if (algorithm === undefined || p['userhash']?.toLowerCase() === 'true') return undefined;
  const qops = p['qop']?.split(',').map((q) => q.trim().toLowerCase());
  if (qops !== undefined && !qops.includes('auth')) return undefined;
  let ha1 = hash(algorithm, `${input.user}:${realm}:${input.password}`);
  if (algorithm.endsWith('-sess')) ha1 = hash(algorithm, `${ha1}:${nonce}:${input.cnonce}`);
  const ha2 = hash(algorithm, `${input.method.toUpperCase()}:${input.uri}`);
  const nc = input.nc.toString(16).padStart(8, '0');
  const response = qops ? hash(algorithm, `${ha1}:${nonce}:${nc}:${input.cnonce}:auth:${ha2}`) : hash(algorithm, `${ha1}:${nonce}:${ha2}`);
  const parts = [
    `username=${quoted(input.user)}`,
    `realm=${quoted(realm)}`,
    `nonce=${quoted(nonce)}`,
    `uri=${quoted(input.uri)}`,
    `algorithm=${algorithm}`,
    `response=${quoted(response)}`,
  ];
  if (qops) parts.push('qop=auth', `nc=${nc}`, `cnonce=${quoted(input.cnonce)}`);
  if (p['opaque'] !== undefined) parts.push(`opaque=${quoted(p['opaque'])}`);
  return `Digest ${parts.join(', ')}`;
}

function basicAuthorization(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

function requestTarget(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

/** Protection-space key: a challenge is reused for later requests to the same origin and path. */
function spaceOf(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

interface Remembered {
  readonly challenge: AuthChallenge;
  nc: number;
}

/**
 * Returns a fetch that, given credentials, answers a 401 challenge once (Digest preferred over
 * Basic) and reuses a Digest nonce for later requests to the same URL path (incrementing nc), so a
 * push of many graphs costs one extra round trip, not one per graph. A `stale=true` challenge is
 * answered again with the new nonce. Without credentials it is the plain fetch. Request bodies must
 * be strings or buffers (they may be sent twice).
 * @example const f = createAuthFetch({ user: 'dba', password: 'dba' }); await f(url, { method: 'PUT', body })
 */
export function createAuthFetch(options: AuthOptions = {}): AuthFetch {
  const base: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const { user, password } = options;
  const cnonce = options.cnonce ?? (() => randomBytes(16).toString('hex'));
  const remembered = new Map<string, Remembered>();

  const authorize = (url: string, method: string, state: Remembered): string | undefined => {
    if (user === undefined || password === undefined) return undefined;
    if (state.challenge.scheme === 'basic') return basicAuthorization(user, password);
    state.nc += 1;
    return digestAuthorization({ user, password, method, uri: requestTarget(url), challenge: state.challenge, nc: state.nc, cnonce: cnonce() });
  };

  const send = (url: string, init: RequestInit | undefined, authorization: string | undefined): Promise<Response> => {
    if (authorization === undefined) return base(url, init);
    const headers = new Headers(init?.headers);
    headers.set('Authorization', authorization);
    return base(url, { ...init, headers });
  };

  const authFetch = async (url: string, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? 'GET';
    const space = spaceOf(url);
    const known = remembered.get(space);
    const first = await send(url, init, known ? authorize(url, method, known) : undefined);
    if (first.status !== 401 || user === undefined || password === undefined) return first;
    const challenges = parseChallenges(first.headers.get('www-authenticate') ?? '');
    const digest = challenges.find((c) => c.scheme === 'digest' && digestAuthorization({ user, password, method, uri: '/', challenge: c, nc: 1, cnonce: 'x' }) !== undefined);
    const basic = challenges.find((c) => c.scheme === 'basic');
    const chosen = digest ?? basic;
    if (chosen === undefined) return first;
    // Credentials already sent and refused under the same challenge (not a stale or rotated nonce): wrong.
    if (known) {
      const stale = chosen.params['stale']?.toLowerCase() === 'true';
      const sameNonce = known.challenge.scheme === 'digest' && chosen.scheme === 'digest' && known.challenge.params['nonce'] === chosen.params['nonce'];
      if ((known.challenge.scheme === 'basic' && chosen.scheme === 'basic') || (sameNonce && !stale)) return first;
    }
    await first.body?.cancel();
    const state: Remembered = { challenge: chosen, nc: 0 };
    remembered.set(space, state);
    return send(url, init, authorize(url, method, state));
  };
  return Object.assign(authFetch, { hasCredentials: user !== undefined && password !== undefined });
}
