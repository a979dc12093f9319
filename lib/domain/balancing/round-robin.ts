import type { BackendTable } from "./backend-table";
import { resizeInt32, SelectionStrategy } from "./selection-strategy";

/**
 * Plain round robin as a FIFO rotation: pick the head, move it to the tail. A backend that becomes
 * eligible joins the tail, so it waits one full round like everyone else: there is no "restart at
 * index 0" bias when the set changes, and each eligible backend gets one pick per round. Weights are
 * ignored (use weighted_round_robin). A circular doubly linked list over slots makes every operation O(1).
 */
export class RoundRobin extends SelectionStrategy {
  override readonly usesWeight = false;
  private next = new Int32Array(0);
  private prev = new Int32Array(0);
  /** The slot served next, -1 when empty. */
  private head = -1;

  constructor(table: BackendTable) {
    super();
    table.onGrow((capacity) => {
      this.next = resizeInt32(this.next, capacity);
      this.prev = resizeInt32(this.prev, capacity);
    });
  }

  enter(slot: number): void {
    if (this.head < 0) {
      this.next[slot] = slot;
      this.prev[slot] = slot;
      this.head = slot;
      return;
    }
    // Insert just before the head: the end of the current round.
    const tail = this.prev[this.head] as number;
    this.next[tail] = slot;
    this.prev[slot] = tail;
    this.next[slot] = this.head;
    this.prev[this.head] = slot;
  }

  leave(slot: number): void {
    const after = this.next[slot] as number;
    if (after === slot) {
      this.head = -1;
      return;
    }
    const before = this.prev[slot] as number;
    this.next[before] = after;
    this.prev[after] = before;
    if (this.head === slot) this.head = after;
  }

  pick(): number {
    const slot = this.head;
    if (slot >= 0) this.head = this.next[slot] as number;
    return slot;
  }
}
