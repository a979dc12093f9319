import type { BackendView } from "../domain/balancing";
import type { HealthStatus } from "../domain/health";
import type { ConnectTarget } from "../engine/net";
import type { UpstreamPool } from "./http1/upstream-pool";
import { RequestCounters } from "./stats/request-counters";
import type { BackendConfig } from "./types";

/** Everything the data plane keeps about one backend of one pool. */
export interface BackendEntry {
  config: BackendConfig;
  /** Where to connect (the vetted IP), or null when the SSRF guard refused the address. */
  target: ConnectTarget | null;
  refusedReason: string | null;
  /** Keep-alive connections to the target; null while refused. */
  upstream: UpstreamPool | null;
  health: HealthStatus;
  ejected: boolean;
  readonly counters: RequestCounters;
}

export function newBackendEntry(config: BackendConfig, health: HealthStatus): BackendEntry {
  return { config, target: null, refusedReason: null, upstream: null, health, ejected: false, counters: new RequestCounters() };
}

/** The balancer's view; `activeConnections` seeds a new balancer with requests already in flight. */
export function toBackendView(entry: BackendEntry): BackendView {
  return {
    id: entry.config.id,
    address: entry.config.address,
    port: entry.config.port,
    weight: entry.config.weight,
    maxConnections: entry.config.maxConnections,
    health: entry.health,
    ejected: entry.ejected,
    disabled: entry.config.disabled === true,
    activeConnections: entry.counters.activeConnections,
  };
}
