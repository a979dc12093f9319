import { describe, expect, test } from "vitest";
import { inPanic, isServable } from "./eligibility";

describe("isServable (seed theorem: only healthy backends; Envoy panic relaxes health, never drain)", () => {
  test.each([
    [true, 1, false, true],
    [false, 1, false, false],
    [true, 0, false, false],
    [false, 1, true, true],
    [false, 0, true, false],
  ])("healthy=%s weight=%i panic=%s → %s", (healthy, weight, panic, expected) => {
    expect(isServable(healthy, weight, panic)).toBe(expected);
  });
});

describe("inPanic (Envoy panic threshold, off at 0)", () => {
  test.each([
    ["off by default (threshold 0)", 0, 10, 0, false],
    ["empty pool is not a panic", 0, 0, 50, false],
    ["4 of 10 healthy < 50%", 4, 10, 50, true],
    ["5 of 10 healthy = 50% is not below", 5, 10, 50, false],
    ["all healthy", 10, 10, 50, false],
  ])("%s", (_name, healthy, total, threshold, expected) => {
    expect(inPanic(healthy, total, threshold)).toBe(expected);
  });
});
