import { createServer, type Server } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Algorithm } from "../domain/balancing";
import { DataPlane } from "./data-plane";
import { freePort, startDemoService, type DemoService } from "./testing/demo-service";
import { testClient, type DemoEcho } from "./testing/http-client";
import { isLoopback, watchConnects } from "./testing/loopback-only";
import { countByPod, eventually, sendMany } from "./testing/load";
import type { BackendConfig, DataPlaneEvent, PoolConfig } from "./types";

let services: DemoService[] = [];
const client = testClient(64);
let dataPlane: DataPlane | null = null;
const connects = watchConnects();

beforeAll(async () => {
  services = await Promise.all([
    startDemoService({ name: "a" }),
    startDemoService({ name: "b" }),
    startDemoService({ name: "c" }),
    startDemoService({ name: "slow", latencyMs: 40 }),
  ]);
});

afterEach(async () => {
  await dataPlane?.close();
  dataPlane = null;
});

afterAll(async () => {
  await client.close();
  await Promise.all(services.map((s) => s.kill()));
  connects.stop();
  expect(connects.hosts.filter((host) => !isLoopback(host))).toEqual([]); // every socket went to loopback
});

const service = (name: string) => services.find((s) => s.name === name)!;
const backend = (name: string, change: Partial<BackendConfig> = {}): BackendConfig => ({
  id: `backend-${name}`,
  address: "127.0.0.1",
  port: service(name).port,
  weight: 1,
  maxConnections: 1000,
  health: "healthy",
  ...change,
});
const pool = (algorithm: Algorithm, backends: BackendConfig[], listenPort: number | null = 0): PoolConfig => ({ id: "pool-1", name: "web", algorithm, listenPort, backends });

async function serve(config: PoolConfig, options: ConstructorParameters<typeof DataPlane>[0] = {}): Promise<string> {
  dataPlane = new DataPlane(options);
  await dataPlane.reconcile([config]);
  return `http://127.0.0.1:${dataPlane.portOf(config.id)}`;
}

describe("balancing through the proxy", () => {
  test("weighted_round_robin 3:1 sends 75% ± 3% of 4,000 requests to the heavier backend", async () => {
    const url = await serve(pool("weighted_round_robin", [backend("a", { weight: 3 }), backend("b", { weight: 1 })]));
    const responses = await sendMany(4000, 32, () => client.get(`${url}/w`));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const share = (countByPod(responses).get("a") ?? 0) / 4000;
    expect(share).toBeGreaterThanOrEqual(0.72);
    expect(share).toBeLessThanOrEqual(0.78);
    const stats = dataPlane!.stats("pool-1")!;
    expect(stats).toMatchObject({ totalRequests: 4000, successfulRequests: 4000, failedRequests: 0, activeConnections: 0 });
    expect(stats.backends.map((b) => b.totalRequests).reduce((x, y) => x + y)).toBe(4000);
  });

  test("round_robin splits evenly", async () => {
    const url = await serve(pool("round_robin", [backend("a"), backend("b"), backend("c")]));
    const counts = countByPod(await sendMany(1500, 16, () => client.get(`${url}/rr`)));
    for (const name of ["a", "b", "c"]) expect(Math.abs((counts.get(name) ?? 0) - 500)).toBeLessThanOrEqual(45);
  });

  test("ip_hash keeps each client on one backend (client address from a trusted header)", async () => {
    const url = await serve(pool("ip_hash", [backend("a"), backend("b"), backend("c")]), { clientIpHeader: "x-forwarded-for" });
    const clients = Array.from({ length: 30 }, (_, i) => `10.1.${i}.7`);
    const podsOf = new Map<string, Set<string>>();
    await sendMany(300, 16, async (i) => {
      const ip = clients[i % clients.length]!;
      const response = await client.get(`${url}/sticky`, { "x-forwarded-for": `${ip}, 10.255.0.1` });
      const pods = podsOf.get(ip) ?? new Set<string>();
      pods.add((JSON.parse(response.text) as DemoEcho).pod);
      podsOf.set(ip, pods);
      return response;
    });
    expect([...podsOf.values()].every((pods) => pods.size === 1)).toBe(true);
    expect(new Set([...podsOf.values()].map((pods) => [...pods][0])).size).toBeGreaterThan(1);
  });

  test("least_connections favours the fast backend", async () => {
    const url = await serve(pool("least_connections", [backend("a"), backend("slow")]));
    const counts = countByPod(await sendMany(600, 16, () => client.get(`${url}/lc`)));
    expect((counts.get("a") ?? 0) / 600).toBeGreaterThan(0.7);
  });
});

