import type { CheckResult, CheckState, HealthCheckConfig, HealthStatus, HealthTransition } from "./types";

export const INITIAL_CHECK_STATE: CheckState = Object.freeze({
  status: "unknown",
  consecutivePasses: 0,
  consecutiveFailures: 0,
  lastResult: null,
  lastCheckedAt: null,
  changedAt: null,
});

/**
 * Fold one check result into a backend's state (AWS ELB / HAProxy rise-fall semantics): `healthy` after
 * `healthyThreshold` consecutive passes, `unhealthy` after `unhealthyThreshold` consecutive failures.
 *
 * A NEW backend (still `unknown`) leaves `unknown` on its first result: one pass marks it healthy at once,
 * as Envoy does at startup, so a freshly scaled-out instance takes traffic after one check rather than
 * `healthyThreshold` intervals; one failure marks it unhealthy, which only confirms what `unknown` already
 * meant (no traffic). We do not copy Envoy's "unexpected status ⇒ immediately unhealthy": a status mismatch
 * counts towards `unhealthyThreshold` like any failure, as on ELB.
 */
export function applyCheckResult(
  state: CheckState,
  result: CheckResult,
  config: Pick<HealthCheckConfig, "healthyThreshold" | "unhealthyThreshold">,
  now: number,
): { state: CheckState; transition: HealthTransition | null } {
  const passed = result.outcome === "passed";
  const consecutivePasses = passed ? state.consecutivePasses + 1 : 0;
  const consecutiveFailures = passed ? 0 : state.consecutiveFailures + 1;
  const next = nextStatus(state.status, passed, consecutivePasses, consecutiveFailures, config);
  const changed = next !== state.status;
  return {
    state: {
      status: next,
      consecutivePasses,
      consecutiveFailures,
      lastResult: result,
      lastCheckedAt: now,
      changedAt: changed ? now : state.changedAt,
    },
    transition: changed ? { from: state.status, to: next, reason: result, at: now } : null,
  };
}

function nextStatus(
  current: HealthStatus,
  passed: boolean,
  passes: number,
  failures: number,
  config: Pick<HealthCheckConfig, "healthyThreshold" | "unhealthyThreshold">,
): HealthStatus {
  if (current === "unknown") return passed ? "healthy" : "unhealthy";
  if (passed) return passes >= config.healthyThreshold ? "healthy" : current;
  return failures >= config.unhealthyThreshold ? "unhealthy" : current;
}
