import { describe, expect, test } from "vitest";
import { randomIndex, seededRng } from "./random";

describe("seededRng", () => {
  test("is reproducible for a seed and stays in [0, 1)", () => {
    const a = seededRng(42);
    const b = seededRng(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  test("randomIndex covers every index of a small range", () => {
    const rng = seededRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) seen.add(randomIndex(rng, 5));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  test("randomIndex never returns n even if rng returns a value close to 1", () => {
    expect(randomIndex(() => 0.9999999999999999, 3)).toBe(2);
  });
});
