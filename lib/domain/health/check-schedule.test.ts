import { describe, expect, test } from "vitest";
import { nextCheckAt } from "./check-schedule";

describe("nextCheckAt (HAProxy spread-checks style ± jitter)", () => {
  test.each([
    ["no jitter → exactly one interval", 0, 0.3, 6_000],
    ["lowest draw → interval − 10%", 0.1, 0, 5_500],
    ["middle draw → interval", 0.1, 0.5, 6_000],
    ["negative fraction is treated as 0", -1, 0, 6_000],
    ["fraction ≥ 1 is capped below 1 so the interval stays positive", 5, 0, 1_050],
  ])("%s", (_name, jitter, draw, expected) => {
    expect(nextCheckAt(1_000, 5_000, () => draw, jitter)).toBe(expected);
  });
});
