import type { HealthStatus } from "../../domain/health";
import type { HistogramBucket } from "./latency-histogram";
import type { RequestCounters } from "./request-counters";

/** The contract of `GET /api/v1/pools/{id}/stats`. */
export interface PoolStats {
  readonly totalRequests: number;
  readonly successfulRequests: number;
  readonly failedRequests: number;
  readonly averageResponseTimeMs: number;
  readonly activeConnections: number;
  readonly backends: readonly BackendStats[];
}

export interface BackendStats {
  readonly id: string;
  readonly address: string;
  readonly port: number;
  readonly health: HealthStatus;
  readonly ejected: boolean;
  readonly activeConnections: number;
  readonly totalRequests: number;
  readonly failedRequests: number;
  readonly averageResponseTimeMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly histogram: readonly HistogramBucket[];
  /** Only on a backend the SSRF guard refused: why it gets no traffic. */
  readonly refusedReason?: string;
}

export interface BackendStatsInput {
  readonly id: string;
  readonly address: string;
  readonly port: number;
  readonly health: HealthStatus;
  readonly ejected: boolean;
  readonly refusedReason: string | null;
  readonly counters: RequestCounters;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

export function backendStats(input: BackendStatsInput): BackendStats {
  const { counters } = input;
  return {
    id: input.id,
    address: input.address,
    port: input.port,
    health: input.health,
    ejected: input.ejected,
    activeConnections: counters.activeConnections,
    totalRequests: counters.totalRequests,
    failedRequests: counters.failedRequests,
    averageResponseTimeMs: round(counters.latency.meanMs),
    p50Ms: round(counters.latency.quantile(0.5)),
    p99Ms: round(counters.latency.quantile(0.99)),
    histogram: counters.latency.buckets(),
    ...(input.refusedReason !== null && { refusedReason: input.refusedReason }),
  };
}

/**
 * Pool totals count client requests (a retried request is one request, two backend attempts; a 503 for want
 * of a backend counts as failed and belongs to no backend); a request is counted when it completes.
 */
export function poolStats(pool: RequestCounters, backends: readonly BackendStatsInput[]): PoolStats {
  return {
    totalRequests: pool.totalRequests,
    successfulRequests: pool.totalRequests - pool.failedRequests,
    failedRequests: pool.failedRequests,
    averageResponseTimeMs: round(pool.latency.meanMs),
    activeConnections: pool.activeConnections,
    backends: backends.map(backendStats),
  };
}
