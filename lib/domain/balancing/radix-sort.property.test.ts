import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { radixSortByKey } from "./radix-sort";

describe("radixSortByKey property", () => {
  test("equals a stable comparison sort of (key, original position)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat({ max: 20 }), fc.integer({ min: 0, max: 0xffffffff })), { maxLength: 300, size: "large" }), (keys) => {
        const expected = keys.map((key, index) => ({ key, index })).sort((a, b) => a.key - b.key || a.index - b.index);
        const sorted = radixSortByKey(Uint32Array.from(keys), Int32Array.from(keys.map((_, i) => i)));
        expect(Array.from(sorted.keys)).toEqual(expected.map((e) => e.key));
        expect(Array.from(sorted.payload)).toEqual(expected.map((e) => e.index));
      }),
    );
  });
});
