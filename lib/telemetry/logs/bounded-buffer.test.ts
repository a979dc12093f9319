import fc from "fast-check";
import { expect, test } from "vitest";
import { BoundedBuffer } from "./bounded-buffer";

test("drops the oldest when full and counts it", () => {
  const b = new BoundedBuffer<number>(3);
  for (let i = 1; i <= 5; i++) b.push(i);
  expect(b.size).toBe(3);
  expect(b.dropped).toBe(2);
  expect(b.take(2)).toEqual([3, 4]);
  b.push(6);
  expect(b.take(10)).toEqual([5, 6]);
  expect(b.take(1)).toEqual([]);
});

test("taken entries put back go in front; what no longer fits is dropped oldest first", () => {
  const b = new BoundedBuffer<number>(4);
  [1, 2, 3].forEach((i) => b.push(i));
  const batch = b.take(3);
  b.push(4);
  b.push(5);
  b.unshift(batch); // room for 2 of 3: keep 2, 3
  expect(b.dropped).toBe(1);
  expect(b.take(10)).toEqual([2, 3, 4, 5]);
});

test("never holds more than its capacity, and keeps the newest in order", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.integer(), { maxLength: 100 }), (capacity, items) => {
      const b = new BoundedBuffer<number>(capacity);
      items.forEach((i) => b.push(i));
      expect(b.size).toBeLessThanOrEqual(capacity);
      expect(b.dropped).toBe(Math.max(0, items.length - capacity));
      expect(b.take(capacity)).toEqual(items.slice(-capacity));
    }),
  );
});

test("a weight budget (characters) bounds memory too: the oldest go until the new entry fits", () => {
  const b = new BoundedBuffer<string>(100, 10, (s) => s.length);
  ["aaaa", "bbbb", "cc"].forEach((s) => b.push(s));
  expect(b.totalWeight).toBe(10);
  b.push("ddddd"); // needs 5: "aaaa" and "bbbb" go
  expect(b.take(10)).toEqual(["cc", "ddddd"]);
  expect(b.dropped).toBe(2);
  expect(b.totalWeight).toBe(0);
  b.push("eeeeeeeeee");
  b.unshift(["x"]); // no room by weight
  expect(b.dropped).toBe(3);
  expect(b.take(10)).toEqual(["eeeeeeeeee"]);
});
