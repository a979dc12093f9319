import { subscribe, unsubscribe } from "node:diagnostics_channel";

/**
 * Records every host undici is about to open a socket to (its `undici:client:beforeConnect` channel), so a
 * test can prove that a refused address never got as far as a connect and that all traffic stayed on loopback.
 */
export function watchConnects(): { hosts: string[]; stop: () => void } {
  const hosts: string[] = [];
  const onConnect = (message: unknown) => {
    const params = (message as { connectParams?: { hostname?: string } }).connectParams;
    hosts.push(params?.hostname ?? "?");
  };
  subscribe("undici:client:beforeConnect", onConnect);
  return { hosts, stop: () => unsubscribe("undici:client:beforeConnect", onConnect) };
}

export const isLoopback = (host: string) => /^127\./.test(host) || host === "[::1]" || host === "::1" || host === "localhost";
