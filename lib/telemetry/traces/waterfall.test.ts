import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatMicros, timeTicks, waterfallLayout, type WaterfallSpan } from "./waterfall";

const s = (spanId: string, parentSpanId: string | null, startUs: number, durationUs: number): WaterfallSpan => ({ spanId, parentSpanId, startUs, durationUs });
const shape = (spans: WaterfallSpan[]) => waterfallLayout(spans).rows.map((r) => [r.span.spanId, r.depth, r.offset, r.width, r.childCount]);

describe("waterfallLayout", () => {
  test("depth-first from the root, siblings by start, bars as fractions of the trace", () => {
    const spans = [s("c2", "root", 600, 300), s("root", null, 100, 1000), s("c1", "root", 200, 200), s("g1", "c1", 250, 100)];
    const layout = waterfallLayout(spans);
    expect([layout.startUs, layout.durationUs]).toEqual([100, 1000]);
    expect(shape(spans)).toEqual([
      ["root", 0, 0, 1, 2],
      ["c1", 1, 0.1, 0.2, 1],
      ["g1", 2, 0.15, 0.1, 0],
      ["c2", 1, 0.5, 0.3, 0],
    ]);
  });

  test("a span whose parent is missing is a root; a child outliving its parent widens the trace", () => {
    expect(shape([s("a", "not-here", 0, 100), s("b", "a", 50, 150)])).toEqual([
      ["a", 0, 0, 0.5, 1],
      ["b", 1, 0.25, 0.75, 0],
    ]);
  });

  test("a parent cycle in bad input is broken, every span is shown once", () => {
    expect(shape([s("a", "b", 0, 10), s("b", "a", 5, 5), s("c", "c", 0, 10)]).map((r) => r.slice(0, 2))).toEqual([
      ["c", 0],
      ["a", 0],
      ["b", 1],
    ]);
  });

  test("an instant trace does not divide by zero; no spans make no rows", () => {
    expect(shape([s("a", null, 7, 0)])).toEqual([["a", 0, 0, 0, 0]]);
    expect(waterfallLayout([])).toEqual({ rows: [], startUs: 0, durationUs: 0 });
  });

  test("a chain 10,000 deep lays out without overflowing the stack", () => {
    const chain = Array.from({ length: 10_000 }, (_, i) => s(`s${i}`, i === 0 ? null : `s${i - 1}`, i, 10_000 - i));
    const rows = waterfallLayout(chain).rows;
    expect(rows).toHaveLength(10_000);
    expect(rows.at(-1)!.depth).toBe(9_999);
  });

  test("property: every span appears once; children come after their parent, one level deeper; bars stay in [0, 1]", () => {
    const spansArb = fc.array(fc.record({ parent: fc.nat(40), start: fc.nat(1000), duration: fc.nat(500), root: fc.boolean() }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(spansArb, (raw) => {
        const spans = raw.map((r, i) => s(`s${i}`, r.root ? null : `s${r.parent}`, r.start, r.duration));
        const { rows } = waterfallLayout(spans);
        expect(rows.map((r) => r.span.spanId).sort()).toEqual(spans.map((x) => x.spanId).sort());
        const index = new Map(rows.map((r, i) => [r.span.spanId, i]));
        for (const [i, row] of rows.entries()) {
          expect(row.offset).toBeGreaterThanOrEqual(0);
          expect(row.offset + row.width).toBeLessThanOrEqual(1 + 1e-9);
          const parent = row.span.parentSpanId === null ? undefined : index.get(row.span.parentSpanId);
          if (row.depth > 0) {
            expect(parent).toBeLessThan(i);
            expect(rows[parent!]!.depth).toBe(row.depth - 1);
          }
        }
      }),
    );
  });
});

describe("timeTicks", () => {
  test.each([
    [1000, ["0", "200 µs", "400 µs", "600 µs", "800 µs", "1 ms"]],
    [12_345, ["0", "5 ms", "10 ms"]],
    [3_000_000, ["0", "1 s", "2 s", "3 s"]],
    [2_000_000, ["0", "500 ms", "1 s", "1.5 s", "2 s"]],
  ])("%i µs → %j", (duration, labels) => {
    const ticks = timeTicks(duration);
    expect(ticks.map((t) => t.label)).toEqual(labels);
    expect(ticks.every((t) => t.offset >= 0 && t.offset <= 1 + 1e-9)).toBe(true);
  });

  test("a zero-length trace has one tick", () => {
    expect(timeTicks(0)).toEqual([{ us: 0, offset: 0, label: "0" }]);
  });
});

test.each([
  [0, "0 µs"],
  [850, "850 µs"],
  [999.7, "1 ms"],
  [1250, "1.25 ms"],
  [12_340, "12.3 ms"],
  [340_000, "340 ms"],
  [2_050_000, "2.05 s"],
])("formatMicros(%f) = %s", (us, text) => {
  expect(formatMicros(us)).toBe(text);
});
