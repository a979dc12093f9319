/**
 * Operator actions that simulate failures (issue 5): kill a pod's process, stop or start a node's agent. Each is
 * recorded (202) for the worker to carry out, needs the operator role and is audited with its own verb.
 */
import { beforeEach, describe, expect, test } from "vitest";
import { db } from "@/lib/server/db";
import { call } from "@/lib/testing/api";
import { createTestToken, createTestUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import * as agent from "./nodes/[id]/agent/route";
import * as kill from "./pods/[id]/kill/route";

const missing = "0190f5a0-0000-7000-8000-000000000000";
const at = (id: string) => ({ params: { id } });

beforeEach(resetDatabase);

describe("POST /api/v1/pods/{id}/kill", () => {
  test("202 with killRequested set and a 'kill' audit row; asking again changes nothing", async () => {
    const pod = await db.pod.create({ data: { name: "web-1", requests: { cpuMillis: 100, memoryMiB: 64 }, phase: "running", pid: 4242, hostPort: 40001 } });
    const res = await call(kill.POST, "POST", "/x", at(pod.id));
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ id: pod.id, killRequested: true, pid: 4242, hostPort: 40001, version: 2 });
    expect(res.headers.get("etag")).toBe('"2"');
    expect((await call(kill.POST, "POST", "/x", at(pod.id))).json).toMatchObject({ killRequested: true, version: 2 });
    const audit = await db.auditEvent.findMany({ where: { objectType: "pod" } });
    expect(audit).toEqual([expect.objectContaining({ verb: "kill", objectId: pod.id, objectName: "web-1", outcome: "success" })]);
  });

  test("409 for a pod without a running process, 404 for an unknown one, 401 anonymous, 403 (audited) for a viewer", async () => {
    const pending = await db.pod.create({ data: { name: "waiting", requests: { cpuMillis: 100, memoryMiB: 64 } } });
    const conflict = await call(kill.POST, "POST", "/x", at(pending.id));
    expect(conflict.status).toBe(409);
    expect(conflict.json!.detail).toContain("no running process");
    expect((await call(kill.POST, "POST", "/x", at(missing))).status).toBe(404);
    expect((await call(kill.POST, "POST", "/x", { ...at(pending.id), token: null })).status).toBe(401);
    const viewer = await createTestToken(await createTestUser("viewer"), "viewer");
    expect((await call(kill.POST, "POST", "/x", { ...at(pending.id), token: viewer })).status).toBe(403);
    expect(await db.auditEvent.findFirst({ where: { verb: "kill", outcome: "denied" } })).toMatchObject({ objectType: "pod", objectId: pending.id });
    expect((await db.pod.findUniqueOrThrow({ where: { id: pending.id } })).killRequested).toBe(false);
  });
});

describe("POST /api/v1/nodes/{id}/agent", () => {
  test("202: stop then start, audited as stop-agent and start-agent; repeating a state is a no-op", async () => {
    const node = await db.node.create({ data: { name: "node-a", capacity: {}, allocatable: {} } });
    const stopped = await call(agent.POST, "POST", "/x", { ...at(node.id), body: { stopped: true } });
    expect(stopped.status).toBe(202);
    expect(stopped.json).toMatchObject({ id: node.id, agentStopped: true, version: 2 });
    expect((await call(agent.POST, "POST", "/x", { ...at(node.id), body: { stopped: true } })).json).toMatchObject({ version: 2 });
    const started = await call(agent.POST, "POST", "/x", { ...at(node.id), body: { stopped: false } });
    expect(started.json).toMatchObject({ agentStopped: false, version: 3 });
    const audit = await db.auditEvent.findMany({ where: { objectType: "node" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.verb)).toEqual(["stop-agent", "start-agent"]);
  });

  test("422 naming stopped for a missing or non-boolean value, 404 for an unknown node, 400 malformed JSON", async () => {
    const node = await db.node.create({ data: { name: "node-a", capacity: {}, allocatable: {} } });
    for (const body of [{}, { stopped: "yes" }]) {
      const res = await call(agent.POST, "POST", "/x", { ...at(node.id), body });
      expect(res.status).toBe(422);
      expect((res.json!.errors as Array<{ path: string }>).map((e) => e.path)).toEqual(["stopped"]);
    }
    expect((await call(agent.POST, "POST", "/x", { ...at(missing), body: { stopped: true } })).status).toBe(404);
    expect((await call(agent.POST, "POST", "/x", { ...at(node.id), rawBody: "{" })).status).toBe(400);
  });
});
