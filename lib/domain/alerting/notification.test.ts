import { describe, expect, test } from "vitest";
import { commonOf, groupAlerts, groupKeyFor, webhookPayload, ZERO_TIME, type NotifiedAlert } from "./notification";

const alert = (status: "firing" | "resolved", labels: Record<string, string>, summary = "s"): NotifiedAlert => ({
  status,
  labels,
  annotations: { summary },
  startsAt: "2026-11-25T10:00:00.000Z",
  endsAt: status === "firing" ? ZERO_TIME : "2026-11-25T10:05:00.000Z",
  generatorURL: "http://console/alerts/1",
  fingerprint: "f",
});

test("group keys name the rule and the group labels in a stable order", () => {
  expect(groupKeyFor("latency", { pool: "web", backend: "b" })).toBe('{}/{alertname="latency"}:{backend="b",pool="web"}');
  expect(groupKeyFor("latency", {})).toBe('{}/{alertname="latency"}:{}');
});

test("commonOf keeps only what every set shares", () => {
  expect(commonOf([{ a: "1", b: "2" }, { a: "1", b: "3" }])).toEqual({ a: "1" });
  expect(commonOf([])).toEqual({});
});

test("groupAlerts puts alerts of one rule with the same group labels together, in first-seen order", () => {
  const groups = groupAlerts([
    { ruleName: "r", groupLabels: { pool: "web" }, id: 1 },
    { ruleName: "r", groupLabels: { pool: "api" }, id: 2 },
    { ruleName: "r", groupLabels: { pool: "web" }, id: 3 },
    { ruleName: "q", groupLabels: { pool: "web" }, id: 4 },
  ]);
  expect(groups.map((g) => g.alerts.map((a) => a.id))).toEqual([[1, 3], [2], [4]]);
});

describe("webhookPayload (Alertmanager v4)", () => {
  test("is firing while any alert fires, with the labels and annotations they share", () => {
    const payload = webhookPayload(
      { groupKey: "k", receiver: "latency", groupLabels: { pool: "web" }, alerts: [alert("firing", { alertname: "latency", pool: "web", n: "1" }), alert("resolved", { alertname: "latency", pool: "web", n: "2" }, "t")] },
      "http://console",
    );
    expect(payload).toMatchObject({
      version: "4",
      groupKey: "k",
      truncatedAlerts: 0,
      status: "firing",
      receiver: "latency",
      groupLabels: { pool: "web" },
      commonLabels: { alertname: "latency", pool: "web" },
      commonAnnotations: {},
      externalURL: "http://console",
    });
    expect(payload.alerts).toHaveLength(2);
  });

  test("is resolved when every alert is", () => {
    expect(webhookPayload({ groupKey: "k", receiver: "r", groupLabels: {}, alerts: [alert("resolved", { a: "1" })] }, "").status).toBe("resolved");
  });
});