describe("failures", () => {
  test("a GET whose backend refuses the connection is retried once on another backend", async () => {
    const deadPort = await freePort();
    const url = await serve(pool("round_robin", [backend("a"), { ...backend("a"), id: "backend-dead", port: deadPort }]));
    const responses = await sendMany(40, 4, () => client.get(`${url}/retry`));
    expect(responses.map((r) => r.status)).toEqual(Array(40).fill(200));
    expect(countByPod(responses).get("a")).toBe(40);
    const stats = dataPlane!.stats("pool-1")!;
    const dead = stats.backends.find((b) => b.id === "backend-dead")!;
    expect(dead.failedRequests).toBeGreaterThan(0);
    expect(stats).toMatchObject({ totalRequests: 40, failedRequests: 0 });
  });

  test("a POST with a body is not replayed: 502 problem when its backend refuses", async () => {
    const deadPort = await freePort();
    const url = await serve(pool("round_robin", [{ ...backend("a"), id: "backend-dead", port: deadPort }]));
    const response = await fetch(`${url}/submit`, { method: "POST", body: "payload" });
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ title: "Bad gateway", detail: "upstream error ECONNREFUSED" });
  });

  test("503 problem+json with the reason when no backend is eligible", async () => {
    const url = await serve(pool("round_robin", [backend("a", { health: "unhealthy" }), backend("b", { health: "unknown" })]));
    const response = await client.get(`${url}/x`);
    expect(response.status).toBe(503);
    expect(response.headers["content-type"]).toBe("application/problem+json");
    expect(JSON.parse(response.text)).toEqual({ type: "about:blank", title: "No backend available", status: 503, detail: "no healthy backend" });
    expect(dataPlane!.stats("pool-1")).toMatchObject({ totalRequests: 1, failedRequests: 1 });
  });

  test("504 when the backend answers too late", async () => {
    const url = await serve(pool("round_robin", [backend("a")]), { upstreamTimeoutMs: 100 });
    const response = await client.get(`${url}/late?latency=400`);
    expect(response.status).toBe(504);
    expect(JSON.parse(response.text)).toMatchObject({ title: "Gateway timeout", detail: "the backend did not answer within 100 ms" });
  });

  test("passive outlier detection ejects a backend answering 5xx, then returns it when the ejection expires", async () => {
    const failing = await new Promise<Server>((resolve) => {
      const server = createServer((_req, res) => res.writeHead(500).end("boom"));
      server.listen(0, "127.0.0.1", () => resolve(server));
    });
    const port = (failing.address() as { port: number }).port;
    const events: DataPlaneEvent[] = [];
    const url = await serve(pool("round_robin", [backend("a"), { ...backend("a"), id: "backend-500", port }]), {
      outlierDetection: { consecutive5xx: 3, baseEjectionTimeMs: 300, maxEjectionTimeMs: 1000, maxEjectionPercent: 50, intervalMs: 1000 },
      outlierSweepMs: 20,
      onEvent: (e) => events.push(e),
    });
    await sendMany(20, 1, () => client.get(`${url}/o`));
    const ejected = () => dataPlane!.stats("pool-1")!.backends.find((b) => b.id === "backend-500")!;
    expect(ejected()).toMatchObject({ ejected: true, totalRequests: 3, failedRequests: 3 });
    expect(events).toContainEqual(expect.objectContaining({ type: "backend_ejected", backendId: "backend-500", reason: "consecutive_5xx" }));
    expect(await eventually(() => !ejected().ejected, 1000)).toBe(true);
    expect(events).toContainEqual(expect.objectContaining({ type: "backend_unejected", backendId: "backend-500", cause: "expired" }));
    await new Promise<void>((resolve) => failing.close(() => resolve()));
  });
});

describe("client aborts", () => {
  test("a client that hangs up mid-request frees the backend slot and is not counted as a failure", async () => {
    const url = await serve(pool("round_robin", [backend("a")]));
    const { request } = await import("node:http");
    await new Promise<void>((resolve) => {
      const req = request(`${url}/abandoned?latency=500`, () => {});
      req.on("error", () => resolve());
      req.end();
      setTimeout(() => req.destroy(), 100);
    });
    expect(await eventually(() => dataPlane!.stats("pool-1")!.totalRequests === 1, 2000)).toBe(true);
    const stats = dataPlane!.stats("pool-1")!;
    expect(stats).toMatchObject({ totalRequests: 1, failedRequests: 0, activeConnections: 0 });
    expect(stats.backends[0]).toMatchObject({ activeConnections: 0, failedRequests: 0 });
    expect(stats.backends[0]!.averageResponseTimeMs).toBeLessThan(400); // aborted at the hang-up, not at the backend's answer
  });
});

describe("tracing", () => {
  const TRACE = "0af7651916cd43dd8448eb211c80319c";
  const echoOf = async (url: string, headers: Record<string, string> = {}) => JSON.parse((await client.get(url, headers)).text) as DemoEcho;

  test("a valid traceparent keeps its trace id; the backend hop gets a new span id", async () => {
    const url = await serve(pool("round_robin", [backend("a")]));
    const sent = `00-${TRACE}-b7ad6b7169203331-01`;
    const seen = (await echoOf(`${url}/t`, { traceparent: sent })).traceparent!;
    expect(seen).toMatch(new RegExp(`^00-${TRACE}-[0-9a-f]{16}-01$`));
    expect(seen).not.toBe(sent);
  });

  test.each([["none", {}], ["invalid", { traceparent: `00-${TRACE}-0000000000000000-01` }]])("%s: a new trace is started", async (_name, headers) => {
    const url = await serve(pool("round_robin", [backend("a")]));
    const seen = (await echoOf(`${url}/t`, headers)).traceparent!;
    expect(seen).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(seen).not.toContain(TRACE);
  });
});

