import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, normaliseAddress, trustedProxyList, UNKNOWN_ADDRESS } from './client-address';
import { PEER_HEADER, peerAddress, recordPeerAddresses } from './peer-address';

// A real HTTP server, so the peer comes from the socket as it does under next start (instrumentation.ts).
let server: Server;
let baseUrl: string;
let proxies = trustedProxyList([]);

function asHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) if (typeof value === 'string') headers.set(name, value);
  return headers;
}

beforeAll(async () => {
  recordPeerAddresses();
  server = createServer((request, response) => {
    const headers = asHeaders(request.headers);
    response.end(JSON.stringify({ peer: peerAddress(headers) ?? null, client: clientAddress(headers, proxies) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function seen(headers: Record<string, string>, trusted: string[] = []): Promise<{ peer: string | null; client: string }> {
  proxies = trustedProxyList(trusted);
  return (await fetch(baseUrl, { headers })).json() as Promise<{ peer: string | null; client: string }>;
}

describe('clientAddress with no trusted proxies (the default)', () => {
  it('is the socket address, whatever X-Forwarded-For, X-Real-IP or a forged peer header claim', async () => {
    expect(await seen({})).toEqual({ peer: '127.0.0.1', client: '127.0.0.1' });
    expect(await seen({ 'X-Forwarded-For': '203.0.113.9', 'X-Real-IP': '198.51.100.7' })).toEqual({ peer: '127.0.0.1', client: '127.0.0.1' });
    expect(await seen({ [PEER_HEADER]: 'forged 203.0.113.9' })).toEqual({ peer: '127.0.0.1', client: '127.0.0.1' });
  });

  it('is "unknown" when no socket address was recorded: headers alone are never believed', () => {
    const spoofed = new Headers({ 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '198.51.100.7', [PEER_HEADER]: '0123 203.0.113.9' });
    expect(clientAddress(spoofed, trustedProxyList(['0.0.0.0/0']))).toBe(UNKNOWN_ADDRESS);
  });
});

describe('clientAddress behind trusted proxies', () => {
  it('takes the nearest untrusted hop of X-Forwarded-For, ignoring what the client wrote to its left', async () => {
    expect((await seen({ 'X-Forwarded-For': '203.0.113.9' }, ['127.0.0.1'])).client).toBe('203.0.113.9');
    expect((await seen({ 'X-Forwarded-For': '6.6.6.6, 203.0.113.9' }, ['127.0.0.1'])).client).toBe('203.0.113.9');
    expect((await seen({ 'X-Forwarded-For': '6.6.6.6, 203.0.113.9, 10.1.2.3' }, ['127.0.0.0/8', '10.0.0.0/8'])).client).toBe('203.0.113.9');
  });

  it('uses X-Real-IP when every forwarded hop is a trusted proxy, and the peer when nothing is forwarded', async () => {
    expect((await seen({ 'X-Real-IP': '198.51.100.7' }, ['127.0.0.1'])).client).toBe('198.51.100.7');
    expect((await seen({}, ['127.0.0.1'])).client).toBe('127.0.0.1');
  });

  it('does not believe the headers when the peer is not a listed proxy', async () => {
    expect((await seen({ 'X-Forwarded-For': '203.0.113.9' }, ['10.0.0.0/8'])).client).toBe('127.0.0.1');
  });

  it('gives "unknown" for an unreadable hop rather than a bucket of the client\'s choosing', async () => {
    expect((await seen({ 'X-Forwarded-For': 'any-name-at-all' }, ['127.0.0.1'])).client).toBe(UNKNOWN_ADDRESS);
  });
});

describe('normaliseAddress', () => {
  it.each([
    ['::ffff:10.0.0.1', '10.0.0.1'],
    ['10.0.0.1:443', '10.0.0.1'],
    ['[2001:DB8::1]:80', '2001:db8::1'],
    [' 2001:db8::2 ', '2001:db8::2'],
    ['unknown', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });

  it('matches IPv6 CIDRs as well', () => {
    const list = trustedProxyList(['fd00::/8']);
    expect(list.check('fd12::1', 'ipv6')).toBe(true);
    expect(list.check('2001:db8::1', 'ipv6')).toBe(false);
  });
});
