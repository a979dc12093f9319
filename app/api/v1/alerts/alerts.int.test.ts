/**
 * Alerts, remediation and silences over REST: listing with filters, one alert with its history, the one-click fix
 * (scale, eject, drain through the same data layer people use, audited with the alert as cause; operators only;
 * firing alerts only; once), and silences created and expired.
 */
import { beforeEach, describe, expect, test } from "vitest";
import { systemPrincipal } from "@/lib/server/auth/principal";
import { db } from "@/lib/server/db";
import { createAlertRule } from "@/lib/server/dal/alert-rules";
import { countActiveAlerts } from "@/lib/server/dal/alerts";
import { call } from "@/lib/testing/api";
import { createTestToken, createTestUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import * as silenceItem from "../silences/[id]/route";
import * as silences from "../silences/route";
import * as remediate from "./[id]/remediate/route";
import * as item from "./[id]/route";
import * as list from "./route";

const system = { principal: systemPrincipal };
const at = (id: string) => ({ params: { id } });
const paths = (res: { json: Record<string, unknown> | null }) => (res.json!.errors as Array<{ path: string }>).map((e) => e.path);

let web: { id: string };
let tokens: { viewer: string; operator: string };

async function alertFor(ruleId: string, state: "pending" | "firing" | "resolved", labels: Record<string, string> = {}, severity: "warning" | "critical" = "warning") {
  const now = new Date();
  const alert = await db.alert.create({
    data: { ruleId, fingerprint: `fp-${Math.random()}`, labels, state, severity, value: 412, summary: "p95 = 412 > 300", activeSince: now, firedAt: state === "pending" ? null : now, lastEvalAt: now },
  });
  await db.alertEvent.create({ data: { alertId: alert.id, at: now, from: null, to: state, value: 412 } });
  return alert;
}

const scaleRule = (over: Record<string, unknown> = {}) =>
  createAlertRule({ ctx: system, input: { name: "web-latency", metric: "m", threshold: 300, remediation: { action: "scale", resourceId: web.id, by: 1 }, ...over } });

const replicasOf = async (id: string) => ((await db.resource.findUniqueOrThrow({ where: { id } })).spec as { replicas: number }).replicas;

beforeEach(async () => {
  await resetDatabase();
  web = await db.resource.create({
    data: { name: "web", kind: "container", spec: { image: "stratus/demo-http", replicas: 2, resources: { cpuMillis: 250, memoryMiB: 128 }, ports: [], volumes: [], env: {} } },
  });
  tokens = {
    viewer: await createTestToken(await createTestUser("viewer"), "viewer"),
    operator: await createTestToken(await createTestUser("operator"), "operator"),
  };
});

describe("GET /api/v1/alerts", () => {
  test("filters by state (one or several), rule and severity; newest first; each names its rule and its fix", async () => {
    const rule = await scaleRule();
    const other = await createAlertRule({ ctx: system, input: { name: "other", metric: "m", threshold: 1 } });
    const firing = await alertFor(rule.id, "firing", { pool: "web" });
    const resolved = await alertFor(rule.id, "resolved");
    const pending = await alertFor(other.id, "pending", {}, "critical");

    const get = (query: Record<string, string>) => call(list.GET, "GET", "/api/v1/alerts", { query, token: tokens.viewer });
    const ids = async (query: Record<string, string>) => (await get(query)).json!.items!.map((a) => a.id);
    expect(await ids({})).toEqual([pending.id, resolved.id, firing.id]);
    expect(await ids({ state: "firing" })).toEqual([firing.id]);
    expect(await ids({ state: "pending,firing" })).toEqual([pending.id, firing.id]);
    expect(await ids({ ruleId: rule.id })).toEqual([resolved.id, firing.id]);
    expect(await ids({ severity: "critical" })).toEqual([pending.id]);
    expect(await ids({ from: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);

    const first = (await get({ state: "firing" })).json!.items![0]!;
    expect(first).toMatchObject({ ruleName: "web-latency", labels: { pool: "web" }, remediation: { label: "Scale web +1", available: true, reason: null } });
    expect((await get({ state: "resolved" })).json!.items![0]!.remediation).toEqual({
      label: "Scale web +1",
      available: false,
      reason: "Only a firing alert can be remediated; this one is resolved",
    });

    expect(await countActiveAlerts({ ctx: system })).toEqual({ firing: 1, pending: 1 });

    const bad = await get({ state: "burning", severity: "loud" });
    expect(bad.status).toBe(422);
    expect(paths(bad)).toEqual(expect.arrayContaining(["state", "severity"]));
  });

  test("GET /api/v1/alerts/{id} carries the history; an unknown id is a 404", async () => {
    const alert = await alertFor((await scaleRule()).id, "firing");
    const res = await call(item.GET, "GET", "/x", { ...at(alert.id), token: tokens.viewer });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: alert.id, state: "firing", events: [{ from: null, to: "firing", value: 412 }] });
    expect((await call(item.GET, "GET", "/x", at("0192c5f0-0000-7000-8000-000000000001"))).status).toBe(404);
  });
});

describe("POST /api/v1/alerts/{id}/remediate", () => {
  test("scales the workload through the resources data layer, audited with the alert as cause, once", async () => {
    const alert = await alertFor((await scaleRule()).id, "firing");
    const res = await call(remediate.POST, "POST", "/x", { ...at(alert.id), token: tokens.operator });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ action: "scale", summary: "scaled web from 2 to 3 replicas", alert: { remediatedBy: expect.stringMatching(/operator/) } });
    expect(await replicasOf(web.id)).toBe(3);

    const cause = `alert:${alert.id}`;
    const audit = await db.auditEvent.findMany({ where: { cause }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.verb, a.objectType, a.objectName, a.outcome])).toEqual([
      ["update", "resource", "web", "success"],
      ["remediate", "alert", "web-latency", "success"],
    ]);
    expect(audit[0]!.diff).toMatchObject({ spec: { before: { replicas: 2 }, after: { replicas: 3 } } });
    const events = (await call(item.GET, "GET", "/x", at(alert.id))).json!.events as Array<{ note: string | null }>;
    expect(events.at(-1)!.note).toMatch(/^remediated by .*: scaled web from 2 to 3 replicas$/);

    const again = await call(remediate.POST, "POST", "/x", { ...at(alert.id), token: tokens.operator });
    expect(again.status).toBe(409);
    expect(again.json!.detail).toMatch(/^Already remediated by /);
    expect(await replicasOf(web.id)).toBe(3);
  });

  test("a viewer is refused (403, audited) and nothing changes", async () => {
    const alert = await alertFor((await scaleRule()).id, "firing");
    expect((await call(remediate.POST, "POST", "/x", { ...at(alert.id), token: tokens.viewer })).status).toBe(403);
    expect(await replicasOf(web.id)).toBe(2);
    expect(await db.auditEvent.count({ where: { verb: "remediate", outcome: "denied" } })).toBe(1);
    expect((await db.alert.findUniqueOrThrow({ where: { id: alert.id } })).remediatedAt).toBeNull();
  });

  test.each(["pending", "resolved"] as const)("a %s alert is refused with 409", async (state) => {
    const alert = await alertFor((await scaleRule()).id, state);
    const res = await call(remediate.POST, "POST", "/x", { ...at(alert.id), token: tokens.operator });
    expect(res.status).toBe(409);
    expect(res.json!.detail).toBe(`Only a firing alert can be remediated; this one is ${state}.`);
    expect(await replicasOf(web.id)).toBe(2);
  });

  test("an autoscaler's range still holds: refused with 409, the claim released and the failure audited", async () => {
    await db.autoscaler.create({ data: { name: "web-cpu", targetId: web.id, policy: { mode: "threshold", minReplicas: 1, maxReplicas: 2, scaleUpThreshold: 80, scaleDownThreshold: 10 } } });
    const alert = await alertFor((await scaleRule()).id, "firing");
    const res = await call(remediate.POST, "POST", "/x", { ...at(alert.id), token: tokens.operator });
    expect(res.status).toBe(409);
    expect(res.json!.detail).toBe("Cannot scale web: 3 replicas is outside autoscaler web-cpu's range 1–2.");
    expect(await replicasOf(web.id)).toBe(2);
    expect((await db.alert.findUniqueOrThrow({ where: { id: alert.id } })).remediatedAt).toBeNull();
    expect(await db.auditEvent.findFirst({ where: { verb: "remediate", outcome: "failed" } })).toMatchObject({ cause: `alert:${alert.id}` });
  });

  test("a rule without a remediation has nothing to offer: 409", async () => {
    const rule = await createAlertRule({ ctx: system, input: { name: "bare", metric: "m", threshold: 1 } });
    const alert = await alertFor(rule.id, "firing");
    expect((await call(remediate.POST, "POST", "/x", { ...at(alert.id), token: tokens.operator })).status).toBe(409);
  });

  test("eject takes the backend the alert's labels name out of rotation through the backends data layer", async () => {
    const pool = await db.pool.create({ data: { name: "web", healthCheck: {} } });
    const backend = await db.backend.create({ data: { poolId: pool.id, address: "127.0.0.1", port: 40123 } });
    const rule = await createAlertRule({ ctx: system, input: { name: "backend-down", metric: "stratus_backend_healthy", operator: "lt", threshold: 1, remediation: { action: "eject", backendFromLabel: "backend" } } });
    const alert = await alertFor(rule.id, "firing", { pool: "web", backend: "127.0.0.1:40123" });
    expect((await call(list.GET, "GET", "/x", { query: { state: "firing" } })).json!.items![0]!.remediation).toMatchObject({ label: "Eject 127.0.0.1:40123 from web" });

    const res = await call(remediate.POST, "POST", "/x", { ...at(alert.id), token: tokens.operator });
    expect(res.status).toBe(200);
    expect(res.json!.summary).toBe("took 127.0.0.1:40123 out of rotation in web");
    expect(await db.backend.findUniqueOrThrow({ where: { id: backend.id } })).toMatchObject({ disabled: true, version: 2 });
    expect(await db.auditEvent.findFirst({ where: { objectType: "backend", verb: "update" } })).toMatchObject({ cause: `alert:${alert.id}`, objectName: "127.0.0.1:40123" });
  });

  test("a template whose label is missing cannot be carried out: 409 saying which label", async () => {
    const rule = await createAlertRule({ ctx: system, input: { name: "node-hot", metric: "m", threshold: 1, remediation: { action: "drain", nodeFromLabel: "node" } } });
    const alert = await alertFor(rule.id, "firing", {});
    const res = await call(remediate.POST, "POST", "/x", { ...at(alert.id), token: tokens.operator });
    expect(res.status).toBe(409);
    expect(res.json!.detail).toBe('Cannot remediate: the alert has no "node" label to take the target from.');
  });

  test("drain cordons the node the alert names, through the drain data layer", async () => {
    const node = await db.node.create({ data: { name: "node-a1", capacity: { cpuMillis: 1000, memoryMiB: 1024, pods: 10 }, allocatable: { cpuMillis: 1000, memoryMiB: 1024, pods: 10 } } });
    const rule = await createAlertRule({ ctx: system, input: { name: "node-hot", metric: "m", threshold: 1, remediation: { action: "drain", nodeFromLabel: "node" } } });
    const alert = await alertFor(rule.id, "firing", { node: "node-a1" });
    const res = await call(remediate.POST, "POST", "/x", { ...at(alert.id), token: tokens.operator });
    expect(res.status).toBe(200);
    expect(res.json!.summary).toBe("drained node-a1: 0 pods moved");
    expect((await db.node.findUniqueOrThrow({ where: { id: node.id } })).unschedulable).toBe(true);
    expect(await db.auditEvent.findFirst({ where: { objectType: "node", verb: "drain" } })).toMatchObject({ cause: `alert:${alert.id}` });
  });
});

