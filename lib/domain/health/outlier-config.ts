/** Passive outlier detection settings, named after Envoy's `cluster.v3.OutlierDetection`. */
export interface OutlierDetectionConfig {
  /** Consecutive 5xx (incl. connection failures reported as 502/503/504) that eject a host. */
  readonly consecutive5xx: number;
  /** Ejection lasts base × (times ejected), capped at maxEjectionTimeMs. */
  readonly baseEjectionTimeMs: number;
  readonly maxEjectionTimeMs: number;
  /** At most this share of the pool is ejected at once; one host is always ejectable. */
  readonly maxEjectionPercent: number;
  /** Envoy's sweep interval: the ejection multiplier decays by 1 per interval spent un-ejected. */
  readonly intervalMs: number;
}

/**
 * Envoy's defaults. "At least one host ejectable" is Envoy's opt-in `always_eject_one_host`; we make it the
 * default so a 2–9 backend pool (10% rounds to zero hosts) still sheds a failing backend.
 */
export const DEFAULT_OUTLIER_DETECTION: OutlierDetectionConfig = Object.freeze({
  consecutive5xx: 5,
  baseEjectionTimeMs: 30_000,
  maxEjectionTimeMs: 300_000,
  maxEjectionPercent: 10,
  intervalMs: 10_000,
});
