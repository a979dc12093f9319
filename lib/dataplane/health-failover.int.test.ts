import { afterAll, beforeAll, expect, test } from "vitest";
import { HealthChecker, type HealthTransitionEvent } from "../engine/health-checker";
import { DataPlane } from "./data-plane";
import { startDemoService, type DemoService } from "./testing/demo-service";
import { testClient } from "./testing/http-client";
import { countByPod, eventually, sendMany } from "./testing/load";
import type { PoolConfig } from "./types";

const INTERVAL = 200;
const TIMEOUT = 100;
const UNHEALTHY = 2;
const HEALTHY = 2;
const JITTER = 0.1;
const healthCheck = { path: "/healthz", intervalMs: INTERVAL, timeoutMs: TIMEOUT, healthyThreshold: HEALTHY, unhealthyThreshold: UNHEALTHY, expectedStatus: 200 };

let services: DemoService[] = [];
const client = testClient(16);

beforeAll(async () => {
  services = await Promise.all(["a", "b", "c"].map((name) => startDemoService({ name })));
});

afterAll(async () => {
  await client.close();
  await Promise.all(services.map((s) => s.kill()));
});

test("a killed backend is marked unhealthy in time, gets no new requests, and returns after healthyThreshold passes", async () => {
  const transitions: HealthTransitionEvent[] = [];
  const dataPlane = new DataPlane();
  const checker = new HealthChecker({
    jitterFraction: JITTER,
    onTransition: (t) => {
      transitions.push(t);
      dataPlane.setBackendHealth(t.poolId, t.backendId, t.to);
    },
    onResult: (r) => r.result.outcome === "passed" && dataPlane.recordCheckPassed(r.poolId, r.backendId),
  });
  const pool: PoolConfig = {
    id: "pool",
    name: "web",
    algorithm: "round_robin",
    listenPort: 0,
    backends: services.map((s) => ({ id: s.name, address: "127.0.0.1", port: s.port, weight: 1, maxConnections: 100, health: "unknown" })),
  };
  try {
    await dataPlane.reconcile([pool]);
    const url = `http://127.0.0.1:${dataPlane.portOf("pool")}`;
    // Nothing checked yet: every backend is unknown, so the pool answers 503.
    expect((await client.get(`${url}/x`)).status).toBe(503);
    checker.setTargets(pool.backends.map((b) => ({ backendId: b.id, poolId: "pool", address: b.address, port: b.port, config: healthCheck })));
    checker.start();
    expect(await eventually(() => transitions.filter((t) => t.to === "healthy").length === 3, 2000)).toBe(true);

    // Kill b while traffic flows: GETs that hit it before detection are retried elsewhere, so clients see no error.
    const b = services[1]!;
    const load = sendMany(400, 4, async (i) => {
      await new Promise((resolve) => setTimeout(resolve, i % 4 === 0 ? 5 : 0));
      return client.get(`${url}/during`);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const killedAt = Date.now();
    await b.kill();
    expect(await eventually(() => transitions.some((t) => t.backendId === "b" && t.to === "unhealthy"), 3000)).toBe(true);
    const down = transitions.find((t) => t.backendId === "b" && t.to === "unhealthy")!;
    expect(down.reason).toMatch(/connection_refused|connection_error/);
    expect(down.at - killedAt).toBeLessThanOrEqual(INTERVAL * (1 + JITTER) * UNHEALTHY + TIMEOUT);
    const responses = await load;
    expect(responses.filter((r) => r.status !== 200)).toEqual([]);

    const servedByB = dataPlane.stats("pool")!.backends.find((s) => s.id === "b")!.totalRequests;
    const after = await sendMany(100, 4, () => client.get(`${url}/after`));
    expect(countByPod(after).get("b")).toBeUndefined();
    expect(dataPlane.stats("pool")!.backends.find((s) => s.id === "b")!.totalRequests).toBe(servedByB);

    // Restart b on the same port: healthy again after HEALTHY consecutive passes, and back in rotation.
    const restartedAt = Date.now();
    services[1] = await startDemoService({ name: "b", port: b.port });
    expect(await eventually(() => transitions.some((t) => t.backendId === "b" && t.from === "unhealthy" && t.to === "healthy"), 3000)).toBe(true);
    const up = transitions.find((t) => t.backendId === "b" && t.to === "healthy" && t.from === "unhealthy")!;
    expect(up.at - restartedAt).toBeLessThanOrEqual(INTERVAL * (1 + JITTER) * HEALTHY + TIMEOUT + 300);
    const back = countByPod(await sendMany(90, 3, () => client.get(`${url}/back`)));
    expect(back.get("b")).toBeGreaterThan(20);

    // All down → 503 with the reason.
    await Promise.all(services.map((s) => s.kill()));
    expect(await eventually(() => dataPlane.stats("pool")!.backends.every((s) => s.health === "unhealthy"), 3000)).toBe(true);
    const response = await client.get(`${url}/none`);
    expect(response.status).toBe(503);
    expect(JSON.parse(response.text)).toMatchObject({ title: "No backend available", detail: "no healthy backend" });
  } finally {
    await checker.stop();
    await dataPlane.close();
  }
});
