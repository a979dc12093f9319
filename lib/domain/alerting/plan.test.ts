import { describe, expect, test } from "vitest";
import { fingerprint } from "./fingerprint";
import { planRuleEvaluation, type OpenAlert } from "./plan";
import type { RuleSpec, SilenceSpec } from "./types";

const rule: RuleSpec = {
  name: "latency",
  metric: "stratus_pool_request_duration_ms",
  matchers: {},
  aggregation: "p95",
  windowSeconds: 60,
  operator: "gt",
  threshold: 300,
  forSeconds: 60,
  severity: "warning",
  labels: { team: "web" },
  groupBy: ["pool"],
};
const web = fingerprint({ pool: "web" });
const labels = { alertname: "latency", severity: "warning", team: "web", pool: "web" };
const series = (value: number, pool = "web") => [{ labels: { pool }, value }];
const openAlert = (state: "pending" | "firing", over: Partial<OpenAlert> = {}): OpenAlert => ({
  id: "a1",
  fingerprint: web,
  labels,
  episode: { state, activeSince: 0, firedAt: state === "firing" ? 60_000 : null, value: 400 },
  silencedBy: null,
  ...over,
});
const silence: SilenceSpec = { id: "s1", matchers: [{ label: "alertname", value: "latency" }], startsAt: 0, endsAt: 1e12 };

describe("planRuleEvaluation", () => {
  test("a first breach opens a pending episode with its labels and summary; quiet groups store nothing", () => {
    const [write, ...rest] = planRuleEvaluation(rule, [...series(412), ...series(100, "api")], [], [], 1_000);
    expect(rest).toEqual([]);
    expect(write).toEqual({
      id: null,
      fingerprint: web,
      labels,
      groupLabels: { pool: "web" },
      state: "pending",
      value: 412,
      summary: "p95 of stratus_pool_request_duration_ms{pool=web} over 60 s = 412 > 300 for 60 s",
      activeSince: 1_000,
      firedAt: null,
      resolvedAt: null,
      silencedBy: null,
      transitions: [{ from: null, to: "pending", at: 1_000, value: 412, note: null }],
      notify: null,
    });
  });

  test("pending → firing asks for a firing notification; an open one without a change just follows the value", () => {
    const [fired] = planRuleEvaluation(rule, series(450), [openAlert("pending")], [], 61_000);
    expect(fired).toMatchObject({ id: "a1", state: "firing", firedAt: 61_000, notify: "firing", transitions: [{ from: "pending", to: "firing" }] });
    const [same] = planRuleEvaluation(rule, series(480), [openAlert("firing")], [], 70_000);
    expect(same).toMatchObject({ id: "a1", state: "firing", value: 480, firedAt: 60_000, transitions: [], notify: null });
  });

  test("a fired alert resolves with a notification, also when its series are gone", () => {
    const [resolved] = planRuleEvaluation(rule, series(100), [openAlert("firing")], [], 90_000);
    expect(resolved).toMatchObject({ state: "resolved", resolvedAt: 90_000, firedAt: 60_000, value: 100, notify: "resolved" });
    const [gone] = planRuleEvaluation(rule, [], [openAlert("firing")], [], 90_000);
    expect(gone).toMatchObject({ state: "resolved", value: 400, groupLabels: { pool: "web" }, notify: "resolved", transitions: [{ note: "no series matched" }] });
  });

  test("a pending episode that clears resolves without a notification (it never fired)", () => {
    const [cleared] = planRuleEvaluation(rule, series(100), [openAlert("pending")], [], 20_000);
    expect(cleared).toMatchObject({ state: "resolved", firedAt: null, notify: null });
  });

  test("a silence mutes the notification, and the history says which silence did", () => {
    const [fired] = planRuleEvaluation({ ...rule, forSeconds: 0 }, series(500), [], [silence], 5_000);
    expect(fired).toMatchObject({ state: "firing", silencedBy: "s1", notify: null, transitions: [{ to: "firing", note: "notification muted by silence s1" }] });
    const [resolved] = planRuleEvaluation(rule, series(1), [openAlert("firing")], [silence], 5_000);
    expect(resolved!.transitions[0]!.note).toBe("no longer breaching; notification muted by silence s1");
    const [pending] = planRuleEvaluation(rule, series(500), [], [silence], 5_000);
    expect(pending).toMatchObject({ silencedBy: "s1", notify: null, transitions: [{ note: null }] });
  });
});
