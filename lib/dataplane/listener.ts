import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Start an HTTP server; resolves once it listens, rejects on EADDRINUSE and the like. */
export function listen(handler: RequestHandler, host: string, port: number): Promise<Server> {
  const server = createServer(handler);
  // Longer than typical client idle timeouts, so clients close first and never reuse a socket we just closed.
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}

/**
 * Stop accepting, let in-flight requests finish, close keep-alive connections as they go idle, and after
 * `drainTimeoutMs` close whatever is left. Idle connections are swept repeatedly because a connection that
 * was busy when close() began becomes idle only after its response.
 */
export function closeGracefully(server: Server, drainTimeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => server.closeAllConnections(), drainTimeoutMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}
