import { BlockList, isIP } from 'node:net';

const MAX_URL_LENGTH = 2000;

/**
 * Addresses a webhook must not reach in production: this host, private networks, link-local
 * (cloud metadata services live there), shared, reserved, documentation and multicast ranges.
 * IPv4-mapped IPv6 addresses are checked against the IPv4 ranges.
 */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** This machine, by name or address; `hostname` as URL gives it (IPv6 in brackets). */
function isLoopbackHost(hostname: string): boolean {
  const host = unbracketed(hostname);
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    (isIP(host) === 4 && host.startsWith('127.'))
  );
}

function unbracketed(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '');
}

/**
 * Why a webhook URL is refused, or undefined when it may be used. Always https, except plain http
 * to this machine outside production, for development and tests. In production the host must not
 * be a local name or a non-public address; names are checked again against every address they
 * resolve to when a delivery connects (see WebhookSender).
 */
export function webhookUrlRefusal(raw: string, production: boolean): string | undefined {
  if (raw.length > MAX_URL_LENGTH) return `url must be at most ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url must be an absolute URL';
  }
  const plainHttpAllowed = !production && isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && plainHttpAllowed)) {
    return production
      ? 'url must use https'
      : 'url must use https (plain http only to localhost outside production)';
  }
  if (url.username || url.password) return 'url must not carry credentials';
  if (url.hash) return 'url must not have a fragment';
  if (production) {
    const host = unbracketed(url.hostname);
    if (isIP(host) ? !isPublicAddress(host) : isLoopbackHost(host) || !host.includes('.')) {
      return 'url must name a public host';
    }
  }
  return undefined;
}
