import { describe, expect, test } from "vitest";
import { DEFAULT_OUTLIER_DETECTION as CONFIG } from "./outlier-config";
import {
  countHostResponse,
  ejectHost,
  INITIAL_HOST_OUTLIER,
  isHostEjected,
  isServerError,
  unejectHost,
  type HostOutlierState,
} from "./host-outlier";

describe("isServerError (Envoy consecutive_5xx counts 5xx only)", () => {
  test.each([
    [499, false],
    [500, true],
    [503, true],
    [599, true],
    [600, false],
    [200, false],
  ])("%i → %s", (status, expected) => {
    expect(isServerError(status)).toBe(expected);
  });
});

describe("countHostResponse", () => {
  test("a 2xx on a clean host returns the same object (no allocation on the hot path)", () => {
    const { host, thresholdReached } = countHostResponse(INITIAL_HOST_OUTLIER, 200, 0, CONFIG);
    expect(host).toBe(INITIAL_HOST_OUTLIER);
    expect(thresholdReached).toBe(false);
  });

  test("Envoy: the 5th consecutive 5xx reaches the threshold, a success in between resets it", () => {
    let host: HostOutlierState = INITIAL_HOST_OUTLIER;
    const reached: boolean[] = [];
    for (const status of [500, 502, 503, 504, 200, 500, 500, 500, 500, 500]) {
      const counted = countHostResponse(host, status, 0, CONFIG);
      host = counted.host;
      reached.push(counted.thresholdReached);
    }
    expect(reached).toEqual([false, false, false, false, false, false, false, false, false, true]);
  });

  test("responses finishing while ejected are ignored", () => {
    const ejected = ejectHost(INITIAL_HOST_OUTLIER, 0, CONFIG);
    expect(countHostResponse(ejected, 500, 1, CONFIG).host).toBe(ejected);
  });
});

describe("ejectHost (Envoy: base × times ejected, capped at max; multiplier decays per calm interval)", () => {
  test.each([
    ["first ejection: 30 s", 0, null, 0, 30_000, 1],
    ["second ejection right after un-ejection: 60 s", 1, 100_000, 100_000, 60_000, 2],
    ["tenth ejection: 300 s (cap)", 9, 100_000, 100_000, 300_000, 10],
    ["the multiplier stops growing past the cap (Envoy: backoff × base < max + base)", 11, 100_000, 100_000, 300_000, 11],
    ["two calm 10 s intervals take the multiplier from 3 to 1 before it grows to 2", 3, 100_000, 125_000, 60_000, 2],
    ["a long calm period resets it", 5, 0, 1_000_000, 30_000, 1],
  ])("%s", (_name, multiplier, lastUnejectedAt, now, duration, nextMultiplier) => {
    const host = { ...INITIAL_HOST_OUTLIER, consecutive5xx: 5, ejectionMultiplier: multiplier, lastUnejectedAt };
    const ejected = ejectHost(host, now, CONFIG);
    expect(ejected.ejectedUntil - now).toBe(duration);
    expect(ejected.ejectionMultiplier).toBe(nextMultiplier);
    expect(ejected.consecutive5xx).toBe(0);
  });

  test("isHostEjected is true until ejectedUntil, and unejectHost resets the error counter", () => {
    const ejected = ejectHost(INITIAL_HOST_OUTLIER, 1_000, CONFIG);
    expect(isHostEjected(ejected, 30_999)).toBe(true);
    expect(isHostEjected(ejected, 31_000)).toBe(false);
    const back = unejectHost({ ...ejected, consecutive5xx: 3 }, 5_000);
    expect(back).toEqual({ consecutive5xx: 0, ejectionMultiplier: 1, ejectedUntil: null, lastUnejectedAt: 5_000 });
    expect(isHostEjected(back, 5_000)).toBe(false);
  });
});
