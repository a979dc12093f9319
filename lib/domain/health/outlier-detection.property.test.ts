import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { DEFAULT_OUTLIER_DETECTION as CONFIG } from "./outlier-config";
import { EMPTY_OUTLIER_STATE, ejectedCount, expireEjections, isEjected, recordResponse } from "./outlier-detection";

const event = fc.record({
  host: fc.integer({ min: 0, max: 29 }),
  status: fc.constantFrom(200, 200, 404, 500, 502, 503),
  advanceMs: fc.integer({ min: 0, max: 20_000 }),
});

describe("outlier detection invariants", () => {
  test("never more than max(1, 10%) of the pool ejected, ejections last base…max, expiry returns hosts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.array(event, { maxLength: 300, size: "large" }), (poolSize, events) => {
        let state = EMPTY_OUTLIER_STATE;
        let now = 0;
        const limit = Math.max(1, Math.floor((poolSize * CONFIG.maxEjectionPercent) / 100));
        for (const e of events) {
          now += e.advanceMs;
          state = expireEjections(state, now).state;
          const id = `b${e.host % poolSize}`;
          const result = recordResponse(state, id, e.status, now, poolSize);
          if (result.ejection !== null) {
            const duration = result.ejection.until - now;
            expect(duration).toBeGreaterThanOrEqual(CONFIG.baseEjectionTimeMs);
            expect(duration).toBeLessThanOrEqual(CONFIG.maxEjectionTimeMs);
            expect(isEjected(state, id, now)).toBe(false);
            expect(e.status).toBeGreaterThanOrEqual(500);
          }
          state = result.state;
          expect(ejectedCount(state, now)).toBeLessThanOrEqual(limit);
        }
        expect(ejectedCount(expireEjections(state, now + CONFIG.maxEjectionTimeMs).state, now + CONFIG.maxEjectionTimeMs)).toBe(0);
      }),
    );
  });
});
