import type { PickContext, RequestOutcome } from "./types";

/**
 * How one algorithm chooses among the eligible backends. The balancer owns the backend table and decides
 * eligibility; it tells the strategy which slots enter or leave the eligible set, so a pick never has to
 * scan the whole pool.
 */
export abstract class SelectionStrategy {
  /** Whether picks depend on weight: if so, a weight change is applied while the slot is out of the set. */
  readonly usesWeight: boolean = true;
  /** A backend joined the set (not eligible yet). */
  attach(_slot: number, _now: number): void {}
  /** A backend is leaving the set (already ineligible). */
  detach(_slot: number): void {}
  /** The weight of an (ineligible) backend changed. */
  reweigh(_slot: number): void {}
  /** A setBackends batch is complete. */
  commit(): void {}
  /** The slot became eligible / ineligible. */
  abstract enter(slot: number): void;
  abstract leave(slot: number): void;
  /** The active count of an eligible slot changed. */
  loadChanged(_slot: number): void {}
  /** A request finished. */
  record(_slot: number, _outcome: RequestOutcome): void {}
  /** An eligible slot, or -1 if there is none. */
  abstract pick(ctx: PickContext): number;
  /** Algorithm-specific numbers for the console. */
  describe(_slot: number, _now: number): { effectiveWeight?: number; latencyEstimateMs?: number } {
    return {};
  }
}

/** Copy of `from` resized to `capacity`, new entries set to `fill`. */
export function resizeFloat64(from: Float64Array, capacity: number, fill = 0): Float64Array<ArrayBuffer> {
  const to = new Float64Array(capacity).fill(fill);
  to.set(from.subarray(0, Math.min(from.length, capacity)));
  return to;
}

export function resizeInt32(from: Int32Array, capacity: number, fill = -1): Int32Array<ArrayBuffer> {
  const to = new Int32Array(capacity).fill(fill);
  to.set(from.subarray(0, Math.min(from.length, capacity)));
  return to;
}
