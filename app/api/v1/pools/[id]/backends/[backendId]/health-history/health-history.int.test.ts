/** A backend's health history over the REST route: newest first, paged by cursor, scoped to its pool, 4xx on bad input. */
import { beforeEach, expect, test } from "vitest";
import { systemPrincipal, type Ctx } from "@/lib/server/auth/principal";
import { db } from "@/lib/server/db";
import { createBackend } from "@/lib/server/dal/backends";
import { createPool } from "@/lib/server/dal/pools";
import { call } from "@/lib/testing/api";
import { createTestToken, createTestUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import * as route from "./route";

const system: Ctx = { principal: systemPrincipal };
const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

beforeEach(resetDatabase);

async function backendWithHistory(steps: number) {
  const pool = await createPool({ ctx: system, input: { name: "web" } });
  const backend = await createBackend({ ctx: system, poolId: pool.id, input: { address: "127.0.0.1", port: 18080 } });
  const states = ["healthy", "unhealthy"] as const;
  for (let i = 0; i < steps; i++) {
    await db.healthTransition.create({
      data: { backendId: backend.id, poolId: pool.id, from: i === 0 ? "unknown" : states[(i + 1) % 2]!, to: states[i % 2]!, reason: i % 2 ? "timeout" : "passed", detail: i % 2 ? "no answer in 2000 ms" : "HTTP 200", at: new Date(T0 + i * 1000) },
    });
  }
  return { pool, backend };
}

const get = (params: Record<string, string>, query: Record<string, string> = {}, token?: string | null) =>
  call(route.GET, "GET", `/api/v1/pools/${params.id}/backends/${params.backendId}/health-history`, { params, query, token });

test("newest first, a page at a time, each transition once", async () => {
  const { pool, backend } = await backendWithHistory(5);
  const params = { id: pool.id, backendId: backend.id };
  const first = await get(params, { limit: "2" });
  expect(first.status).toBe(200);
  expect(first.json!.items!.map((t) => t.at)).toEqual([new Date(T0 + 4000).toISOString(), new Date(T0 + 3000).toISOString()]);
  expect(first.json!.items![1]).toMatchObject({ from: "healthy", to: "unhealthy", reason: "timeout", detail: "no answer in 2000 ms" });

  const seen = [...first.json!.items!];
  let cursor = first.json!.nextCursor as string | null;
  while (cursor) {
    const page = await get(params, { limit: "2", cursor });
    seen.push(...page.json!.items!);
    cursor = page.json!.nextCursor as string | null;
  }
  expect(seen.map((t) => t.at)).toEqual([4, 3, 2, 1, 0].map((i) => new Date(T0 + i * 1000).toISOString()));
  expect(seen.at(-1)).toMatchObject({ from: "unknown", to: "healthy", reason: "passed" });
});

test("a backend with no history answers an empty page", async () => {
  const { pool, backend } = await backendWithHistory(0);
  const res = await get({ id: pool.id, backendId: backend.id });
  expect(res.json).toEqual({ items: [], nextCursor: null });
});

test("a backend is read only through its own pool; unknown ids are 404", async () => {
  const { backend } = await backendWithHistory(1);
  const other = await createPool({ ctx: system, input: { name: "other" } });
  expect((await get({ id: other.id, backendId: backend.id })).status).toBe(404);
  expect((await get({ id: other.id, backendId: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
  expect((await get({ id: "nope", backendId: backend.id })).status).toBe(404);
});

test("bad paging is a 422 naming the field", async () => {
  const { pool, backend } = await backendWithHistory(1);
  const params = { id: pool.id, backendId: backend.id };
  const limit = await get(params, { limit: "0" });
  expect(limit.status).toBe(422);
  expect(limit.json!.errors).toEqual([expect.objectContaining({ path: "limit" })]);
  const cursor = await get(params, { cursor: "abc" });
  expect(cursor.status).toBe(422);
  expect(cursor.json!.errors).toEqual([expect.objectContaining({ path: "cursor" })]);
});

test("readers may read it; without credentials it is 401", async () => {
  const { pool, backend } = await backendWithHistory(2);
  const viewer = await createTestToken(await createTestUser("viewer"), "viewer");
  expect((await get({ id: pool.id, backendId: backend.id }, {}, viewer)).json!.items).toHaveLength(2);
  expect((await get({ id: pool.id, backendId: backend.id }, {}, null)).status).toBe(401);
});
