import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { checkQuota } from "./check-quota";

type Operation = { kind: "create"; count: number } | { kind: "delete"; count: number };

const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("create" as const), count: fc.integer({ min: -2, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), count: fc.integer({ min: 1, max: 4 }) }) },
);

describe("checkQuota invariants", () => {
  test("a sequence of create attempts, each checked before it is applied, never exceeds maxInstances", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.array(operationArb, { maxLength: 60 }), (max, operations) => {
        let count = 0;
        for (const op of operations) {
          if (op.kind === "delete") count = Math.max(0, count - op.count);
          else if (checkQuota(count, op.count, max).ok) count += op.count;
          expect(count).toBeLessThanOrEqual(max);
        }
      }),
    );
  });

  test("a valid request is accepted exactly when current + requested ≤ maxInstances", () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.integer({ min: 1, max: 1000 }), fc.nat(1000), (current, requested, max) => {
        expect(checkQuota(current, requested, max).ok).toBe(current + requested <= max);
      }),
    );
  });

  test("a refused request leaves room for exactly what the reason says", () => {
    fc.assert(
      fc.property(fc.nat(100), fc.integer({ min: 1, max: 100 }), fc.nat(100), (current, requested, max) => {
        const result = checkQuota(current, requested, max);
        if (!result.ok) {
          const available = Math.max(0, max - current);
          expect(result.reason).toContain(`only ${available} of ${max}`);
          expect(checkQuota(current, Math.max(1, available), max).ok).toBe(available > 0);
        }
      }),
    );
  });
});
