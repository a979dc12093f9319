/** Decisions over a window for a chart: `to` bounds it, `step` keeps one per step and never thins a scale away. */
import { beforeEach, expect, test } from "vitest";
import { db } from "@/lib/server/db";
import { call } from "@/lib/testing/api";
import { resetDatabase } from "@/lib/testing/database";
import * as decisions from "./[id]/decisions/route";

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
let autoscalerId: string;

beforeEach(async () => {
  await resetDatabase();
  const web = await db.resource.create({
    data: { name: "web", kind: "container", spec: { image: "stratus/demo-http", replicas: 2, resources: { cpuMillis: 250, memoryMiB: 128 }, ports: [], volumes: [], env: {} } },
  });
  const policy = { mode: "threshold", minReplicas: 1, maxReplicas: 5, scaleUpThreshold: 50, scaleDownThreshold: 10 };
  autoscalerId = (await db.autoscaler.create({ data: { name: "web", targetId: web.id, policy } })).id;
  // One decision every 5 s for a minute; the one at 20 s scales up from 2 to 3.
  for (let s = 0; s < 60; s += 5) {
    const scaled = s === 20;
    await db.scaleDecision.create({
      data: { autoscalerId, at: new Date(T0 + s * 1000), currentReplicas: s <= 20 ? 2 : 3, desiredReplicas: s < 20 ? 2 : 3, action: scaled ? "scale_up" : "none", reason: scaled ? "cpu high" : "steady", explanation: {} },
    });
  }
});

const list = (query: Record<string, string>) => call(decisions.GET, "GET", `/api/v1/autoscalers/${autoscalerId}/decisions`, { params: { id: autoscalerId }, query });
const seconds = (res: Awaited<ReturnType<typeof list>>) => res.json!.items!.map((d) => (Date.parse(d.at as string) - T0) / 1000);

test("from and to bound the window: from inclusive, to exclusive", async () => {
  const res = await list({ from: new Date(T0 + 10_000).toISOString(), to: new Date(T0 + 30_000).toISOString() });
  expect(res.status).toBe(200);
  expect(seconds(res)).toEqual([25, 20, 15, 10]);
});

test("step keeps one decision per step, newest first: the scaling one when a step has it, else the latest", async () => {
  const res = await list({ from: new Date(T0).toISOString(), to: new Date(T0 + 60_000).toISOString(), step: "15" });
  // Steps [0,15) [15,30) [30,45) [45,60): the latest of each, except [15,30) where the scale at 20 s wins over 25 s.
  expect(seconds(res)).toEqual([55, 40, 20, 10]);
  expect(res.json!.items![2]).toMatchObject({ action: "scale_up", desiredReplicas: 3 });
});

test("a thinned window still honours limit (the newest steps)", async () => {
  const res = await list({ from: new Date(T0).toISOString(), step: "15", limit: "2" });
  expect(seconds(res)).toEqual([55, 40]);
});

test("a bad step or to is a 422 naming the field", async () => {
  for (const [field, value] of [["step", "0"], ["step", "soon"], ["to", "yesterday"]] as const) {
    const res = await list({ [field]: value });
    expect(res.status, `${field}=${value}`).toBe(422);
    expect((res.json!.errors as Array<{ path: string }>).map((e) => e.path)).toEqual([field]);
  }
});
