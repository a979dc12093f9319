import type { Labels } from "./types";

/** One alert as the webhook receiver sees it (Alertmanager's webhook `alerts[]`). */
export interface NotifiedAlert {
  status: "firing" | "resolved";
  labels: Labels;
  annotations: Labels;
  startsAt: string;
  /** "0001-01-01T00:00:00Z" while firing, as Alertmanager sends it. */
  endsAt: string;
  generatorURL: string;
  fingerprint: string;
}

/** Alertmanager's webhook payload, version 4, so existing receivers (chat bridges, pagers) read it unchanged. */
export interface WebhookPayload {
  version: "4";
  groupKey: string;
  truncatedAlerts: number;
  status: "firing" | "resolved";
  receiver: string;
  groupLabels: Labels;
  commonLabels: Labels;
  commonAnnotations: Labels;
  externalURL: string;
  alerts: NotifiedAlert[];
}

export const ZERO_TIME = "0001-01-01T00:00:00Z";

const quoted = (labels: Labels) =>
  `{${Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(",")}}`;

/** Notifications group by rule and its groupBy labels: one group key per (rule, group label values). */
export function groupKeyFor(ruleName: string, groupLabels: Labels): string {
  return `{}/{alertname=${JSON.stringify(ruleName)}}:${quoted(groupLabels)}`;
}

/** The labels (or annotations) every alert shares with the same value. */
export function commonOf(sets: readonly Labels[]): Labels {
  if (sets.length === 0) return {};
  const [first, ...rest] = sets;
  return Object.fromEntries(Object.entries(first!).filter(([k, v]) => rest.every((s) => s[k] === v)));
}

/** Put changed alerts into their notification groups, in first-seen order. */
export function groupAlerts<A extends { ruleName: string; groupLabels: Labels }>(alerts: readonly A[]): Array<{ groupKey: string; alerts: A[] }> {
  const groups = new Map<string, A[]>();
  for (const a of alerts) {
    const key = groupKeyFor(a.ruleName, a.groupLabels);
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups].map(([groupKey, members]) => ({ groupKey, alerts: members }));
}

export function webhookPayload(group: { groupKey: string; receiver: string; groupLabels: Labels; alerts: NotifiedAlert[] }, externalURL: string): WebhookPayload {
  return {
    version: "4",
    groupKey: group.groupKey,
    truncatedAlerts: 0,
    status: group.alerts.some((a) => a.status === "firing") ? "firing" : "resolved",
    receiver: group.receiver,
    groupLabels: group.groupLabels,
    commonLabels: commonOf(group.alerts.map((a) => a.labels)),
    commonAnnotations: commonOf(group.alerts.map((a) => a.annotations)),
    externalURL,
    alerts: group.alerts,
  };
}
