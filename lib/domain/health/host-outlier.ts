import type { OutlierDetectionConfig } from "./outlier-config";

/** Per-host passive-health record; every function here is O(1) and returns a new record. */
export interface HostOutlierState {
  readonly consecutive5xx: number;
  /** Envoy's ejection-time multiplier ("times ejected", decays while the host behaves). */
  readonly ejectionMultiplier: number;
  /** End of the current ejection, or null when the host is in service. */
  readonly ejectedUntil: number | null;
  readonly lastUnejectedAt: number | null;
}

export const INITIAL_HOST_OUTLIER: HostOutlierState = Object.freeze({
  consecutive5xx: 0,
  ejectionMultiplier: 0,
  ejectedUntil: null,
  lastUnejectedAt: null,
});

export const isServerError = (status: number) => status >= 500 && status <= 599;

export function isHostEjected(host: HostOutlierState, now: number): boolean {
  return host.ejectedUntil !== null && now < host.ejectedUntil;
}

/**
 * Count one response. Returns the same object when nothing changes (the common 2xx case), and
 * `thresholdReached` when this response completes a run of `consecutive5xx` errors. Responses that finish
 * while the host is ejected are ignored: Envoy resets the counters on un-ejection anyway.
 */
export function countHostResponse(
  host: HostOutlierState,
  status: number,
  now: number,
  config: Pick<OutlierDetectionConfig, "consecutive5xx">,
): { host: HostOutlierState; thresholdReached: boolean } {
  if (isHostEjected(host, now)) return { host, thresholdReached: false };
  if (!isServerError(status)) {
    return { host: host.consecutive5xx === 0 ? host : { ...host, consecutive5xx: 0 }, thresholdReached: false };
  }
  const consecutive5xx = host.consecutive5xx + 1;
  return { host: { ...host, consecutive5xx }, thresholdReached: consecutive5xx >= config.consecutive5xx };
}

/**
 * Eject for min(base × multiplier, max). The multiplier first decays by one per `intervalMs` spent in
 * service since the last un-ejection (Envoy decrements it on each sweep), then grows by one unless that
 * would only push the time further past the cap (Envoy's `backoff × base < max + base`).
 */
export function ejectHost(
  host: HostOutlierState,
  now: number,
  config: OutlierDetectionConfig,
): HostOutlierState & { readonly ejectedUntil: number } {
  const calmIntervals =
    host.lastUnejectedAt === null ? 0 : Math.floor((now - host.lastUnejectedAt) / config.intervalMs);
  const decayed = Math.max(0, host.ejectionMultiplier - calmIntervals);
  const multiplier =
    decayed * config.baseEjectionTimeMs < config.maxEjectionTimeMs + config.baseEjectionTimeMs ? decayed + 1 : decayed;
  const duration = Math.min(config.baseEjectionTimeMs * multiplier, config.maxEjectionTimeMs);
  return { ...host, consecutive5xx: 0, ejectionMultiplier: multiplier, ejectedUntil: now + duration };
}

/** Back into service; the error counter restarts so a few new errors do not re-eject at once (Envoy). */
export function unejectHost(host: HostOutlierState, now: number): HostOutlierState {
  return { ...host, consecutive5xx: 0, ejectedUntil: null, lastUnejectedAt: now };
}
