/**
 * Alert rules over the REST contract: create with defaults, read, PATCH with a version (stale → 409), delete, each
 * change audited; every invalid field named in a 422; a remediation's fixed target must exist.
 */
import { beforeEach, describe, expect, test } from "vitest";
import { db } from "@/lib/server/db";
import { call } from "@/lib/testing/api";
import { createTestToken, createTestUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import * as collection from "./route";
import * as item from "./[id]/route";

const create = (body: unknown, token?: string | null) => call(collection.POST, "POST", "/api/v1/alert-rules", { body, token });
const at = (id: string) => ({ params: { id } });
const paths = (res: { json: Record<string, unknown> | null }) => (res.json!.errors as Array<{ path: string }>).map((e) => e.path);
const latency = { name: "web-latency", metric: "stratus_pool_request_duration_ms", matchers: { pool: "web" }, aggregation: "p95", operator: "gt", threshold: 300, forSeconds: 60 };

let web: { id: string };
beforeEach(async () => {
  await resetDatabase();
  web = await db.resource.create({
    data: { name: "web", kind: "container", spec: { image: "stratus/demo-http", replicas: 2, resources: { cpuMillis: 250, memoryMiB: 128 }, ports: [], volumes: [], env: {} } },
  });
});

describe("/api/v1/alert-rules", () => {
  test("POST 201 with defaults → GET → PATCH (If-Match) → stale PATCH 409 → DELETE 204 → 404, each change audited", async () => {
    const created = await create({ ...latency, remediation: { action: "scale", resourceId: web.id, by: 1 } });
    expect(created.status).toBe(201);
    expect(created.headers.get("etag")).toBe('"1"');
    expect(created.json).toMatchObject({
      ...latency,
      windowSeconds: 60,
      severity: "warning",
      labels: {},
      groupBy: [],
      enabled: true,
      webhookUrl: null,
      description: null,
      remediation: { action: "scale", resourceId: web.id, by: 1 },
      expression: "p95(stratus_pool_request_duration_ms{pool=web}[60s]) > 300 for 60 s",
      version: 1,
    });
    const id = created.json!.id as string;
    expect((await call(item.GET, "GET", "/x", at(id))).json).toMatchObject({ id, name: "web-latency" });

    const patched = await call(item.PATCH, "PATCH", "/x", { ...at(id), body: { threshold: 500, severity: "critical", remediation: null }, headers: { "if-match": '"1"' } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ version: 2, threshold: 500, severity: "critical", remediation: null });

    const stale = await call(item.PATCH, "PATCH", "/x", { ...at(id), body: { version: 1, threshold: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toBe("application/problem+json");
    expect((await db.alertRule.findUniqueOrThrow({ where: { id } })).threshold).toBe(500);

    expect((await call(item.DELETE, "DELETE", "/x", { ...at(id), headers: { "if-match": '"1"' } })).status).toBe(409);
    expect((await call(item.DELETE, "DELETE", "/x", { ...at(id), headers: { "if-match": '"2"' } })).status).toBe(204);
    expect((await call(item.GET, "GET", "/x", at(id))).status).toBe(404);
    const audit = await db.auditEvent.findMany({ where: { objectType: "alert-rule" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.verb)).toEqual(["create", "update", "delete"]);
  });

  test("a duplicate name is a 409", async () => {
    expect((await create(latency)).status).toBe(201);
    expect((await create(latency)).status).toBe(409);
  });

  test.each([
    ["a metric name with spaces", { metric: "pool latency" }, "metric"],
    ["an unknown aggregation", { aggregation: "median" }, "aggregation"],
    ["an unknown operator", { operator: "ne" }, "operator"],
    ["a threshold that is not a number", { threshold: "high" }, "threshold"],
    ["a window under 10 s", { windowSeconds: 5 }, "windowSeconds"],
    ["a negative for-duration", { forSeconds: -1 }, "forSeconds"],
    ["an unknown severity", { severity: "page" }, "severity"],
    ["a matcher value the query cannot express", { matchers: { pool: 'a,"b"' } }, "matchers"],
    ["a label that would override alertname", { labels: { alertname: "other" } }, "labels"],
    ["groupBy listing a label twice", { groupBy: ["pool", "pool"] }, "groupBy"],
    ["a webhook that is not http(s)", { webhookUrl: "ftp://example.com/hook" }, "webhookUrl"],
    ["a scale remediation with both by and to", { remediation: { action: "scale", resourceId: "0192c5f0-0000-7000-8000-000000000001", by: 1, to: 3 } }, "remediation.by"],
    ["a drain remediation without a node", { remediation: { action: "drain" } }, "remediation.nodeName"],
    ["an eject remediation without a backend", { remediation: { action: "eject", poolFromLabel: "pool" } }, "remediation.backendId"],
    ["an unknown remediation", { remediation: { action: "reboot" } }, "remediation.action"],
  ])("422 naming the field: %s", async (_, change, field) => {
    const res = await create({ ...latency, ...change });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(paths(res)).toContain(field);
  });

  test("a fixed remediation target must exist (and a scale target must have replicas): 422 naming it", async () => {
    const vm = await db.resource.create({ data: { name: "bastion", kind: "vm", spec: {} } });
    const cases: Array<[object, string]> = [
      [{ action: "scale", resourceId: "0192c5f0-0000-7000-8000-000000000001", by: 1 }, "remediation.resourceId"],
      [{ action: "scale", resourceId: vm.id, by: 1 }, "remediation.resourceId"],
      [{ action: "drain", nodeName: "node-x" }, "remediation.nodeName"],
      [{ action: "eject", backendId: "0192c5f0-0000-7000-8000-000000000001" }, "remediation.backendId"],
    ];
    for (const [remediation, field] of cases) {
      const res = await create({ ...latency, remediation });
      expect(res.status, JSON.stringify(remediation)).toBe(422);
      expect(paths(res)).toEqual([field]);
    }
    // A template is checked when it runs, against the alert's labels.
    expect((await create({ ...latency, remediation: { action: "eject", backendFromLabel: "backend" } })).status).toBe(201);
  });

  test("a viewer reads rules but may not write them (403, audited)", async () => {
    const viewer = await createTestToken(await createTestUser("viewer"), "viewer");
    expect((await create(latency)).status).toBe(201);
    expect((await call(collection.GET, "GET", "/api/v1/alert-rules", { token: viewer })).json!.items).toHaveLength(1);
    expect((await create({ ...latency, name: "other" }, viewer)).status).toBe(403);
    expect(await db.auditEvent.count({ where: { objectType: "alert-rule", outcome: "denied" } })).toBe(1);
  });
});
