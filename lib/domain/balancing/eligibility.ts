/**
 * Which backends may take a request. The seed's theorem — a pick is always healthy — is the normal case;
 * Envoy's opt-in panic mode relaxes health (and ejection, which Envoy also counts as unhealthy) when too
 * few backends are healthy. Capacity (maxConnections) and drain (weight 0) are never relaxed.
 * `healthy` means health === "healthy" and not ejected.
 */
export function isServable(healthy: boolean, weight: number, panic: boolean): boolean {
  return weight > 0 && (panic || healthy);
}

/** Envoy panic threshold: balance over all backends while the healthy share is below `thresholdPercent`. */
export function inPanic(healthyCount: number, total: number, thresholdPercent: number): boolean {
  return thresholdPercent > 0 && total > 0 && healthyCount * 100 < thresholdPercent * total;
}
