import type { Socket } from "node:net";
import { guardedConnector, type ConnectTarget, type Connector } from "../../engine/net";
import { UpstreamConnection, type ConnectionOwner, type UpstreamHandler } from "./upstream-connection";

export interface UpstreamPoolOptions {
  readonly maxConnections: number;
  readonly connectTimeoutMs: number;
  /** Idle keep-alive and stalled-body limit of each connection. */
  readonly timeoutMs: number;
}

/**
 * Keep-alive connections to one backend: the most recently used idle connection first (it is the least likely
 * to have been closed by the backend), at most `maxConnections`, and a FIFO of requests waiting for one. Every
 * connection opens through the SSRF guard's connector to the vetted IP, so no later DNS answer can redirect it.
 */
export class UpstreamPool implements ConnectionOwner {
  private readonly idle: UpstreamConnection[] = [];
  private readonly waiting: UpstreamHandler[] = [];
  private readonly connect: Connector;
  private readonly connections = new Set<UpstreamConnection>();
  /** Connections open or being opened. */
  private open = 0;
  private closing = false;
  private drained: (() => void) | null = null;

  constructor(
    readonly target: ConnectTarget,
    private readonly options: UpstreamPoolOptions,
    connector: Connector,
  ) {
    this.connect = connector;
  }

  /** Send `handler`'s request on an idle connection, a new one, or when one frees up. */
  dispatch(handler: UpstreamHandler): void {
    if (this.closing) {
      handler.onUpstreamError(Object.assign(new Error("the backend was removed"), { code: "UPSTREAM_RETIRED" }));
      return;
    }
    const connection = this.takeIdle();
    if (connection !== undefined) connection.assign(handler);
    else if (this.open < this.options.maxConnections) this.openConnection(handler);
    else this.waiting.push(handler);
  }

  /** The most recently used idle connection still inside the backend's keep-alive timeout (older ones are closed). */
  private takeIdle(): UpstreamConnection | undefined {
    let connection = this.idle.pop();
    if (connection === undefined) return undefined;
    const now = performance.now();
    while (connection !== undefined && connection.reusableUntil <= now) {
      connection.socket.destroy();
      connection = this.idle.pop();
    }
    return connection;
  }

  /** A request gave up before it got a connection (client gone, deadline). */
  cancel(handler: UpstreamHandler): void {
    const index = this.waiting.indexOf(handler);
    if (index >= 0) this.waiting.splice(index, 1);
  }

  release(connection: UpstreamConnection): void {
    const next = this.waiting.shift();
    if (next !== undefined) {
      connection.assign(next);
      return;
    }
    if (this.closing) {
      connection.socket.destroy();
      return;
    }
    this.idle.push(connection);
  }

  discard(connection: UpstreamConnection): void {
    const index = this.idle.lastIndexOf(connection);
    if (index >= 0) this.idle.splice(index, 1);
    this.connections.delete(connection);
    this.open--;
    const next = this.waiting.shift();
    if (next !== undefined) this.openConnection(next); // a slot freed up (no connection is idle while requests wait)
    else if (this.open === 0) this.drained?.();
  }

  resend(handler: UpstreamHandler): void {
    if (this.open < this.options.maxConnections && !this.closing) this.openConnection(handler);
    else this.dispatch(handler);
  }

  /** Let requests in flight and queued finish, then close every connection; after `drainTimeoutMs`, close them anyway. */
  close(drainTimeoutMs: number): Promise<void> {
    this.closing = true;
    // Idle connections go now; busy ones when their response ends (queued requests still get them first).
    for (const connection of this.idle.splice(0)) connection.socket.destroy();
    if (this.open === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.destroyAll(), drainTimeoutMs);
      this.drained = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private destroyAll(): void {
    for (const connection of this.connections) connection.socket.destroy();
  }

  private openConnection(handler: UpstreamHandler): void {
    this.open++;
    const { ip, port } = this.target;
    const hostname = ip.family === 6 ? `[${ip.address}]` : ip.address;
    this.connect({ hostname, host: hostname, protocol: "http:", port: String(port), servername: undefined, localAddress: null }, (error, socket) => {
      if (error !== null || socket === null) {
        this.open--;
        if (this.open === 0) this.drained?.();
        handler.onUpstreamError(error ?? new Error("connect failed"));
        return;
      }
      const connection = new UpstreamConnection(socket as Socket, this, this.options.timeoutMs);
      this.connections.add(connection);
      connection.assign(handler);
    });
  }
}

/** The pool for a vetted backend address. */
export function createUpstreamPool(target: ConnectTarget, options: UpstreamPoolOptions & { readonly guard: Parameters<typeof guardedConnector>[0] }): UpstreamPool {
  return new UpstreamPool(target, options, guardedConnector(options.guard, { timeoutMs: options.connectTimeoutMs }));
}
