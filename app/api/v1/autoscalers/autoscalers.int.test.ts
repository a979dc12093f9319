/**
 * Autoscalers over the REST contract (as in crud-contract.int.test.ts): 201/200/204/404/409/422, the policy checked by
 * the domain's own validatePolicy with each problem named by its field, a target that must be a container resource,
 * and the decisions the engine records, newest first.
 */
import { beforeEach, describe, expect, test } from "vitest";
import { db } from "@/lib/server/db";
import { call } from "@/lib/testing/api";
import { createTestToken, createTestUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import * as collection from "./route";
import * as item from "./[id]/route";
import * as decisions from "./[id]/decisions/route";

const threshold = { mode: "threshold", minReplicas: 1, maxReplicas: 5, scaleUpThreshold: 50, scaleDownThreshold: 10 };
const cpuTarget = { mode: "target", minReplicas: 2, maxReplicas: 10, metrics: [{ type: "resource", resource: "cpu", targetAverageUtilization: 60 }] };

async function container(name: string) {
  return db.resource.create({
    data: { name, kind: "container", spec: { image: "stratus/demo-http", replicas: 2, resources: { cpuMillis: 250, memoryMiB: 128 }, ports: [], volumes: [], env: {} } },
  });
}

const create = (body: unknown, token?: string | null) => call(collection.POST, "POST", "/api/v1/autoscalers", { body, token });
const at = (id: string) => ({ params: { id } });
const paths = (res: { json: Record<string, unknown> | null }) => (res.json!.errors as Array<{ path: string }>).map((e) => e.path);

let web: { id: string };
beforeEach(async () => {
  await resetDatabase();
  web = await container("web");
});

describe("/api/v1/autoscalers", () => {
  test("POST 201 → GET 200 → PATCH 200 (switch mode, disable) → DELETE 204 → GET 404, each change audited", async () => {
    const created = await create({ name: "web-cpu", targetId: web.id, policy: threshold });
    expect(created.status).toBe(201);
    expect(created.headers.get("etag")).toBe('"1"');
    // Defaults filled in; nothing decided yet.
    expect(created.json).toMatchObject({
      name: "web-cpu",
      targetId: web.id,
      enabled: true,
      version: 1,
      status: null,
      lastScale: null,
      policy: { ...threshold, cooldownMs: 60_000, windowMs: 30_000 },
    });
    const id = created.json!.id as string;
    expect((await call(item.GET, "GET", `/api/v1/autoscalers/${id}`, at(id))).json).toMatchObject({ id, name: "web-cpu" });

    const patched = await call(item.PATCH, "PATCH", "/x", { ...at(id), body: { policy: cpuTarget, enabled: false }, headers: { "if-match": '"1"' } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ version: 2, enabled: false, policy: cpuTarget });

    expect((await call(item.DELETE, "DELETE", "/x", at(id))).status).toBe(204);
    expect((await call(item.GET, "GET", "/x", at(id))).status).toBe(404);
    const audit = await db.auditEvent.findMany({ where: { objectType: "autoscaler" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.verb)).toEqual(["create", "update", "delete"]);
  });

  test.each([
    ["min > max (the domain's rule, on maxReplicas)", { ...threshold, minReplicas: 6, maxReplicas: 3 }, "policy.maxReplicas"],
    ["scale-down threshold not below scale-up", { ...threshold, scaleDownThreshold: 50 }, "policy.scaleDownThreshold"],
    ["a target CPU outside the thresholds", { ...threshold, targetCpu: 80 }, "policy.targetCpu"],
    ["a fractional replica count", { ...threshold, minReplicas: 1.5 }, "policy.minReplicas"],
    ["an unknown mode", { ...threshold, mode: "magic" }, "policy.mode"],
    ["target mode without metrics", { ...cpuTarget, metrics: [] }, "policy.metrics"],
    ["a zero CPU target", { ...cpuTarget, metrics: [{ type: "resource", resource: "cpu", targetAverageUtilization: 0 }] }, "policy.metrics.0.targetAverageUtilization"],
    ["target mode scaling to zero", { ...cpuTarget, minReplicas: 0 }, "policy.minReplicas"],
    ["a stabilization window over an hour", { ...cpuTarget, behavior: { scaleDown: { stabilizationWindowSeconds: 4000 } } }, "policy.behavior.scaleDown.stabilizationWindowSeconds"],
  ])("422 naming the field: %s", async (_, policy, field) => {
    const res = await create({ name: "bad", targetId: web.id, policy });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(paths(res)).toContain(field);
  });

  test("the target must be a container resource: 422 naming targetId for another kind or a missing one", async () => {
    const vm = await db.resource.create({ data: { name: "bastion", kind: "vm", spec: {} } });
    const wrongKind = await create({ name: "a", targetId: vm.id, policy: threshold });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.json!.errors).toEqual([{ path: "targetId", message: expect.stringContaining("only container resources") }]);
    const missing = await create({ name: "a", targetId: "0190f5a0-0000-7000-8000-000000000000", policy: threshold });
    expect(missing.status).toBe(422);
    expect(paths(missing)).toEqual(["targetId"]);
    expect(await db.autoscaler.count()).toBe(0);
  });

  test("409 for a duplicate name, a second autoscaler on one target (naming targetId) and a stale version", async () => {
    const id = (await create({ name: "web-cpu", targetId: web.id, policy: threshold })).json!.id as string;
    const api = await container("api");
    expect(paths(await create({ name: "web-cpu", targetId: api.id, policy: threshold }))).toEqual(["name"]);
    const second = await create({ name: "web-other", targetId: web.id, policy: cpuTarget });
    expect(second.status).toBe(409);
    expect(paths(second)).toEqual(["targetId"]);
    const stale = await call(item.PATCH, "PATCH", "/x", { ...at(id), body: { version: 7, enabled: false } });
    expect(stale.status).toBe(409);
    const badPatch = await call(item.PATCH, "PATCH", "/x", { ...at(id), body: { version: 1, policy: { ...threshold, minReplicas: 9 } } });
    expect(badPatch.status).toBe(422);
    expect(paths(badPatch)).toEqual(["policy.maxReplicas"]);
  });

  test("list: q, enabled and target filters; 400 malformed JSON; 401 anonymous; 403 for a viewer's change", async () => {
    const api = await container("api");
    await create({ name: "web-cpu", targetId: web.id, policy: threshold });
    await create({ name: "api-cpu", targetId: api.id, policy: cpuTarget, enabled: false });
    const list = (query: Record<string, string>) => call(collection.GET, "GET", "/api/v1/autoscalers", { query });
    expect((await list({})).json!.items!.map((a) => a.name)).toEqual(["api-cpu", "web-cpu"]);
    expect((await list({ q: "web" })).json!.items!.map((a) => a.name)).toEqual(["web-cpu"]);
    expect((await list({ enabled: "false" })).json!.items!.map((a) => a.name)).toEqual(["api-cpu"]);
    expect((await list({ targetId: web.id })).json!.items!.map((a) => a.name)).toEqual(["web-cpu"]);
    const selector = await list({ selector: "app=web" });
    expect(selector.status).toBe(422);
    expect(paths(selector)).toEqual(["selector"]);
    expect((await call(collection.POST, "POST", "/api/v1/autoscalers", { rawBody: "{" })).status).toBe(400);
    expect((await call(collection.GET, "GET", "/api/v1/autoscalers", { token: null })).status).toBe(401);
    const viewer = await createTestToken(await createTestUser("viewer"), "viewer");
    expect((await list({})).status).toBe(200);
    expect((await create({ name: "nope", targetId: api.id, policy: threshold }, viewer)).status).toBe(403);
  });
});

describe("/api/v1/autoscalers/{id}/decisions", () => {
  /** A decision as the engine's autoscaler loop records it (lib/server/dal/engine/autoscalers.ts). */
  async function recordDecision(autoscalerId: string, at: Date, current: number, desired: number) {
    const action = desired > current ? "scale_up" : desired < current ? "scale_down" : "none";
    const reason = action === "none" ? "average CPU 30% within thresholds" : "average CPU 80% above 50%";
    const explanation = {
      inputs: { mode: "threshold", now: at.getTime(), currentReplicas: current, windowMs: 30_000, pods: [] },
      steps: [{ rule: "threshold", detail: "80% > 50%", effect: "add 1 (step 1, max 5)", replicas: desired }],
      metrics: [],
      result: { desiredReplicas: desired, action, reason },
      persist: { recommendations: [], events: [] },
      explanation: ["Threshold mode: 2 current replicas, 0 pods observed over the last 30 s.", `Result: ${reason}.`],
    };
    await db.scaleDecision.create({ data: { autoscalerId, at, currentReplicas: current, desiredReplicas: desired, action, reason, explanation } });
  }

  test("newest first with their explanations; limit and from; the status and last scale on the autoscaler", async () => {
    const id = (await create({ name: "web-cpu", targetId: web.id, policy: threshold })).json!.id as string;
    const t0 = Date.parse("2030-01-01T00:00:00Z");
    for (let i = 0; i < 5; i++) await recordDecision(id, new Date(t0 + i * 5000), 2, i === 3 ? 3 : 2);
    await db.autoscaler.update({
      where: { id },
      data: {
        status: { currentReplicas: 3, desiredReplicas: 3, action: "none", reason: "in cooldown", explanation: ["x"], metrics: [], lastDecisionAt: new Date(t0 + 20_000).toISOString() },
        history: { recommendations: [], events: [{ at: t0 + 15_000, fromReplicas: 2, toReplicas: 3 }] },
      },
    });

    const all = await call(decisions.GET, "GET", "/x", at(id));
    expect(all.status).toBe(200);
    expect(all.json!.items!.map((d) => d.at)).toEqual([4, 3, 2, 1, 0].map((i) => new Date(t0 + i * 5000).toISOString()));
    expect(all.json!.items![1]).toMatchObject({
      id: expect.any(String),
      action: "scale_up",
      currentReplicas: 2,
      desiredReplicas: 3,
      explanation: expect.arrayContaining([expect.stringContaining("Threshold mode")]),
      steps: [{ rule: "threshold", detail: "80% > 50%", effect: "add 1 (step 1, max 5)", replicas: 3 }],
      inputs: { mode: "threshold", currentReplicas: 2 },
    });
    const limited = await call(decisions.GET, "GET", "/x", { ...at(id), query: { limit: "2" } });
    expect(limited.json!.items).toHaveLength(2);
    const since = await call(decisions.GET, "GET", "/x", { ...at(id), query: { from: new Date(t0 + 10_000).toISOString() } });
    expect(since.json!.items).toHaveLength(3);

    expect((await call(item.GET, "GET", "/x", at(id))).json).toMatchObject({
      status: { currentReplicas: 3, action: "none", reason: "in cooldown", lastDecisionAt: new Date(t0 + 20_000).toISOString() },
      lastScale: { at: new Date(t0 + 15_000).toISOString(), fromReplicas: 2, toReplicas: 3 },
    });
  });

  test("404 for an unknown autoscaler, 422 for a bad limit or date, 401 anonymous", async () => {
    const missing = "0190f5a0-0000-7000-8000-000000000000";
    expect((await call(decisions.GET, "GET", "/x", at(missing))).status).toBe(404);
    expect((await call(decisions.GET, "GET", "/x", at("not-an-id"))).status).toBe(404);
    const id = (await create({ name: "web-cpu", targetId: web.id, policy: threshold })).json!.id as string;
    const badLimit = await call(decisions.GET, "GET", "/x", { ...at(id), query: { limit: "0" } });
    expect(badLimit.status).toBe(422);
    expect(paths(badLimit)).toEqual(["limit"]);
    expect(paths(await call(decisions.GET, "GET", "/x", { ...at(id), query: { from: "yesterday" } }))).toEqual(["from"]);
    expect((await call(decisions.GET, "GET", "/x", { ...at(id), token: null })).status).toBe(401);
  });

  test("deleting the target resource deletes its autoscaler and decisions", async () => {
    const id = (await create({ name: "web-cpu", targetId: web.id, policy: threshold })).json!.id as string;
    await recordDecision(id, new Date(), 2, 2);
    await db.resource.delete({ where: { id: web.id } });
    expect(await db.autoscaler.count()).toBe(0);
    expect(await db.scaleDecision.count()).toBe(0);
  });
});
