import { describe, expect, test } from "vitest";
import type { PreparedFilter } from "./filters";
import { findFeasible, numFeasibleNodesToFind } from "./sampling";

describe("kube numFeasibleNodesToFind (percentageOfNodesToScore)", () => {
  test.each<[string, number, number | undefined, number]>([
    ["under 100 nodes: all of them", 99, undefined, 99],
    ["adaptive at 100 nodes: 50% would be 50, raised to the 100-node floor", 100, undefined, 100],
    ["adaptive at 1,000 nodes: 50 − 8 = 42%", 1_000, undefined, 420],
    ["adaptive at 5,000 nodes: 50 − 40 = 10%", 5_000, undefined, 500],
    ["adaptive at 6,000 nodes: 50 − 48 = 2%, raised to the 5% floor", 6_000, undefined, 300],
    ["adaptive at 100,000 nodes: 5%", 100_000, undefined, 5_000],
    ["explicit 100%: exhaustive", 5_000, 100, 5_000],
    ["explicit 1% of 5,000 is 50, raised to 100 nodes", 5_000, 1, 100],
    ["explicit 30%", 5_000, 30, 1_500],
    ["0 means adaptive", 5_000, 0, 500],
  ])("%s", (_, nodes, percentage, expected) => {
    expect(numFeasibleNodesToFind(nodes, percentage)).toBe(expected);
  });
});

describe("findFeasible: search in rotation from the start index", () => {
  const evenOnly: PreparedFilter = { name: "NodeAffinity", fits: (node) => node % 2 === 0, reasons: () => ["odd"] };

  test.each<[string, number, number, number[], number]>([
    ["stops once enough feasible nodes are found", 0, 2, [0, 2], 3],
    ["wraps around from the start index", 7, 2, [8, 0], 4],
    ["examines everything when too few fit", 3, 10, [4, 6, 8, 0, 2], 10],
  ])("%s", (_, start, limit, expected, processed) => {
    const out = new Int32Array(10);
    const result = findFeasible([evenOnly], 10, start, limit, out);
    expect(Array.from(out.subarray(0, result.count))).toEqual(expected);
    expect(result.processed).toBe(processed);
  });
});
