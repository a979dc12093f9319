import { describe, expect, test } from "vitest";
import { makeNode, makePod, makeState, runFilter } from "../test-fixtures";
import type { Pod } from "../types";
import { nodeResourcesFit } from "./node-resources-fit";

const node = makeNode("n", { allocatable: { cpuMillis: 1000, memoryMiB: 1024, pods: 2 } });
const bound = (name: string, cpuMillis: number, memoryMiB: number): Pod =>
  makePod(name, { nodeName: "n", requests: { cpuMillis, memoryMiB } });

describe("kube NodeResourcesFit filter: requests ≤ allocatable − requested", () => {
  test.each<[string, Pod[], { cpuMillis: number; memoryMiB: number }, string[]]>([
    ["fits exactly", [bound("a", 400, 512)], { cpuMillis: 600, memoryMiB: 512 }, []],
    ["one millicore too many", [bound("a", 400, 512)], { cpuMillis: 601, memoryMiB: 1 }, ["Insufficient cpu"]],
    ["memory too", [bound("a", 400, 512)], { cpuMillis: 601, memoryMiB: 513 }, ["Insufficient cpu", "Insufficient memory"]],
    ["pod count is always checked", [bound("a", 0, 0), bound("b", 0, 0)], { cpuMillis: 0, memoryMiB: 0 }, ["Too many pods"]],
    [
      "a zero request never fails its resource, even on an over-committed node",
      [bound("a", 5000, 5000)],
      { cpuMillis: 0, memoryMiB: 0 },
      [],
    ],
    [
      "all three reasons together",
      [bound("a", 900, 900), bound("b", 100, 124)],
      { cpuMillis: 1, memoryMiB: 1 },
      ["Too many pods", "Insufficient cpu", "Insufficient memory"],
    ],
  ])("%s", (_, pods, requests, expected) => {
    expect(runFilter(nodeResourcesFit, makePod("p", { requests }), makeState([node], pods))).toEqual([expected]);
  });

  test("pods bound to nodes the cluster does not list are ignored", () => {
    const state = makeState([node], [makePod("elsewhere", { nodeName: "gone", requests: { cpuMillis: 1000, memoryMiB: 0 } })]);
    expect(runFilter(nodeResourcesFit, makePod("p", { requests: { cpuMillis: 1000, memoryMiB: 1 } }), state)).toEqual([[]]);
    expect(state.boundNames.get("elsewhere")).toBe(-1);
  });
});
