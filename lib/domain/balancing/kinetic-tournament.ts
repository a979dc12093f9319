/**
 * Kinetic tournament tree: the maximum of moving values v(t) = base + slope·t over a set of slots, at an
 * integer time t that only moves forward. Ties go to the lowest slot. Each internal node caches its
 * subtree's winner and the earliest time that winner can be overtaken (its certificate); advancing time
 * only revisits nodes whose certificate expired, and changing one slot recomputes one leaf-to-root path.
 *
 * All values are integers kept exactly in doubles; `rebase()` folds elapsed time into the bases before
 * they could grow past 2^53.
 */
export class KineticTournament {
  /** Current time. */
  time = 0;
  private capacity = 1;
  private base = new Float64Array(1);
  private slope = new Float64Array(1);
  /** Heap-ordered tree: node 1 is the root, leaves are capacity + slot. Winner slot or -1. */
  private winner = new Int32Array(2).fill(-1);
  private expiresAt = new Float64Array(2).fill(Infinity);

  /** Make room for slots < capacity (rounded up to a power of two); rebuilds the tree. */
  ensureCapacity(capacity: number): void {
    if (capacity <= this.capacity) return;
    let size = this.capacity;
    while (size < capacity) size *= 2;
    const base = new Float64Array(size);
    const slope = new Float64Array(size);
    base.set(this.base);
    slope.set(this.slope);
    const winner = new Int32Array(2 * size).fill(-1);
    for (let slot = 0; slot < this.capacity; slot++) winner[size + slot] = this.winner[this.capacity + slot] as number;
    this.base = base;
    this.slope = slope;
    this.winner = winner;
    this.expiresAt = new Float64Array(2 * size).fill(Infinity);
    this.capacity = size;
    this.recomputeAll();
  }

  has(slot: number): boolean {
    return this.winner[this.capacity + slot] === slot;
  }

  slopeOf(slot: number): number {
    return this.slope[slot] as number;
  }

  valueOf(slot: number): number {
    return (this.base[slot] as number) + (this.slope[slot] as number) * this.time;
  }

  /** Insert or replace `slot` with value `value` now, growing by `slope` per time unit. */
  set(slot: number, value: number, slope: number): void {
    this.slope[slot] = slope;
    this.base[slot] = value - slope * this.time;
    this.winner[this.capacity + slot] = slot;
    this.recomputePath(slot);
  }

  delete(slot: number): void {
    this.winner[this.capacity + slot] = -1;
    this.recomputePath(slot);
  }

  /** Add `delta` to the current value of a present slot. */
  add(slot: number, delta: number): void {
    this.base[slot] = (this.base[slot] as number) + delta;
    this.recomputePath(slot);
  }

  /** Move to `time` (≥ the current time) and return the winning slot, or -1 when empty. */
  advanceTo(time: number): number {
    this.time = time;
    if ((this.expiresAt[1] as number) <= time) this.refresh(1);
    return this.winner[1] as number;
  }

  /** Shift the time origin to 0 without changing any value (keeps the arithmetic exact forever). */
  rebase(): void {
    for (let slot = 0; slot < this.capacity; slot++) {
      this.base[slot] = (this.base[slot] as number) + (this.slope[slot] as number) * this.time;
    }
    this.time = 0;
    this.recomputeAll();
  }

  private refresh(node: number): void {
    const left = 2 * node;
    if (left < this.capacity) {
      if ((this.expiresAt[left] as number) <= this.time) this.refresh(left);
      if ((this.expiresAt[left + 1] as number) <= this.time) this.refresh(left + 1);
    }
    this.recompute(node);
  }

  private recomputePath(slot: number): void {
    for (let node = (this.capacity + slot) >> 1; node >= 1; node >>= 1) this.recompute(node);
  }

  private recomputeAll(): void {
    for (let node = this.capacity - 1; node >= 1; node--) this.recompute(node);
  }

  /** Winner of a node from its children's winners, and when that could change. */
  private recompute(node: number): void {
    const a = this.winner[2 * node] as number;
    const b = this.winner[2 * node + 1] as number;
    let expires = Infinity;
    if (a < 0 || b < 0) {
      this.winner[node] = a < 0 ? b : a;
    } else {
      const baseA = this.base[a] as number;
      const slopeA = this.slope[a] as number;
      const baseB = this.base[b] as number;
      const slopeB = this.slope[b] as number;
      if (baseA + slopeA * this.time >= baseB + slopeB * this.time) {
        // a (the lower slot) keeps winning until b is strictly ahead.
        this.winner[node] = a;
        if (slopeB > slopeA) expires = floorDiv(baseA - baseB, slopeB - slopeA) + 1;
      } else {
        // b wins until a catches up (a tie goes to a).
        this.winner[node] = b;
        if (slopeA > slopeB) expires = -floorDiv(baseA - baseB, slopeA - slopeB);
      }
    }
    this.expiresAt[node] = Math.min(expires, this.expiresAt[2 * node] as number, this.expiresAt[2 * node + 1] as number);
  }
}

/**
 * ⌊n/d⌋ for integers, d > 0. For |n| < 2^53 the correctly rounded quotient cannot round up onto the next
 * integer (that would need d > 2^54/q), so the float floor is exact; `rebase()` keeps n in that range.
 */
export function floorDiv(n: number, d: number): number {
  return Math.floor(n / d);
}
