/**
 * Load balancing for the data plane, one balancer per pool:
 *
 *   const lb = createBalancer("least_connections");            // or round_robin, weighted_round_robin, …
 *   lb.setBackends(views, now);                                 // on every config/discovery change
 *   lb.setHealth(id, "unhealthy"); lb.setEjected(id, true);     // from health checks / outlier detection
 *   const picked = lb.pick({ clientIp, now, rng });             // per request
 *   if (picked.backend === null) → 503 with picked.reason
 *   lb.onStart(picked.backend.id); … lb.onFinish(picked.backend.id, { latencyMs, ok, now });
 */
export type * from "./types";
export { ALGORITHMS } from "./types";
export { createBalancer } from "./create-balancer";
export { DEFAULT_EWMA_DECAY_MS, DEFAULT_RTT_MS } from "./least-response-time";
export { DEFAULT_MAX_FAILS } from "./smooth-weighted-round-robin";
export { DEFAULT_MAX_RING_POINTS, DEFAULT_POINTS_PER_WEIGHT } from "./hash-ring";
export { murmur3 } from "./murmur3";
