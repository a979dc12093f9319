import { channel } from "node:diagnostics_channel";
import { buildConnector } from "undici";
import type { SsrfGuard } from "./ssrf-guard";

export type Connector = buildConnector.connector;

/** Published with `{ hostname }` just before every socket the guard lets through is opened (tests watch it). */
export const CONNECT_CHANNEL = "stratus:net:connect";
const connecting = channel(CONNECT_CHANNEL);

/** An error carrying a code, as socket errors do, so callers classify refusals like any connect failure. */
export class SsrfRefusedError extends Error {
  readonly code = "ERR_SSRF_REFUSED";
}

/**
 * An undici connector that re-checks the address it is about to open a socket to. Dispatchers are created
 * for an origin the guard already vetted, so this never fires in normal operation: it is the last line of
 * defence (a bug, a redirect-following interceptor, a changed origin) and it checks IP literals only, without
 * DNS, so a name can never reach `net.connect` through here.
 */
export function guardedConnector(guard: SsrfGuard, options: { timeoutMs?: number; base?: Connector } = {}): Connector {
  const base = options.base ?? buildConnector({ timeout: options.timeoutMs ?? 10_000, keepAlive: true, keepAliveInitialDelay: 60_000 });
  return (connectOptions, callback) => {
    const hostname = connectOptions.hostname.startsWith("[") ? connectOptions.hostname.slice(1, -1) : connectOptions.hostname;
    const verdict = guard.checkIp(hostname);
    if (!verdict.ok) {
      callback(new SsrfRefusedError(`refusing to connect: ${verdict.reason}`), null);
      return;
    }
    if (connecting.hasSubscribers) connecting.publish({ hostname: connectOptions.hostname });
    base(connectOptions, callback);
  };
}
