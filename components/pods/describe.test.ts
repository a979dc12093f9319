import { describe, expect, test } from "vitest";
import { describeAffinity, describeExpression, describeToleration } from "./describe";

describe("describeToleration", () => {
  test("names key, value and effect", () => {
    expect(describeToleration({ key: "gpu", operator: "Equal", value: "true", effect: "NoSchedule" })).toBe("Tolerates NoSchedule taints gpu=true");
    expect(describeToleration({ key: "gpu", operator: "Exists" })).toBe("Tolerates taints of any effect with key gpu");
    expect(describeToleration({ operator: "Exists" })).toBe("Tolerates all taints of any effect");
  });
});

describe("describeExpression", () => {
  test("reads each operator", () => {
    expect(describeExpression({ key: "zone", operator: "In", values: ["a"] })).toBe("zone = a");
    expect(describeExpression({ key: "zone", operator: "In", values: ["a", "b"] })).toBe("zone in (a, b)");
    expect(describeExpression({ key: "zone", operator: "NotIn", values: ["a", "b"] })).toBe("zone not in (a, b)");
    expect(describeExpression({ key: "gpu", operator: "Exists" })).toBe("has gpu");
    expect(describeExpression({ key: "gpu", operator: "DoesNotExist" })).toBe("has no gpu");
    expect(describeExpression({ key: "cores", operator: "Gt", values: ["4"] })).toBe("cores > 4");
  });
});

describe("describeAffinity", () => {
  test("no rules, no lines", () => {
    expect(describeAffinity({})).toEqual([]);
  });

  test("one line per rule", () => {
    expect(
      describeAffinity({
        nodeAffinity: {
          required: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["a", "b"] }, { key: "gpu", operator: "Exists" }] }],
          preferred: [{ weight: 50, preference: { matchExpressions: [{ key: "disk", operator: "In", values: ["ssd"] }] } }],
        },
        podAntiAffinity: { required: [{ labelSelector: { app: "web" }, topologyKey: "kubernetes.io/hostname" }] },
        topologySpread: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { app: "web" } }],
      }),
    ).toEqual([
      "Must run on a node where zone in (a, b) and has gpu",
      "Prefers (weight 50) nodes where disk = ssd",
      "Must not share a kubernetes.io/hostname with pods matching app=web",
      "Spread pods matching app=web across topology.kubernetes.io/zone, at most 1 apart (best effort)",
    ]);
  });
});
