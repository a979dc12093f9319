import { describe, expect, test } from "vitest";
import { compileSelector, labelValue, selectorMatches } from "./labels";

describe("labelValue", () => {
  test.each<[string, Record<string, string>, string, string | undefined]>([
    ["present", { app: "web" }, "app", "web"],
    ["absent", {}, "app", undefined],
    ["inherited member `constructor` is not a label", {}, "constructor", undefined],
    ["inherited `__proto__` is not a label", {}, "__proto__", undefined],
    ["own `constructor` label is read", { constructor: "x" }, "constructor", "x"],
  ])("%s", (_, labels, key, expected) => {
    expect(labelValue(labels, key)).toBe(expected);
  });
});

describe("selectorMatches (Kubernetes matchLabels)", () => {
  test.each<[string, Record<string, string>, Record<string, string>, boolean]>([
    ["empty selector matches every pod", {}, { app: "web" }, true],
    ["empty selector matches an unlabelled pod", {}, {}, true],
    ["all pairs equal", { app: "web", tier: "fe" }, { app: "web", tier: "fe", x: "y" }, true],
    ["one pair differs", { app: "web", tier: "fe" }, { app: "web", tier: "be" }, false],
    ["key missing", { app: "web" }, {}, false],
    ["inherited member never matches", { toString: "x" }, {}, false],
  ])("%s", (_, selector, labels, expected) => {
    expect(selectorMatches(compileSelector(selector), labels)).toBe(expected);
  });

  test("the canonical key ignores pair order", () => {
    expect(compileSelector({ b: "2", a: "1" }).key).toBe(compileSelector({ a: "1", b: "2" }).key);
    expect(compileSelector({ a: "1" }).key).not.toBe(compileSelector({ a: "2" }).key);
  });
});
