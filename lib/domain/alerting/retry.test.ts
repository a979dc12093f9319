import fc from "fast-check";
import { expect, test } from "vitest";
import { seededRng } from "../random";
import { DEFAULT_WEBHOOK_RETRY, nextRetry, retryDelayMs } from "./retry";

const policy = { baseMs: 1_000, maxMs: 16_000, maxAttempts: 6 };

test.each([
  [1, 500, 1_000],
  [2, 1_000, 2_000],
  [3, 2_000, 4_000],
  [5, 8_000, 16_000],
  [9, 8_000, 16_000],
])("after failure %d the wait is within [%d, %d] ms", (failures, low, high) => {
  expect(retryDelayMs(failures, policy, () => 0)).toBe(low);
  expect(retryDelayMs(failures, policy, () => 0.999_999)).toBeCloseTo(high, -1);
});

test("waits stay within half and all of the capped exponential, whatever the randomness", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 2 ** 31 }), (failures, seed) => {
      const cap = Math.min(DEFAULT_WEBHOOK_RETRY.maxMs, DEFAULT_WEBHOOK_RETRY.baseMs * 2 ** (failures - 1));
      const wait = retryDelayMs(failures, DEFAULT_WEBHOOK_RETRY, seededRng(seed));
      expect(wait).toBeGreaterThanOrEqual(cap / 2);
      expect(wait).toBeLessThanOrEqual(cap);
    }),
  );
});

test("nextRetry schedules until maxAttempts are spent, then gives up", () => {
  expect(nextRetry(1, policy, 10_000, () => 0)).toEqual({ retryAt: 10_500 });
  expect(nextRetry(5, policy, 10_000, () => 0)).toEqual({ retryAt: 18_000 });
  expect(nextRetry(6, policy, 10_000, () => 0)).toEqual({ giveUp: true });
});
