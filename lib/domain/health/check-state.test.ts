import { describe, expect, test } from "vitest";
import { applyCheckResult, INITIAL_CHECK_STATE } from "./check-state";
import type { CheckResult, CheckState, HealthStatus } from "./types";

const PASS: CheckResult = { outcome: "passed", status: 200 };
const FAIL: CheckResult = { outcome: "timeout" };
const config = { healthyThreshold: 3, unhealthyThreshold: 2 };

/** Run a sequence of "P"/"F" checks from the initial state, one second apart. */
function run(sequence: string, start: CheckState = INITIAL_CHECK_STATE): { states: HealthStatus[]; final: CheckState } {
  let state = start;
  const states: HealthStatus[] = [];
  [...sequence].forEach((c, i) => {
    state = applyCheckResult(state, c === "P" ? PASS : FAIL, config, i * 1000).state;
    states.push(state.status);
  });
  return { states, final: state };
}

describe("applyCheckResult (AWS/HAProxy rise-fall; Envoy first pass)", () => {
  test.each([
    ["Envoy: the first pass of a new backend marks it healthy at once", "P", ["healthy"]],
    ["a new backend's first failure marks it unhealthy", "F", ["unhealthy"]],
    ["one failure of a healthy backend does not flip it (unhealthy 2)", "PF", ["healthy", "healthy"]],
    ["two consecutive failures flip it", "PFF", ["healthy", "healthy", "unhealthy"]],
    ["a pass between failures resets the count", "PFPF", ["healthy", "healthy", "healthy", "healthy"]],
    ["unhealthy needs 3 consecutive passes to recover", "FPPP", ["unhealthy", "unhealthy", "unhealthy", "healthy"]],
    ["a failure restarts the climb back", "FPPFPP", ["unhealthy", "unhealthy", "unhealthy", "unhealthy", "unhealthy", "unhealthy"]],
  ])("%s: %s", (_name, sequence, expected) => {
    expect(run(sequence).states).toEqual(expected);
  });

  test("every transition carries its reason and time", () => {
    const healthy = applyCheckResult(INITIAL_CHECK_STATE, PASS, config, 10);
    expect(healthy.transition).toEqual({ from: "unknown", to: "healthy", reason: PASS, at: 10 });
    const mismatch: CheckResult = { outcome: "status_mismatch", status: 503 };
    const first = applyCheckResult(healthy.state, mismatch, config, 20);
    expect(first.transition).toBeNull();
    const second = applyCheckResult(first.state, mismatch, config, 30);
    expect(second.transition).toEqual({ from: "healthy", to: "unhealthy", reason: mismatch, at: 30 });
    expect(second.state).toEqual({
      status: "unhealthy",
      consecutivePasses: 0,
      consecutiveFailures: 2,
      lastResult: mismatch,
      lastCheckedAt: 30,
      changedAt: 30,
    });
  });

  test("without a transition, changedAt keeps the last change", () => {
    const { final } = run("PPPP");
    expect(final.changedAt).toBe(0);
    expect(final.lastCheckedAt).toBe(3000);
    expect(final.consecutivePasses).toBe(4);
  });
});
