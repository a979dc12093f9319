import { describe, expect, test } from "vitest";
import { Cursor, initialSchedulerState } from "../cursor";
import type { PreparedFilter } from "../filters";
import { podInfo } from "../pod-info";
import { scorePlan } from "../profiles";
import { seededRng } from "../../random";
import { makeNode, makePod, makeState } from "../test-fixtures";
import { pickIpHash } from "./ip-hash";
import { pickRoundRobin } from "./round-robin";
import { pickScored } from "./scored";
import { parseWeight, pickWeightedRoundRobin } from "./weighted-round-robin";

const refuse = (...nodes: number[]): PreparedFilter => ({
  name: "NodeAffinity",
  fits: (node) => !nodes.includes(node),
  reasons: () => ["refused"],
});

describe("round_robin: the next feasible node after the last one chosen", () => {
  const state = makeState(["a", "b", "c", "d"].map((name) => makeNode(name)));
  test.each<[string, string | null, number[], string[]]>([
    ["rotates through every node", null, [], ["a", "b", "c", "d", "a"]],
    ["skips infeasible nodes", null, [1], ["a", "c", "d", "a", "c"]],
    ["continues after the last node from the state", "c", [], ["d", "a", "b", "c", "d"]],
    ["an unknown last node restarts at the first", "gone", [], ["a", "b", "c", "d", "a"]],
  ])("%s", (_, lastNode, refused, expected) => {
    const cursor = new Cursor({ ...initialSchedulerState(), lastNode }, state);
    const picks = expected.map(() => state.nodes[pickRoundRobin(state, [refuse(...refused)], cursor)]!.name);
    expect(picks).toEqual(expected);
    expect(cursor.lastNode).toBe(expected.at(-1));
  });

  test("nothing feasible: -1 and the cursor stays", () => {
    const cursor = new Cursor(initialSchedulerState(), state);
    expect(pickRoundRobin(state, [refuse(0, 1, 2, 3)], cursor)).toBe(-1);
    expect(cursor.lastNode).toBeNull();
  });
});

describe("weighted_round_robin: nginx smooth WRR", () => {
  const weighted = (name: string, weight?: string) =>
    makeNode(name, { labels: weight === undefined ? {} : { "stratus.io/weight": weight } });

  test.each<[string, [string, string | undefined][], number[], string]>([
    ["weights 2:1 give A, B, A", [["A", "2"], ["B", "1"]], [], "ABAABA"],
    ["weights 5:1:1 interleave smoothly (nginx example a a b a c a a)", [["a", "5"], ["b", "1"], ["c", "1"]], [], "aabacaa"],
    ["a node without the label weighs 1", [["A", "2"], ["B", undefined]], [], "ABAABA"],
    ["infeasible nodes are skipped without accumulating", [["A", "2"], ["B", "1"], ["C", "9"]], [2], "ABAABA"],
  ])("%s", (_, spec, refused, expected) => {
    const state = makeState(spec.map(([name, weight]) => weighted(name, weight)));
    const cursor = new Cursor(initialSchedulerState(), state);
    const picks = [...expected].map(() => state.nodes[pickWeightedRoundRobin(state, [refuse(...refused)], cursor, "stratus.io/weight")]!.name);
    expect(picks.join("")).toBe(expected);
  });

  test.each<[string | undefined, number]>([
    ["3", 3],
    [undefined, 1],
    ["0", 1],
    ["-2", 1],
    ["1.5", 1],
    ["heavy", 1],
  ])("parseWeight(%j) = %d", (value, expected) => {
    expect(parseWeight(value)).toBe(expected);
  });

  test("nothing feasible: -1", () => {
    const state = makeState([weighted("A", "2")]);
    expect(pickWeightedRoundRobin(state, [refuse(0)], new Cursor(initialSchedulerState(), state), "w")).toBe(-1);
  });
});

describe("ip_hash: consistent hash of the pod name over feasible nodes", () => {
  const state = makeState(Array.from({ length: 8 }, (_, i) => makeNode(`n${i}`)));

  test("the same name maps to the same node; names spread over nodes", () => {
    const picks = Array.from({ length: 64 }, (_, i) => pickIpHash(state, [], `pod-${i}`));
    expect(pickIpHash(state, [], "pod-3")).toBe(picks[3]);
    expect(new Set(picks).size).toBeGreaterThan(4);
  });

  test("when the hashed node is infeasible, the walk moves on to the next feasible node only for those pods", () => {
    const home = Array.from({ length: 64 }, (_, i) => pickIpHash(state, [], `pod-${i}`));
    const blocked = home[0]!;
    home.forEach((node, i) => {
      const now = pickIpHash(state, [refuse(blocked)], `pod-${i}`);
      if (node === blocked) expect(now).not.toBe(blocked);
      else expect(now).toBe(node);
    });
  });

  test.each<[string, number]>([
    ["no feasible node", 8],
    ["no nodes", 0],
  ])("%s: -1", (_, size) => {
    const cluster = makeState(Array.from({ length: size }, (_, i) => makeNode(`n${i}`)));
    expect(pickIpHash(cluster, [refuse(...Array.from({ length: 8 }, (_, i) => i))], "pod")).toBe(-1);
  });
});

describe("scored pick (kube selectHost)", () => {
  test("ties among the best are broken uniformly by the injected rng", () => {
    const state = makeState(["a", "b", "c"].map((name) => makeNode(name)));
    const info = podInfo(makePod("p"), state);
    const plan = scorePlan({ kind: "default" })!;
    const rng = seededRng(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 600; i++) counts[pickScored(info, state, [], plan, rng, new Cursor(initialSchedulerState(), state))]! += 1;
    for (const count of counts) expect(count).toBeGreaterThan(150);
  });

  test("a single feasible node is chosen without scoring; none gives -1", () => {
    const state = makeState(["a", "b"].map((name) => makeNode(name)));
    const info = podInfo(makePod("p"), state);
    const plan = scorePlan({ kind: "default" })!;
    const rng = () => {
      throw new Error("no tie-break expected");
    };
    expect(pickScored(info, state, [refuse(0)], plan, rng, new Cursor(initialSchedulerState(), state))).toBe(1);
    expect(pickScored(info, state, [refuse(0, 1)], plan, rng, new Cursor(initialSchedulerState(), state))).toBe(-1);
  });

  test("the start index advances by the nodes examined (kube nextStartNodeIndex)", () => {
    const state = makeState(Array.from({ length: 200 }, (_, i) => makeNode(`n${i}`)));
    const cursor = new Cursor(initialSchedulerState(), state);
    pickScored(podInfo(makePod("p"), state), state, [], { scores: [], percentageOfNodesToScore: 50 }, seededRng(1), cursor);
    expect(cursor.nextStartIndex).toBe(100);
  });

  test("an empty cluster gives -1", () => {
    const state = makeState([]);
    const cursor = new Cursor(initialSchedulerState(), state);
    expect(pickScored(podInfo(makePod("p"), state), state, [], scorePlan({ kind: "default" })!, seededRng(1), cursor)).toBe(-1);
  });
});
