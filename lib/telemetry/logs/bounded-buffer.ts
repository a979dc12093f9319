/**
 * A fixed-capacity FIFO (a ring) with an optional weight budget (e.g. characters): when a push would pass either
 * limit, the oldest entries are dropped and counted, so a producer that outruns its consumer (a chatty pod, a
 * database that is down) costs bounded memory and the loss is known.
 */
export class BoundedBuffer<T> {
  private readonly ring: Array<T | undefined>;
  private head = 0;
  private count = 0;
  private weight = 0;
  /** Entries dropped to make room since the buffer was made. */
  dropped = 0;

  constructor(
    readonly capacity: number,
    readonly maxWeight = Number.POSITIVE_INFINITY,
    private readonly weigh: (item: T) => number = () => 0,
  ) {
    if (!(capacity >= 1)) throw new RangeError("capacity must be at least 1");
    this.ring = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** The summed weight of what is held. */
  get totalWeight(): number {
    return this.weight;
  }

  push(item: T): void {
    const w = this.weigh(item);
    while (this.count > 0 && (this.count === this.capacity || this.weight + w > this.maxWeight)) {
      this.removeOldest();
      this.dropped++;
    }
    this.ring[(this.head + this.count) % this.capacity] = item;
    this.count++;
    this.weight += w;
  }

  /** Remove and return up to `n` of the oldest entries. */
  take(n: number): T[] {
    const out: T[] = [];
    while (out.length < n && this.count > 0) out.push(this.removeOldest());
    return out;
  }

  /**
   * Put entries taken earlier (a failed write) back in front of the newer ones, as far as room allows: what does
   * not fit is the oldest of them, and is dropped and counted.
   */
  unshift(items: readonly T[]): void {
    for (let i = items.length - 1; i >= 0; i--) {
      const w = this.weigh(items[i]!);
      if (this.count === this.capacity || this.weight + w > this.maxWeight) {
        this.dropped += i + 1;
        return;
      }
      this.head = (this.head - 1 + this.capacity) % this.capacity;
      this.ring[this.head] = items[i];
      this.count++;
      this.weight += w;
    }
  }

  private removeOldest(): T {
    const item = this.ring[this.head] as T;
    this.ring[this.head] = undefined;
    this.head = (this.head + 1) % this.capacity;
    this.count--;
    this.weight -= this.weigh(item);
    return item;
  }
}
