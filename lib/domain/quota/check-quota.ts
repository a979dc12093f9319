/**
 * The seed's Lean invariant `resources.length ≤ maxInstances`, checked before a create. The data
 * layer calls it inside the transaction that holds the row lock, so `currentCount` cannot go stale
 * between the check and the insert.
 */
export type QuotaCheck =
  | { ok: true }
  | { ok: false; code: "exceeds_max" | "invalid_input"; reason: string };

export function checkQuota(currentCount: number, requested: number, maxInstances: number): QuotaCheck {
  const invalid = inputProblem(currentCount, requested, maxInstances);
  if (invalid !== undefined) return { ok: false, code: "invalid_input", reason: invalid };

  // `current > max` happens when the limit was lowered; nothing more may be created until it drops.
  if (currentCount + requested > maxInstances) {
    const available = Math.max(0, maxInstances - currentCount);
    return {
      ok: false,
      code: "exceeds_max",
      reason: `requested ${requested} but only ${available} of ${maxInstances} instances remain (${currentCount} in use)`,
    };
  }
  return { ok: true };
}

function inputProblem(currentCount: number, requested: number, maxInstances: number): string | undefined {
  if (!isCount(currentCount)) return "currentCount must be an integer ≥ 0";
  if (!isCount(requested) || requested === 0) return "requested must be an integer ≥ 1";
  if (!isCount(maxInstances)) return "maxInstances must be an integer ≥ 0";
  return undefined;
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
