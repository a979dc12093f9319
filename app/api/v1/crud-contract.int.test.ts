/**
 * The REST contract every v1 collection shares: 201/200/204 on success, 400/401/404/409/422 problem+json on bad input.
 * Resource-specific behaviour (quota, spec merge, selectors) is in resources/resources.int.test.ts.
 */
import { beforeEach, describe, expect, test } from "vitest";
import { call } from "@/lib/testing/api";
import { resetDatabase } from "@/lib/testing/database";
import * as nodes from "./nodes/route";
import * as node from "./nodes/[id]/route";
import * as pods from "./pods/route";
import * as pod from "./pods/[id]/route";
import * as pools from "./pools/route";
import * as pool from "./pools/[id]/route";

type Handlers = { GET: never; POST?: never; PATCH?: never; DELETE?: never };

interface Contract {
  name: string;
  path: string;
  collection: Record<string, unknown>;
  item: Record<string, unknown>;
  valid: (n: number) => Record<string, unknown>;
  invalid: { body: Record<string, unknown>; field: string };
  patch: { body: Record<string, unknown>; expect: Record<string, unknown> };
  badPatch: { body: Record<string, unknown>; field: string };
}

const contracts: Contract[] = [
  {
    name: "nodes",
    path: "/api/v1/nodes",
    collection: nodes,
    item: node,
    valid: (n) => ({ name: `node-${n}`, capacity: { cpuMillis: 4000, memoryMiB: 8192, pods: 32 }, labels: { zone: `z${n % 2}` } }),
    invalid: { body: { name: "node-x", capacity: { cpuMillis: 4000, memoryMiB: 8192, pods: 32 }, allocatable: { cpuMillis: 5000, memoryMiB: 1, pods: 1 } }, field: "allocatable.cpuMillis" },
    patch: { body: { unschedulable: true, taints: [{ key: "gpu", effect: "NoSchedule" }] }, expect: { unschedulable: true, taints: [{ key: "gpu", effect: "NoSchedule" }] } },
    badPatch: { body: { taints: [{ key: "gpu", effect: "Sometimes" }] }, field: "taints.0.effect" },
  },
  {
    name: "pods",
    path: "/api/v1/pods",
    collection: pods,
    item: pod,
    valid: (n) => ({ name: `pod-${n}`, requests: { cpuMillis: 100, memoryMiB: 64 }, containers: [{ name: "app", image: "stratus/demo-http" }], labels: { zone: `z${n % 2}` } }),
    invalid: { body: { name: "pod-x", requests: { cpuMillis: -1, memoryMiB: 64 }, containers: [] }, field: "requests.cpuMillis" },
    patch: { body: { phase: "running", ready: true }, expect: { phase: "running", ready: true } },
    badPatch: { body: { phase: "exploded" }, field: "phase" },
  },
  {
    name: "pools",
    path: "/api/v1/pools",
    collection: pools,
    item: pool,
    valid: (n) => ({ name: `pool-${n}`, algorithm: "least_connections", labels: { zone: `z${n % 2}` } }),
    invalid: { body: { name: "pool-x", algorithm: "random" }, field: "algorithm" },
    patch: { body: { algorithm: "ip_hash", listenPort: 18080 }, expect: { algorithm: "ip_hash", listenPort: 18080 } },
    badPatch: { body: { healthCheck: { intervalMs: 1000, timeoutMs: 5000 } }, field: "healthCheck.timeoutMs" },
  },
];

const h = (mod: Record<string, unknown>, method: string) => (mod as unknown as Record<string, Handlers["GET"]>)[method]!;
const paths = (res: { json: Record<string, unknown> | null }) => (res.json!.errors as Array<{ path: string }>).map((e) => e.path);

beforeEach(resetDatabase);

