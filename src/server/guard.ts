/**
 * SSRF guard: the probe connects only to public unicast addresses, decided once per target.
 *
 * A target is normalized by the one host-name rule (core/host-name.ts: [::1] is read as the address it
 * is, disguised spellings such as 2130706433 or 0x7f.1 are refused), resolved once, and every address
 * is checked. The caller then connects to exactly the approved
 * addresses, so a DNS answer that changes between check and connect (rebinding) changes nothing.
 */
import ipaddr from 'ipaddr.js';
import type { ProbePort } from '../core/api';
import { checkHostName, isLocalhostName } from '../core/host-name';
import { checkPortList } from '../core/port-list';
import { dnsErrorCode, isTransientLookupFailure, LookupUnavailableError, lookupFailureWords, NO_NAME_CODES, NO_RECORD_CODES, type DnsResolver } from './dns';

export type TargetErrorCode = 'invalid-target' | 'refused-target';

export class TargetError extends Error {
  override readonly name = 'TargetError';
  constructor(
    readonly code: TargetErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Returns the canonical form of a host name or IP literal (core/host-name.ts, the one rule), or throws
 * TargetError. IPv6 literals come back in RFC 5952 form so the address check sees them. A disguised IPv4
 * form (2130706433, 0x7f.1, 127.1...) is refused outright, naming the address it hides: refused-target
 * when that address is not a public one, invalid-target otherwise.
 */
export function normalizeHostname(input: string): string {
  const checked = checkHostName(input);
  if (!checked.ok) {
    const hidden = checked.address;
    const verdict = hidden === undefined ? null : checkAddress(hidden);
    if (verdict && !verdict.ok) {
      throw new TargetError('refused-target', `"${shorten(input.trim())}" is the IP address ${hidden} written in an unusual form, and ${verdict.reason}`);
    }
    throw invalid(checked.message);
  }
  if (checked.kind !== 'ipv6') return checked.value;
  const address = ipaddr.IPv6.parse(checked.value);
  // ::ffff:192.0.2.1 is the IPv4 address itself (RFC 4291 2.5.5.2): checked, probed and shown as that.
  return address.isIPv4MappedAddress() ? address.toIPv4Address().toString() : address.toRFC5952String();
}

/** Plain words for ipaddr.js range names, for the refusal message. */
const RANGE_WORDS: Record<string, string> = {
  unspecified: 'the unspecified range (0.0.0.0/8 or ::)',
  broadcast: 'the broadcast range (255.255.255.255)',
  multicast: 'a multicast range',
  linkLocal: 'a link-local range (169.254.0.0/16 or fe80::/10, includes cloud metadata services)',
  loopback: 'the loopback range (this machine itself)',
  carrierGradeNat: 'the carrier-grade NAT range (100.64.0.0/10)',
  private: 'a private network range (10/8, 172.16/12 or 192.168/16)',
  reserved: 'a reserved or documentation range',
  benchmarking: 'the benchmarking range',
  amt: 'the AMT relay range',
  as112: 'the AS112 range',
  as112v6: 'the AS112 range',
  uniqueLocal: 'an IPv6 unique-local range (fc00::/7)',
  ipv4Mapped: 'the IPv4-mapped IPv6 range (::ffff:0:0/96)',
  rfc6145: 'the IPv4-translated IPv6 range (RFC 6145)',
  rfc6052: 'the NAT64 range (64:ff9b::/96)',
  '6to4': 'the 6to4 range (2002::/16), which embeds an IPv4 address',
  teredo: 'the Teredo range (2001::/32), which embeds an IPv4 address',
  deprecatedSiteLocal: 'the deprecated site-local range (fec0::/10)',
  discard: 'the discard-only range (100::/64)',
  deprecatedOrchid: 'the ORCHID range',
  orchid2: 'the ORCHIDv2 range',
  droneRemoteIdProtocolEntityTags: 'the drone remote ID range',
  segmentRouting: 'the segment routing range (5f00::/16)',
};

/** IPv6 global unicast is 2000::/3 (RFC 4291 2.4); anything outside it is not a public mail server. */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

/** Only ipaddr.js range 'unicast' passes: public addresses, nothing private, local, special or embedded. */
export function checkAddress(ip: string): { ok: true } | { ok: false; reason: string } {
  if (!ipaddr.isValid(ip)) return { ok: false, reason: `"${shorten(ip)}" is not an IP address.` };
  const address = ipaddr.parse(ip);
  const range = address.range();
  if (range !== 'unicast') {
    return { ok: false, reason: `${ip} is in ${RANGE_WORDS[range] ?? `a special-purpose range (${range})`}, which the probe does not connect to.` };
  }
  if (address.kind() === 'ipv6' && !address.match(GLOBAL_UNICAST_V6)) {
    return { ok: false, reason: `${ip} is outside the IPv6 global unicast range (2000::/3), which the probe does not connect to.` };
  }
  return { ok: true };
}

/**
 * What allowPrivate opens, and nothing more: loopback, the RFC 1918 private ranges and IPv6 unique-local
 * (fc00::/7), plus the IPv4-mapped forms of the IPv4 ones. Link-local (169.254.169.254 is the cloud
 * metadata service), carrier-grade NAT, documentation, benchmarking, reserved and every other special
 * range stay closed, so a test setting left on in production cannot reach them. CIDR text, because the
 * discovery fetch's filtering agent takes the same list.
 */
export const PRIVATE_TESTING_RANGES: readonly string[] = [
  '127.0.0.0/8',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '::1/128',
  'fc00::/7',
  '::ffff:127.0.0.0/104',
  '::ffff:10.0.0.0/104',
  '::ffff:172.16.0.0/108',
  '::ffff:192.168.0.0/112',
];

const PRIVATE_TESTING_CIDRS = PRIVATE_TESTING_RANGES.map((cidr) => ipaddr.parseCIDR(cidr));

/** True when `ip` is in one of the ranges allowPrivate opens (see PRIVATE_TESTING_RANGES). */
export function isPrivateTestingAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  const address = ipaddr.parse(ip);
  return PRIVATE_TESTING_CIDRS.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
}

/**
 * The one rule for an address the probe, discovery's web reads and its guesses may connect to: public,
 * or with allowPrivate (testing) one of the ranges it opens.
 */
export function mayConnect(ip: string, allowPrivate: boolean): boolean {
  return checkAddress(ip).ok || (allowPrivate && isPrivateTestingAddress(ip));
}

export interface ApprovedAddress {
  address: string;
  family: 4 | 6;
}

export interface ResolveOptions {
  resolver: DnsResolver;
  /**
   * For local testing only (CLI --allow-private, PROBE_ALLOW_PRIVATE=1): lets loopback, RFC 1918 and IPv6
   * unique-local addresses through, nothing else (PRIVATE_TESTING_RANGES).
   */
  allowPrivate?: boolean;
}

/**
 * Resolves A and AAAA once and approves the target only if every address passes, so one private
 * record cannot be smuggled in beside a public one. Returns the addresses to connect to, deduplicated.
 */
export async function resolveApproved(hostname: string, options: ResolveOptions): Promise<ApprovedAddress[]> {
  const name = normalizeHostname(hostname);
  const addresses = ipaddr.isValid(name) ? [name] : await lookUp(name, options.resolver);
  const approved: ApprovedAddress[] = [];
  const seen = new Set<string>();
  for (const text of addresses) {
    if (!ipaddr.isValid(text)) throw new TargetError('refused-target', `${name} resolved to "${shorten(text)}", which is not an IP address.`);
    const parsed = ipaddr.parse(text);
    const address = parsed.kind() === 'ipv6' ? (parsed as ipaddr.IPv6).toRFC5952String() : parsed.toString();
    const verdict = checkAddress(address);
    if (!verdict.ok) {
      const allowed = options.allowPrivate === true && isPrivateTestingAddress(address);
      if (!allowed) {
        // A name's address is not said: behind a split-horizon resolver it would map the internal DNS.
        if (address !== name) {
          throw new TargetError('refused-target', `${name} resolves to an address that is not public (a private, loopback, link-local or other special-purpose one), which the probe does not connect to.`);
        }
        throw new TargetError('refused-target', verdict.reason);
      }
    }
    if (seen.has(address)) continue;
    seen.add(address);
    approved.push({ address, family: parsed.kind() === 'ipv6' ? 6 : 4 });
  }
  return approved;
}

async function lookUp(name: string, resolver: DnsResolver): Promise<string[]> {
  // RFC 6761 6.3: "localhost" names are the loopback addresses, whatever a DNS server says.
  if (isLocalhostName(name)) return ['127.0.0.1', '::1'];
  const [v4, v6] = await Promise.allSettled([resolver.resolve4(name), resolver.resolve6(name)]);
  const found = [...(v4.status === 'fulfilled' ? v4.value : []), ...(v6.status === 'fulfilled' ? v6.value : [])];
  if (found.length > 0) return found;
  const reasons = [v4, v6].flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  const noAddress = new TargetError('invalid-target', `${name} has no IPv4 or IPv6 address in DNS; check the spelling of the server name.`);
  // NXDOMAIN says the name does not exist, whatever the other question met (some home routers drop AAAA).
  if (reasons.some((reason) => NO_NAME_CODES.has(dnsErrorCode(reason)))) throw noAddress;
  const transient = reasons.find(isTransientLookupFailure);
  if (transient !== undefined) {
    throw new LookupUnavailableError(`${name} could not be looked up: ${lookupFailureWords(transient)}. This is usually temporary; try again in 30 seconds.`);
  }
  if (reasons.some((reason) => !NO_RECORD_CODES.has(dnsErrorCode(reason)))) {
    throw new TargetError('invalid-target', `${name} could not be looked up: the DNS server could not answer the question; check the spelling of the server name.`);
  }
  throw noAddress;
}

/** Only the four SMTP ports (core/port-list.ts, the one rule); a port listed twice counts once. */
export function checkPorts(ports: unknown): ProbePort[] {
  const checked = checkPortList(ports);
  if (!checked.ok) throw invalid(checked.message);
  return checked.ports;
}

function invalid(message: string): TargetError {
  return new TargetError('invalid-target', message);
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
