import { lookup as dnsLookup } from "node:dns/promises";
import { checkAddress, createAddressPolicy, type AddressPolicy, type AddressPolicyOptions } from "./address-policy";
import { formatHostForUrl, parseHost, parseIp, type IpAddress } from "./ip-literal";

/** Resolve a host name to all its addresses (dns.lookup with `all: true`; tests inject their own). */
export type Lookup = (hostname: string) => Promise<ReadonlyArray<{ readonly address: string }>>;

export const systemLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** A vetted destination: connect to `ip` (never to the name again), present `hostHeader` to the server. */
export interface ConnectTarget {
  readonly ip: IpAddress;
  readonly port: number;
  /** `http://127.0.0.1:8080` or `http://[::1]:8080`: an origin that pins the checked address. */
  readonly origin: string;
  /** The address as configured, with its port: what the server expects in `Host`. */
  readonly hostHeader: string;
}

export type RefusalCode = "invalid_address" | "denied_address" | "not_allowed" | "resolution_failed";

export type GuardDecision =
  | { readonly ok: true; readonly target: ConnectTarget }
  | { readonly ok: false; readonly code: RefusalCode; readonly reason: string };

export interface SsrfGuardOptions extends AddressPolicyOptions {
  readonly lookup?: Lookup;
}

/**
 * The SSRF guard in front of every outbound connection of the engine and the data plane: parse the
 * configured address (any IPv4/IPv6 spelling), resolve a name to ALL its addresses and refuse it if any one
 * is denied (a name that answers with a private and a metadata address is hostile), require the allow-list,
 * and hand back the checked IP to connect to, so a second DNS answer can never redirect the connection.
 */
export class SsrfGuard {
  readonly policy: AddressPolicy;
  private readonly lookup: Lookup;

  constructor(options: SsrfGuardOptions = {}) {
    this.policy = createAddressPolicy(options);
    this.lookup = options.lookup ?? systemLookup;
  }

  /** Check an IP literal synchronously (no DNS); the connector uses this as a last line of defence. */
  checkIp(address: string): GuardDecision | { readonly ok: true; readonly ip: IpAddress } {
    const ip = parseIp(address);
    if (ip === null) return { ok: false, code: "invalid_address", reason: `${JSON.stringify(address)} is not an IP address` };
    const verdict = checkAddress(this.policy, ip);
    return verdict.ok ? { ok: true, ip: verdict.ip } : verdict;
  }

  async resolve(address: string, port: number): Promise<GuardDecision> {
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      return { ok: false, code: "invalid_address", reason: `port ${port} is out of range` };
    }
    const host = parseHost(address);
    if (host.kind === "invalid") {
      return { ok: false, code: "invalid_address", reason: `${JSON.stringify(address)} is not an IP address or host name` };
    }
    const hostHeader = hostHeaderFor(address, host.kind === "ip" ? host.ip : null, port);
    const candidates = host.kind === "ip" ? [host.ip] : await this.resolveName(host.name);
    if (!Array.isArray(candidates)) return candidates;
    let first: IpAddress | null = null;
    for (const ip of candidates) {
      const verdict = checkAddress(this.policy, ip);
      if (!verdict.ok) {
        const via = host.kind === "name" ? `${host.name} resolves to ${ip.address}: ` : "";
        return { ok: false, code: verdict.code, reason: `${via}${verdict.reason}` };
      }
      first ??= verdict.ip;
    }
    if (first === null) return { ok: false, code: "resolution_failed", reason: `${address} has no addresses` };
    return { ok: true, target: { ip: first, port, origin: `http://${formatHostForUrl(first)}:${port}`, hostHeader } };
  }

  private async resolveName(name: string): Promise<IpAddress[] | GuardDecision> {
    let answers: ReadonlyArray<{ readonly address: string }>;
    try {
      answers = await this.lookup(name);
    } catch (error) {
      const code = (error as { code?: string }).code ?? "error";
      return { ok: false, code: "resolution_failed", reason: `cannot resolve ${name} (${code})` };
    }
    const ips: IpAddress[] = [];
    for (const answer of answers) {
      const ip = parseIp(answer.address);
      if (ip === null) return { ok: false, code: "invalid_address", reason: `${name} resolves to a non-address ${answer.address}` };
      ips.push(ip);
    }
    return ips;
  }
}

/** The Host header for the configured address: names and IPv4 as written, IPv6 bracketed; port 80 implied. */
export function hostHeaderFor(address: string, ip: IpAddress | null, port: number): string {
  const host = ip === null ? address.trim().toLowerCase() : formatHostForUrl(ip);
  return port === 80 ? host : `${host}:${port}`;
}
