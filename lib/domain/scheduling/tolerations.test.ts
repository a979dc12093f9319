import { describe, expect, test } from "vitest";
import { firstUntolerated, formatTaint, isTolerated, toleratesTaint } from "./tolerations";
import type { Taint, Toleration } from "./types";

const gpu: Taint = { key: "gpu", value: "true", effect: "NoSchedule" };

describe("toleratesTaint (kube Toleration.ToleratesTaint)", () => {
  test.each<[string, Toleration, Taint, boolean]>([
    ["Equal with same key, value and effect", { key: "gpu", operator: "Equal", value: "true", effect: "NoSchedule" }, gpu, true],
    ["operator absent means Equal", { key: "gpu", value: "true" }, gpu, true],
    ["Equal with a different value", { key: "gpu", value: "false" }, gpu, false],
    ["Equal with no value against a valued taint", { key: "gpu" }, gpu, false],
    ["Equal with no value against a value-less taint", { key: "k" }, { key: "k", effect: "NoSchedule" }, true],
    ["Exists ignores the value", { key: "gpu", operator: "Exists" }, gpu, true],
    ["Exists with empty key tolerates every key", { operator: "Exists" }, gpu, true],
    ["different key", { key: "other", operator: "Exists" }, gpu, false],
    ["effect must match when given", { key: "gpu", operator: "Exists", effect: "NoExecute" }, gpu, false],
    ["absent effect tolerates every effect", { key: "gpu", operator: "Exists" }, { ...gpu, effect: "NoExecute" }, true],
  ])("%s", (_, toleration, taint, expected) => {
    expect(toleratesTaint(toleration, taint)).toBe(expected);
  });
});

describe("firstUntolerated", () => {
  const taints: Taint[] = [
    { key: "soft", effect: "PreferNoSchedule" },
    gpu,
    { key: "evict", effect: "NoExecute" },
  ];
  test.each<[string, Toleration[], number]>([
    ["PreferNoSchedule is not a hard taint; the first hard one is reported", [], 1],
    ["gpu tolerated, NoExecute is next", [{ key: "gpu", operator: "Exists" }], 2],
    ["everything tolerated", [{ operator: "Exists" }], -1],
  ])("%s", (_, tolerations, expected) => {
    expect(firstUntolerated(tolerations, taints, ["NoSchedule", "NoExecute"])).toBe(expected);
  });

  test("isTolerated is any toleration; formatTaint is kube's {key: value}", () => {
    expect(isTolerated([], gpu)).toBe(false);
    expect(formatTaint(gpu)).toBe("{gpu: true}");
    expect(formatTaint({ key: "k", effect: "NoSchedule" })).toBe("{k: }");
  });
});