describe.each(contracts)("$path", (c) => {
  const create = (body: unknown) => call(h(c.collection, "POST"), "POST", c.path, { body });
  const at = (id: string) => ({ params: { id } });

  test("POST 201 → GET 200 → PATCH 200 → DELETE 204 → GET 404", async () => {
    const created = await create(c.valid(1));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: expect.any(String), version: 1 });
    const id = created.json!.id as string;
    expect((await call(h(c.item, "GET"), "GET", `${c.path}/${id}`, at(id))).json).toMatchObject({ id });
    const patched = await call(h(c.item, "PATCH"), "PATCH", `${c.path}/${id}`, { ...at(id), body: { version: 1, ...c.patch.body } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ version: 2, ...c.patch.expect });
    expect((await call(h(c.item, "DELETE"), "DELETE", `${c.path}/${id}`, at(id))).status).toBe(204);
    expect((await call(h(c.item, "GET"), "GET", `${c.path}/${id}`, at(id))).status).toBe(404);
  });

  test("422 naming the field on create and on patch; 409 on a stale version and a duplicate name", async () => {
    const bad = await create(c.invalid.body);
    expect(bad.status).toBe(422);
    expect(paths(bad)).toContain(c.invalid.field);
    const id = (await create(c.valid(1))).json!.id as string;
    const badPatch = await call(h(c.item, "PATCH"), "PATCH", "/x", { ...at(id), body: { version: 1, ...c.badPatch.body } });
    expect(badPatch.status).toBe(422);
    expect(paths(badPatch)).toContain(c.badPatch.field);
    expect((await call(h(c.item, "PATCH"), "PATCH", "/x", { ...at(id), body: { version: 9 } })).status).toBe(409);
    expect((await create(c.valid(1))).status).toBe(409);
  });

  test("list: items + nextCursor pages, q and label selector; 400 malformed JSON; 401 anonymous", async () => {
    for (let i = 1; i <= 3; i++) expect((await create(c.valid(i))).status).toBe(201);
    const first = await call(h(c.collection, "GET"), "GET", c.path, { query: { limit: "2", sort: "name" } });
    expect(first.json!.items).toHaveLength(2);
    const rest = await call(h(c.collection, "GET"), "GET", c.path, { query: { limit: "2", sort: "name", cursor: first.json!.nextCursor as string } });
    expect(rest.json).toMatchObject({ nextCursor: null });
    expect(rest.json!.items).toHaveLength(1);
    const q = await call(h(c.collection, "GET"), "GET", c.path, { query: { q: "-2" } });
    expect(q.json!.items!.map((i) => i.name)).toEqual([`${c.path.split("/").pop()!.slice(0, -1)}-2`]);
    const sel = await call(h(c.collection, "GET"), "GET", c.path, { query: { selector: "zone=z1" } });
    expect(sel.json!.items).toHaveLength(2);
    expect((await call(h(c.collection, "POST"), "POST", c.path, { rawBody: "{" })).status).toBe(400);
    expect((await call(h(c.collection, "GET"), "GET", c.path, { token: null })).status).toBe(401);
  });
});

describe("/api/v1/pools/{id}/backends", () => {
  test("create, list, patch, delete under a pool; 404 for another pool's backend; 422 bad address", async () => {
    const backends = await import("./pools/[id]/backends/route");
    const backend = await import("./pools/[id]/backends/[backendId]/route");
    const p1 = (await call(pools.POST, "POST", "/api/v1/pools", { body: { name: "p1" } })).json!.id as string;
    const p2 = (await call(pools.POST, "POST", "/api/v1/pools", { body: { name: "p2" } })).json!.id as string;
    const created = await call(backends.POST, "POST", "/x", { params: { id: p1 }, body: { address: "127.0.0.1", port: 9101, weight: 3 } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ poolId: p1, weight: 3, maxConnections: 1000, health: "unknown", version: 1 });
    const bid = created.json!.id as string;
    const dup = await call(backends.POST, "POST", "/x", { params: { id: p1 }, body: { address: "127.0.0.1", port: 9101 } });
    expect(dup.status).toBe(409);
    expect(paths(dup)).toEqual(["address", "port"]);
    const bad = await call(backends.POST, "POST", "/x", { params: { id: p1 }, body: { address: "not an address!", port: 70000 } });
    expect(bad.status).toBe(422);
    expect(paths(bad)).toEqual(expect.arrayContaining(["address", "port"]));
    expect((await call(backends.GET, "GET", "/x", { params: { id: p1 } })).json!.items).toHaveLength(1);
    expect((await call(backends.GET, "GET", "/x", { params: { id: p2 } })).json!.items).toHaveLength(0);
    expect((await call(backend.GET, "GET", "/x", { params: { id: p2, backendId: bid } })).status).toBe(404);
    const patched = await call(backend.PATCH, "PATCH", "/x", { params: { id: p1, backendId: bid }, body: { weight: 5 }, headers: { "if-match": '"1"' } });
    expect(patched.json).toMatchObject({ weight: 5, version: 2 });
    expect((await call(backend.DELETE, "DELETE", "/x", { params: { id: p1, backendId: bid } })).status).toBe(204);
    const missingPool = "0190f5a0-0000-7000-8000-000000000000";
    expect((await call(backends.POST, "POST", "/x", { params: { id: missingPool }, body: { address: "127.0.0.1", port: 1 } })).status).toBe(404);
  });

  test("a pod bound to a missing node is 422 on nodeName", async () => {
    const res = await call(pods.POST, "POST", "/api/v1/pods", {
      body: { name: "p", requests: { cpuMillis: 1, memoryMiB: 1 }, containers: [{ name: "a", image: "i" }], nodeName: "nowhere" },
    });
    expect(res.status).toBe(422);
    expect(paths(res)).toEqual(["nodeName"]);
  });
});
