import { describe, expect, test } from "vitest";
import {
  EMPTY_OUTLIER_STATE,
  ejectedCount,
  ejectionAllowed,
  expireEjections,
  forgetBackend,
  isEjected,
  recordResponse,
  unejectOnCheckPassed,
  type OutlierState,
} from "./outlier-detection";

/** Send `count` responses with `status` to `id` at time `now`. */
function send(state: OutlierState, id: string, status: number, count: number, now: number, poolSize: number) {
  let ejection = null;
  for (let i = 0; i < count; i++) {
    const result = recordResponse(state, id, status, now, poolSize);
    state = result.state;
    ejection = result.ejection ?? ejection;
  }
  return { state, ejection };
}

describe("ejectionAllowed (Envoy max_ejection_percent with always-eject-one)", () => {
  test.each([
    ["first host in a pool of 2 (10% would allow none)", 0, 2, 10, true],
    ["second host in a pool of 2", 1, 2, 10, false],
    ["second host in a pool of 20 → 10%", 1, 20, 10, true],
    ["third host in a pool of 20 → 15%", 2, 20, 10, false],
    ["50% allows half of 4", 1, 4, 50, true],
  ])("%s", (_name, ejected, pool, percent, allowed) => {
    expect(ejectionAllowed(ejected, pool, percent)).toBe(allowed);
  });
});

describe("recordResponse / expireEjections / isEjected", () => {
  test("5 consecutive 5xx eject for 30 s; the ejection expires and the host returns", () => {
    const four = send(EMPTY_OUTLIER_STATE, "a", 503, 4, 0, 10);
    expect(four.ejection).toBeNull();
    expect(isEjected(four.state, "a", 0)).toBe(false);
    const five = send(four.state, "a", 503, 1, 1_000, 10);
    expect(five.ejection).toEqual({ backendId: "a", at: 1_000, until: 31_000, reason: "consecutive_5xx" });
    expect(isEjected(five.state, "a", 30_999)).toBe(true);
    expect(expireEjections(five.state, 30_999).unejected).toEqual([]);
    const expired = expireEjections(five.state, 31_000);
    expect(expired.unejected).toEqual(["a"]);
    expect(isEjected(expired.state, "a", 31_000)).toBe(false);
  });

  test("successes on a clean host keep the very same state object", () => {
    const state = send(EMPTY_OUTLIER_STATE, "a", 200, 3, 0, 10).state;
    expect(state).toBe(EMPTY_OUTLIER_STATE);
  });

  test("a success resets the run", () => {
    let state = send(EMPTY_OUTLIER_STATE, "a", 500, 4, 0, 10).state;
    state = send(state, "a", 200, 1, 0, 10).state;
    expect(send(state, "a", 500, 4, 0, 10).ejection).toBeNull();
  });

  test("the max-ejection guard refuses a second host in a small pool and resets its counter", () => {
    let state = send(EMPTY_OUTLIER_STATE, "a", 500, 5, 0, 3).state;
    const refused = send(state, "b", 500, 5, 0, 3);
    expect(refused.ejection).toBeNull();
    expect(ejectedCount(refused.state, 0)).toBe(1);
    expect(refused.state.hosts.get("b")?.consecutive5xx).toBe(0);
    // Once "a" is back, "b" can be ejected by a fresh run.
    state = expireEjections(refused.state, 30_000).state;
    expect(send(state, "b", 500, 5, 30_000, 3).ejection?.backendId).toBe("b");
  });

  test("a repeat offender is ejected for longer (60 s the second time)", () => {
    let state = send(EMPTY_OUTLIER_STATE, "a", 500, 5, 0, 10).state;
    state = expireEjections(state, 30_000).state;
    const again = send(state, "a", 500, 5, 31_000, 10);
    expect(again.ejection?.until).toBe(91_000);
  });

  test("a passing active check un-ejects (Envoy successful_active_health_check_uneject_host)", () => {
    const state = send(EMPTY_OUTLIER_STATE, "a", 500, 5, 0, 10).state;
    const passed = unejectOnCheckPassed(state, "a", 5_000);
    expect(passed.unejected).toBe(true);
    expect(isEjected(passed.state, "a", 5_000)).toBe(false);
    expect(unejectOnCheckPassed(passed.state, "a", 6_000)).toEqual({ state: passed.state, unejected: false });
    expect(unejectOnCheckPassed(passed.state, "unknown", 6_000).unejected).toBe(false);
  });

  test("forgetBackend drops a removed backend, and is a no-op for unknown ids", () => {
    const state = send(EMPTY_OUTLIER_STATE, "a", 500, 5, 0, 10).state;
    const forgotten = forgetBackend(state, "a");
    expect(forgotten.hosts.has("a")).toBe(false);
    expect(ejectedCount(forgotten, 0)).toBe(0);
    expect(forgetBackend(forgotten, "a")).toBe(forgotten);
  });

  test("isEjected is false for a backend never seen", () => {
    expect(isEjected(EMPTY_OUTLIER_STATE, "nobody", 0)).toBe(false);
  });
});
