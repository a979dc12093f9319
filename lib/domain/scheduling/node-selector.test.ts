import { describe, expect, test } from "vitest";
import { anyTermMatches, requirementMatches, termMatches } from "./node-selector";
import type { NodeSelectorRequirement } from "./types";

const labels = { zone: "a", cores: "8", disk: "ssd" };

describe("requirementMatches (kube NodeSelectorRequirement)", () => {
  test.each<[string, NodeSelectorRequirement, boolean]>([
    ["In: value listed", { key: "zone", operator: "In", values: ["a", "b"] }, true],
    ["In: value not listed", { key: "zone", operator: "In", values: ["b"] }, false],
    ["In: label missing", { key: "gpu", operator: "In", values: ["x"] }, false],
    ["In: no values matches nothing", { key: "zone", operator: "In" }, false],
    ["NotIn: value not listed", { key: "zone", operator: "NotIn", values: ["b"] }, true],
    ["NotIn: value listed", { key: "zone", operator: "NotIn", values: ["a"] }, false],
    ["NotIn: label missing matches", { key: "gpu", operator: "NotIn", values: ["x"] }, true],
    ["Exists", { key: "disk", operator: "Exists" }, true],
    ["Exists: missing", { key: "gpu", operator: "Exists" }, false],
    ["DoesNotExist", { key: "gpu", operator: "DoesNotExist" }, true],
    ["DoesNotExist: present", { key: "disk", operator: "DoesNotExist" }, false],
    ["Gt: 8 > 4", { key: "cores", operator: "Gt", values: ["4"] }, true],
    ["Gt: 8 > 8 is false", { key: "cores", operator: "Gt", values: ["8"] }, false],
    ["Lt: 8 < 16", { key: "cores", operator: "Lt", values: ["16"] }, true],
    ["Lt: 8 < 2 is false", { key: "cores", operator: "Lt", values: ["2"] }, false],
    ["Gt: non-integer label never matches", { key: "zone", operator: "Gt", values: ["1"] }, false],
    ["Gt: non-integer value never matches", { key: "cores", operator: "Gt", values: ["x"] }, false],
    ["Gt: needs exactly one value", { key: "cores", operator: "Gt", values: ["1", "2"] }, false],
    ["Gt: no values", { key: "cores", operator: "Gt" }, false],
    ["Lt: label missing", { key: "gpu", operator: "Lt", values: ["1"] }, false],
  ])("%s", (_, requirement, expected) => {
    expect(requirementMatches(requirement, labels)).toBe(expected);
  });
});

describe("node selector terms (kube: terms ORed, expressions ANDed)", () => {
  test.each<[string, NodeSelectorRequirement[][], boolean]>([
    ["single matching term", [[{ key: "zone", operator: "In", values: ["a"] }]], true],
    [
      "AND within a term fails on one expression",
      [[{ key: "zone", operator: "In", values: ["a"] }, { key: "gpu", operator: "Exists" }]],
      false,
    ],
    ["OR across terms", [[{ key: "gpu", operator: "Exists" }], [{ key: "disk", operator: "In", values: ["ssd"] }]], true],
    ["an empty term matches no node", [[]], false],
    ["no terms match nothing", [], false],
  ])("%s", (_, terms, expected) => {
    expect(anyTermMatches(terms.map((matchExpressions) => ({ matchExpressions })), labels)).toBe(expected);
  });

  test("termMatches on an empty term is false", () => {
    expect(termMatches({ matchExpressions: [] }, labels)).toBe(false);
  });
});
