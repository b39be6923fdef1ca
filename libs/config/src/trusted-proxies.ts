import { isIP } from 'node:net';
import proxyAddr from '@fastify/proxy-addr';

const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Which peers may speak for the client through X-Forwarded-For: a function of a peer's address and its hop (0 is
 * the socket's peer), as Fastify's `trustProxy` takes it; false trusts nobody, so the client is the socket's peer.
 */
export type ProxyTrust = false | ((address: string, hop: number) => boolean);

export const TRUST_PROXY_FORMAT =
  'must be empty (trust no proxy), a number of proxy hops (e.g. 1), or a comma-separated list of proxy addresses ' +
  'or CIDRs (e.g. 10.0.0.0/8,127.0.0.1; also loopback, linklocal, uniquelocal)';

/**
 * Reads TRUST_PROXY. A hop count trusts that many peers whatever their addresses (use it only when every
 * connection passes through them); a list trusts exactly those addresses. Throws on anything else, so a typo
 * cannot silently trust everyone or no one.
 */
export function proxyTrust(setting: string): ProxyTrust {
  const value = setting.trim();
  if (value === '' || value === '0') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 100) throw new Error(`${value} hops is not a plausible chain of proxies`);
    // Fastify 5 treats a bare number as "trust nothing", so the count becomes a function of the hop
    return (_address, hop) => hop < hops;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.some((entry) => entry === '')) throw new Error('an empty entry in the list');
  // stricter than the parser below, which also takes legacy forms such as 10.1 (= 10.0.0.1)
  const odd = entries.find((entry) => !RANGE_NAMES.has(entry) && isIP(entry.split('/')[0]) === 0);
  if (odd !== undefined) throw new Error(`${odd} is not an IP address`);
  return proxyAddr.compile(entries); // Fastify's own parser: what passes here is exactly what it trusts
}
