/** A pod's endpoints go with it, whoever deletes the pod. */
import { beforeEach, expect, test } from "vitest";
import { resetDatabase } from "@/lib/testing/database";
import { systemPrincipal } from "../auth/principal";
import { db } from "../db";
import { deletePod } from "./pods";

const ctx = { principal: systemPrincipal };

beforeEach(resetDatabase);

test("deleting a pod deregisters its backends (audited) and leaves hand-added backends alone", async () => {
  const pool = await db.pool.create({
    data: { name: "p", healthCheck: { path: "/healthz", intervalMs: 5000, timeoutMs: 1000, healthyThreshold: 2, unhealthyThreshold: 3, expectedStatus: 200 } },
  });
  const pod = await db.pod.create({ data: { name: "web-1", requests: { cpuMillis: 100, memoryMiB: 64 } } });
  const podBackend = await db.backend.create({ data: { poolId: pool.id, address: "127.0.0.1", port: 40001, podId: pod.id } });
  const manual = await db.backend.create({ data: { poolId: pool.id, address: "10.0.0.9", port: 80 } });

  await deletePod({ ctx, id: pod.id });

  expect((await db.backend.findMany()).map((b) => b.id)).toEqual([manual.id]);
  const audit = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
  expect(audit.map((a) => [a.verb, a.objectType, a.objectId])).toEqual([
    ["deregister", "backend", podBackend.id],
    ["delete", "pod", pod.id],
  ]);
});
