import type { HealthStatus } from "../health/types";
import type { Rng } from "../random";

export const ALGORITHMS = [
  "round_robin",
  "least_connections",
  "weighted_round_robin",
  "ip_hash",
  "least_response_time",
] as const;

export type Algorithm = (typeof ALGORITHMS)[number];

/** What the data plane knows about one backend. */
export interface BackendView {
  /** Stable identity: balancer state (rotation, WRR weights, hash ring points, EWMA) follows the id. */
  readonly id: string;
  readonly address: string;
  readonly port: number;
  /** Rounded to an integer; ≤ 0 drains the backend (no new requests, like HAProxy `weight 0`). */
  readonly weight: number;
  /** Picks stop while activeConnections ≥ maxConnections; use Infinity for no cap. */
  readonly maxConnections: number;
  readonly health: HealthStatus;
  /** Ejected by passive outlier detection: ineligible until un-ejected. */
  readonly ejected?: boolean;
  /**
   * Taken out of rotation by an operator (nginx `down`): never eligible, not even in panic, yet it keeps its place —
   * its ring points, rotation slot and in-flight count — so only its own share of traffic moves, and moves back.
   */
  readonly disabled?: boolean;
  /**
   * In-flight requests when the balancer first sees this backend (e.g. after an algorithm switch).
   * After that the balancer's own count (onStart/onFinish) is authoritative and this field is ignored.
   */
  readonly activeConnections?: number;
}

export interface PickContext {
  /** Hash key for ip_hash; without it ip_hash picks a random point on the ring. */
  readonly clientIp?: string;
  readonly now: number;
  readonly rng: Rng;
}

export type NoPickReason = "no backends" | "no healthy backend" | "all backends at maxConnections";

export type PickResult =
  | { readonly backend: BackendView; readonly panic: boolean; readonly reason?: undefined }
  | { readonly backend: null; readonly reason: NoPickReason };

export interface RequestOutcome {
  readonly latencyMs: number;
  /** false for errors/timeouts: weighted_round_robin lowers the backend's effective weight (nginx). */
  readonly ok: boolean;
  readonly now: number;
}

export interface BalancerOptions {
  /** Envoy panic mode, off by default: below this % of healthy backends, balance over all of them. */
  readonly panicThresholdPercent?: number;
  /** nginx max_fails for weighted_round_robin: a failure costs weight/maxFails effective weight. 0 disables. */
  readonly maxFails?: number;
  /** Peak-EWMA decay time τ for least_response_time (Finagle/Linkerd: 10 s). */
  readonly ewmaDecayMs?: number;
  /** Latency assumed before a backend's first response (Linkerd: 30 ms). */
  readonly defaultRttMs?: number;
  /** ip_hash ring points per unit of weight (ketama: 160). */
  readonly ringPointsPerWeight?: number;
  /** Ring size cap; above it points per weight are halved until the ring fits (Envoy's max_ring_size idea). */
  readonly maxRingPoints?: number;
}

export interface BackendSnapshot {
  readonly id: string;
  readonly activeConnections: number;
  readonly eligible: boolean;
  /** weighted_round_robin: nginx effective weight (drops on failures, recovers by 1 per round). */
  readonly effectiveWeight?: number;
  /** least_response_time: the decayed peak-EWMA latency estimate. */
  readonly latencyEstimateMs?: number;
}

export interface BalancerSnapshot {
  readonly algorithm: Algorithm;
  readonly panic: boolean;
  readonly backends: readonly BackendSnapshot[];
}

/**
 * One balancer per pool, owned by the data plane. All methods are synchronous and deterministic given
 * their arguments (clock and randomness come in through `now` and `rng`).
 */
export interface Balancer {
  readonly algorithm: Algorithm;
  /** Replace the backend set; backends are matched by id so per-backend state survives. O(n). */
  setBackends(backends: readonly BackendView[], now: number): void;
  /** Fast health/ejection updates without resending the set. False if the id is unknown. */
  setHealth(id: string, health: HealthStatus): boolean;
  setEjected(id: string, ejected: boolean): boolean;
  /** Choose a backend for a request; O(1) or O(log n) (see each algorithm). */
  pick(ctx: PickContext): PickResult;
  /** A request to `id` started / finished. Unknown ids (removed meanwhile) are ignored. */
  onStart(id: string): void;
  onFinish(id: string, outcome: RequestOutcome): void;
  /** Per-backend view for the console, O(n). */
  snapshot(now: number): BalancerSnapshot;
}
