/**
 * A binary min-heap of (due time, item): the checker's single timer queue. Push and pop are O(log n), so
 * 10,000 targets cost ~14 comparisons per scheduling step; ties keep insertion order (a sequence number),
 * so equally due probes start first-come first-served.
 */
export class DueQueue<T> {
  private readonly due: number[] = [];
  private readonly seq: number[] = [];
  private readonly items: T[] = [];
  private counter = 0;

  get size(): number {
    return this.items.length;
  }

  /** The earliest due time, or Infinity when empty. */
  peekDue(): number {
    return this.items.length === 0 ? Number.POSITIVE_INFINITY : (this.due[0] as number);
  }

  push(due: number, item: T): void {
    this.due.push(due);
    this.seq.push(this.counter++);
    this.items.push(item);
    this.up(this.items.length - 1);
  }

  /** Remove and return the earliest item, or undefined when empty. */
  pop(): { due: number; item: T } | undefined {
    const n = this.items.length;
    if (n === 0) return undefined;
    const top = { due: this.due[0] as number, item: this.items[0] as T };
    this.move(n - 1, 0);
    this.due.pop();
    this.seq.pop();
    this.items.pop();
    if (n > 1) this.down(0);
    return top;
  }

  private less(a: number, b: number): boolean {
    const da = this.due[a] as number;
    const db = this.due[b] as number;
    return da < db || (da === db && (this.seq[a] as number) < (this.seq[b] as number));
  }

  private move(from: number, to: number): void {
    this.due[to] = this.due[from] as number;
    this.seq[to] = this.seq[from] as number;
    this.items[to] = this.items[from] as T;
  }

  private swap(a: number, b: number): void {
    [this.due[a], this.due[b]] = [this.due[b] as number, this.due[a] as number];
    [this.seq[a], this.seq[b]] = [this.seq[b] as number, this.seq[a] as number];
    [this.items[a], this.items[b]] = [this.items[b] as T, this.items[a] as T];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.items.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) return;
      const right = left + 1;
      const child = right < n && this.less(right, left) ? right : left;
      if (!this.less(child, i)) return;
      this.swap(i, child);
      i = child;
    }
  }
}
