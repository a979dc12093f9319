import { expect, test } from "vitest";
import { DEFAULT_LOAD, rateAt, requestsForSlot } from "./pattern";

test.each([
  [0, 15],
  [19_999, 15],
  [20_000, 60],
  [20_000 + 89_999, 60],
  [20_000 + 90_000, 15],
  [20_000 + 240_000, 60],
])("rateAt(%d ms) = %d rps", (t, rate) => {
  expect(rateAt(DEFAULT_LOAD, t)).toBe(rate);
});

test("disabled sends nothing", () => {
  expect(rateAt({ ...DEFAULT_LOAD, enabled: false }, 30_000)).toBe(0);
});

test("slots carry fractions so the mean rate is exact", () => {
  let carry = 0;
  let sent = 0;
  for (let i = 0; i < 1000; i++) {
    const slot = requestsForSlot(7, 50, carry);
    carry = slot.carry;
    sent += slot.count;
  }
  expect(sent).toBe(350); // 7 rps over 50 s
});
