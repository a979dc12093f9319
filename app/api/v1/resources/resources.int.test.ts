import { beforeEach, describe, expect, test } from "vitest";
import { db } from "@/lib/server/db";
import { call } from "@/lib/testing/api";
import { resetDatabase } from "@/lib/testing/database";
import * as collection from "./route";
import * as item from "./[id]/route";

const vm = (name: string, labels: Record<string, string> = {}) => ({
  name,
  kind: "vm",
  labels,
  spec: { cpu: 2, memoryMiB: 4096, storageGiB: 40, network: "default", os: "linux" },
});
const create = (body: unknown) => call(collection.POST, "POST", "/api/v1/resources", { body });
const patch = (id: string, body: unknown, headers?: Record<string, string>) =>
  call(item.PATCH, "PATCH", `/api/v1/resources/${id}`, { body, params: { id }, headers });

beforeEach(resetDatabase);

describe("POST /api/v1/resources", () => {
  test("201 with id and version, and an audit row in the same transaction", async () => {
    const res = await create(vm("bastion", { tier: "ops" }));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ name: "bastion", kind: "vm", version: 1, labels: { tier: "ops" } });
    expect(res.json!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get("etag")).toBe('"1"');
    const audit = await db.auditEvent.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ verb: "create", objectType: "resource", objectName: "bastion", actorType: "token" });
  });

  test.each([
    ["each kind-specific field is named", { ...vm("x"), spec: { cpu: 0, memoryMiB: 4096, storageGiB: 40, network: "d", os: "linux" } }, "spec.cpu"],
    ["an unknown kind", { name: "x", kind: "mainframe", spec: {} }, "kind"],
    ["a bad name", vm("Not A Name"), "name"],
    ["a container without an image", { name: "c", kind: "container", spec: { resources: { cpuMillis: 1, memoryMiB: 1 } } }, "spec.image"],
    ["a network with a bad CIDR", { name: "n", kind: "network", spec: { cidr: "10.0.0.0/99" } }, "spec.cidr"],
  ])("422 problem+json for %s", async (_, body, path) => {
    const res = await create(body);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json).toMatchObject({ status: 422, title: "Invalid fields" });
    expect((res.json!.errors as Array<{ path: string }>).map((e) => e.path)).toContain(path);
  });

  test("400 for malformed JSON, never a 500", async () => {
    const res = await call(collection.POST, "POST", "/api/v1/resources", { rawBody: "{nope", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ status: 400, type: expect.stringContaining("bad-request") });
  });

  test("422 when the body is not an object", async () => {
    expect((await create([1, 2])).status).toBe(422);
  });

  test("409 for a duplicate name, naming the field", async () => {
    await create(vm("dup"));
    const res = await create(vm("dup"));
    expect(res.status).toBe(409);
    expect(res.json!.errors).toEqual([{ path: "name", message: expect.any(String) }]);
  });

  test("401 without a token, 401 with a wrong one", async () => {
    expect((await call(collection.POST, "POST", "/api/v1/resources", { body: vm("a"), token: null })).status).toBe(401);
    expect((await call(collection.GET, "GET", "/api/v1/resources", { token: "wrong-token-wrong-token" })).status).toBe(401);
  });

  test("409 quota exceeded at maxInstances", async () => {
    await db.quota.create({ data: { scope: "resources", maxInstances: 2 } });
    expect((await create(vm("a"))).status).toBe(201);
    expect((await create(vm("b"))).status).toBe(201);
    const res = await create(vm("c"));
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ title: "Quota exceeded", detail: expect.stringContaining("maxInstances") });
  });

  test("50 concurrent creates against maxInstances = 10 leave exactly 10 (the seed's quota invariant)", async () => {
    await db.quota.create({ data: { scope: "resources", maxInstances: 10 } });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => create(vm(`burst-${i}`))));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(40);
    expect(await db.resource.count()).toBe(10);
  });
});

