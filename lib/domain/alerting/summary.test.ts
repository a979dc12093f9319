import { expect, test } from "vitest";
import { alertSummary, formatValue, ruleExpression, selectorText } from "./summary";

const rule = { metric: "stratus_pool_request_duration_ms", matchers: {}, aggregation: "p95" as const, operator: "gt" as const, threshold: 300, forSeconds: 60, windowSeconds: 60 };

test.each([
  [412.3456, "412.3"],
  [0.012345, "0.01235"],
  [300, "300"],
  [1234567, "1235000"],
  [Number.NaN, "NaN"],
])("formatValue(%d) = %s", (value, text) => {
  expect(formatValue(value)).toBe(text);
});

test("selectors list labels sorted, and a bare metric without any", () => {
  expect(selectorText("m", { b: "2", a: "1" })).toBe("m{a=1,b=2}");
  expect(selectorText("m", {})).toBe("m");
});

test("the summary says what was measured, its value, the comparison and how long it must hold", () => {
  expect(alertSummary(rule, { pool: "web" }, 412)).toBe("p95 of stratus_pool_request_duration_ms{pool=web} over 60 s = 412 > 300 for 60 s");
  expect(alertSummary({ ...rule, forSeconds: 0, operator: "le", aggregation: "min", matchers: { pool: "api" } }, {}, 0)).toBe(
    "min of stratus_pool_request_duration_ms{pool=api} over 60 s = 0 ≤ 300",
  );
});

test("the rule expression reads like PromQL", () => {
  expect(ruleExpression({ ...rule, matchers: { pool: "web" } })).toBe("p95(stratus_pool_request_duration_ms{pool=web}[60s]) > 300 for 60 s");
  expect(ruleExpression({ ...rule, forSeconds: 0, operator: "ge" })).toBe("p95(stratus_pool_request_duration_ms[60s]) ≥ 300");
});
