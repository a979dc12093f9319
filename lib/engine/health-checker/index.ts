/**
 * Active health checks. Wiring in the worker:
 *
 *   const writer = new TransitionWriter(prismaHealthStore);
 *   const checker = new HealthChecker({
 *     onTransition: (t) => { dataPlane.setBackendHealth(t.poolId, t.backendId, t.to); writer.push(t); },
 *     onResult: (r) => { if (r.result.outcome === "passed") dataPlane.recordCheckPassed(r.poolId, r.backendId); },
 *   });
 *   checker.setTargets(targetsFromPools(pools)); checker.start();   // again on every config change
 */
export { HealthChecker, type HealthCheckerOptions } from "./health-checker";
export { HttpProber, type HttpProberOptions } from "./http-prober";
export { targetsFromPools, type PoolWithBackends } from "./targets-from-pools";
export { InMemoryHealthStore, TransitionWriter, type HealthStore } from "./transition-writer";
export type { HealthCheckTarget, HealthTransitionEvent, ProbeRequest, ProbeResponse, ProbeResultEvent, Prober, TargetHealth } from "./types";
