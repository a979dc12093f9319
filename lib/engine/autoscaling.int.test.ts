import { afterEach, beforeEach, expect, test } from "vitest";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/lib/testing/database";
import { Engine } from "./engine";
import { PodMetricsWindow } from "./metrics-window";
import { LocalProcessDriver } from "./runtime/local-driver";

let driver: LocalProcessDriver;
beforeEach(resetDatabase);
afterEach(async () => driver.close());

/** Busy requests at the workload's pods until `stop()`: a bounded loop on loopback, at most 4 in flight. */
function loadAt(ports: () => Promise<number[]>) {
  let running = true;
  const worker = async () => {
    while (running) {
      for (const port of await ports()) {
        await fetch(`http://127.0.0.1:${port}/?work=40`, { signal: AbortSignal.timeout(2000) }).then((r) => r.body?.cancel(), () => undefined);
      }
      if ((await ports()).length === 0) await new Promise((r) => setTimeout(r, 50));
    }
  };
  const workers = Array.from({ length: 4 }, worker);
  return async () => {
    running = false;
    await Promise.all(workers);
  };
}

test("a load step makes the autoscaler add replicas, which run and become the pool's backends", async () => {
  driver = new LocalProcessDriver();
  await db.node.create({
    data: { name: "node-a", capacity: { cpuMillis: 8000, memoryMiB: 8192, pods: 10 }, allocatable: { cpuMillis: 8000, memoryMiB: 8192, pods: 10 }, conditions: [{ type: "Ready", status: "True" }] },
  });
  const web = await db.resource.create({
    data: { name: "web", kind: "container", spec: { image: "stratus/demo-http", replicas: 1, resources: { cpuMillis: 100, memoryMiB: 64 }, ports: [], volumes: [], env: {} } },
  });
  const pool = await db.pool.create({ data: { name: "web", ownerId: web.id, healthCheck: {} } });
  await db.autoscaler.create({
    data: {
      name: "web-cpu",
      targetId: web.id,
      policy: { mode: "threshold", minReplicas: 1, maxReplicas: 3, scaleUpThreshold: 50, scaleDownThreshold: 1, cooldownMs: 0, windowMs: 3000 },
    },
  });
  const engine = new Engine({ holder: "test", runtime: { driver, metrics: new PodMetricsWindow() } });
  const readyPorts = async () =>
    (await db.pod.findMany({ where: { ownerId: web.id, phase: "running", ready: true } })).map((p) => p.hostPort!).filter(Boolean);

  const stopLoad = loadAt(readyPorts);
  try {
    const deadline = Date.now() + 45_000;
    while ((await db.backend.count({ where: { poolId: pool.id } })) < 2) {
      if (Date.now() > deadline) throw new Error("no scale-up within 45 s");
      await engine.pass();
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await stopLoad();
  }

  const decision = await db.scaleDecision.findFirstOrThrow({ where: { action: "scale_up" }, orderBy: { at: "asc" } });
  expect(decision.desiredReplicas).toBeGreaterThan(decision.currentReplicas);
  expect(decision.reason).toMatch(/above 50%/);
  expect(((await db.resource.findUniqueOrThrow({ where: { id: web.id } })).spec as { replicas: number }).replicas).toBeGreaterThanOrEqual(2);
  const scaleAudit = await db.auditEvent.findFirstOrThrow({ where: { verb: "scale", objectId: web.id } });
  expect(scaleAudit.cause).toMatch(/^autoscaler web-cpu:/);
}, 60_000);
