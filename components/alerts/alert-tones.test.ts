import { expect, test } from "vitest";
import { groupByRule } from "./alert-tones";

const alert = (id: string, ruleId: string, state: "pending" | "firing", severity: "info" | "warning" | "critical", activeSince: string) => ({
  id,
  ruleId,
  ruleName: `rule-${ruleId}`,
  state,
  severity,
  activeSince,
});

test("groups by rule: firing groups first, then by severity and name; firing before pending, oldest first within", () => {
  const groups = groupByRule([
    alert("1", "b", "pending", "critical", "2026-11-25T10:00:00Z"),
    alert("2", "a", "pending", "warning", "2026-11-25T10:05:00Z"),
    alert("3", "a", "firing", "warning", "2026-11-25T10:09:00Z"),
    alert("4", "c", "firing", "info", "2026-11-25T10:01:00Z"),
    alert("5", "a", "firing", "warning", "2026-11-25T10:02:00Z"),
    alert("6", "d", "firing", "critical", "2026-11-25T10:03:00Z"),
  ]);
  expect(groups.map((g) => [g.ruleId, g.firing, g.severity])).toEqual([
    ["d", 1, "critical"],
    ["a", 2, "warning"],
    ["c", 1, "info"],
    ["b", 0, "critical"],
  ]);
  expect(groups[1]!.alerts.map((a) => a.id)).toEqual(["5", "3", "2"]);
});

test("a group takes the highest severity among its alerts", () => {
  expect(groupByRule([alert("1", "a", "firing", "info", "x"), alert("2", "a", "firing", "critical", "y")])[0]!.severity).toBe("critical");
});
