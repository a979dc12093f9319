import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { CONNECT_CHANNEL } from "../../engine/net";

/**
 * Records every host the engine opens a socket to through the SSRF guard's connector (data plane, health
 * checks, webhooks), so a test can prove that a refused address never got as far as a connect and that all
 * traffic stayed on loopback.
 */
export function watchConnects(): { hosts: string[]; stop: () => void } {
  const hosts: string[] = [];
  const onConnect = (message: unknown) => hosts.push((message as { hostname?: string }).hostname ?? "?");
  subscribe(CONNECT_CHANNEL, onConnect);
  return { hosts, stop: () => unsubscribe(CONNECT_CHANNEL, onConnect) };
}

export const isLoopback = (host: string) => /^127\./.test(host) || host === "[::1]" || host === "::1" || host === "localhost";
