import { describe, expect, test } from "vitest";
import { checkQuota, type QuotaCheck } from "./check-quota";

describe("checkQuota (Lean cloudInfrastructureInvariant: resources.length ≤ maxInstances)", () => {
  test.each<{ name: string; current: number; requested: number; max: number; expected: QuotaCheck }>([
    { name: "room left", current: 3, requested: 2, max: 10, expected: { ok: true } },
    { name: "filling the quota exactly is allowed (≤, not <)", current: 8, requested: 2, max: 10, expected: { ok: true } },
    {
      name: "one over the quota is refused",
      current: 9,
      requested: 2,
      max: 10,
      expected: { ok: false, code: "exceeds_max", reason: "requested 2 but only 1 of 10 instances remain (9 in use)" },
    },
    {
      name: "a lowered limit below the current count refuses every create",
      current: 12,
      requested: 1,
      max: 10,
      expected: { ok: false, code: "exceeds_max", reason: "requested 1 but only 0 of 10 instances remain (12 in use)" },
    },
    {
      name: "maxInstances 0 allows nothing",
      current: 0,
      requested: 1,
      max: 0,
      expected: { ok: false, code: "exceeds_max", reason: "requested 1 but only 0 of 0 instances remain (0 in use)" },
    },
  ])("$name", ({ current, requested, max, expected }) => {
    expect(checkQuota(current, requested, max)).toEqual(expected);
  });

  test.each<{ name: string; current: number; requested: number; max: number; reason: string }>([
    { name: "negative current count", current: -1, requested: 1, max: 10, reason: "currentCount must be an integer ≥ 0" },
    { name: "fractional current count", current: 1.5, requested: 1, max: 10, reason: "currentCount must be an integer ≥ 0" },
    { name: "a request for nothing", current: 1, requested: 0, max: 10, reason: "requested must be an integer ≥ 1" },
    { name: "a negative request (would let the sum pass)", current: 11, requested: -2, max: 10, reason: "requested must be an integer ≥ 1" },
    { name: "NaN request", current: 1, requested: Number.NaN, max: 10, reason: "requested must be an integer ≥ 1" },
    { name: "infinite maximum", current: 1, requested: 1, max: Number.POSITIVE_INFINITY, reason: "maxInstances must be an integer ≥ 0" },
  ])("refuses invalid input: $name", ({ current, requested, max, reason }) => {
    expect(checkQuota(current, requested, max)).toEqual({ ok: false, code: "invalid_input", reason });
  });
});
