import { describe, expect, test } from "vitest";
import { diffLines, formatValue } from "./diff-format";

describe("formatValue", () => {
  test.each([
    [null, null],
    [undefined, null],
    ["web", "web"],
    [4, "4"],
    [false, "false"],
    [{ app: "web" }, '{"app":"web"}'],
    [["a", "b"], '["a","b"]'],
  ])("%j → %j", (value, text) => expect(formatValue(value)).toBe(text));

  test("cuts long values with an ellipsis", () => {
    const text = formatValue("x".repeat(200))!;
    expect(text).toHaveLength(80);
    expect(text.endsWith("…")).toBe(true);
  });
});

describe("diffLines", () => {
  test("a create lists added fields; a delete lists removed ones", () => {
    expect(diffLines({ name: { before: null, after: "web" } })).toEqual([{ field: "name", before: null, after: "web", kind: "added" }]);
    expect(diffLines({ name: { before: "web", after: null } })).toEqual([{ field: "name", before: "web", after: null, kind: "removed" }]);
  });

  test("a changed object is opened one level, naming only the fields that changed", () => {
    const lines = diffLines({
      spec: { before: { cpu: 2, os: "linux", memoryMiB: 4096 }, after: { cpu: 4, os: "linux", memoryMiB: 4096 } },
      labels: { before: { app: "web" }, after: { app: "web", tier: "db" } },
    });
    expect(lines).toEqual([
      { field: "labels.tier", before: null, after: "db", kind: "added" },
      { field: "spec.cpu", before: "2", after: "4", kind: "changed" },
    ]);
  });

  test("an empty diff has no lines, nor does a field that was and is empty", () => {
    expect(diffLines({})).toEqual([]);
    expect(diffLines({ revokedAt: { before: null, after: null } })).toEqual([]);
  });
});
