import { SCORES, type ScoreName, type ScorePlugin } from "./scores";

export type ScoringStrategy = "LeastAllocated" | "MostAllocated";

export interface SamplingOptions {
  /**
   * kube percentageOfNodesToScore: 0 or absent = adaptive (max(5, 50 − nodes/125)%, at least 100 nodes);
   * 100 = examine every node. See sampling.ts.
   */
  percentageOfNodesToScore?: number;
}

/**
 * The seed's SchedulingAlgorithm (RoundRobin | LeastLoaded | WeightedRoundRobin | LeastConnections | IPHash |
 * CustomAlgorithm) as profiles, plus kube-scheduler's own as `default`. Every profile runs every filter;
 * they differ only in how a node is chosen among the feasible ones.
 */
export type SchedulingProfile =
  | ({ kind: "default"; scoringStrategy?: ScoringStrategy } & SamplingOptions)
  | { kind: "round_robin" }
  | ({ kind: "least_loaded" } & SamplingOptions)
  | { kind: "weighted_round_robin"; weightLabel?: string }
  | ({ kind: "least_connections" } & SamplingOptions)
  | { kind: "ip_hash" }
  | ({ kind: "custom"; weights: Partial<Record<ScoreName, number>> } & SamplingOptions);

export type ProfileKind = SchedulingProfile["kind"];

export const PROFILE_KINDS: readonly ProfileKind[] = [
  "default",
  "round_robin",
  "least_loaded",
  "weighted_round_robin",
  "least_connections",
  "ip_hash",
  "custom",
];

export const DEFAULT_PROFILE: SchedulingProfile = { kind: "default" };

/** Label holding a node's weight for `weighted_round_robin` (positive integer; anything else counts as 1). */
export const DEFAULT_WEIGHT_LABEL = "stratus.io/weight";

/** kube-scheduler default score weights (default_plugins.go); NodeResourcesFit's entry follows the strategy. */
export function kubeDefaultWeights(strategy: ScoringStrategy = "LeastAllocated"): Partial<Record<ScoreName, number>> {
  return {
    TaintToleration: 3,
    NodeAffinity: 2,
    PodTopologySpread: 2,
    InterPodAffinity: 2,
    [strategy === "MostAllocated" ? "NodeResourcesMostAllocated" : "NodeResourcesLeastAllocated"]: 1,
    NodeResourcesBalancedAllocation: 1,
  };
}

export interface WeightedScore {
  readonly plugin: ScorePlugin;
  readonly weight: number;
}

/** How a scoring profile ranks nodes: weighted scores and how many feasible nodes to look for. */
export interface ScorePlan {
  readonly scores: readonly WeightedScore[];
  readonly percentageOfNodesToScore: number;
}

function plan(weights: Partial<Record<ScoreName, number>>, sampling: SamplingOptions): ScorePlan {
  const scores: WeightedScore[] = [];
  for (const [name, weight] of Object.entries(weights) as [ScoreName, number | undefined][]) {
    // Unknown names (from stored JSON) and zero weights contribute nothing.
    const plugin = SCORES[name] as ScorePlugin | undefined;
    if (plugin && weight) scores.push({ plugin, weight });
  }
  return { scores, percentageOfNodesToScore: sampling.percentageOfNodesToScore ?? 0 };
}

/** The score plan of a scoring profile; null for the rotating/hashing profiles. */
export function scorePlan(profile: SchedulingProfile): ScorePlan | null {
  switch (profile.kind) {
    case "default":
      return plan(kubeDefaultWeights(profile.scoringStrategy), profile);
    case "least_loaded":
      return plan({ LeastLoaded: 1 }, profile);
    case "least_connections":
      return plan({ LeastConnections: 1 }, profile);
    case "custom":
      return plan(profile.weights, profile);
    default:
      return null;
  }
}
