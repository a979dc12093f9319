/**
 * Public types of the alerting domain: plain data, so the data layer stores rules, episodes and silences as they are
 * and the console renders them. Times are epoch milliseconds.
 */

export type Labels = Readonly<Record<string, string>>;

export const ALERT_AGGREGATIONS = ["avg", "min", "max", "sum", "last", "rate", "p50", "p95", "p99"] as const;
export type AlertAggregation = (typeof ALERT_AGGREGATIONS)[number];

export const COMPARISONS = ["gt", "ge", "lt", "le"] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const SEVERITIES = ["info", "warning", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A rule as the evaluator needs it: `aggregation(metric{matchers}[windowSeconds]) operator threshold` for forSeconds. */
export interface RuleSpec {
  name: string;
  metric: string;
  matchers: Labels;
  aggregation: AlertAggregation;
  windowSeconds: number;
  operator: Comparison;
  threshold: number;
  forSeconds: number;
  severity: Severity;
  /** Added to every alert of the rule. */
  labels: Labels;
  /** Series labels that split the rule into one alert (and one notification group) each. */
  groupBy: readonly string[];
}

/** One series reduced over the window: its labels and one value. */
export interface SeriesValue {
  labels: Labels;
  value: number;
}

/** What one evaluation saw for one group of series. */
export interface GroupObservation {
  /** The groupBy labels' values (a missing label reads as ""). */
  groupLabels: Labels;
  fingerprint: string;
  value: number;
  breaching: boolean;
  /** The series that fed the value. */
  seriesCount: number;
}

export type AlertState = "pending" | "firing" | "resolved";

/** The open part of an episode the state machine carries between evaluations. */
export interface OpenEpisode {
  state: "pending" | "firing";
  /** When the group first breached in this episode. */
  activeSince: number;
  firedAt: number | null;
  value: number;
}

export interface Transition {
  /** null: the episode begins. */
  from: "pending" | "firing" | null;
  to: AlertState;
  at: number;
  value: number;
  note: string | null;
}

/** Equality matchers; the label "alertname" matches the rule's name. */
export interface SilenceMatcher {
  label: string;
  value: string;
}

export interface SilenceSpec {
  id: string;
  matchers: readonly SilenceMatcher[];
  startsAt: number;
  endsAt: number;
}

/** The one-click fix a rule offers its firing alerts: a fixed target, or one named by the alert's labels. */
export type Remediation =
  | { action: "scale"; resourceId: string; by?: number; to?: number }
  | { action: "drain"; nodeName?: string; nodeFromLabel?: string }
  | { action: "eject"; backendId?: string; backendFromLabel?: string; poolFromLabel?: string };

/** A remediation with its target resolved against one alert's labels. */
export type RemediationTarget =
  | { action: "scale"; resourceId: string; change: { by: number } | { to: number } }
  | { action: "drain"; nodeName: string }
  | { action: "eject"; backend: { id: string } | { pool: string; address: string; port: number } };
