import type { DataPlaneEvent } from "@/lib/dataplane";
import type { EngineSnapshot } from "@/lib/server/dal/engine/snapshot";
import { EventThrottle } from "@/lib/telemetry/logs/throttle";
import { workloadOf, type EngineEvent } from "./events";
import type { HealthTransitionEvent } from "./health-checker/types";

interface BackendName {
  address: string;
  pool: string | null;
  pod: string | null;
  node: string | null;
  workload: string | null;
}

/** Pool and backend ids → what a person reads in a log line (pool name, address, pod), from one snapshot. */
export class TrafficNames {
  private pools = new Map<string, string>();
  private backends = new Map<string, BackendName>();

  update({ pools, pods, workloads }: Pick<EngineSnapshot, "pools" | "pods" | "workloads">): void {
    const podsById = new Map(pods.map((p) => [p.id, p]));
    this.pools = new Map(pools.map((p) => [p.id, p.name]));
    this.backends = new Map(
      pools.flatMap((pool) =>
        pool.backends.map((b) => {
          const pod = b.podId ? podsById.get(b.podId) : undefined;
          return [b.id, { address: `${b.address}:${b.port}`, pool: pool.name, pod: pod?.name ?? null, node: pod?.nodeName ?? null, workload: pod ? workloadOf(pod, workloads) : null }];
        }),
      ),
    );
  }

  pool(id: string): string {
    return this.pools.get(id) ?? id;
  }

  backend(id: string | null): BackendName | null {
    return id === null ? null : (this.backends.get(id) ?? { address: id, pool: null, pod: null, node: null, workload: null });
  }
}

const backendFields = (b: BackendName | null) => ({ pod: b?.pod ?? null, node: b?.node ?? null, workload: b?.workload ?? null });
const describe = (b: BackendName) => `backend ${b.address}${b.pod ? ` (pod ${b.pod})` : ""}`;

/** A health check's verdict changing, as an engine event. */
export function healthTransitionEvent(t: HealthTransitionEvent, names: TrafficNames): EngineEvent {
  const b = names.backend(t.backendId)!;
  const pool = names.pool(t.poolId);
  return {
    level: t.to === "unhealthy" ? "warn" : "info",
    message: `pool ${pool}: ${describe(b)} is ${t.to} (was ${t.from}): ${t.detail || t.reason}`,
    ...backendFields(b),
    labels: { pool, backend: b.address, reason: t.reason },
  };
}

/**
 * Data-plane notifications as log events (source "dataplane"); the per-request ones (retries, upstream errors,
 * which a dead backend produces for every request) are throttled per pool and kind, the rest pass as they come.
 */
export class DataPlaneEvents {
  private readonly throttle = new EventThrottle(2, 10);

  constructor(private readonly names: TrafficNames) {}

  toEvent(e: DataPlaneEvent, now: number): EngineEvent | null {
    const pool = this.names.pool(e.poolId);
    const base = { source: "dataplane" as const, labels: { pool } };
    switch (e.type) {
      case "listening":
        return { ...base, level: "info", message: `pool ${pool}: listening on port ${e.port}` };
      case "listen_failed":
        return { ...base, level: "error", message: `pool ${pool}: cannot listen on port ${e.port}: ${e.error}` };
      case "backend_refused": {
        const b = this.names.backend(e.backendId)!;
        return { ...base, ...backendFields(b), level: "warn", message: `pool ${pool}: ${describe(b)} refused: ${e.reason}` };
      }
      case "backend_ejected": {
        const b = this.names.backend(e.backendId)!;
        return { ...base, ...backendFields(b), level: "warn", message: `pool ${pool}: ${describe(b)} ejected for ${Math.round((e.until - e.at) / 1000)} s after consecutive 5xx` };
      }
      case "backend_unejected": {
        const b = this.names.backend(e.backendId)!;
        return { ...base, ...backendFields(b), level: "info", message: `pool ${pool}: ${describe(b)} back in service (${e.cause === "expired" ? "ejection expired" : "health check passed"})` };
      }
      case "upstream_retry":
      case "upstream_error": {
        const admitted = this.throttle.admit(`${e.type}:${e.poolId}`, now);
        if (!admitted) return null;
        const b = this.names.backend(e.backendId);
        const more = admitted.suppressed > 0 ? ` (and ${admitted.suppressed} more like it since the last one logged)` : "";
        const what =
          e.type === "upstream_retry"
            ? `retrying on another backend after ${e.error} from ${describe(b!)}`
            : `answered ${e.status}: ${e.error}${b ? ` (${describe(b)})` : ""}`;
        return { ...base, ...backendFields(b), level: e.type === "upstream_retry" ? "warn" : "error", traceId: e.traceId, message: `pool ${pool}: ${what}${more}` };
      }
    }
  }
}
