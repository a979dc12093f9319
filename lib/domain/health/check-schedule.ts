import { type Rng } from "../random";

/**
 * When to probe next: the interval spread by ±jitterFraction (uniform), so checks of many backends started
 * together drift apart instead of hitting the network in bursts (HAProxy `spread-checks`, Envoy
 * `interval_jitter_percent`). Symmetric jitter keeps the mean interval equal to `intervalMs`.
 */
export function nextCheckAt(now: number, intervalMs: number, rng: Rng, jitterFraction = 0.1): number {
  const jitter = Math.min(Math.max(jitterFraction, 0), 0.99);
  const spread = 1 + jitter * (2 * rng() - 1);
  return now + Math.max(1, Math.round(intervalMs * spread));
}
