import { CidrSet } from "./cidr-set";
import { embeddedIpv4, type IpAddress } from "./ip-literal";

/**
 * Never connected to, whatever the allow-list says: "this network" (0.0.0.0/8, which Linux routes to the
 * local host), IPv4/IPv6 link-local — home of the cloud metadata services (AWS/GCP/Azure 169.254.169.254,
 * AWS IPv6 fd00:ec2::254) — and Alibaba's 100.100.100.200.
 */
export const DENIED_CIDRS: readonly string[] = [
  "0.0.0.0/8",
  "169.254.0.0/16",
  "100.100.100.200/32",
  "fe80::/10",
  "fd00:ec2::254/128",
];

/** Loopback and private ranges: where this console's backends live. */
export const DEFAULT_ALLOWED_CIDRS: readonly string[] = [
  "127.0.0.0/8",
  "::1/128",
  "10.0.0.0/8",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "fc00::/7",
];

export interface AddressPolicyOptions {
  /** Ranges a backend or health-check target may be in; default DEFAULT_ALLOWED_CIDRS. */
  readonly allow?: readonly string[];
  /** Ranges refused in addition to DENIED_CIDRS. */
  readonly deny?: readonly string[];
}

export interface AddressPolicy {
  readonly allowed: CidrSet;
  readonly denied: CidrSet;
}

export type AddressVerdict =
  | { readonly ok: true; readonly ip: IpAddress }
  | { readonly ok: false; readonly code: "denied_address" | "not_allowed"; readonly reason: string };

export function createAddressPolicy(options: AddressPolicyOptions = {}): AddressPolicy {
  return {
    allowed: new CidrSet(options.allow ?? DEFAULT_ALLOWED_CIDRS),
    denied: new CidrSet([...DENIED_CIDRS, ...(options.deny ?? [])]),
  };
}

/**
 * Decide whether a parsed address may be connected to. The deny list wins over the allow-list, and an IPv6
 * address carrying an IPv4 destination (IPv4-mapped, NAT64) is judged by that IPv4 address as well, so
 * `::ffff:169.254.169.254` is refused like `169.254.169.254`. On success `ip` is where to connect: the
 * unwrapped IPv4 address for IPv4-mapped input, without any zone id.
 */
export function checkAddress(policy: AddressPolicy, ip: IpAddress): AddressVerdict {
  const embedded = embeddedIpv4(ip);
  const bare: IpAddress = { family: ip.family, address: ip.address };
  for (const candidate of embedded === null ? [bare] : [bare, embedded]) {
    const denied = policy.denied.match(candidate);
    if (denied !== null) {
      return {
        ok: false,
        code: "denied_address",
        reason: `${describe(ip, embedded)} is in the denied range ${denied.text} (link-local or cloud metadata)`,
      };
    }
  }
  const target = embedded !== null && ip.address.startsWith("::ffff:") ? embedded : bare;
  if (!policy.allowed.has(target)) {
    const ranges = policy.allowed.cidrs.map((c) => c.text).join(", ");
    return { ok: false, code: "not_allowed", reason: `${describe(ip, embedded)} is not in the allowed ranges (${ranges})` };
  }
  return { ok: true, ip: target };
}

function describe(ip: IpAddress, embedded: IpAddress | null): string {
  return embedded === null ? ip.address : `${ip.address} (IPv4 ${embedded.address})`;
}
