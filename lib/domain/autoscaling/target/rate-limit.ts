import type { HpaRatePolicy, RuleStep, ScaleEvent } from "../types";
import type { ResolvedRules } from "./defaults";

export type Direction = "up" | "down";

/** HPA getReplicasChangePerPeriod: replicas added (or removed) by events newer than the period. */
export function replicasChangedInPeriod(
  events: readonly ScaleEvent[],
  direction: Direction,
  periodSeconds: number,
  now: number,
): number {
  const cutoff = now - periodSeconds * 1000;
  let total = 0;
  for (const event of events) {
    if (!(event.at > cutoff)) continue;
    const change = event.toReplicas - event.fromReplicas;
    if (direction === "up" ? change > 0 : change < 0) total += Math.abs(change);
  }
  return total;
}

export interface PolicyLimit {
  policy: HpaRatePolicy;
  /** current − added in period + deleted in period: the count the period started from. */
  periodStart: number;
  proposed: number;
}

export interface DirectionLimit {
  limit: number;
  policies: PolicyLimit[];
}

/**
 * HPA calculateScaleUpLimitWithScalingRules / calculateScaleDownLimitWithBehaviors. Up: Pods
 * start+v, Percent ceil(start·(1+v/100)). Down: Pods start−v, Percent trunc(start·(1−v/100)).
 * Max picks the largest change, Min the smallest; Disabled allows none (limit = current).
 */
export function directionLimit(
  direction: Direction,
  currentReplicas: number,
  events: readonly ScaleEvent[],
  rules: ResolvedRules,
  now: number,
): DirectionLimit {
  if (rules.selectPolicy === "Disabled") return { limit: currentReplicas, policies: [] };
  const policies = rules.policies.map((policy): PolicyLimit => {
    const added = replicasChangedInPeriod(events, "up", policy.periodSeconds, now);
    const deleted = replicasChangedInPeriod(events, "down", policy.periodSeconds, now);
    const periodStart = currentReplicas - added + deleted;
    return { policy, periodStart, proposed: propose(direction, policy, periodStart) };
  });
  const proposals = policies.map((p) => p.proposed);
  // For scale-down the largest change is the lowest count, so Max/Min swap.
  const pickHighest = (rules.selectPolicy === "Max") === (direction === "up");
  return { limit: pickHighest ? Math.max(...proposals) : Math.min(...proposals), policies };
}

function propose(direction: Direction, policy: HpaRatePolicy, start: number): number {
  if (direction === "up") {
    return policy.type === "Pods" ? start + policy.value : Math.ceil(start * (1 + policy.value / 100));
  }
  return policy.type === "Pods" ? start - policy.value : Math.trunc(start * (1 - policy.value / 100));
}

export interface RateLimitInput {
  currentReplicas: number;
  desiredReplicas: number;
  minReplicas: number;
  maxReplicas: number;
  scaleUp: ResolvedRules;
  scaleDown: ResolvedRules;
  events: readonly ScaleEvent[];
  now: number;
}

export type LimitReason = "ScaleUpLimit" | "TooManyReplicas" | "ScaleDownLimit" | "TooFewReplicas" | "DesiredWithinRange";

export interface RateLimited {
  replicas: number;
  reason: LimitReason;
  step: RuleStep;
}

const MESSAGES: Record<LimitReason, string> = {
  ScaleUpLimit: "the desired replica count is increasing faster than the maximum scale rate",
  TooManyReplicas: "the desired replica count is more than the maximum replica count",
  ScaleDownLimit: "the desired replica count is decreasing faster than the maximum scale rate",
  TooFewReplicas: "the desired replica count is less than the minimum replica count",
  DesiredWithinRange: "the desired count is within the acceptable range",
};

/**
 * HPA convertDesiredReplicasWithBehaviorRate: the rate limit of the direction, never below the
 * current count when scaling up (nor above it when scaling down), and then [min, max].
 */
export function applyRateLimits(input: RateLimitInput): RateLimited {
  const { currentReplicas: current, desiredReplicas: desired, now, events } = input;
  if (desired > current) {
    const up = directionLimit("up", current, events, input.scaleUp, now);
    const limit = Math.max(up.limit, current);
    const [allowed, reason]: [number, LimitReason] =
      input.maxReplicas > limit ? [limit, "ScaleUpLimit"] : [input.maxReplicas, "TooManyReplicas"];
    if (desired > allowed) return result(allowed, reason, describeLimits("up", input.scaleUp, up, allowed));
  } else if (desired < current) {
    const down = directionLimit("down", current, events, input.scaleDown, now);
    const limit = Math.min(down.limit, current);
    const [allowed, reason]: [number, LimitReason] =
      input.minReplicas < limit ? [limit, "ScaleDownLimit"] : [input.minReplicas, "TooFewReplicas"];
    if (desired < allowed) return result(allowed, reason, describeLimits("down", input.scaleDown, down, allowed));
  }
  return result(desired, "DesiredWithinRange", `${desired} replicas`);
}

function result(replicas: number, reason: LimitReason, detail: string): RateLimited {
  const effect =
    reason === "DesiredWithinRange" ? `unchanged: ${MESSAGES[reason]}` : `${reason}: ${MESSAGES[reason]}; capped at ${replicas}`;
  return { replicas, reason, step: { rule: "rate_limit", detail, effect, replicas } };
}

function describeLimits(direction: Direction, rules: ResolvedRules, limit: DirectionLimit, allowed: number): string {
  if (rules.selectPolicy === "Disabled") {
    return `scale-${direction} is disabled (selectPolicy Disabled); allowed ${allowed}`;
  }
  const each = limit.policies
    .map(({ policy, periodStart, proposed }) => {
      return `${policy.type} ${policy.value}/${policy.periodSeconds}s from ${periodStart} → ${proposed}`;
    })
    .join(", ");
  return `scale-${direction} policies ${each}; selectPolicy ${rules.selectPolicy} → ${limit.limit}; allowed ${allowed}`;
}
