import { describe, expect, test } from "vitest";
import { BackendTable, MAX_WEIGHT, normalizeWeight } from "./backend-table";

describe("normalizeWeight (integer weights as nginx; ≤ 0 drains as HAProxy weight 0)", () => {
  test.each([
    [5, 5],
    [2.4, 2],
    [2.6, 3],
    [0.2, 1],
    [0, 0],
    [-3, 0],
    [Number.NaN, 0],
    [1e12, MAX_WEIGHT],
  ])("%d → %d", (weight, expected) => {
    expect(normalizeWeight(weight)).toBe(expected);
  });
});

describe("BackendTable", () => {
  const view = (id: string) => ({ id, address: "10.0.0.1", port: 80, weight: 1, maxConnections: 10, health: "healthy" as const });

  test("reuses freed slots, grows on demand and notifies listeners", () => {
    const table = new BackendTable();
    const capacities: number[] = [];
    table.onGrow((capacity) => capacities.push(capacity));
    const slots = Array.from({ length: 9 }, (_, i) => table.add(view(`b${i}`)));
    expect(slots).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(capacities).toEqual([0, 8, 16]);
    table.remove(3);
    expect(table.size).toBe(8);
    expect(table.slotOf("b3")).toBeUndefined();
    expect(table.add({ ...view("new"), activeConnections: 4 })).toBe(3);
    expect(table.active[3]).toBe(4);
    expect(table.slotLimit).toBe(9);
  });
});
