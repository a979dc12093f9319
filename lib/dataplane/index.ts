/** The load-balancer data plane: one HTTP reverse proxy per pool with a listen port. See DataPlane. */
export { DataPlane } from "./data-plane";
export { LATENCY_BUCKETS_MS, type HistogramBucket } from "./stats/latency-histogram";
export type { BackendStats, PoolStats } from "./stats/stats-report";
export type { BackendConfig, DataPlaneEvent, DataPlaneOptions, DataPlaneTracing, PoolConfig } from "./types";
