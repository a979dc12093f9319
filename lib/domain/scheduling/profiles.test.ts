import { describe, expect, test } from "vitest";
import { kubeDefaultWeights, PROFILE_KINDS, scorePlan, type SchedulingProfile } from "./profiles";

const weightsOf = (profile: SchedulingProfile) =>
  Object.fromEntries(scorePlan(profile)?.scores.map((s) => [s.plugin.name, s.weight]) ?? []);

describe("profiles", () => {
  test("default: kube-scheduler's default weights (TaintToleration 3; NodeAffinity, spread, inter-pod 2; fit, balance 1)", () => {
    expect(weightsOf({ kind: "default" })).toEqual({
      TaintToleration: 3,
      NodeAffinity: 2,
      PodTopologySpread: 2,
      InterPodAffinity: 2,
      NodeResourcesLeastAllocated: 1,
      NodeResourcesBalancedAllocation: 1,
    });
    expect(kubeDefaultWeights("MostAllocated")).toMatchObject({ NodeResourcesMostAllocated: 1 });
  });

  test.each<[SchedulingProfile, Record<string, number> | null, number]>([
    [{ kind: "least_loaded" }, { LeastLoaded: 1 }, 0],
    [{ kind: "least_connections", percentageOfNodesToScore: 100 }, { LeastConnections: 1 }, 100],
    [{ kind: "custom", weights: { LeastConnections: 2, TaintToleration: 0 } }, { LeastConnections: 2 }, 0],
    [{ kind: "custom", weights: { NoSuchScore: 5 } as never }, {}, 0],
    [{ kind: "round_robin" }, null, 0],
    [{ kind: "weighted_round_robin" }, null, 0],
    [{ kind: "ip_hash" }, null, 0],
  ])("%j", (profile, expected, percentage) => {
    const plan = scorePlan(profile);
    expect(plan === null ? null : weightsOf(profile)).toEqual(expected);
    expect(plan?.percentageOfNodesToScore ?? 0).toBe(percentage);
  });

  test("the seed's six algorithms plus kube's default are all selectable", () => {
    expect(PROFILE_KINDS).toEqual([
      "default",
      "round_robin",
      "least_loaded",
      "weighted_round_robin",
      "least_connections",
      "ip_hash",
      "custom",
    ]);
  });
});
