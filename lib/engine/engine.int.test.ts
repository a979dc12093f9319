import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { engineCtx } from "@/lib/server/auth/principal";
import { db } from "@/lib/server/db";
import { bindPod } from "@/lib/server/dal/engine/pods";
import { resetDatabase } from "@/lib/testing/database";
import { Engine } from "./engine";
import { acquireLease, fenceFor, FencedError } from "./lease";
import { PodMetricsWindow } from "./metrics-window";
import { LocalProcessDriver } from "./runtime/local-driver";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function passUntil(engine: Engine, done: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("the engine did not converge in time");
    await engine.pass();
    await sleep(100);
  }
}

async function seedCluster() {
  for (const [name, zone] of [["node-a", "zone-a"], ["node-b", "zone-b"]]) {
    await db.node.create({
      data: {
        name: name!,
        capacity: { cpuMillis: 4000, memoryMiB: 8192, pods: 10 },
        allocatable: { cpuMillis: 4000, memoryMiB: 8192, pods: 10 },
        labels: { "topology.kubernetes.io/zone": zone! },
        conditions: [{ type: "Ready", status: "True" }],
      },
    });
  }
  const web = await db.resource.create({
    data: { name: "web", kind: "container", spec: { image: "stratus/demo-http", replicas: 2, resources: { cpuMillis: 100, memoryMiB: 64 }, ports: [], volumes: [], env: {} } },
  });
  const pool = await db.pool.create({ data: { name: "web", ownerId: web.id, healthCheck: {} } });
  return { web, pool };
}

beforeEach(resetDatabase);

describe("leader lease and fencing", () => {
  test("two engines never both lead", async () => {
    const a = new Engine({ holder: "worker-a" });
    const b = new Engine({ holder: "worker-b" });
    const [ra, rb] = await Promise.all([a.pass(), b.pass()]);
    expect([ra.leader, rb.leader].filter(Boolean)).toHaveLength(1);
  });

  test("a leader paused past its lease is fenced: its writes are refused after another takes over", async () => {
    await db.node.create({ data: { name: "n1", capacity: {}, allocatable: {} } });
    const pod = await db.pod.create({ data: { name: "p1", requests: { cpuMillis: 1, memoryMiB: 1 } } });
    const old = (await acquireLease("worker-a", 300))!;
    expect(old.epoch).toBe(1);
    await sleep(400); // worker-a is "paused" (GC, SIGSTOP, partition) past its lease
    const taken = (await acquireLease("worker-b", 10_000))!;
    expect(taken).toMatchObject({ holder: "worker-b", epoch: 2 });
    // worker-a resumes and tries to write with what it believes is its lease
    await expect(bindPod({ ctx: engineCtx("scheduler"), fence: fenceFor(old) }, pod, "n1")).rejects.toBeInstanceOf(FencedError);
    expect((await db.pod.findUniqueOrThrow({ where: { id: pod.id } })).nodeName).toBeNull();
    expect(await acquireLease("worker-a", 300)).toBeNull(); // and cannot take the lease back while b holds it
    expect(await bindPod({ ctx: engineCtx("scheduler"), fence: fenceFor(taken) }, pod, "n1")).toBe(true);
  });
});

describe("the engine runs the estate with real processes", () => {
  let driver: LocalProcessDriver;
  afterEach(async () => driver.close());

  test("replicas become running pods that become backends; a killed pod is replaced; a stopped node's pods move", async () => {
    driver = new LocalProcessDriver();
    const { web, pool } = await seedCluster();
    const engine = new Engine({
      holder: "test-worker",
      runtime: { driver, metrics: new PodMetricsWindow() },
      // The grace outlasts a slow pass on a busy machine, so only the stopped agent ever goes stale.
      config: { nodeGraceMs: 3_000, evictionTimeoutMs: 300 },
    });
    const readyPods = () => db.pod.findMany({ where: { ownerId: web.id, phase: "running", ready: true } });

    await passUntil(engine, async () => (await readyPods()).length === 2 && (await db.backend.count({ where: { poolId: pool.id } })) === 2);
    const pods = await readyPods();
    expect(new Set(pods.map((p) => p.nodeName)).size).toBe(2); // spread across zones
    for (const pod of pods) {
      const res = await fetch(`http://127.0.0.1:${pod.hostPort}/`);
      expect(((await res.json()) as { pod: string }).pod).toBe(pod.name);
    }

    // Kill one pod's process, as a crash would: it fails, is replaced, and the backends follow.
    const victim = pods[0]!;
    const victimBackend = await db.backend.findFirstOrThrow({ where: { podId: victim.id } });
    await db.pod.update({ where: { id: victim.id }, data: { killRequested: true } });
    await passUntil(engine, async () => {
      const now = await readyPods();
      return now.length === 2 && !now.some((p) => p.id === victim.id);
    });
    const backends = await db.backend.findMany({ where: { poolId: pool.id } });
    expect(backends.map((b) => b.podId).sort()).toEqual((await readyPods()).map((p) => p.id).sort());
    const audit = await db.auditEvent.findMany({ where: { objectName: victim.name } });
    expect(audit.map((a) => a.verb)).toEqual(expect.arrayContaining(["observe", "replace"]));
    // Its backend turned unhealthy while the failed pod still existed, then left with the pod.
    const backendAudit = await db.auditEvent.findMany({ where: { objectId: victimBackend.id }, orderBy: { id: "asc" } });
    expect(backendAudit[0]!.verb).toBe("register");
    expect(backendAudit.map((a) => a.verb).slice(-2)).toEqual(["health", "deregister"]);
    expect(backendAudit.at(-2)!.diff).toMatchObject({ health: { after: "unhealthy" }, reason: { after: "pod-not-ready" } });

    // Stop node-b's agent (a simulated machine failure): NotReady, evicted, re-placed on node-a.
    await db.node.update({ where: { name: "node-b" }, data: { agentStopped: true } });
    await passUntil(engine, async () => {
      const now = await readyPods();
      return now.length === 2 && now.every((p) => p.nodeName === "node-a");
    });
    const nodeB = await db.node.findUniqueOrThrow({ where: { name: "node-b" } });
    expect(nodeB.conditions).toEqual(expect.arrayContaining([expect.objectContaining({ type: "Ready", status: "False" })]));
    expect(driver.list().filter((p) => p.state === "running").every((p) => p.nodeName === "node-a")).toBe(true);
  }, 60_000);
});
