/**
 * Peak-EWMA latency (Finagle `PeakEwma`, tower `load/peak_ewma.rs`). Pure number → number functions so the
 * balancer can keep estimates in typed arrays. Elapsed time is clamped at 0 (tower saturates too).
 */

/**
 * Fold a latency sample in: a higher sample replaces the estimate at once, a lower one blends in weighted by
 * the time since the previous sample. Reads never mutate the estimate (tower's `load()` does, which makes
 * its result depend on how often the balancer looks), so this is Finagle's formula with Δt between samples.
 */
export function observeLatency(estimateMs: number, updatedAt: number, sampleMs: number, now: number, decayMs: number): number {
  if (sampleMs > estimateMs) return sampleMs;
  const decay = Math.exp(-Math.max(0, now - updatedAt) / decayMs);
  return estimateMs * decay + sampleMs * (1 - decay);
}

/**
 * The estimate as seen at `now`: it decays towards 0 while no sample arrives, as tower's `load()` does, so
 * a backend that was slow once (or is new) is retried after a while instead of being starved forever.
 */
export function estimateAt(estimateMs: number, updatedAt: number, now: number, decayMs: number): number {
  return estimateMs * Math.exp(-Math.max(0, now - updatedAt) / decayMs);
}

/** Expected wait for one more request: latency × (in-flight + 1). */
export function peakEwmaCost(estimateMs: number, inFlight: number): number {
  return estimateMs * (inFlight + 1);
}
