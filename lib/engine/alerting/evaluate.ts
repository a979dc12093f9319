import "server-only";
import { planRuleEvaluation, type SeriesValue } from "@/lib/domain/alerting";
import type { Ctx } from "@/lib/server/auth/principal";
import { loadEnabledAlertRules, loadLiveSilences, loadOpenAlerts, recordAlertEvaluation, resolveAlertsOfPausedRules, type EngineAlertRule } from "@/lib/server/dal/engine/alerts";
import type { EngineWriteCtx } from "@/lib/server/dal/engine/types";
import { queryMetrics } from "@/lib/server/dal/metrics-query";
import { FencedError } from "../lease";

/** `k="v",…`: the metrics query's label filter (values hold no quotes or commas: the rule schema sees to it). */
const labelFilter = (matchers: Record<string, string>) =>
  Object.entries(matchers)
    .map(([k, v]) => `${k}="${v}"`)
    .join(",");

/**
 * `aggregation(metric{matchers}[window])` per series, read through the metrics query like any reader: one step as
 * wide as the window, ending now (rate and quantiles compare it with the step before, as the query does).
 */
export async function readRuleSeries(ctx: Ctx, rule: EngineAlertRule, now: number): Promise<SeriesValue[]> {
  const { series } = await queryMetrics({
    ctx,
    now,
    query: { name: rule.metric, labels: labelFilter(rule.matchers), from: now - rule.windowSeconds * 1000, to: now, step: rule.windowSeconds, agg: rule.aggregation },
  });
  return series.map((s) => ({ labels: s.labels, value: s.points.at(-1)?.[1] ?? Number.NaN }));
}

export interface EvaluationState {
  /** When each rule was last evaluated (this process): rules are evaluated at most every intervalMs. */
  lastEvaluated: Map<string, number>;
}

/**
 * Evaluate each enabled rule that is due, and store what changed; end the open episodes of paused rules. One rule's
 * failure does not stop the others.
 */
export async function evaluateAlertRules(write: EngineWriteCtx, now: number, state: EvaluationState, options: { intervalMs: number; externalUrl: string }): Promise<string[]> {
  await resolveAlertsOfPausedRules(write, new Date(now));
  const rules = await loadEnabledAlertRules();
  const due = rules.filter((r) => now - (state.lastEvaluated.get(r.id) ?? Number.NEGATIVE_INFINITY) >= options.intervalMs);
  for (const id of state.lastEvaluated.keys()) if (!rules.some((r) => r.id === id)) state.lastEvaluated.delete(id);
  if (due.length === 0) return [];
  const silences = await loadLiveSilences(new Date(now));
  const errors: string[] = [];
  for (const rule of due) {
    state.lastEvaluated.set(rule.id, now);
    try {
      const [series, open] = await Promise.all([readRuleSeries(write.ctx, rule, now), loadOpenAlerts(rule.id)]);
      await recordAlertEvaluation(write, rule, planRuleEvaluation(rule, series, open, silences, now), { now, externalUrl: options.externalUrl });
    } catch (error) {
      if (error instanceof FencedError) throw error;
      errors.push(`${rule.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return errors;
}
