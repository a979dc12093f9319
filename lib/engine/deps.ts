import type { Rng } from "@/lib/domain/random";
import type { SchedulerState, SchedulingProfile } from "@/lib/domain/scheduling";
import type { EngineSnapshot } from "@/lib/server/dal/engine/snapshot";
import type { EngineWriteCtx } from "@/lib/server/dal/engine/types";
import type { EngineEvents } from "./events";
import type { PodMetricsWindow } from "./metrics-window";
import type { RuntimeDriver } from "./runtime/driver";

export interface EngineConfig {
  /** A node whose heartbeat is older than this is NotReady (kube: node-monitor-grace-period, 40 s). */
  nodeGraceMs: number;
  /** Pods on a NotReady node are evicted after this long (kube: 300 s by default toleration). */
  evictionTimeoutMs: number;
  schedulingProfile: SchedulingProfile;
}

export const DEFAULT_ENGINE_CONFIG: EngineConfig = {
  nodeGraceMs: 15_000,
  evictionTimeoutMs: 10_000,
  schedulingProfile: { kind: "default" },
};

/**
 * What a loop's tick gets: a fresh snapshot of desired and observed state, a way to write (fenced, audited),
 * and the local runtime when this process hosts one (a cron-driven tick through the API has none).
 */
export interface EngineDeps {
  snapshot: EngineSnapshot;
  write: EngineWriteCtx;
  now: number;
  rng: Rng;
  config: EngineConfig;
  scheduler: { state: SchedulerState };
  runtime?: { driver: RuntimeDriver; metrics: PodMetricsWindow };
  /** Where the loop tells what it did (pod started, node NotReady, scaled, …): the log store, as source "engine". */
  events: EngineEvents;
}