describe("config changes with requests in flight", () => {
  test("algorithm switch, an added backend and a new listen port drop no request", async () => {
    const oldPort = await freePort();
    const url = await serve(pool("round_robin", [backend("a"), backend("b")], oldPort));
    const inFlight = sendMany(60, 60, () => client.get(`${url}/slow?latency=300`));
    await eventually(() => dataPlane!.stats("pool-1")!.activeConnections === 60, 2000);
    expect(dataPlane!.stats("pool-1")!.activeConnections).toBe(60);

    await dataPlane!.reconcile([pool("least_connections", [backend("a"), backend("b"), backend("c")], oldPort)]);
    const during = await sendMany(30, 30, () => client.get(`${url}/during?latency=100`));
    const newPort = await freePort();
    await dataPlane!.reconcile([pool("weighted_round_robin", [backend("a"), backend("c", { weight: 2 })], newPort)]);
    const moved = await sendMany(30, 10, () => client.get(`http://127.0.0.1:${newPort}/moved`));

    const before = await inFlight;
    expect(before.map((r) => r.status)).toEqual(Array(60).fill(200));
    expect(during.map((r) => r.status)).toEqual(Array(30).fill(200));
    expect(countByPod(during).get("c")).toBeGreaterThan(0); // the added backend takes traffic at once
    expect(moved.map((r) => r.status)).toEqual(Array(30).fill(200));
    expect(countByPod(moved).get("b")).toBeUndefined(); // removed
    expect(await fetch(`${url}/old`).then(() => "answered", () => "closed")).toBe("closed");
    const stats = dataPlane!.stats("pool-1")!;
    expect(stats).toMatchObject({ totalRequests: 120, failedRequests: 0, activeConnections: 0 });
    expect(stats.backends.every((b) => b.activeConnections === 0)).toBe(true);
  });

  test("pools are started and stopped by reconcile; setBackendHealth takes effect at once", async () => {
    dataPlane = new DataPlane();
    await dataPlane.reconcile([pool("round_robin", [backend("a"), backend("b")]), { ...pool("round_robin", [backend("c")], null), id: "pool-2" }]);
    expect(dataPlane.portOf("pool-2")).toBeNull();
    const url = `http://127.0.0.1:${dataPlane.portOf("pool-1")}`;
    dataPlane.setBackendHealth("pool-1", "backend-a", "unhealthy");
    const counts = countByPod(await sendMany(20, 4, () => client.get(`${url}/h`)));
    expect(counts).toEqual(new Map([["b", 20]]));
    // The checker's verdict outranks the recorded health in later configs.
    await dataPlane.reconcile([pool("round_robin", [backend("a"), backend("b")])]);
    expect(dataPlane.stats("pool-1")!.backends.find((b) => b.id === "backend-a")!.health).toBe("unhealthy");
    await dataPlane.reconcile([]);
    expect(dataPlane.stats("pool-1")).toBeNull();
    expect(await fetch(`${url}/gone`).then(() => "answered", () => "closed")).toBe("closed");
  });
});

describe("SSRF guard on backend addresses", () => {
  test("a refused backend becomes usable when its address is corrected", async () => {
    const url = await serve(pool("round_robin", [backend("a", { address: "169.254.169.254" })]));
    expect((await client.get(`${url}/s`)).status).toBe(503);
    expect(dataPlane!.stats("pool-1")!.backends[0]!.refusedReason).toContain("169.254.0.0/16");
    await dataPlane!.reconcile([pool("round_robin", [backend("a")])]);
    expect((await client.get(`${url}/s`)).status).toBe(200);
    expect(dataPlane!.stats("pool-1")!.backends[0]!.refusedReason).toBeUndefined();
  });

  test.each(["169.254.169.254", "2852039166", "0xA9FEA9FE", "::ffff:a9fe:a9fe", "fd00:ec2::254", "8.8.8.8"])(
    "%s is refused with a reason in stats and never connected to",
    async (address) => {
      const events: DataPlaneEvent[] = [];
      const url = await serve(pool("round_robin", [backend("a"), { ...backend("a"), id: "backend-meta", address }]), { onEvent: (e) => events.push(e) });
      const before = connects.hosts.length;
      const counts = countByPod(await sendMany(10, 2, () => client.get(`${url}/s`)));
      expect(counts.get("a")).toBe(10);
      const meta = dataPlane!.stats("pool-1")!.backends.find((b) => b.id === "backend-meta")!;
      expect(meta.refusedReason).toMatch(/denied range|not in the allowed ranges/);
      expect(meta.totalRequests).toBe(0);
      expect(connects.hosts.length).toBeGreaterThan(before); // the watch sees the proxy's own connects
      expect(connects.hosts.slice(before).every(isLoopback)).toBe(true);
      expect(events).toContainEqual(expect.objectContaining({ type: "backend_refused", backendId: "backend-meta" }));
    },
  );
});
