import type { Tone } from "@/components/ui/badge";
import type { AlertState, Severity } from "@/lib/domain/alerting";

export const severityTone: Record<Severity, Tone> = { critical: "bad", warning: "warn", info: "info" };
export const stateTone: Record<AlertState, Tone> = { firing: "bad", pending: "warn", resolved: "good" };

const severityRank: Record<Severity, number> = { critical: 2, warning: 1, info: 0 };

interface Grouped<A> {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  firing: number;
  alerts: A[];
}

/**
 * Active alerts by rule, the loudest first: groups with firing alerts before those only pending, then by severity
 * and name; within a group firing before pending, oldest first (the longest-running problem leads).
 */
export function groupByRule<A extends { ruleId: string; ruleName: string; severity: Severity; state: AlertState; activeSince: string }>(alerts: readonly A[]): Array<Grouped<A>> {
  const groups = new Map<string, Grouped<A>>();
  for (const a of alerts) {
    const g = groups.get(a.ruleId) ?? { ruleId: a.ruleId, ruleName: a.ruleName, severity: a.severity, firing: 0, alerts: [] };
    g.alerts.push(a);
    if (a.state === "firing") g.firing++;
    if (severityRank[a.severity] > severityRank[g.severity]) g.severity = a.severity;
    groups.set(a.ruleId, g);
  }
  const stateRank = (a: A) => (a.state === "firing" ? 0 : 1);
  for (const g of groups.values()) g.alerts.sort((x, y) => stateRank(x) - stateRank(y) || x.activeSince.localeCompare(y.activeSince));
  return [...groups.values()].sort(
    (x, y) => Number(y.firing > 0) - Number(x.firing > 0) || severityRank[y.severity] - severityRank[x.severity] || x.ruleName.localeCompare(y.ruleName),
  );
}
