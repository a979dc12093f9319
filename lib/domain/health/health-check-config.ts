import type { ExpectedStatus, HealthCheckConfig } from "./types";

/**
 * Defaults for a live console, deliberately faster than AWS ELB (interval 30 s, timeout 5 s, healthy 5,
 * unhealthy 2, path "/"): a 5 s interval with 3 passes re-admits a backend in ~15 s instead of 2.5 min,
 * and 2 failures eject it within ~10 s. "/healthz" is the endpoint our demo service exposes.
 */
export const DEFAULT_HEALTH_CHECK: HealthCheckConfig = Object.freeze({
  path: "/healthz",
  intervalMs: 5_000,
  timeoutMs: 2_000,
  healthyThreshold: 3,
  unhealthyThreshold: 2,
  expectedStatus: 200,
});

/** Whether an HTTP status satisfies the configured matcher. */
export function statusMatches(status: number, expected: ExpectedStatus): boolean {
  return typeof expected === "number" ? status === expected : status >= expected.min && status <= expected.max;
}

const isPositiveInteger = (n: number) => Number.isInteger(n) && n > 0;

/** Problems with a config, empty when valid. Thresholds follow Envoy (≥ 1); ELB's 2–10 is stricter. */
export function validateHealthCheckConfig(config: HealthCheckConfig): string[] {
  const errors: string[] = [];
  if (!config.path.startsWith("/")) errors.push("path must start with /");
  const intervalValid = isPositiveInteger(config.intervalMs);
  if (!intervalValid) errors.push("intervalMs must be a positive integer");
  if (!isPositiveInteger(config.timeoutMs)) errors.push("timeoutMs must be a positive integer");
  else if (intervalValid && config.timeoutMs >= config.intervalMs) errors.push("timeoutMs must be shorter than intervalMs");
  if (!isPositiveInteger(config.healthyThreshold)) errors.push("healthyThreshold must be a positive integer");
  if (!isPositiveInteger(config.unhealthyThreshold)) errors.push("unhealthyThreshold must be a positive integer");
  const { expectedStatus: e } = config;
  const [min, max] = typeof e === "number" ? [e, e] : [e.min, e.max];
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 100 || max > 599 || min > max) {
    errors.push("expectedStatus must be an HTTP status or a range within 100–599");
  }
  return errors;
}
