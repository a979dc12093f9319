import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { applyCheckResult, INITIAL_CHECK_STATE } from "./check-state";
import type { CheckResult } from "./types";

const result = fc.constantFrom<CheckResult>(
  { outcome: "passed", status: 200 },
  { outcome: "timeout" },
  { outcome: "status_mismatch", status: 500 },
  { outcome: "connection_refused" },
  { outcome: "connection_error", code: "ECONNRESET" },
);
const thresholds = fc.record({
  healthyThreshold: fc.integer({ min: 1, max: 6 }),
  unhealthyThreshold: fc.integer({ min: 1, max: 6 }),
});

describe("health state machine invariants", () => {
  test("healthy only after healthyThreshold passes, unhealthy only after unhealthyThreshold failures (except a new backend's first result)", () => {
    fc.assert(
      fc.property(thresholds, fc.array(result, { maxLength: 60, size: "large" }), (config, results) => {
        let state = INITIAL_CHECK_STATE;
        results.forEach((r, i) => {
          const { state: next, transition } = applyCheckResult(state, r, config, i);
          const fromUnknown = state.status === "unknown";
          if (transition !== null) {
            expect(transition.reason).toBe(r);
            expect(transition.from).toBe(state.status);
            expect(transition.to).toBe(next.status);
            if (next.status === "healthy" && !fromUnknown) expect(next.consecutivePasses).toBeGreaterThanOrEqual(config.healthyThreshold);
            if (next.status === "unhealthy" && !fromUnknown) expect(next.consecutiveFailures).toBeGreaterThanOrEqual(config.unhealthyThreshold);
          } else {
            expect(next.status).toBe(state.status);
          }
          expect(next.status).not.toBe("unknown");
          state = next;
        });
      }),
    );
  });

  test("a healthy backend never flips on isolated failures when unhealthyThreshold > 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), fc.array(fc.boolean(), { maxLength: 40, size: "large" }), (unhealthyThreshold, steps) => {
        const config = { healthyThreshold: 3, unhealthyThreshold };
        const pass: CheckResult = { outcome: "passed", status: 200 };
        // Each step is either a pass or a single failure followed by a pass.
        const results = steps.flatMap((ok): CheckResult[] => (ok ? [pass] : [{ outcome: "timeout" }, pass]));
        let state = applyCheckResult(INITIAL_CHECK_STATE, pass, config, 0).state;
        results.forEach((r, i) => {
          state = applyCheckResult(state, r, config, i + 1).state;
          expect(state.status).toBe("healthy");
        });
      }),
    );
  });
});
