import type { BackendTable } from "./backend-table";
import { estimateAt, observeLatency, peakEwmaCost } from "./peak-ewma";
import { randomIndex } from "../random";
import { resizeFloat64, resizeInt32, SelectionStrategy } from "./selection-strategy";
import type { PickContext, RequestOutcome } from "./types";

export const DEFAULT_EWMA_DECAY_MS = 10_000;
/**
 * Latency assumed before the first response. tower leaves it to the caller (its docs mention 1 s);
 * Linkerd, tower's main production user, passes 30 ms. With decay from the moment the backend joins, a
 * 1 s prior would keep a freshly scaled-out instance nearly idle for ~30 s; 30 ms lets it compete at once.
 */
export const DEFAULT_RTT_MS = 30;

/**
 * Least response time as Finagle/Linkerd do it: power of two choices over peak-EWMA cost
 * (latency × (in-flight + 1)). Two distinct random eligible backends are compared and the cheaper wins:
 * O(1) per pick, no herding onto one "fastest" backend, and no full scan. Weights are ignored, as in tower.
 */
export class LeastResponseTime extends SelectionStrategy {
  override readonly usesWeight = false;
  private members = new Int32Array(0);
  private position = new Int32Array(0);
  private size = 0;
  private estimate = new Float64Array(0);
  private updatedAt = new Float64Array(0);

  constructor(
    private readonly table: BackendTable,
    private readonly decayMs = DEFAULT_EWMA_DECAY_MS,
    private readonly defaultRttMs = DEFAULT_RTT_MS,
  ) {
    super();
    table.onGrow((capacity) => {
      this.members = resizeInt32(this.members, capacity);
      this.position = resizeInt32(this.position, capacity);
      this.estimate = resizeFloat64(this.estimate, capacity);
      this.updatedAt = resizeFloat64(this.updatedAt, capacity);
    });
  }

  override attach(slot: number, now: number): void {
    this.estimate[slot] = this.defaultRttMs;
    this.updatedAt[slot] = now;
  }

  enter(slot: number): void {
    this.members[this.size] = slot;
    this.position[slot] = this.size++;
  }

  leave(slot: number): void {
    const index = this.position[slot] as number;
    const last = this.members[--this.size] as number;
    this.members[index] = last;
    this.position[last] = index;
  }

  override record(slot: number, outcome: RequestOutcome): void {
    const { now } = outcome;
    this.estimate[slot] = observeLatency(
      this.estimate[slot] as number,
      this.updatedAt[slot] as number,
      Math.max(0, outcome.latencyMs),
      now,
      this.decayMs,
    );
    this.updatedAt[slot] = now;
  }

  cost(slot: number, now: number): number {
    const latency = estimateAt(this.estimate[slot] as number, this.updatedAt[slot] as number, now, this.decayMs);
    return peakEwmaCost(latency, this.table.active[slot] as number);
  }

  pick(ctx: PickContext): number {
    if (this.size <= 1) return this.size === 1 ? (this.members[0] as number) : -1;
    const i = randomIndex(ctx.rng, this.size);
    let j = randomIndex(ctx.rng, this.size - 1);
    if (j >= i) j++;
    const a = this.members[i] as number;
    const b = this.members[j] as number;
    return this.cost(b, ctx.now) < this.cost(a, ctx.now) ? b : a;
  }

  override describe(slot: number, now: number) {
    return { latencyEstimateMs: estimateAt(this.estimate[slot] as number, this.updatedAt[slot] as number, now, this.decayMs) };
  }
}
