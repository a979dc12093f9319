import { MAX_NODE_SCORE } from "./score";

/**
 * kube `helper.DefaultNormalizeScore`: scale by the maximum to 0–100 (integer), optionally reversed.
 * All zero: 0 everywhere, or 100 everywhere when reversed.
 */
export function defaultNormalize(out: Float64Array, count: number, reverse: boolean): void {
  let max = 0;
  for (let i = 0; i < count; i++) if (out[i]! > max) max = out[i]!;
  if (max === 0) {
    out.fill(reverse ? MAX_NODE_SCORE : 0, 0, count);
    return;
  }
  for (let i = 0; i < count; i++) {
    const scaled = Math.floor((MAX_NODE_SCORE * out[i]!) / max);
    out[i] = reverse ? MAX_NODE_SCORE - scaled : scaled;
  }
}

/** kube InterPodAffinity NormalizeScore: (s − min) / (max − min) · 100, truncated; all 0 when every score is equal. */
export function minMaxNormalize(out: Float64Array, count: number): void {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    min = Math.min(min, out[i]!);
    max = Math.max(max, out[i]!);
  }
  const range = max - min;
  for (let i = 0; i < count; i++) out[i] = range > 0 ? Math.trunc((MAX_NODE_SCORE * (out[i]! - min)) / range) : 0;
}
