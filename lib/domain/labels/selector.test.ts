import { describe, expect, test } from "vitest";
import { matchesSelector, parseSelector, type Requirement } from "./selector";

describe("parseSelector (Kubernetes equality-based selectors)", () => {
  test.each<[string, Requirement[]]>([
    ["", []],
    ["app=web", [{ op: "eq", key: "app", value: "web" }]],
    ["app==web", [{ op: "eq", key: "app", value: "web" }]],
    ["tier!=db", [{ op: "neq", key: "tier", value: "db" }]],
    ["env", [{ op: "exists", key: "env" }]],
    ["!legacy", [{ op: "absent", key: "legacy" }]],
    [
      " app = web , stratus.io/zone!=a ",
      [
        { op: "eq", key: "app", value: "web" },
        { op: "neq", key: "stratus.io/zone", value: "a" },
      ],
    ],
    ["app=", [{ op: "eq", key: "app", value: "" }]],
  ])("%j", (text, expected) => {
    expect(parseSelector(text)).toEqual({ ok: true, requirements: expected });
  });

  test.each([
    ["bad key", "=web"],
    ["bad value", "app=we b"],
    ["bang with operator", "!app=web"],
    ["key with spaces", "my app"],
  ])("rejects %s", (_, text) => {
    const result = parseSelector(text);
    expect(result.ok).toBe(false);
  });
});

describe("matchesSelector", () => {
  const labels = { app: "web", tier: "frontend" };
  test.each<[string, boolean]>([
    ["app=web", true],
    ["app=api", false],
    ["tier!=db", true],
    ["tier!=frontend", false],
    ["missing!=x", true],
    ["app", true],
    ["missing", false],
    ["!missing", true],
    ["!app", false],
    ["app=web,tier=frontend", true],
  ])("%s → %s", (text, expected) => {
    const parsed = parseSelector(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(matchesSelector(labels, parsed.requirements)).toBe(expected);
  });
});
