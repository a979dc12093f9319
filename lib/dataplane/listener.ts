import { createServer, type Server } from "node:net";
import { ClientConnection, type ExchangeFactory } from "./http1/client-connection";

const SWEEP_MS = 1_000;

export interface ClientTimeouts {
  /** A request head must arrive within this time (slow-header clients are answered 408). */
  readonly clientHeadersTimeoutMs: number;
  /** Idle keep-alive connections close after this; longer than clients' own, so clients close first. */
  readonly clientIdleTimeoutMs: number;
}

/**
 * A pool's listening socket and its client connections. One sweep a second enforces the idle and head
 * timeouts, so no timer is armed per request.
 */
export class Listener {
  private readonly connections = new Set<ClientConnection>();
  private readonly sweeper: NodeJS.Timeout;

  private constructor(
    private readonly server: Server,
    private readonly timeouts: ClientTimeouts,
  ) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS).unref();
  }

  /** Start listening; resolves once bound, rejects on EADDRINUSE and the like. */
  static open(exchangeFor: ExchangeFactory, host: string, port: number, timeouts: ClientTimeouts): Promise<Listener> {
    const server = createServer({ noDelay: true });
    const listener = new Listener(server, timeouts);
    server.on("connection", (socket) => {
      const connection = new ClientConnection(socket, exchangeFor);
      listener.connections.add(connection);
      socket.once("close", () => listener.connections.delete(connection));
    });
    return new Promise((resolve, reject) => {
      server.once("error", (error) => {
        clearInterval(listener.sweeper);
        reject(error);
      });
      server.listen(port, host, () => {
        server.removeAllListeners("error");
        server.on("error", () => {});
        resolve(listener);
      });
    });
  }

  get port(): number | null {
    const address = this.server.address();
    return typeof address === "object" && address !== null ? address.port : null;
  }

  /**
   * Stop accepting, let in-flight requests finish (each connection closes once its last answer is out), and
   * after `drainTimeoutMs` close whatever is left.
   */
  close(drainTimeoutMs: number): Promise<void> {
    clearInterval(this.sweeper);
    return new Promise((resolve) => {
      const deadline = setTimeout(() => {
        for (const connection of this.connections) connection.socket.destroy();
      }, drainTimeoutMs);
      this.server.close(() => {
        clearTimeout(deadline);
        resolve();
      });
      for (const connection of this.connections) connection.closeWhenIdle();
    });
  }

  private sweep(): void {
    const now = performance.now();
    const { clientIdleTimeoutMs, clientHeadersTimeoutMs } = this.timeouts;
    for (const connection of this.connections) connection.sweep(now, clientIdleTimeoutMs, clientHeadersTimeoutMs);
  }
}
