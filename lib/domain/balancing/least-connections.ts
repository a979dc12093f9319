import type { BackendTable } from "./backend-table";
import { resizeFloat64, resizeInt32, SelectionStrategy } from "./selection-strategy";

/**
 * Least connections, weight-aware like nginx `least_conn`: the lowest active/weight wins. Ties go to the
 * backend picked least recently, so equally loaded backends rotate instead of the first one always
 * winning (the seed's `minimumBy` bias); nginx breaks ties by weighted round robin instead, but weight
 * already counts in the load here. An indexed binary min-heap keyed by (active/weight, last pick) keeps
 * pick, onStart and onFinish at O(log n).
 */
export class LeastConnections extends SelectionStrategy {
  private heap = new Int32Array(0);
  private position = new Int32Array(0);
  private lastPicked = new Float64Array(0);
  private size = 0;
  private picks = 0;

  constructor(private readonly table: BackendTable) {
    super();
    table.onGrow((capacity) => {
      this.heap = resizeInt32(this.heap, capacity);
      this.position = resizeInt32(this.position, capacity);
      this.lastPicked = resizeFloat64(this.lastPicked, capacity);
    });
  }

  /** a before b: lower load (cross-multiplied to stay exact), then older pick, then lower slot. */
  private before(a: number, b: number): boolean {
    const { active, weight } = this.table;
    const loadA = (active[a] as number) * (weight[b] as number);
    const loadB = (active[b] as number) * (weight[a] as number);
    if (loadA !== loadB) return loadA < loadB;
    const pickedA = this.lastPicked[a] as number;
    const pickedB = this.lastPicked[b] as number;
    return pickedA !== pickedB ? pickedA < pickedB : a < b;
  }

  override attach(slot: number): void {
    this.lastPicked[slot] = 0;
  }

  enter(slot: number): void {
    this.heap[this.size] = slot;
    this.position[slot] = this.size;
    this.size++;
    this.siftUp(slot);
  }

  leave(slot: number): void {
    const index = this.position[slot] as number;
    this.size--;
    const last = this.heap[this.size] as number;
    this.position[slot] = -1;
    if (last === slot) return;
    this.heap[index] = last;
    this.position[last] = index;
    this.siftUp(last);
    this.siftDown(last);
  }

  override loadChanged(slot: number): void {
    this.siftUp(slot);
    this.siftDown(slot);
  }

  pick(): number {
    if (this.size === 0) return -1;
    const slot = this.heap[0] as number;
    this.lastPicked[slot] = ++this.picks;
    this.siftDown(slot);
    return slot;
  }

  private siftUp(slot: number): void {
    let index = this.position[slot] as number;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = this.heap[parentIndex] as number;
      if (!this.before(slot, parent)) break;
      this.place(parent, index);
      index = parentIndex;
    }
    this.place(slot, index);
  }

  private siftDown(slot: number): void {
    let index = this.position[slot] as number;
    for (;;) {
      let childIndex = 2 * index + 1;
      if (childIndex >= this.size) break;
      let child = this.heap[childIndex] as number;
      if (childIndex + 1 < this.size) {
        const right = this.heap[childIndex + 1] as number;
        if (this.before(right, child)) {
          childIndex++;
          child = right;
        }
      }
      if (!this.before(child, slot)) break;
      this.place(child, index);
      index = childIndex;
    }
    this.place(slot, index);
  }

  private place(slot: number, index: number): void {
    this.heap[index] = slot;
    this.position[slot] = index;
  }
}
