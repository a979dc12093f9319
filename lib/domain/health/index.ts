/**
 * Backend health, pure functions only. The data plane's loop:
 *  - active checks: probe `config.path` → classifyProbe → applyCheckResult → on a transition,
 *    balancer.setHealth(id, state.status); schedule the next probe with nextCheckAt.
 *  - passive: recordResponse for every proxied response → on an ejection, balancer.setEjected(id, true);
 *    every intervalMs expireEjections → setEjected(id, false); a passing check → unejectOnCheckPassed.
 */
export type * from "./types";
export { DEFAULT_HEALTH_CHECK, statusMatches, validateHealthCheckConfig } from "./health-check-config";
export { classifyProbe, type ProbeOutcome } from "./classify-probe";
export { applyCheckResult, INITIAL_CHECK_STATE } from "./check-state";
export { nextCheckAt } from "./check-schedule";
export { DEFAULT_OUTLIER_DETECTION, type OutlierDetectionConfig } from "./outlier-config";
export {
  countHostResponse,
  ejectHost,
  INITIAL_HOST_OUTLIER,
  isHostEjected,
  unejectHost,
  type HostOutlierState,
} from "./host-outlier";
export {
  EMPTY_OUTLIER_STATE,
  ejectedCount,
  ejectionAllowed,
  expireEjections,
  forgetBackend,
  isEjected,
  recordResponse,
  unejectOnCheckPassed,
  type Ejection,
  type OutlierState,
} from "./outlier-detection";
