import { describe, expect, test } from "vitest";
import * as autoscaling from "./index";

describe("autoscaling public API", () => {
  test("exports one decision entry point plus its helpers and HPA constants", () => {
    expect(Object.keys(autoscaling).sort()).toEqual([
      "DEFAULT_METRIC_WINDOW_MS",
      "DEFAULT_SCALE_DOWN_STABILIZATION_SECONDS",
      "DEFAULT_TOLERANCE",
      "EMPTY_HISTORY",
      "MAX_PERIOD_SECONDS",
      "MAX_STABILIZATION_WINDOW_SECONDS",
      "decideScale",
      "lastScaleAt",
      "metricKey",
      "recordDecision",
      "summarizePodCpu",
      "validatePolicy",
    ]);
  });

  test.each([
    { name: "DEFAULT_TOLERANCE", value: 0.1 },
    { name: "DEFAULT_SCALE_DOWN_STABILIZATION_SECONDS", value: 300 },
    { name: "MAX_STABILIZATION_WINDOW_SECONDS", value: 3600 },
    { name: "MAX_PERIOD_SECONDS", value: 1800 },
  ] as const)("HPA constant $name = $value", ({ name, value }) => {
    expect(autoscaling[name]).toBe(value);
  });
});
