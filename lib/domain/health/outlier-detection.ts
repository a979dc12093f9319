import { DEFAULT_OUTLIER_DETECTION, type OutlierDetectionConfig } from "./outlier-config";
import {
  countHostResponse,
  ejectHost,
  INITIAL_HOST_OUTLIER,
  isHostEjected,
  unejectHost,
  type HostOutlierState,
} from "./host-outlier";

/**
 * Passive outlier detection for one pool (Envoy consecutive-5xx ejection). Immutable: every function returns
 * a new state, or the same object when nothing changed. Updating copies the host map, O(pool size), and
 * happens only on 5xx responses, the first success after an error run, ejections and un-ejections; a
 * healthy host answering 2xx costs O(1). For very large pools use the per-host functions in host-outlier.ts.
 */
export interface OutlierState {
  readonly hosts: ReadonlyMap<string, HostOutlierState>;
}

export const EMPTY_OUTLIER_STATE: OutlierState = Object.freeze({ hosts: new Map<string, HostOutlierState>() });

export interface Ejection {
  readonly backendId: string;
  readonly at: number;
  readonly until: number;
  readonly reason: "consecutive_5xx";
}

export function isEjected(state: OutlierState, backendId: string, now: number): boolean {
  const host = state.hosts.get(backendId);
  return host !== undefined && isHostEjected(host, now);
}

/** Hosts ejected at `now`, O(pool); only evaluated when a host reaches the threshold. */
export function ejectedCount(state: OutlierState, now: number): number {
  let count = 0;
  for (const host of state.hosts.values()) if (isHostEjected(host, now)) count++;
  return count;
}

/**
 * Envoy's guard: eject if the pool stays within maxEjectionPercent afterwards, or if nothing is ejected
 * yet (always at least one host ejectable).
 */
export function ejectionAllowed(currentlyEjected: number, poolSize: number, maxEjectionPercent: number): boolean {
  return currentlyEjected === 0 || (100 * (currentlyEjected + 1)) / poolSize <= maxEjectionPercent;
}

function withHost(state: OutlierState, backendId: string, host: HostOutlierState): OutlierState {
  const hosts = new Map(state.hosts);
  hosts.set(backendId, host);
  return { hosts };
}

/** Count a proxied response's status; may eject the backend. */
export function recordResponse(
  state: OutlierState,
  backendId: string,
  status: number,
  now: number,
  poolSize: number,
  config: OutlierDetectionConfig = DEFAULT_OUTLIER_DETECTION,
): { state: OutlierState; ejection: Ejection | null } {
  const before = state.hosts.get(backendId) ?? INITIAL_HOST_OUTLIER;
  const counted = countHostResponse(before, status, now, config);
  if (counted.host === before) return { state, ejection: null };
  if (!counted.thresholdReached) return { state: withHost(state, backendId, counted.host), ejection: null };
  if (!ejectionAllowed(ejectedCount(state, now), poolSize, config.maxEjectionPercent)) {
    // Envoy resets the counter even when the ejection is refused, so the next attempt needs a fresh run.
    return { state: withHost(state, backendId, { ...counted.host, consecutive5xx: 0 }), ejection: null };
  }
  const ejected = ejectHost(counted.host, now, config);
  return {
    state: withHost(state, backendId, ejected),
    ejection: { backendId, at: now, until: ejected.ejectedUntil, reason: "consecutive_5xx" },
  };
}

/** Return hosts whose ejection time is over; call it periodically (Envoy sweeps every `intervalMs`). */
export function expireEjections(state: OutlierState, now: number): { state: OutlierState; unejected: string[] } {
  const expired = [...state.hosts].filter(([, host]) => host.ejectedUntil !== null && now >= host.ejectedUntil);
  if (expired.length === 0) return { state, unejected: [] };
  const hosts = new Map(state.hosts);
  for (const [id, host] of expired) hosts.set(id, unejectHost(host, now));
  return { state: { hosts }, unejected: expired.map(([id]) => id) };
}

/** A passing active health check returns an ejected host to service (Envoy's default). */
export function unejectOnCheckPassed(
  state: OutlierState,
  backendId: string,
  now: number,
): { state: OutlierState; unejected: boolean } {
  const host = state.hosts.get(backendId);
  if (host === undefined || host.ejectedUntil === null) return { state, unejected: false };
  return { state: withHost(state, backendId, unejectHost(host, now)), unejected: true };
}

/** Drop a backend that left the pool so it no longer counts towards the ejection limit. */
export function forgetBackend(state: OutlierState, backendId: string): OutlierState {
  if (!state.hosts.has(backendId)) return state;
  const hosts = new Map(state.hosts);
  hosts.delete(backendId);
  return { hosts };
}
