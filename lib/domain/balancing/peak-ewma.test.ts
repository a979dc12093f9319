import { describe, expect, test } from "vitest";
import { estimateAt, observeLatency, peakEwmaCost } from "./peak-ewma";

const TAU = 10_000;

describe("peak EWMA (Finagle PeakEwma / tower load/peak_ewma.rs)", () => {
  test.each([
    ["a higher sample replaces the estimate at once (peak)", 20, 0, 80, 5_000, 80],
    ["a lower sample right after the last one barely moves it", 100, 0, 20, 0, 100],
    ["a lower sample after τ blends with weight 1 − e^-1", 100, 0, 20, TAU, 100 * Math.exp(-1) + 20 * (1 - Math.exp(-1))],
    ["a lower sample long after mostly replaces it", 100, 0, 20, 100 * TAU, 20],
    ["a clock going backwards counts as no time elapsed", 100, 5_000, 20, 0, 100],
  ])("%s", (_name, estimate, updatedAt, sample, now, expected) => {
    expect(observeLatency(estimate, updatedAt, sample, now, TAU)).toBeCloseTo(expected, 9);
  });

  test.each([
    ["no time elapsed", 0, 50],
    ["one τ later → e^-1 of it (decays towards 0 like tower's load())", TAU, 50 * Math.exp(-1)],
    ["negative elapsed clamps to 0", -1_000, 50],
  ])("estimateAt: %s", (_name, elapsed, expected) => {
    expect(estimateAt(50, 1_000, 1_000 + elapsed, TAU)).toBeCloseTo(expected, 9);
  });

  test.each([
    [30, 0, 30],
    [30, 3, 120],
  ])("cost of latency %d with %d in flight is %d (rtt × (pending + 1))", (latency, inFlight, cost) => {
    expect(peakEwmaCost(latency, inFlight)).toBe(cost);
  });
});