describe("GET /api/v1/resources", () => {
  beforeEach(async () => {
    for (const [name, labels] of [["alpha", { app: "web" }], ["bravo", { app: "api" }], ["charlie", { app: "web", tier: "edge" }]] as const) {
      await create(vm(name, labels));
    }
    await create({ name: "delta", kind: "storage", spec: { sizeGiB: 10, class: "ssd" } });
  });
  const list = (query: Record<string, string>) => call(collection.GET, "GET", "/api/v1/resources", { query });
  const names = (res: Awaited<ReturnType<typeof list>>) => res.json!.items!.map((i) => i.name);

  test("items and nextCursor, paging through every row exactly once", async () => {
    const first = await list({ limit: "3", sort: "name" });
    expect(names(first)).toEqual(["alpha", "bravo", "charlie"]);
    expect(first.json!.nextCursor).toEqual(expect.any(String));
    const second = await list({ limit: "3", sort: "name", cursor: first.json!.nextCursor as string });
    expect(names(second)).toEqual(["delta"]);
    expect(second.json!.nextCursor).toBeNull();
  });

  test.each([
    [{ q: "AR" }, ["charlie"]],
    [{ kind: "storage" }, ["delta"]],
    [{ selector: "app=web" }, ["alpha", "charlie"]],
    [{ selector: "app=web,tier!=edge" }, ["alpha"]],
    [{ selector: "tier" }, ["charlie"]],
    [{ selector: "!app" }, ["delta"]],
    [{ sort: "-name" }, ["delta", "charlie", "bravo", "alpha"]],
  ])("filters and sorts: %j", async (query, expected) => {
    const res = await list({ sort: "name", ...query });
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(expected);
  });

  test.each([
    [{ sort: "spec" }, "sort"],
    [{ limit: "0" }, "limit"],
    [{ kind: "mainframe" }, "kind"],
    [{ selector: "=x" }, "selector"],
  ])("422 for a bad query %j", async (query, path) => {
    const res = await list(query);
    expect(res.status).toBe(422);
    expect((res.json!.errors as Array<{ path: string }>)[0]!.path).toBe(path);
  });

  test("400 for a cursor this API never returned", async () => {
    expect((await list({ cursor: "garbage" })).status).toBe(400);
  });
});

describe("/api/v1/resources/{id}", () => {
  test("GET 200, 404 for an unknown id and for a malformed one", async () => {
    const { json } = await create(vm("one"));
    const id = json!.id as string;
    expect((await call(item.GET, "GET", `/api/v1/resources/${id}`, { params: { id } })).json).toMatchObject({ name: "one" });
    const unknown = "0190f5a0-0000-7000-8000-000000000000";
    expect((await call(item.GET, "GET", "/x", { params: { id: unknown } })).status).toBe(404);
    expect((await call(item.GET, "GET", "/x", { params: { id: "not-a-uuid" } })).status).toBe(404);
  });

  test("PATCH merges the spec, bumps the version, audits the diff", async () => {
    const { json } = await create(vm("web"));
    const id = json!.id as string;
    const res = await patch(id, { version: 1, spec: { cpu: 8 }, labels: { app: "web" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ version: 2, spec: { cpu: 8, memoryMiB: 4096 }, labels: { app: "web" } });
    const audit = await db.auditEvent.findFirst({ where: { verb: "update" } });
    expect(audit!.diff).toEqual({ spec: expect.any(Object), labels: { before: {}, after: { app: "web" } } });
  });

  test("PATCH with a stale version is 409 and changes nothing; If-Match works too", async () => {
    const { json } = await create(vm("web"));
    const id = json!.id as string;
    expect((await patch(id, { version: 1, labels: { a: "1" } })).status).toBe(200);
    const stale = await patch(id, { version: 1, labels: { a: "2" } });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ title: "Version conflict" });
    expect((await patch(id, { labels: { a: "3" } }, { "if-match": '"1"' })).status).toBe(409);
    const ok = await patch(id, { labels: { a: "3" } }, { "if-match": '"2"' });
    expect(ok.json).toMatchObject({ version: 3, labels: { a: "3" } });
  });

  test("PATCH without a version is 422; a bad spec field is 422 naming it; unknown id 404", async () => {
    const { json } = await create(vm("web"));
    const id = json!.id as string;
    expect((await patch(id, { labels: {} })).status).toBe(422);
    const bad = await patch(id, { version: 1, spec: { os: "plan9" } });
    expect(bad.status).toBe(422);
    expect((bad.json!.errors as Array<{ path: string }>)[0]!.path).toBe("spec.os");
    expect((await patch("0190f5a0-0000-7000-8000-000000000000", { version: 1 })).status).toBe(404);
  });

  test("DELETE 204, then 404; a stale If-Match is 409", async () => {
    const { json } = await create(vm("gone"));
    const id = json!.id as string;
    expect((await call(item.DELETE, "DELETE", "/x", { params: { id }, headers: { "if-match": "7" } })).status).toBe(409);
    expect((await call(item.DELETE, "DELETE", "/x", { params: { id } })).status).toBe(204);
    expect((await call(item.DELETE, "DELETE", "/x", { params: { id } })).status).toBe(404);
    expect(await db.resource.count()).toBe(0);
  });
});
