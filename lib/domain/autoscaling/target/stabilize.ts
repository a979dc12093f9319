import { fmt } from "../format";
import type { Recommendation, RuleStep } from "../types";

export interface StabilizeInput {
  currentReplicas: number;
  /** This run's unstabilized recommendation. */
  desiredReplicas: number;
  /** Earlier unstabilized recommendations (not including this run's). */
  recommendations: readonly Recommendation[];
  now: number;
  upWindowSeconds: number;
  downWindowSeconds: number;
}

export interface Stabilized {
  replicas: number;
  /** Lowest recommendation in the scale-up window: scale-up never goes above it. */
  upLimit: number;
  /** Highest recommendation in the scale-down window: scale-down never goes below it. */
  downLimit: number;
  step: RuleStep;
}

/**
 * HPA stabilizeRecommendationWithBehaviors: up = min of recommendations newer than the up window,
 * down = max of those newer than the down window (both including this run's); the result is the
 * current count pulled up to `up` and down to `down`. "Newer" is strict (`at > now − window`), so a
 * 0 s window only sees this run's recommendation.
 */
export function stabilize(input: StabilizeInput): Stabilized {
  const { currentReplicas, desiredReplicas, now } = input;
  const upCutoff = now - input.upWindowSeconds * 1000;
  const downCutoff = now - input.downWindowSeconds * 1000;
  let upLimit = desiredReplicas;
  let downLimit = desiredReplicas;
  for (const rec of input.recommendations) {
    if (rec.at > upCutoff) upLimit = Math.min(upLimit, rec.replicas);
    if (rec.at > downCutoff) downLimit = Math.max(downLimit, rec.replicas);
  }
  let replicas = currentReplicas;
  if (replicas < upLimit) replicas = upLimit;
  if (replicas > downLimit) replicas = downLimit;
  return { replicas, upLimit, downLimit, step: describe(input, replicas, upLimit, downLimit) };
}

function describe(input: StabilizeInput, replicas: number, upLimit: number, downLimit: number): RuleStep {
  const detail =
    `recommendation ${input.desiredReplicas}; ` +
    `lowest in the ${fmt(input.upWindowSeconds)} s scale-up window ${upLimit}, ` +
    `highest in the ${fmt(input.downWindowSeconds)} s scale-down window ${downLimit}`;
  if (replicas === input.desiredReplicas) return { rule: "stabilization", detail, effect: "unchanged", replicas };
  const effect =
    input.desiredReplicas >= input.currentReplicas
      ? `scale-up stabilized at ${replicas}: recent recommendations were lower`
      : `scale-down stabilized at ${replicas}: recent recommendations were higher`;
  return { rule: "stabilization", detail, effect, replicas };
}
