import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { DueQueue } from "./due-queue";

describe("DueQueue", () => {
  test("pops in due order, ties first-in first-out", () => {
    const q = new DueQueue<string>();
    for (const [due, item] of [
      [30, "c"],
      [10, "a1"],
      [20, "b"],
      [10, "a2"],
    ] as const)
      q.push(due, item);
    expect(q.peekDue()).toBe(10);
    expect(Array.from({ length: 4 }, () => q.pop()?.item)).toEqual(["a1", "a2", "b", "c"]);
    expect(q.pop()).toBeUndefined();
    expect(q.peekDue()).toBe(Number.POSITIVE_INFINITY);
  });

  test("any sequence of pushes pops sorted (stable)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), (dues) => {
        const q = new DueQueue<number>();
        dues.forEach((due, i) => q.push(due, i));
        const popped = Array.from({ length: dues.length }, () => q.pop()!);
        const expected = dues.map((due, i) => ({ due, item: i })).sort((a, b) => a.due - b.due || a.item - b.item);
        expect(popped).toEqual(expected);
        expect(q.size).toBe(0);
      }),
    );
  });
});
