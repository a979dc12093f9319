import type { HpaRatePolicy, HpaScalingRules, TargetPolicy } from "../types";

/** kube-controller-manager `--horizontal-pod-autoscaler-tolerance`. */
export const DEFAULT_TOLERANCE = 0.1;
/** How far back CPU readings are averaged when the policy does not say (metrics-server reports ~1 min windows). */
export const DEFAULT_METRIC_WINDOW_MS = 60_000;
/** `--horizontal-pod-autoscaler-downscale-stabilization`. */
export const DEFAULT_SCALE_DOWN_STABILIZATION_SECONDS = 300;
export const MAX_STABILIZATION_WINDOW_SECONDS = 3600;
export const MAX_PERIOD_SECONDS = 1800;

/** HPA API defaults (SetDefaults_HorizontalPodAutoscalerBehavior): up max(Pods 4, Percent 100)/15 s; down Percent 100/15 s. */
const DEFAULT_SCALE_UP_POLICIES: readonly HpaRatePolicy[] = [
  { type: "Pods", value: 4, periodSeconds: 15 },
  { type: "Percent", value: 100, periodSeconds: 15 },
];
const DEFAULT_SCALE_DOWN_POLICIES: readonly HpaRatePolicy[] = [{ type: "Percent", value: 100, periodSeconds: 15 }];

export interface ResolvedRules {
  stabilizationWindowSeconds: number;
  selectPolicy: "Max" | "Min" | "Disabled";
  policies: readonly HpaRatePolicy[];
  tolerance: number;
}

export interface ResolvedBehavior {
  scaleUp: ResolvedRules;
  scaleDown: ResolvedRules;
}

/** Fills every unset behavior field the way the Kubernetes API server and controller do. */
export function resolveBehavior(policy: TargetPolicy): ResolvedBehavior {
  const tolerance = policy.tolerance ?? DEFAULT_TOLERANCE;
  return {
    scaleUp: resolveRules(policy.behavior?.scaleUp, 0, DEFAULT_SCALE_UP_POLICIES, tolerance),
    scaleDown: resolveRules(
      policy.behavior?.scaleDown,
      DEFAULT_SCALE_DOWN_STABILIZATION_SECONDS,
      DEFAULT_SCALE_DOWN_POLICIES,
      tolerance,
    ),
  };
}

function resolveRules(
  rules: HpaScalingRules | undefined,
  window: number,
  policies: readonly HpaRatePolicy[],
  tolerance: number,
): ResolvedRules {
  return {
    stabilizationWindowSeconds: rules?.stabilizationWindowSeconds ?? window,
    selectPolicy: rules?.selectPolicy ?? "Max",
    policies: rules?.policies ?? policies,
    tolerance: rules?.tolerance ?? tolerance,
  };
}
