import { BlockList } from "node:net";
import { parseIp, type IpAddress } from "./ip-literal";

export interface Cidr {
  readonly text: string;
  readonly base: IpAddress;
  readonly prefix: number;
}

/** Parse `10.0.0.0/8`, `fc00::/7`, or a single address (a /32 or /128). Throws on malformed input. */
export function parseCidr(text: string): Cidr {
  const [address = "", prefixText, ...rest] = text.trim().split("/");
  const base = parseIp(address);
  if (base === null || rest.length > 0) throw new Error(`invalid CIDR: ${text}`);
  const max = base.family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max || (prefixText !== undefined && !/^\d+$/.test(prefixText))) {
    throw new Error(`invalid CIDR prefix: ${text}`);
  }
  return { text: `${base.address}/${prefix}`, base, prefix };
}

/**
 * A set of CIDR ranges; the bit arithmetic is Node's own `net.BlockList`. `match` names the range that
 * contains an address so refusals can say which rule applied.
 */
export class CidrSet {
  readonly cidrs: readonly Cidr[];
  private readonly all = new BlockList();
  private readonly single: ReadonlyArray<{ readonly cidr: Cidr; readonly list: BlockList }>;

  constructor(ranges: readonly string[]) {
    this.cidrs = ranges.map(parseCidr);
    this.single = this.cidrs.map((cidr) => {
      const list = new BlockList();
      list.addSubnet(cidr.base.address, cidr.prefix, familyName(cidr.base));
      this.all.addSubnet(cidr.base.address, cidr.prefix, familyName(cidr.base));
      return { cidr, list };
    });
  }

  has(ip: IpAddress): boolean {
    // BlockList would also match IPv4-mapped IPv6 against IPv4 rules; callers unwrap those explicitly first.
    return this.all.check(ip.address, familyName(ip));
  }

  match(ip: IpAddress): Cidr | null {
    if (!this.has(ip)) return null;
    return this.single.find(({ list }) => list.check(ip.address, familyName(ip)))?.cidr ?? null;
  }
}

const familyName = (ip: IpAddress) => (ip.family === 4 ? "ipv4" : "ipv6");
