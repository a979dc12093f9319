import { describe, expect, test } from "vitest";
import { floorDiv, KineticTournament } from "./kinetic-tournament";

describe("floorDiv", () => {
  test.each([
    [7, 2, 3],
    [-7, 2, -4],
    [6, 3, 2],
    [-6, 3, -2],
    [0, 5, 0],
  ])("⌊%d / %d⌋ = %d", (n, d, q) => {
    expect(floorDiv(n, d)).toBe(q);
  });

  test.each([
    ["just below an integer, near 2^52", (2 ** 26 - 3) * (2 ** 26 + 1) - 1, 2 ** 26 + 1, 2 ** 26 - 4],
    ["just below an integer, near 2^53", (2 ** 40 - 1) * 4095 - 1, 4095, 2 ** 40 - 2],
    ["negative, just above an integer", -((2 ** 40 - 1) * 4095 - 1), 4095, -(2 ** 40 - 1)],
  ])("stays exact %s (the float quotient never rounds onto the next integer)", (_name, n, d, q) => {
    expect(floorDiv(n, d)).toBe(q);
  });
});

describe("KineticTournament: max of 10 + t (slot 0), 3t (slot 1), 4 + 2t (slot 3); ties → lower slot", () => {
  const lines = () => {
    const t = new KineticTournament();
    t.ensureCapacity(4);
    t.set(0, 10, 1);
    t.set(1, 0, 3);
    t.set(3, 4, 2);
    return t;
  };
  test.each([
    [0, 0],
    [4, 0],
    [5, 0], // 15 = 15 = 14: slot 0 wins the tie with slot 1
    [6, 1],
    [100, 1],
  ])("at t=%i the winner is slot %i", (time, winner) => {
    expect(lines().advanceTo(time)).toBe(winner);
  });

  test("lowering the leader hands over to the next line, with ties to the lower slot", () => {
    const t = lines();
    t.advanceTo(6);
    t.add(1, -100);
    expect(t.advanceTo(6)).toBe(0); // 16 vs 16: slot 0 before slot 3
    expect(t.advanceTo(7)).toBe(3); // 17 < 18
    t.delete(3);
    expect(t.advanceTo(7)).toBe(0);
    expect(t.has(3)).toBe(false);
  });
});
