import { describe, expect, test } from "vitest";
import { makeNode, makePod, makeState } from "../test-fixtures";
import type { PreparedFilter } from "./filter";
import { MAX_STATIC_SIGNATURES, memoizeStatic, staticSignature } from "./static-verdicts";

describe("memoized static filter verdicts", () => {
  const counting = () => {
    const calls: number[] = [];
    const filter: PreparedFilter = {
      name: "NodeAffinity",
      fits: (node) => {
        calls.push(node);
        return node !== 1;
      },
      reasons: () => ["refused"],
    };
    return { calls, filter };
  };

  test("each node's verdict is computed once per pod signature and reused", () => {
    const state = makeState([makeNode("a"), makeNode("b")]);
    const { calls, filter } = counting();
    const [first] = memoizeStatic([filter], state, "sig");
    const [second] = memoizeStatic([filter], state, "sig");
    expect([first!.fits(0), first!.fits(1), second!.fits(0), second!.fits(1)]).toEqual([true, false, true, false]);
    expect(calls).toEqual([0, 1]);
    expect(second!.reasons(1)).toEqual(["refused"]);
  });

  test.each<[string, number, number]>([
    ["below the cap a new signature is memoized", MAX_STATIC_SIGNATURES - 1, 1],
    ["at the cap the filters run unmemoized", MAX_STATIC_SIGNATURES, 0],
  ])("%s", (_, existing, added) => {
    const state = makeState([makeNode("a")]);
    for (let i = 0; i < existing; i++) state.staticVerdicts.set(`s${i}`, new Uint8Array(1));
    const { filter } = counting();
    const result = memoizeStatic([filter], state, "new");
    expect(state.staticVerdicts.size).toBe(existing + added);
    expect(result[0] === filter).toBe(added === 0);
  });

  test("the signature covers tolerations, nodeSelector and required node affinity only", () => {
    const base = makePod("p");
    expect(staticSignature(base)).toBe(staticSignature(makePod("q", { labels: { app: "x" } })));
    expect(staticSignature(base)).not.toBe(staticSignature(makePod("p", { nodeSelector: { disk: "ssd" } })));
    expect(staticSignature(base)).not.toBe(staticSignature(makePod("p", { tolerations: [{ operator: "Exists" }] })));
  });
});
