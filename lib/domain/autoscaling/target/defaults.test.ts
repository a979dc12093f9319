import { describe, expect, test } from "vitest";
import { cpuPolicy } from "../test-fixtures";
import { resolveBehavior } from "./defaults";
import { describeTolerance, isWithinTolerance } from "./tolerance";

describe("HPA behavior defaults (SetDefaults_HorizontalPodAutoscalerBehavior)", () => {
  test("no behavior: up 0 s window, max(Pods 4, Percent 100)/15 s; down 300 s window, Percent 100/15 s; tolerance 0.1", () => {
    expect(resolveBehavior(cpuPolicy(50))).toEqual({
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: "Max",
        policies: [
          { type: "Pods", value: 4, periodSeconds: 15 },
          { type: "Percent", value: 100, periodSeconds: 15 },
        ],
        tolerance: 0.1,
      },
      scaleDown: {
        stabilizationWindowSeconds: 300,
        selectPolicy: "Max",
        policies: [{ type: "Percent", value: 100, periodSeconds: 15 }],
        tolerance: 0.1,
      },
    });
  });

  test("set fields win, unset fields keep their defaults", () => {
    const resolved = resolveBehavior(cpuPolicy(50, { tolerance: 0.2, behavior: { scaleDown: { stabilizationWindowSeconds: 60, tolerance: 0.05 } } }));
    expect(resolved.scaleDown).toMatchObject({ stabilizationWindowSeconds: 60, selectPolicy: "Max", tolerance: 0.05 });
    expect(resolved.scaleUp.tolerance).toBe(0.2);
  });
});

describe("HPA tolerance", () => {
  test.each<{ name: string; ratio: number; up: number; down: number; within: boolean }>([
    { name: "ratio 1.04 within 0.1", ratio: 1.04, up: 0.1, down: 0.1, within: true },
    { name: "edges are inclusive (|ratio − 1| ≤ tolerance)", ratio: 0.9, up: 0.1, down: 0.1, within: true },
    { name: "ratio 1.11 outside 0.1", ratio: 1.11, up: 0.1, down: 0.1, within: false },
    { name: "KEP-4951: separate down tolerance", ratio: 0.85, up: 0.1, down: 0.2, within: true },
  ])("$name", ({ ratio, up, down, within }) => {
    expect(isWithinTolerance(ratio, { up, down })).toBe(within);
  });

  test.each([
    { up: 0.1, down: 0.1, text: "0.1" },
    { up: 0.1, down: 0.2, text: "[−0.2, +0.1]" },
  ])("describes $text", ({ up, down, text }) => {
    expect(describeTolerance({ up, down })).toBe(text);
  });
});
