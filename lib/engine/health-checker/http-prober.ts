import { Client } from "undici";
import { guardedConnector, parseHost, SsrfGuard, type ConnectTarget } from "../net";
import { ProbeExchange } from "./probe-exchange";
import type { ProbeRequest, ProbeResponse, Prober } from "./types";

export interface HttpProberOptions {
  /** Vets every target address (default: loopback + private ranges, never link-local/metadata). */
  readonly guard?: SsrfGuard;
  /** How long a host name's vetted address is reused before it is resolved and checked again; default 30 s. */
  readonly revalidateMs?: number;
  readonly userAgent?: string;
  readonly clock?: () => number;
}

interface Connection {
  readonly addressKey: string;
  readonly vettedAt: number;
  /** Literal addresses never need re-resolving. */
  readonly literal: boolean;
  readonly target: ConnectTarget | null;
  readonly refusal: string | null;
  readonly client: Client | null;
}

/** Errors meaning a kept-alive socket died under us: worth one immediate retry on a fresh connection. */
const STALE_SOCKET_CODES: ReadonlySet<string> = new Set(["UND_ERR_SOCKET", "ECONNRESET", "EPIPE"]);

const isLiteral = (address: string) => parseHost(address).kind === "ip";

/**
 * HTTP GET probes over one keep-alive undici Client per target (pipelining 1): at thousands of targets a
 * reused connection saves a TCP handshake per check on both sides. Every address goes through the SSRF guard
 * first and the Client is pinned to the vetted IP (sending the configured Host), so a DNS answer can never
 * steer a probe elsewhere, and redirects are never followed (a 3xx is just a status).
 */
export class HttpProber implements Prober {
  private readonly guard: SsrfGuard;
  private readonly revalidateMs: number;
  private readonly userAgent: string;
  private readonly clock: () => number;
  private readonly connections = new Map<string, Connection>();

  constructor(options: HttpProberOptions = {}) {
    this.guard = options.guard ?? new SsrfGuard();
    this.revalidateMs = options.revalidateMs ?? 30_000;
    this.userAgent = options.userAgent ?? "stratus-health-check/1";
    this.clock = options.clock ?? Date.now;
  }

  async probe(request: ProbeRequest): Promise<ProbeResponse> {
    const connection = this.connections.get(request.key);
    const current = this.isFresh(connection, request) ? connection! : await this.connect(request);
    if (current.client === null || current.target === null) {
      return { outcome: { errorCode: "ERR_SSRF_REFUSED" }, detail: `refused by the SSRF guard: ${current.refusal}` };
    }
    const started = this.clock();
    const first = await this.get(current.client, current.target, request, request.timeoutMs);
    if (!("errorCode" in first.outcome) || !STALE_SOCKET_CODES.has(first.outcome.errorCode)) return first;
    const remaining = request.timeoutMs - (this.clock() - started);
    return remaining > 0 ? this.get(current.client, current.target, request, remaining) : first;
  }

  forget(key: string): void {
    const connection = this.connections.get(key);
    this.connections.delete(key);
    void connection?.client?.destroy().catch(() => {});
  }

  async close(): Promise<void> {
    const clients = [...this.connections.values()].map((c) => c.client);
    this.connections.clear();
    await Promise.all(clients.map((client) => client?.destroy().catch(() => {})));
  }

  private isFresh(connection: Connection | undefined, request: ProbeRequest): boolean {
    if (connection === undefined || connection.addressKey !== `${request.address}|${request.port}`) return false;
    return connection.literal || this.clock() - connection.vettedAt < this.revalidateMs;
  }

  private async connect(request: ProbeRequest): Promise<Connection> {
    const decision = await this.guard.resolve(request.address, request.port);
    const previous = this.connections.get(request.key);
    const base = { addressKey: `${request.address}|${request.port}`, vettedAt: this.clock(), literal: isLiteral(request.address) };
    let connection: Connection;
    if (!decision.ok) {
      connection = { ...base, target: null, refusal: decision.reason, client: null };
    } else if (previous?.client != null && previous.target?.origin === decision.target.origin && previous.target.hostHeader === decision.target.hostHeader) {
      connection = { ...base, target: decision.target, refusal: null, client: previous.client }; // same IP: keep the socket
    } else {
      const client = new Client(decision.target.origin, {
        pipelining: 1,
        connect: guardedConnector(this.guard, { timeoutMs: request.timeoutMs }),
        keepAliveTimeout: 60_000,
      });
      connection = { ...base, target: decision.target, refusal: null, client };
    }
    if (previous?.client != null && previous.client !== connection.client) void previous.client.destroy().catch(() => {});
    this.connections.set(request.key, connection);
    return connection;
  }

  private get(client: Client, target: ConnectTarget, request: ProbeRequest, timeoutMs: number): Promise<ProbeResponse> {
    return new Promise((resolve) => {
      const exchange = new ProbeExchange(resolve, timeoutMs);
      client.dispatch(
        {
          path: request.path,
          method: "GET",
          headers: ["host", target.hostHeader, "user-agent", this.userAgent, "accept", "*/*"],
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        },
        exchange,
      );
    });
  }
}
