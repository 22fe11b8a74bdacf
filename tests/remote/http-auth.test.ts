// http-auth: challenge parsing, the RFC 2617/7616 test vectors, and a full exchange against a tiny
// express server that checks Digest responses with its own (independent) computation.
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthFetch, digestAuthorization, parseChallenges } from '../../src/remote/http-auth.js';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

describe('parseChallenges', () => {
  it.each([
    ['Basic realm="x"', [{ scheme: 'basic', params: { realm: 'x' } }]],
    [
      'Digest realm="SPARQL", domain="/sparql-graph-crud-auth", nonce="ab", opaque="cd", stale="false", qop="auth", algorithm="MD5"',
      [{ scheme: 'digest', params: { realm: 'SPARQL', domain: '/sparql-graph-crud-auth', nonce: 'ab', opaque: 'cd', stale: 'false', qop: 'auth', algorithm: 'MD5' } }],
    ],
    ['Digest realm="a, b", qop="auth,auth-int", nonce=xyz, Basic realm="y"', [{ scheme: 'digest', params: { realm: 'a, b', qop: 'auth,auth-int', nonce: 'xyz' } }, { scheme: 'basic', params: { realm: 'y' } }]],
    ['Digest realm="say \\"hi\\""', [{ scheme: 'digest', params: { realm: 'say "hi"' } }]],
    ['', []],
  ])('%s', (header, expected) => {
    expect(parseChallenges(header)).toEqual(expected);
  });
});

describe('digestAuthorization', () => {
  it('matches RFC 2617 §3.5 (MD5, qop=auth)', () => {
    const header = digestAuthorization({
      user: 'Mufasa',
      password: 'Circle Of Life',
      method: 'GET',
      uri: '/dir/index.html',
      challenge: { scheme: 'digest', params: { realm: 'testrealm@host.com', qop: 'auth,auth-int', nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093', opaque: '5ccc069c403ebaf9f0171e9517f40e41' } },
      nc: 1,
      cnonce: '0a4f113b',
    });
    expect(header).toContain('response="6629fae49393a05397450978507c4ef1"');
    expect(header).toContain('nc=00000001');
    expect(header).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
  });

  it.each([
    ['MD5', '8ca523f5e9506fed4657c9700eebdbec'],
    ['SHA-256', '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1'],
  ])('matches RFC 7616 §3.9.1 (%s)', (algorithm, response) => {
    const header = digestAuthorization({
      user: 'Mufasa',
      password: 'Circle of Life',
      method: 'GET',
      uri: '/dir/index.html',
      challenge: {
        scheme: 'digest',
        params: { realm: 'http-auth@example.org', qop: 'auth, auth-int', algorithm, nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v', opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS' },
      },
      nc: 1,
      cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
    });
    expect(header).toContain(`response="${response}"`);
  });

  it('refuses what it cannot do: auth-int only, unknown algorithm, userhash', () => {
    const base = { user: 'u', password: 'p', method: 'GET', uri: '/', nc: 1, cnonce: 'c' };
    expect(digestAuthorization({ ...base, challenge: { scheme: 'digest', params: { nonce: 'n', qop: 'auth-int' } } })).toBeUndefined();
    expect(digestAuthorization({ ...base, challenge: { scheme: 'digest', params: { nonce: 'n', algorithm: 'SHA-512-256' } } })).toBeUndefined();
    expect(digestAuthorization({ ...base, challenge: { scheme: 'digest', params: { nonce: 'n', userhash: 'true' } } })).toBeUndefined();
  });
});

/** A server protecting /crud with Digest (MD5, qop=auth) and /basic with Basic; it records what it saw. */
function digestServer(state: { nonce: string; staleOnce: boolean; seen: string[] }) {
  const app = express();
  const realm = 'SPARQL';
  const challenge = (res: express.Response, stale = false) =>
    res
      .status(401)
      .set('WWW-Authenticate', `Digest realm="${realm}", domain="/crud", nonce="${state.nonce}", opaque="op", stale="${stale}", qop="auth", algorithm="MD5"`)
      .end();
  app.all('/crud', express.text({ type: () => true }), (req, res) => {
    const header = req.get('authorization');
    state.seen.push(header ?? '-');
    if (!header?.startsWith('Digest ')) return challenge(res);
    const p = Object.fromEntries([...header.slice(7).matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]+))/g)].map((m) => [m[1], m[2] ?? m[3]]));
    if (p['nonce'] !== state.nonce) return challenge(res, true);
    if (state.staleOnce) {
      state.staleOnce = false;
      state.nonce = `${state.nonce}-next`;
      return challenge(res, true);
    }
    const ha1 = md5(`alice:${realm}:secret`);
    const ha2 = md5(`${req.method}:${req.originalUrl}`);
    const expected = md5(`${ha1}:${p['nonce']}:${p['nc']}:${p['cnonce']}:auth:${ha2}`);
    if (p['uri'] !== req.originalUrl || p['response'] !== expected || p['opaque'] !== 'op') return challenge(res);
    res.status(201).send(`ok ${String(req.body)}`);
  });
  app.get('/basic', (req, res) => {
    if (req.get('authorization') !== `Basic ${Buffer.from('alice:secret').toString('base64')}`) {
      res.status(401).set('WWW-Authenticate', 'Basic realm="x"').end();
      return;
    }
    res.send('basic ok');
  });
  return app;
}

