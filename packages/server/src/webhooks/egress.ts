// The egress guard: outside dev mode, webhook requests never reach loopback, private, link-local,
// metadata or other non-public addresses. It is checked when a URL is registered and again at connect
// time, inside the socket's own DNS lookup, so a name that resolves to a public address at registration
// and to a private one later (DNS rebinding) is still refused — the address checked is the address used.
import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address (tests inject one to simulate DNS). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) =>
      err ? reject(err) : resolve(addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }))),
    ),
  );

const blocked = new BlockList();
// IPv4: this network, private (RFC 1918), shared CGNAT (incl. 100.100.100.200 metadata), loopback,
// link-local (incl. 169.254.169.254 metadata), IETF protocol assignments, documentation, benchmarking,
// multicast, reserved and broadcast.
for (const [net, prefix] of [
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
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
// IPv6: unspecified, loopback, discard, documentation, unique local (fc00::/7, incl. fd00:ec2::254
// metadata), link-local, site-local (deprecated) and multicast. IPv4-mapped / NAT64 / 6to4 forms are
// unwrapped below and judged as the IPv4 address they carry.
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** The IPv4 address an IPv6 address carries (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16), if any. */
function embeddedIPv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const groups = expandIPv6(lower);
  if (!groups) return undefined;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zero = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  if (zero(0, 5) && groups[5] === 0xffff) return v4(groups[6]!, groups[7]!);
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zero(2, 6)) return v4(groups[6]!, groups[7]!);
  if (groups[0] === 0x2002) return v4(groups[1]!, groups[2]!);
  return undefined;
}

function expandIPv6(address: string): number[] | undefined {
  let text = address;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail[1]!.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -tail[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (rest === undefined && missing !== 0)) return undefined;
  const groups = [...left, ...Array<string>(rest === undefined ? 0 : missing).fill('0'), ...right].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

/** Why this IP address must not be reached, or null when it is a public address. */
export function blockedReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return 'not an IP address';
  if (family === 6) {
    const v4 = embeddedIPv4(bare);
    if (v4 !== undefined) return blockedReason(v4);
    return blocked.check(bare, 'ipv6') ? `${bare} is a loopback, private, link-local or reserved IPv6 address` : null;
  }
  return blocked.check(bare, 'ipv4') ? `${bare} is a loopback, private, link-local, metadata or reserved IPv4 address` : null;
}

export class EgressRefused extends Error {
  readonly code = 'ERR_BELFRY_EGRESS_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'EgressRefused';
  }
}

export interface EgressGuard {
  /** Dev mode: every address allowed (a receiver on localhost). */
  readonly open: boolean;
  /** Throws EgressRefused when the URL's host is (or resolves only to) a refused address. */
  check(url: URL): Promise<void>;
  /** For http(s).request: resolves, refuses any blocked address, and hands the socket what it checked. */
  lookup: LookupFunction;
}

export function createEgressGuard(options: { open: boolean; resolve?: Resolver | undefined }): EgressGuard {
  const resolve = options.resolve ?? systemResolver;
  const judge = (host: string, addresses: ResolvedAddress[]) => {
    if (addresses.length === 0) throw new EgressRefused(`${host} resolves to no address`);
    for (const a of addresses) {
      const why = blockedReason(a.address);
      if (why) throw new EgressRefused(`refused: ${host} resolves to ${why}`);
    }
  };
  const lookup: LookupFunction = (hostname, opts, callback) => {
    resolve(hostname).then(
      (addresses) => {
        try {
          if (!options.open) judge(hostname, addresses);
        } catch (err) {
          return callback(err as Error, '', 0);
        }
        const wanted = opts.family === 4 || opts.family === 6 ? addresses.filter((a) => a.family === opts.family) : addresses;
        if (opts.all) return (callback as unknown as (e: null, list: ResolvedAddress[]) => void)(null, wanted);
        const first = wanted[0];
        if (!first) return callback(Object.assign(new Error(`${hostname}: no address of family ${opts.family}`), { code: 'ENOTFOUND' }), '', 0);
        callback(null, first.address, first.family);
      },
      (err: Error) => callback(err, '', 0),
    );
  };
  return {
    open: options.open,
    lookup,
    async check(url) {
      if (options.open) return;
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host)) {
        const why = blockedReason(host);
        if (why) throw new EgressRefused(`refused: ${why}`);
        return;
      }
      judge(host, await resolve(host));
    },
  };
}
