import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { nextCheckAt } from "./check-schedule";

describe("nextCheckAt property", () => {
  test("defaults to ±10% and always lands within the jitter window, strictly in the future", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 600_000 }),
        fc.double({ min: 0, max: 0.9999999, noNaN: true }),
        (now, interval, draw) => {
        const at = nextCheckAt(now, interval, () => draw);
        expect(at).toBeGreaterThan(now);
        expect(at - now).toBeGreaterThanOrEqual(Math.max(1, Math.floor(interval * 0.9)));
        expect(at - now).toBeLessThanOrEqual(Math.ceil(interval * 1.1));
        },
      ),
    );
  });
});
