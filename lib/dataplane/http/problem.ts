import type { ClientConnection } from "../http1/client-connection";

export interface ProxyProblem {
  readonly status: 502 | 503 | 504;
  readonly title: string;
  readonly detail: string;
}

/** Answer with RFC 9457 problem details, unless the response already started (then only close it). */
export function sendProblem(client: ClientConnection, problem: ProxyProblem): void {
  if (client.headersSent) {
    client.abortResponse();
    return;
  }
  const body = JSON.stringify({ type: "about:blank", title: problem.title, status: problem.status, detail: problem.detail });
  client.respond(problem.status, ["content-type", "application/problem+json", "cache-control", "no-store"], body);
}

export const noBackendProblem = (reason: string): ProxyProblem => ({ status: 503, title: "No backend available", detail: reason });

export const badGatewayProblem = (detail: string): ProxyProblem => ({ status: 502, title: "Bad gateway", detail });

export const gatewayTimeoutProblem = (timeoutMs: number): ProxyProblem => ({
  status: 504,
  title: "Gateway timeout",
  detail: `the backend did not answer within ${timeoutMs} ms`,
});
