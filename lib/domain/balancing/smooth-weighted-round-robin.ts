import type { BackendTable } from "./backend-table";
import { KineticTournament } from "./kinetic-tournament";
import { resizeFloat64, resizeInt32, SelectionStrategy } from "./selection-strategy";
import type { RequestOutcome } from "./types";

export const DEFAULT_MAX_FAILS = 1;
/** Rebase the tournament's clock long before base values could leave the exact-integer range. */
const REBASE_AFTER_ROUNDS = 2 ** 24;

/**
 * nginx smooth weighted round robin (`ngx_http_upstream_get_peer`), producing exactly nginx's sequence
 * (5:1:1 → a,a,b,a,c,a,a), in O(log n) amortized per pick instead of nginx's O(n) scan.
 *
 * nginx, per pick, over the eligible peers in list order: `current += effective; total += effective;
 * if (effective < weight) effective++`; the first peer with the largest current wins; `best.current -= total`.
 * A failure lowers effective by weight/max_fails (floor 0); it then climbs back by 1 per round.
 *
 * Here a peer with effective == weight ("steady") has current = base + weight·round, a line; the kinetic
 * tournament finds the largest line at the current round without touching the others. Recovering peers
 * (effective < weight after a failure) are few and scanned directly. Slot order plays nginx's list order for
 * ties. Ineligible peers keep their current/effective frozen, as skipped peers do in nginx. Verified
 * against a literal transcription of nginx (nginx-wrr-reference.ts) by a property test.
 */
export class SmoothWeightedRoundRobin extends SelectionStrategy {
  private readonly steady = new KineticTournament();
  /** Σ weight of steady eligible peers. */
  private steadyWeight = 0;
  private current = new Float64Array(0);
  private effective = new Float64Array(0);
  private recovering = new Int32Array(0);
  private recoveringIndex = new Int32Array(0);
  private recoveringCount = 0;

  constructor(
    private readonly table: BackendTable,
    private readonly maxFails = DEFAULT_MAX_FAILS,
    private readonly rebaseAfter = REBASE_AFTER_ROUNDS,
  ) {
    super();
    table.onGrow((capacity) => {
      this.current = resizeFloat64(this.current, capacity);
      this.effective = resizeFloat64(this.effective, capacity);
      this.recovering = resizeInt32(this.recovering, capacity);
      this.recoveringIndex = resizeInt32(this.recoveringIndex, capacity);
      this.steady.ensureCapacity(capacity);
    });
  }

  private weightOf(slot: number): number {
    return this.table.weight[slot] as number;
  }

  /** nginx init: current 0, effective = weight. */
  override attach(slot: number): void {
    this.current[slot] = 0;
    this.effective[slot] = this.weightOf(slot);
  }

  /** Like an nginx reload of this peer: full effective weight; current is kept so the rotation stays smooth. */
  override reweigh(slot: number): void {
    this.effective[slot] = this.weightOf(slot);
  }

  enter(slot: number): void {
    const weight = this.weightOf(slot);
    if ((this.effective[slot] as number) >= weight) {
      this.steady.set(slot, this.current[slot] as number, weight);
      this.steadyWeight += weight;
    } else {
      this.addRecovering(slot);
    }
  }

  leave(slot: number): void {
    if (this.steady.has(slot)) {
      this.current[slot] = this.steady.valueOf(slot);
      this.steadyWeight -= this.steady.slopeOf(slot);
      this.steady.delete(slot);
    } else {
      this.removeRecovering(slot);
    }
  }

  /** nginx `ngx_http_upstream_free_round_robin_peer`: a failure costs weight/max_fails (integer division). */
  override record(slot: number, outcome: RequestOutcome): void {
    if (outcome.ok || this.maxFails <= 0) return;
    const weight = this.weightOf(slot);
    const lowered = Math.max(0, (this.effective[slot] as number) - Math.floor(weight / this.maxFails));
    this.effective[slot] = lowered;
    if (lowered < weight && this.steady.has(slot)) {
      this.leave(slot);
      this.addRecovering(slot);
    }
  }

  pick(): number {
    if (this.steady.time >= this.rebaseAfter) this.steady.rebase();
    const round = this.steady.time + 1;
    let total = this.steadyWeight;
    // Recovering peers: nginx's per-peer step (effective < weight holds for every recovering peer).
    for (let i = 0; i < this.recoveringCount; i++) {
      const slot = this.recovering[i] as number;
      const effective = this.effective[slot] as number;
      this.current[slot] = (this.current[slot] as number) + effective;
      total += effective;
      this.effective[slot] = effective + 1;
    }
    let best = this.steady.advanceTo(round);
    let bestValue = best < 0 ? -Infinity : this.steady.valueOf(best);
    for (let i = this.recoveringCount - 1; i >= 0; i--) {
      const slot = this.recovering[i] as number;
      const value = this.current[slot] as number;
      if (value > bestValue || (value === bestValue && slot < best)) {
        best = slot;
        bestValue = value;
      }
      // Fully recovered: from the next round on it moves as a line.
      if ((this.effective[slot] as number) >= this.weightOf(slot)) {
        this.removeRecovering(slot);
        this.steady.set(slot, value, this.weightOf(slot));
        this.steadyWeight += this.weightOf(slot);
      }
    }
    if (best < 0) return -1;
    if (this.steady.has(best)) this.steady.add(best, -total);
    else this.current[best] = bestValue - total;
    return best;
  }

  override describe(slot: number) {
    return { effectiveWeight: this.effective[slot] as number };
  }

  private addRecovering(slot: number): void {
    this.recovering[this.recoveringCount] = slot;
    this.recoveringIndex[slot] = this.recoveringCount++;
  }

  private removeRecovering(slot: number): void {
    const index = this.recoveringIndex[slot] as number;
    const last = this.recovering[--this.recoveringCount] as number;
    this.recovering[index] = last;
    this.recoveringIndex[last] = index;
  }
}