describe('createAuthFetch against a Digest server', () => {
  const state = { nonce: 'n1', staleOnce: false, seen: [] as string[] };
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = digestServer(state).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('answers the challenge, then reuses the nonce with a growing nc (one 401 for many requests)', async () => {
    state.seen.length = 0;
    const f = createAuthFetch({ user: 'alice', password: 'secret', cnonce: () => 'fixed' });
    const r1 = await f(`${base}/crud?graph=a`, { method: 'PUT', body: 'one' });
    expect([r1.status, await r1.text()]).toEqual([201, 'ok one']);
    const r2 = await f(`${base}/crud?graph=b`, { method: 'PUT', body: 'two' });
    expect([r2.status, await r2.text()]).toEqual([201, 'ok two']);
    expect(state.seen).toHaveLength(3);
    expect(state.seen[0]).toBe('-');
    expect(state.seen[1]).toContain('nc=00000001');
    expect(state.seen[2]).toContain('nc=00000002');
    expect(state.seen[2]).toContain('uri="/crud?graph=b"');
  });

  it('retries once with the new nonce when the server says stale=true', async () => {
    const f = createAuthFetch({ user: 'alice', password: 'secret' });
    expect((await f(`${base}/crud`, { method: 'PUT', body: 'x' })).status).toBe(201);
    state.staleOnce = true;
    const r = await f(`${base}/crud`, { method: 'PUT', body: 'y' });
    expect([r.status, await r.text()]).toEqual([201, 'ok y']);
  });

  it('returns the 401 for a wrong password, after one attempt', async () => {
    state.seen.length = 0;
    const f = createAuthFetch({ user: 'alice', password: 'wrong' });
    const r = await f(`${base}/crud`, { method: 'PUT', body: 'x' });
    expect(r.status).toBe(401);
    expect(state.seen).toHaveLength(2);
    expect(f.hasCredentials).toBe(true);
  });

  it('without credentials is the plain fetch', async () => {
    const f = createAuthFetch();
    expect((await f(`${base}/crud`, { method: 'PUT', body: 'x' })).status).toBe(401);
    expect(f.hasCredentials).toBe(false);
  });

  it('answers a Basic challenge', async () => {
    const r = await createAuthFetch({ user: 'alice', password: 'secret' })(`${base}/basic`);
    expect([r.status, await r.text()]).toEqual([200, 'basic ok']);
    expect((await createAuthFetch({ user: 'alice', password: 'nope' })(`${base}/basic`)).status).toBe(401);
  });
});
