import { COMPARISON_SYMBOL } from "./evaluate";
import type { Labels, RuleSpec } from "./types";

const number = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 4, useGrouping: false });

/** 412.3456 → "412.3", 0.012345 → "0.01235": enough digits to compare with a threshold, no more. */
export const formatValue = (value: number) => (Number.isFinite(value) ? number.format(value) : String(value));

/** `metric{k=v,…}` with the rule's matchers and the group's labels. */
export function selectorText(metric: string, labels: Labels): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`);
  return pairs.length === 0 ? metric : `${metric}{${pairs.join(",")}}`;
}

/** "p95 of stratus_pool_request_duration_ms{pool=web} = 412 > 300 for 60 s" */
export function alertSummary(rule: Pick<RuleSpec, "metric" | "matchers" | "aggregation" | "operator" | "threshold" | "forSeconds" | "windowSeconds">, groupLabels: Labels, value: number): string {
  const selector = selectorText(rule.metric, { ...rule.matchers, ...groupLabels });
  const held = rule.forSeconds > 0 ? ` for ${rule.forSeconds} s` : "";
  return `${rule.aggregation} of ${selector} over ${rule.windowSeconds} s = ${formatValue(value)} ${COMPARISON_SYMBOL[rule.operator]} ${formatValue(rule.threshold)}${held}`;
}

/** The rule itself, for lists: "p95(stratus_pool_request_duration_ms{pool=web}[60s]) > 300 for 60 s". */
export function ruleExpression(rule: Pick<RuleSpec, "metric" | "matchers" | "aggregation" | "operator" | "threshold" | "forSeconds" | "windowSeconds">): string {
  const held = rule.forSeconds > 0 ? ` for ${rule.forSeconds} s` : "";
  return `${rule.aggregation}(${selectorText(rule.metric, rule.matchers)}[${rule.windowSeconds}s]) ${COMPARISON_SYMBOL[rule.operator]} ${formatValue(rule.threshold)}${held}`;
}
