/**
 * The demo estate: a few nodes across two zones, one of each resource kind, pods of the web service and a pool.
 * Written through the data-access layer so every object is validated and audited like a human's change.
 * `--if-empty` seeds only a database that has never been used (no audit rows), so `npm start` seeds once.
 */
import { systemPrincipal, type Ctx } from "@/lib/server/auth/principal";
import { db } from "@/lib/server/db";
import { createAlertRule } from "@/lib/server/dal/alert-rules";
import { createAutoscaler } from "@/lib/server/dal/autoscalers";
import { createNode } from "@/lib/server/dal/nodes";
import { createPod } from "@/lib/server/dal/pods";
import { createPool } from "@/lib/server/dal/pools";
import { createResource } from "@/lib/server/dal/resources";

const ctx: Ctx = { principal: systemPrincipal, cause: "demo seed" };

async function seed() {
  for (const [name, zone, cpu, mem, extra] of [
    ["node-a1", "zone-a", 4000, 8192, {}],
    ["node-a2", "zone-a", 4000, 8192, {}],
    ["node-b1", "zone-b", 8000, 16384, {}],
    ["node-gpu1", "zone-b", 8000, 32768, { taints: [{ key: "stratus.io/gpu", value: "true", effect: "NoSchedule" }] }],
  ] as const) {
    await createNode({
      ctx,
      input: {
        name,
        capacity: { cpuMillis: cpu, memoryMiB: mem, pods: 32 },
        allocatable: { cpuMillis: cpu - 250, memoryMiB: mem - 512, pods: 30 },
        labels: { "topology.kubernetes.io/zone": zone, "kubernetes.io/hostname": name },
        ...extra,
      },
    });
  }

  const web = await createResource({
    ctx,
    input: {
      name: "web",
      kind: "container",
      labels: { app: "web", tier: "frontend" },
      spec: { image: "stratus/demo-http", replicas: 3, resources: { cpuMillis: 250, memoryMiB: 128 }, ports: [{ name: "http", containerPort: 8080 }] },
    },
  });
  const api = await createResource({
    ctx,
    input: {
      name: "api",
      kind: "container",
      labels: { app: "api", tier: "backend" },
      spec: { image: "stratus/demo-http", replicas: 2, resources: { cpuMillis: 500, memoryMiB: 256 }, ports: [{ containerPort: 8081 }], env: { LOG_LEVEL: "info" } },
    },
  });
  await createResource({ ctx, input: { name: "bastion", kind: "vm", labels: { tier: "ops" }, spec: { cpu: 2, memoryMiB: 4096, storageGiB: 40, network: "prod-vpc", os: "linux" } } });
  await createResource({
    ctx,
    input: { name: "thumbnailer", kind: "function", labels: { app: "media" }, spec: { runtime: "nodejs22", handler: "index.handler", timeoutMs: 30000, memoryMiB: 512 } },
  });
  await createResource({ ctx, input: { name: "logs-archive", kind: "storage", labels: { tier: "data" }, spec: { sizeGiB: 500, class: "archive" } } });
  await createResource({ ctx, input: { name: "prod-vpc", kind: "network", labels: { env: "prod" }, spec: { cidr: "10.20.0.0/16", subnets: ["10.20.1.0/24", "10.20.2.0/24"] } } });

  // Bound directly (like a pod's spec.nodeName); the engine runs them, and creates api's pods itself.
  const placement = ["node-a1", "node-a2", "node-b1"];
  for (let i = 1; i <= 3; i++) {
    await createPod({
      ctx,
      input: {
        name: `web-${i}`,
        ownerId: web.id,
        labels: { app: "web" },
        nodeName: placement[i - 1],
        requests: { cpuMillis: 250, memoryMiB: 128 },
        containers: [{ name: "http", image: "stratus/demo-http", ports: [{ containerPort: 8080 }] }],
        affinity: { topologySpread: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { app: "web" } }] },
      },
    });
  }

  // Pools owned by a workload take its ready pods as backends (the engine's endpoints loop).
  const listenPort = Number(process.env.STRATUS_DEMO_LISTEN_PORT ?? 8080);
  await createPool({ ctx, input: { name: "web", algorithm: "weighted_round_robin", listenPort, ownerId: web.id, labels: { app: "web" } } });
  await createPool({ ctx, input: { name: "api", algorithm: "least_response_time", listenPort: listenPort + 1, ownerId: api.id, labels: { app: "api" } } });

  // web's pods are sized so the load generator's bursts cross 60 % of their CPU request: the autoscaler adds replicas
  // within a minute of a burst and hands them back as it calms. STRATUS_DEMO_AUTOSCALER=paused seeds it switched off.
  await createAutoscaler({
    ctx,
    input: {
      name: "web-cpu",
      targetId: web.id,
      enabled: process.env.STRATUS_DEMO_AUTOSCALER !== "paused",
      policy: { mode: "threshold", minReplicas: 3, maxReplicas: 6, targetCpu: 45, scaleUpThreshold: 60, scaleDownThreshold: 25, step: 1, cooldownMs: 60_000, windowMs: 30_000 },
    },
  });

  // Alert rules that stay quiet in the demo's gentle traffic: slow web responses (fix: one more web replica) and
  // a backend failing its health checks (fix: take it out of rotation), e.g. after "Kill process" on a web pod.
  await createAlertRule({
    ctx,
    input: {
      name: "web-latency-high",
      description: "The web pool's p95 latency stayed above 300 ms for a minute: add a replica.",
      metric: "stratus_pool_request_duration_ms",
      matchers: { pool: "web" },
      aggregation: "p95",
      windowSeconds: 60,
      operator: "gt",
      threshold: 300,
      forSeconds: 60,
      severity: "warning",
      groupBy: ["pool"],
      remediation: { action: "scale", resourceId: web.id, by: 1 },
    },
  });
  await createAlertRule({
    ctx,
    input: {
      name: "backend-unhealthy",
      description: "A backend failed its health checks for 30 s: take it out of rotation while it is looked at.",
      metric: "stratus_backend_healthy",
      aggregation: "min",
      windowSeconds: 30,
      operator: "lt",
      threshold: 1,
      forSeconds: 30,
      severity: "critical",
      groupBy: ["pool", "backend"],
      remediation: { action: "eject", backendFromLabel: "backend", poolFromLabel: "pool" },
    },
  });
}

async function main() {
  if (process.argv.includes("--if-empty") && (await db.auditEvent.count()) > 0) {
    console.log("  Database already in use: not seeding.");
    return;
  }
  await seed();
  console.log("  Seeded the demo estate.");
}

main()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
