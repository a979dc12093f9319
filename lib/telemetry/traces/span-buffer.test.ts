import { expect, test } from "vitest";
import { SpanBuffer } from "./span-buffer";
import type { SpanRecord } from "./span";

const span = (i: number) => ({ spanId: i.toString(16).padStart(16, "0") }) as SpanRecord;

test("holds up to its capacity, then drops and counts instead of growing", () => {
  const buffer = new SpanBuffer(3);
  expect([1, 2, 3, 4, 5].map((i) => buffer.push(span(i)))).toEqual([true, true, true, false, false]);
  expect([buffer.size, buffer.dropped]).toEqual([3, 2]);
});

test("drains oldest first, in batches, and takes spans again once drained", () => {
  const buffer = new SpanBuffer(10);
  for (let i = 1; i <= 5; i++) buffer.push(span(i));
  expect(buffer.drain(2).map((s) => s.spanId.slice(-1))).toEqual(["1", "2"]);
  expect(buffer.drain().map((s) => s.spanId.slice(-1))).toEqual(["3", "4", "5"]);
  expect(buffer.drain()).toEqual([]);
  expect(buffer.push(span(6))).toBe(true);
});
