import { lookup } from 'node:dns/promises';
import { lookup as lookupCallback, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { ValidationError } from '@bbws/shared-errors';

export interface WebhookTargetPolicy {
  /** Local and test stages: http and loopback/private targets are allowed. */
  allowLocalTargets: boolean;
}

const FORBIDDEN_V4: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const FORBIDDEN_V6: ReadonlyArray<readonly [string, number]> = [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible addresses (::a.b.c.d)
  ['64:ff9b::', 96], // NAT64 (RFC 6052)
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215)
  ['100::', 64],
  ['2001::', 23], // IETF protocol assignments: Teredo 2001::/32, benchmarking, ORCHID
  ['2001:db8::', 32],
  ['2002::', 16], // 6to4: reaches the IPv4 address it embeds
  ['3fff::', 20],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
];

// Node matches IPv4 addresses against IPv4-mapped IPv6 subnets, so each family gets its own list;
// the IPv6 list also holds the mapped form (::ffff:a.b.c.d) of every forbidden IPv4 network, so an
// IPv4-mapped address (::ffff:0:0/96) is judged by the IPv4 address it embeds.
const FORBIDDEN_IPV4 = new BlockList();
const FORBIDDEN_IPV6 = new BlockList();
for (const [network, prefix] of FORBIDDEN_V4) {
  FORBIDDEN_IPV4.addSubnet(network, prefix, 'ipv4');
  FORBIDDEN_IPV6.addSubnet(`::ffff:${network}`, 96 + prefix, 'ipv6');
}
for (const [network, prefix] of FORBIDDEN_V6) FORBIDDEN_IPV6.addSubnet(network, prefix, 'ipv6');

/**
 * Unspecified, loopback, private, shared (CGNAT), link-local (cloud metadata at 169.254.169.254 and
 * fd00:ec2::254), documentation, multicast and reserved addresses, and the IPv6 ranges that lead to
 * an IPv4 address (IPv4-compatible, NAT64, 6to4, Teredo); IPv4-mapped ones as their IPv4 address.
 */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return family === 4 ? FORBIDDEN_IPV4.check(address, 'ipv4') : FORBIDDEN_IPV6.check(address, 'ipv6');
}

/**
 * The URL rules of webhook targets: https only and never an internal address (the host is resolved
 * and every address checked), unless the stage allows local targets. A 400 naming `url` otherwise.
 */
export async function assertWebhookTarget(
  url: string,
  policy: WebhookTargetPolicy,
  resolve: (host: string) => Promise<string[]> = resolveAll,
): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw ValidationError.field('url', 'is not a valid URL');
  }
  const allowed = policy.allowLocalTargets ? ['https:', 'http:'] : ['https:'];
  if (!allowed.includes(parsed.protocol))
    throw ValidationError.field('url', `must use ${allowed.join(' or ')}`);
  if (parsed.username || parsed.password) throw ValidationError.field('url', 'must not carry credentials');
  if (policy.allowLocalTargets) return;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost'))
    throw ValidationError.field('url', 'must not point at this machine');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    throw ValidationError.field('url', `host ${host} does not resolve`);
  }
  if (addresses.length === 0) throw ValidationError.field('url', `host ${host} does not resolve`);
  if (addresses.some(isForbiddenAddress)) {
    throw ValidationError.field(
      'url',
      'must not point at private, loopback, link-local or metadata addresses',
    );
  }
}

async function resolveAll(host: string): Promise<string[]> {
  return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
}

/**
 * A DNS lookup for outgoing webhook requests that refuses forbidden addresses at connect time, so a
 * name that resolved to a public address when it was checked cannot be re-pointed inside (rebinding).
 */
export function guardedLookup(policy: WebhookTargetPolicy): LookupFunction {
  return (hostname, options, callback) => {
    lookupCallback(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      if (
        !policy.allowLocalTargets &&
        (addresses.length === 0 || addresses.some((entry) => isForbiddenAddress(entry.address)))
      ) {
        const refused = Object.assign(new Error(`${hostname} resolves to a forbidden address`), {
          code: 'EFORBIDDENADDRESS',
        });
        return callback(refused, '', 0);
      }
      if (options.all)
        return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
