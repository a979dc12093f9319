import type { BackendView } from "./types";

/** Largest accepted weight; keeps smooth-WRR arithmetic exact in doubles. */
export const MAX_WEIGHT = 1_000_000;

/** Integer weight ≥ 1, or 0 for "drain" (≤ 0, NaN). Fractions round, but never down to 0. */
export function normalizeWeight(weight: number): number {
  if (!(weight > 0)) return 0;
  return Math.min(MAX_WEIGHT, Math.max(1, Math.round(weight)));
}

/**
 * Backends stored by slot: a small integer that stays fixed while the backend is in the set, so the
 * algorithms can keep their state in typed arrays indexed by slot. Freed slots are reused.
 */
export class BackendTable {
  private capacity = 0;
  private readonly slotById = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  /** One past the highest slot ever used. */
  private end = 0;
  views: (BackendView | undefined)[] = [];
  weight = new Float64Array(0);
  maxConnections = new Float64Array(0);
  active = new Float64Array(0);
  /** Grows with the table; listeners resize their own per-slot arrays. */
  private readonly growthListeners: ((capacity: number) => void)[] = [];

  get size(): number {
    return this.slotById.size;
  }

  /** Upper bound for iterating slots: every used slot is < slotLimit. */
  get slotLimit(): number {
    return this.end;
  }

  onGrow(listener: (capacity: number) => void): void {
    this.growthListeners.push(listener);
    listener(this.capacity);
  }

  slotOf(id: string): number | undefined {
    return this.slotById.get(id);
  }

  view(slot: number): BackendView {
    return this.views[slot] as BackendView;
  }

  add(view: BackendView): number {
    const slot = this.freeSlots.pop() ?? this.end++;
    if (slot >= this.capacity) this.grow(Math.max(8, this.capacity * 2));
    this.slotById.set(view.id, slot);
    this.views[slot] = view;
    this.weight[slot] = normalizeWeight(view.weight);
    this.maxConnections[slot] = view.maxConnections;
    this.active[slot] = Math.max(0, view.activeConnections ?? 0);
    return slot;
  }

  remove(slot: number): void {
    this.slotById.delete(this.view(slot).id);
    this.views[slot] = undefined;
    this.active[slot] = 0;
    this.freeSlots.push(slot);
  }

  private grow(capacity: number): void {
    const copy = (from: Float64Array) => {
      const to = new Float64Array(capacity);
      to.set(from);
      return to;
    };
    this.weight = copy(this.weight);
    this.maxConnections = copy(this.maxConnections);
    this.active = copy(this.active);
    this.capacity = capacity;
    for (const listener of this.growthListeners) listener(capacity);
  }
}