describe("/api/v1/silences", () => {
  const hourFromNow = () => new Date(Date.now() + 3_600_000).toISOString();

  test("POST 201 → listed active → DELETE expires it (204) → listed expired; audited", async () => {
    const body = { matchers: [{ label: "alertname", value: "web-latency" }, { label: "pool", value: "web" }], comment: "deploying web", endsAt: hourFromNow() };
    const created = await call(silences.POST, "POST", "/api/v1/silences", { body, token: tokens.operator });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ matchers: body.matchers, comment: "deploying web", status: "active", createdBy: expect.stringMatching(/operator/) });
    const id = created.json!.id as string;
    const listed = async (state: string) => (await call(silences.GET, "GET", "/x", { query: { state }, token: tokens.viewer })).json!.items!.map((s) => s.id);
    expect(await listed("active")).toEqual([id]);

    expect((await call(silenceItem.DELETE, "DELETE", "/x", { ...at(id), token: tokens.viewer })).status).toBe(403);
    expect((await call(silenceItem.DELETE, "DELETE", "/x", { ...at(id), token: tokens.operator })).status).toBe(204);
    expect(await listed("active")).toEqual([]);
    expect(await listed("expired")).toEqual([id]);
    expect((await call(silenceItem.DELETE, "DELETE", "/x", { ...at(id), token: tokens.operator })).status).toBe(204);
    expect((await db.auditEvent.findMany({ where: { objectType: "silence", outcome: "success" }, orderBy: { id: "asc" } })).map((a) => a.verb)).toEqual(["create", "expire"]);
  });

  test.each([
    ["no matchers", { matchers: [] }, "matchers"],
    ["a matcher without a label", { matchers: [{ label: "", value: "x" }] }, "matchers.0.label"],
    ["no comment", { comment: " " }, "comment"],
    ["an end in the past", { endsAt: new Date(Date.now() - 1000).toISOString() }, "endsAt"],
    ["an end that is not a time", { endsAt: "tomorrow-ish" }, "endsAt"],
  ])("422 naming the field: %s", async (_, change, field) => {
    const res = await call(silences.POST, "POST", "/x", { body: { matchers: [{ label: "alertname", value: "x" }], comment: "why", endsAt: hourFromNow(), ...change } });
    expect(res.status).toBe(422);
    expect(paths(res)).toContain(field);
  });

  test("DELETE of an unknown silence is a 404", async () => {
    expect((await call(silenceItem.DELETE, "DELETE", "/x", at("0192c5f0-0000-7000-8000-000000000001"))).status).toBe(404);
  });
});
