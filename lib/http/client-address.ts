// Which client a request comes from, for rate limits: the TCP peer, unless that peer is a configured proxy
// (TRUSTED_PROXIES); then the nearest address in X-Forwarded-For that is not a trusted proxy, or X-Real-IP.
import { BlockList, isIP } from 'node:net';
import { env } from '../env';
import { peerAddress } from './peer-address';

/** Without a recorded peer nothing in the headers can be believed: such callers share one bucket. */
export const UNKNOWN_ADDRESS = 'unknown';

export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

/** An IP address as written in a header or by Node ("::ffff:10.0.0.1", "10.0.0.1:443", "[::1]:80"), or undefined. */
export function normaliseAddress(raw: string | null | undefined): string | undefined {
  let value = raw?.trim();
  if (!value) return undefined;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (/^::ffff:[\d.]+$/i.test(value)) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : undefined;
}

function trusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client address. A trusted proxy appends the address it saw to X-Forwarded-For (Next adds the peer when
 * the header is missing), so the list is read from the right; entries left of the first untrusted one are the
 * client's own claims and are ignored.
 */
export function clientAddress(headers: Headers, proxies: BlockList = cachedTrustedProxies()): string {
  const peer = normaliseAddress(peerAddress(headers));
  if (!peer) return UNKNOWN_ADDRESS;
  if (!trusted(proxies, peer)) return peer;
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').filter((hop) => hop.trim() !== '');
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = normaliseAddress(hops[index]);
    if (!hop) return UNKNOWN_ADDRESS;
    if (!trusted(proxies, hop)) return hop;
  }
  return normaliseAddress(headers.get('x-real-ip')) ?? peer;
}

let cached: BlockList | undefined;

function cachedTrustedProxies(): BlockList {
  cached ??= trustedProxyList(env().TRUSTED_PROXIES);
  return cached;
}
