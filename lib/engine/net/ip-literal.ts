/**
 * IP literals as a connecting client would read them. Rather than a hand-written parser we use the WHATWG URL
 * host parser built into Node (the one fetch and undici use): it accepts every IPv4 spelling that inet_aton
 * does — decimal `2852039166`, hex `0xA9FEA9FE`, octal `0251.0376.0251.0376`, short `169.254.43518` — and
 * canonicalises IPv6, so the address we check is exactly the address a socket would reach.
 */
export interface IpAddress {
  readonly family: 4 | 6;
  /** Canonical form: dotted quad, or compressed lower-case IPv6 without brackets or zone. */
  readonly address: string;
  /** IPv6 zone id (`fe80::1%eth0`), dropped before connecting: only link-local scopes need one. */
  readonly zone?: string;
}

export type HostLiteral =
  | { readonly kind: "ip"; readonly ip: IpAddress }
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "invalid"; readonly input: string };

const DOTTED_QUAD = /^\d{1,3}(\.\d{1,3}){3}$/;
const ZONE_ID = /^[\w.-]{1,64}$/;

function urlHost(host: string): string | null {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
}

function parseIpv6(input: string): HostLiteral {
  const [address = "", zone, ...rest] = input.split("%");
  if (rest.length > 0 || (zone !== undefined && !ZONE_ID.test(zone))) return { kind: "invalid", input };
  const host = urlHost(`[${address}]`);
  if (host === null) return { kind: "invalid", input };
  const ip: IpAddress = { family: 6, address: host.slice(1, -1), ...(zone !== undefined && { zone }) };
  return { kind: "ip", ip };
}

/** Classify a configured address: an IP literal (in any spelling), a host name to resolve, or garbage. */
export function parseHost(input: string): HostLiteral {
  const trimmed = input.trim();
  const unbracketed = trimmed.startsWith("[") && trimmed.endsWith("]") ? trimmed.slice(1, -1) : trimmed;
  if (unbracketed.includes(":")) return parseIpv6(unbracketed);
  if (unbracketed === "" || unbracketed.includes("/") || unbracketed.includes("@")) return { kind: "invalid", input };
  const host = urlHost(unbracketed);
  if (host === null || host === "") return { kind: "invalid", input };
  return DOTTED_QUAD.test(host) ? { kind: "ip", ip: { family: 4, address: host } } : { kind: "name", name: host };
}

/** Parse an address that must be an IP literal (e.g. a DNS answer); null otherwise. */
export function parseIp(input: string): IpAddress | null {
  const parsed = parseHost(input);
  return parsed.kind === "ip" ? parsed.ip : null;
}

function hextets(ipv6: string): number[] {
  const [head = "", tail] = ipv6.split("::");
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((h) => Number.parseInt(h, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** IPv4 prefixes under which an IPv6 address carries an IPv4 destination in its last 32 bits. */
const EMBEDDING_PREFIXES: ReadonlyArray<{ readonly name: string; readonly head: readonly number[] }> = [
  { name: "IPv4-mapped", head: [0, 0, 0, 0, 0, 0xffff] },
  { name: "NAT64", head: [0x64, 0xff9b, 0, 0, 0, 0] },
];

/**
 * The IPv4 destination inside an IPv4-mapped (`::ffff:a9fe:a9fe`, which a dual-stack socket connects to over
 * IPv4) or NAT64 (`64:ff9b::/96`, which a NAT64 gateway forwards to IPv4) address; null for any other address.
 */
export function embeddedIpv4(ip: IpAddress): IpAddress | null {
  if (ip.family === 4) return null;
  // URL canonicalisation never prints IPv4 tails for IPv6, so every group is hexadecimal here.
  const groups = hextets(ip.address);
  const embeds = EMBEDDING_PREFIXES.some(({ head }) => head.every((value, i) => groups[i] === value));
  if (!embeds) return null;
  const [hi = 0, lo = 0] = groups.slice(6);
  return { family: 4, address: [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".") };
}

/** The literal to put in a URL authority: brackets around IPv6. */
export function formatHostForUrl(ip: IpAddress): string {
  return ip.family === 6 ? `[${ip.address}]` : ip.address;
}
