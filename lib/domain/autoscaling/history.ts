import { resolveBehavior } from "./target/defaults";
import type { AutoscalingPolicy, HistoryEntries, ScaleHistory } from "./types";

export const EMPTY_HISTORY: ScaleHistory = { recommendations: [], events: [] };

/** Time of the latest scale event, if any: the start of the threshold-mode cooldown. */
export function lastScaleAt(history: ScaleHistory): number | undefined {
  let latest: number | undefined;
  for (const event of history.events) if (latest === undefined || event.at > latest) latest = event.at;
  return latest;
}

/**
 * The history to store after a decision: `entries` appended (pass `decision.persist`, without its
 * events if the scale could not be applied), then entries no future decision can use dropped.
 * The newest recommendation and event are always kept: an empty recommendation list means "first
 * run" to target mode, and the newest event is the cooldown start.
 * This is the autoscaler's working memory; an audit trail of decisions belongs to the caller.
 */
export function recordDecision(
  history: ScaleHistory,
  entries: HistoryEntries,
  policy: AutoscalingPolicy,
  now: number,
): ScaleHistory {
  const retention = retentionMs(policy);
  return {
    recommendations: keepRecent([...history.recommendations, ...entries.recommendations], now - retention.recommendations),
    events: keepRecent([...history.events, ...entries.events], now - retention.events),
  };
}

function retentionMs(policy: AutoscalingPolicy): { recommendations: number; events: number } {
  if (policy.mode === "threshold") return { recommendations: 0, events: policy.cooldownMs };
  const { scaleUp, scaleDown } = resolveBehavior(policy);
  const periods = [...scaleUp.policies, ...scaleDown.policies].map((p) => p.periodSeconds);
  return {
    recommendations: Math.max(scaleUp.stabilizationWindowSeconds, scaleDown.stabilizationWindowSeconds) * 1000,
    events: Math.max(0, ...periods) * 1000,
  };
}

/** Entries newer than the cutoff (the windows use `at > cutoff`), plus the newest entry. */
function keepRecent<T extends { at: number }>(entries: readonly T[], cutoff: number): T[] {
  let newest: T | undefined;
  for (const entry of entries) if (newest === undefined || entry.at >= newest.at) newest = entry;
  return entries.filter((entry) => entry.at > cutoff || entry === newest);
}
