import { describe, expect, test } from "vitest";
import { radixSortByKey } from "./radix-sort";

describe("radixSortByKey (stable LSD radix sort, 2 × 16-bit passes)", () => {
  test.each([
    ["empty", [], [], [], []],
    ["already sorted", [1, 2, 3], [10, 20, 30], [1, 2, 3], [10, 20, 30]],
    ["high bits decide across 16-bit words", [0x00020000, 0x0001ffff, 0x00010000], [1, 2, 3], [0x00010000, 0x0001ffff, 0x00020000], [3, 2, 1]],
    ["equal keys keep input order (stable)", [7, 3, 7, 3], [1, 2, 3, 4], [3, 3, 7, 7], [2, 4, 1, 3]],
    ["full 32-bit range", [0xffffffff, 0, 0x80000000], [1, 2, 3], [0, 0x80000000, 0xffffffff], [2, 3, 1]],
  ])("%s", (_name, keys, payload, sortedKeys, sortedPayload) => {
    const sorted = radixSortByKey(Uint32Array.from(keys), Int32Array.from(payload));
    expect(Array.from(sorted.keys)).toEqual(sortedKeys);
    expect(Array.from(sorted.payload)).toEqual(sortedPayload);
  });
});
