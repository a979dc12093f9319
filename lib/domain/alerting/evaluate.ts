import { fingerprint } from "./fingerprint";
import type { AlertAggregation, Comparison, GroupObservation, Labels, RuleSpec, SeriesValue } from "./types";

export const COMPARISON_SYMBOL: Record<Comparison, string> = { gt: ">", ge: "≥", lt: "<", le: "≤" };

export function breaches(value: number, operator: Comparison, threshold: number): boolean {
  switch (operator) {
    case "gt":
      return value > threshold;
    case "ge":
      return value >= threshold;
    case "lt":
      return value < threshold;
    case "le":
      return value <= threshold;
  }
}

/**
 * Several series in one group make one value. Each series was already reduced over the window by the rule's
 * aggregation; across series avg takes the mean, min and max the extreme, sum/last/rate add up (like Prometheus's
 * `sum by (…)`), and quantiles take the worst series (merging their buckets needs the raw histograms).
 */
export function combineSeries(aggregation: AlertAggregation, values: readonly number[]): number {
  switch (aggregation) {
    case "avg":
      return values.reduce((a, b) => a + b) / values.length;
    case "min":
      return Math.min(...values);
    case "max":
    case "p50":
    case "p95":
    case "p99":
      return Math.max(...values);
    case "sum":
    case "last":
    case "rate":
      return values.reduce((a, b) => a + b);
  }
}

export const groupLabelsOf = (labels: Labels, groupBy: readonly string[]): Labels =>
  Object.fromEntries(groupBy.map((name) => [name, labels[name] ?? ""]));

/**
 * One evaluation of a rule: split the window's series by the groupBy labels, combine each group into one value and
 * compare it with the threshold. Series without a finite value are left out; a group with none does not appear
 * (no data is not a breach, so its open alert resolves).
 */
export function evaluateRule(rule: Pick<RuleSpec, "aggregation" | "operator" | "threshold" | "groupBy">, series: readonly SeriesValue[]): GroupObservation[] {
  const groups = new Map<string, { groupLabels: Labels; values: number[] }>();
  for (const s of series) {
    if (!Number.isFinite(s.value)) continue;
    const groupLabels = groupLabelsOf(s.labels, rule.groupBy);
    const key = fingerprint(groupLabels);
    const group = groups.get(key) ?? { groupLabels, values: [] };
    group.values.push(s.value);
    groups.set(key, group);
  }
  return [...groups].map(([key, g]) => {
    const value = combineSeries(rule.aggregation, g.values);
    return { groupLabels: g.groupLabels, fingerprint: key, value, breaching: breaches(value, rule.operator, rule.threshold), seriesCount: g.values.length };
  });
}

/** Every label an alert carries: its rule's name and severity, the rule's labels, then the group's. */
export function alertLabels(rule: Pick<RuleSpec, "name" | "severity" | "labels">, groupLabels: Labels): Labels {
  return { alertname: rule.name, severity: rule.severity, ...rule.labels, ...groupLabels };
}
