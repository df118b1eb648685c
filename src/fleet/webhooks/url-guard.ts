// Where a webhook may go. A URL set by an operator — or by an assistant an attacker talked into
// it — must not reach the server's own network: the host is resolved and refused when ANY of its
// addresses is loopback, private, link-local, CGNAT, unique-local, multicast, unspecified,
// reserved, a cloud metadata address, or an IPv6 form that embeds an IPv4 address. The caller
// then connects to exactly the address that was checked (`lookup` below), so a DNS answer that
// changes between the check and the connection cannot redirect the request.
//
// The operator may allow private targets: ETPHONEHOME_WEBHOOK_ALLOW_PRIVATE=1 (everything), or
// ETPHONEHOME_WEBHOOK_ALLOWED_HOSTS (host names, IP addresses and CIDR ranges).

import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export interface UrlPolicy {
  allowPrivate: boolean;
  /** Exact host names (lower case), and `*.suffix` patterns. */
  allowedHosts: readonly string[];
  /** Addresses and ranges that are allowed even though they are private. */
  allowedAddresses: BlockList;
}

export class UrlRefused extends Error {
  /** True when the host did not resolve (rather than resolving somewhere refused). */
  readonly unresolved: boolean;
  constructor(message: string, unresolved = false) {
    super(message);
    this.name = 'UrlRefused';
    this.unresolved = unresolved;
  }
}

const blocked: [string, number, 'ipv4' | 'ipv6', string][] = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified ("this network")'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local (cloud metadata lives here)'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'ipv4', 'documentation'],
  ['192.88.99.0', 24, 'ipv4', '6to4 relay'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'benchmarking'],
  ['198.51.100.0', 24, 'ipv4', 'documentation'],
  ['203.0.113.0', 24, 'ipv4', 'documentation'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved (and broadcast)'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['::', 96, 'ipv6', 'IPv4-compatible IPv6'],
  ['::ffff:0:0', 96, 'ipv6', 'IPv4-mapped IPv6'],
  ['64:ff9b::', 96, 'ipv6', 'NAT64 (embeds an IPv4 address)'],
  ['64:ff9b:1::', 48, 'ipv6', 'local NAT64'],
  ['100::', 64, 'ipv6', 'discard-only'],
  ['2001::', 23, 'ipv6', 'IETF protocol assignments (Teredo …)'],
  ['2001:db8::', 32, 'ipv6', 'documentation'],
  ['2002::', 16, 'ipv6', '6to4 (embeds an IPv4 address)'],
  ['fc00::', 7, 'ipv6', 'unique-local (fd00:ec2::254 is a metadata address)'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['fec0::', 10, 'ipv6', 'site-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
];

const ranges = blocked.map(([network, prefix, family, reason]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { list, family, reason };
});

/** Why an address may not be a webhook target, or null when it is a public address. */
export function addressProblem(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  // BlockList matches IPv4-mapped IPv6 against IPv4 rules too, hence the family check per rule.
  for (const { list, family: ruleFamily, reason } of ranges)
    if (ruleFamily === type && list.check(address, type)) return reason;
  return null;
}

/** Parses ETPHONEHOME_WEBHOOK_ALLOWED_HOSTS (comma-separated names, addresses, CIDRs). */
export function parseAllowList(text: string): {
  hosts: string[];
  addresses: BlockList;
  problems: string[];
} {
  const hosts: string[] = [];
  const addresses = new BlockList();
  const problems: string[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    const slash = entry.indexOf('/');
    const ip = slash === -1 ? entry : entry.slice(0, slash);
    const family = isIP(ip.replace(/^\[|\]$/g, ''));
    if (family !== 0) {
      const address = ip.replace(/^\[|\]$/g, '');
      const type = family === 4 ? 'ipv4' : 'ipv6';
      if (slash === -1) {
        addresses.addAddress(address, type);
      } else {
        const prefix = Number(entry.slice(slash + 1));
        const max = family === 4 ? 32 : 128;
        if (!/^\d+$/.test(entry.slice(slash + 1)) || prefix > max)
          problems.push(`"${raw.trim()}" has a bad prefix length (0 to ${max})`);
        else addresses.addSubnet(address, prefix, type);
      }
    } else if (
      /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(entry)
    ) {
      hosts.push(entry);
    } else {
      problems.push(`"${raw.trim()}" is not a host name, an IP address or a CIDR range`);
    }
  }
  return { hosts, addresses, problems };
}

function hostAllowed(host: string, policy: UrlPolicy): boolean {
  return policy.allowedHosts.some((allowed) =>
    allowed.startsWith('*.') ? host.endsWith(allowed.slice(1)) : host === allowed,
  );
}

function addressAllowed(address: string, policy: UrlPolicy): boolean {
  const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
  return policy.allowedAddresses.check(address, family);
}

export interface CheckedTarget {
  url: URL;
  /** The address to connect to: one that was checked. */
  address: string;
  family: 4 | 6;
}

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * Resolves `url`'s host and checks every address. Throws UrlRefused naming the address and why;
 * returns the address to connect to.
 */
export async function checkTarget(
  rawUrl: string,
  policy: UrlPolicy,
  resolve: Resolver = systemResolver,
): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new UrlRefused(`"${rawUrl.slice(0, 100)}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UrlRefused(`only http and https are allowed (got ${url.protocol})`);
  if (url.username || url.password) throw new UrlRefused('the URL must not carry credentials');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const literal = isIP(host) !== 0;
  // RFC 6761: localhost names are loopback whatever a resolver says (or fails to say).
  if (
    !literal &&
    !policy.allowPrivate &&
    !hostAllowed(host, policy) &&
    /(^|\.)localhost\.?$/.test(host)
  )
    throw new UrlRefused(
      `host "${host}" is a loopback name; private targets need ETPHONEHOME_WEBHOOK_ALLOW_PRIVATE=1 or an entry in ETPHONEHOME_WEBHOOK_ALLOWED_HOSTS`,
    );
  let answers: { address: string; family: number }[];
  if (literal) {
    answers = [{ address: host, family: isIP(host) }];
  } else {
    try {
      answers = await resolve(host);
    } catch (error) {
      throw new UrlRefused(
        `host "${host}" does not resolve (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        true,
      );
    }
    if (answers.length === 0) throw new UrlRefused(`host "${host}" has no addresses`, true);
  }
  const trustedName = !literal && hostAllowed(host, policy);

  if (!policy.allowPrivate && !trustedName) {
    for (const { address } of answers) {
      const problem = addressProblem(address);
      if (problem !== null && !addressAllowed(address, policy)) {
        throw new UrlRefused(
          `${literal ? 'address' : `host "${host}" resolves to`} ${address}, which is ${problem}; private targets need ETPHONEHOME_WEBHOOK_ALLOW_PRIVATE=1 or an entry in ETPHONEHOME_WEBHOOK_ALLOWED_HOSTS`,
        );
      }
    }
  }
  const first = answers[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** A `lookup` for http(s).request that answers with the checked address only. */
export function pinnedLookup(target: CheckedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: target.address, family: target.family },
      ]);
    } else {
      callback(null, target.address, target.family);
    }
  };
}
