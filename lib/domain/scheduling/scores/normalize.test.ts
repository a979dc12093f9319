import { describe, expect, test } from "vitest";
import { defaultNormalize, minMaxNormalize } from "./normalize";

describe("score normalization (kube helper.DefaultNormalizeScore, InterPodAffinity NormalizeScore)", () => {
  test.each<[string, number[], boolean, number[]]>([
    ["scaled by the maximum, truncated", [0, 1, 3], false, [0, 33, 100]],
    ["reversed", [0, 1, 3], true, [100, 67, 0]],
    ["all zero stays 0", [0, 0], false, [0, 0]],
    ["all zero reversed is 100", [0, 0], true, [100, 100]],
  ])("default: %s", (_, raw, reverse, expected) => {
    const out = Float64Array.from(raw);
    defaultNormalize(out, raw.length, reverse);
    expect(Array.from(out)).toEqual(expected);
  });

  test.each<[string, number[], number[]]>([
    ["min → 0, max → 100", [-10, 0, 10], [0, 50, 100]],
    ["all equal → 0", [5, 5], [0, 0]],
  ])("min–max: %s", (_, raw, expected) => {
    const out = Float64Array.from(raw);
    minMaxNormalize(out, raw.length);
    expect(Array.from(out)).toEqual(expected);
  });

  test("only the first `count` entries are touched", () => {
    const out = Float64Array.from([2, 4, 99]);
    defaultNormalize(out, 2, false);
    expect(Array.from(out)).toEqual([50, 100, 99]);
  });
});
