/** The fields the waterfall needs; the page's span view has these and more. */
export interface WaterfallSpan {
  spanId: string;
  parentSpanId: string | null;
  startUs: number;
  durationUs: number;
}

export interface WaterfallRow<S> {
  span: S;
  /** Nesting level: 0 for roots (and for spans whose parent is not in the trace). */
  depth: number;
  /** Where the bar starts and how long it is, as fractions of the trace's time span. */
  offset: number;
  width: number;
  childCount: number;
}

export interface Waterfall<S> {
  rows: WaterfallRow<S>[];
  startUs: number;
  durationUs: number;
}

const byStart = (a: WaterfallSpan, b: WaterfallSpan) => a.startUs - b.startUs || (a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0);

/**
 * A trace's spans as waterfall rows: depth-first from each root, siblings by start time. A span whose parent is
 * missing (not received yet, or sampled elsewhere) is shown as a root rather than hidden; a parent cycle in bad
 * input is broken where it is found. Iterative, so a deep chain cannot overflow the stack.
 */
export function waterfallLayout<S extends WaterfallSpan>(spans: readonly S[]): Waterfall<S> {
  if (spans.length === 0) return { rows: [], startUs: 0, durationUs: 0 };
  let startUs = Number.POSITIVE_INFINITY;
  let endUs = Number.NEGATIVE_INFINITY;
  const ids = new Set<string>();
  for (const s of spans) {
    startUs = Math.min(startUs, s.startUs);
    endUs = Math.max(endUs, s.startUs + s.durationUs);
    ids.add(s.spanId);
  }
  const durationUs = endUs - startUs;
  const children = new Map<string, S[]>();
  const roots: S[] = [];
  for (const s of spans) {
    if (s.parentSpanId === null || s.parentSpanId === s.spanId || !ids.has(s.parentSpanId)) roots.push(s);
    else {
      const siblings = children.get(s.parentSpanId);
      if (siblings) siblings.push(s);
      else children.set(s.parentSpanId, [s]);
    }
  }
  for (const siblings of children.values()) siblings.sort(byStart);
  roots.sort(byStart);

  const rows: WaterfallRow<S>[] = [];
  const placed = new Set<string>();
  const scale = durationUs > 0 ? durationUs : 1;
  const visit = (root: S) => {
    const stack: Array<{ span: S; depth: number }> = [{ span: root, depth: 0 }];
    while (stack.length > 0) {
      const { span, depth } = stack.pop()!;
      if (placed.has(span.spanId)) continue;
      placed.add(span.spanId);
      const kids = children.get(span.spanId) ?? [];
      rows.push({ span, depth, offset: (span.startUs - startUs) / scale, width: span.durationUs / scale, childCount: kids.length });
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ span: kids[i]!, depth: depth + 1 });
    }
  };
  for (const root of roots) visit(root);
  // Spans only reachable through a parent cycle: show each remaining one as a root, in time order.
  if (placed.size < ids.size) for (const s of [...spans].sort(byStart)) if (!placed.has(s.spanId)) visit(s);
  return { rows, startUs, durationUs };
}

export interface Tick {
  us: number;
  /** Fraction of the axis. */
  offset: number;
  label: string;
}

/** Round tick marks (1, 2 or 5 × 10^k µs apart) from 0 to the trace's duration, about `target` of them. */
export function timeTicks(durationUs: number, target = 5): Tick[] {
  if (!(durationUs > 0)) return [{ us: 0, offset: 0, label: "0" }];
  const raw = durationUs / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const ticks: Tick[] = [];
  for (let us = 0; us <= durationUs + step * 1e-9; us += step) ticks.push({ us, offset: us / durationUs, label: us === 0 ? "0" : formatMicros(us) });
  return ticks;
}

/** "850 µs", "1.25 ms", "12.3 ms", "340 ms", "2.05 s": three significant figures at most. */
export function formatMicros(us: number): string {
  // Units are chosen after rounding, so 999.7 µs reads "1 ms", not "1000 µs".
  if (Math.abs(round3(us)) < 1000) return `${round3(us)} µs`;
  if (Math.abs(round3(us / 1000)) < 1000) return `${round3(us / 1000)} ms`;
  return `${round3(us / 1_000_000)} s`;
}

const round3 = (n: number) => Number(n.toPrecision(3));
