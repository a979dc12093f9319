import type { SpanRecord } from "./span";

/**
 * A bounded queue of finished spans between the request path and the database. `push` never blocks and never
 * grows past `capacity`: when full, the span is dropped and counted, so a slow or absent database costs traces,
 * not memory or latency. The worker drains it in batches.
 */
export class SpanBuffer {
  private spans: SpanRecord[] = [];
  /** Spans refused because the buffer was full, since the start. */
  dropped = 0;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.spans.length;
  }

  push(span: SpanRecord): boolean {
    if (this.spans.length >= this.capacity) {
      this.dropped++;
      return false;
    }
    this.spans.push(span);
    return true;
  }

  /** Take up to `max` spans, oldest first. */
  drain(max = Number.POSITIVE_INFINITY): SpanRecord[] {
    if (this.spans.length <= max) {
      const all = this.spans;
      this.spans = [];
      return all;
    }
    return this.spans.splice(0, max);
  }
}
