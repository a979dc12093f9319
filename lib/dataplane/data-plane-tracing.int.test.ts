/**
 * The data plane's own spans, through real proxies and backend processes: a SERVER span per request and a CLIENT
 * span per backend attempt, the backend's traceparent naming the CLIENT span; head sampling (ratio, or the
 * caller's flag) with failures always kept; a full buffer drops instead of blocking; and the worker's traces loop
 * storing what was kept, readable through the trace API.
 */
import { createServer, type Server } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { EngineDeps } from "../engine/deps";
import { tracesLoop } from "../engine/loops/traces";
import { engineCtx, systemPrincipal } from "../server/auth/principal";
import { getTrace, listTraces } from "../server/dal/traces";
import { resetDatabase } from "../testing/database";
import type { SpanRecord } from "../telemetry/traces/span";
import { SpanBuffer } from "../telemetry/traces/span-buffer";
import { DataPlane } from "./data-plane";
import { parseTraceparent } from "./http/traceparent";
import { freePort, startDemoService, type DemoService } from "./testing/demo-service";
import { testClient, type DemoEcho } from "./testing/http-client";
import { eventually, sendMany } from "./testing/load";
import type { BackendConfig, PoolConfig } from "./types";

const POOL_ID = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const CALLER_TRACE = "0af7651916cd43dd8448eb211c80319c";
const CALLER_SPAN = "b7ad6b7169203331";

let service: DemoService;
let failing: Server;
let failingPort = 0;
const client = testClient(16);
let dataPlane: DataPlane | null = null;

beforeAll(async () => {
  service = await startDemoService({ name: "a" });
  failing = await new Promise<Server>((resolve) => {
    const server = createServer((_req, res) => res.writeHead(500).end("boom"));
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
  failingPort = (failing.address() as { port: number }).port;
});

afterEach(async () => {
  await dataPlane?.close();
  dataPlane = null;
});

afterAll(async () => {
  await client.close();
  await service.kill();
  await new Promise((resolve) => failing.close(resolve));
});

const backend = (change: Partial<BackendConfig> = {}): BackendConfig => ({
  id: "backend-a",
  address: "127.0.0.1",
  port: service.port,
  weight: 1,
  maxConnections: 1000,
  health: "healthy",
  podName: "web-a",
  ...change,
});
const pool = (backends: BackendConfig[]): PoolConfig => ({ id: POOL_ID, name: "web", algorithm: "round_robin", listenPort: 0, backends });

async function serve(backends: BackendConfig[], sampleRate: number, sink: SpanBuffer = new SpanBuffer(10_000)) {
  dataPlane = new DataPlane({ tracing: { sampleRate, sink } });
  await dataPlane.reconcile([pool(backends)]);
  return { url: `http://127.0.0.1:${dataPlane.portOf(POOL_ID)}`, sink };
}

/** Wait for the spans of `n` requests (the proxy records them as each response ends). */
async function drained(sink: SpanBuffer, atLeast: number): Promise<SpanRecord[]> {
  await eventually(() => sink.size >= atLeast, 2000);
  return sink.drain();
}

describe("spans of proxied requests", () => {
  test("a SERVER span and a CLIENT child; the backend's traceparent names the CLIENT span", async () => {
    const { url, sink } = await serve([backend()], 1);
    const response = await client.get(`${url}/cart?id=7`);
    const seen = parseTraceparent((JSON.parse(response.text) as DemoEcho).traceparent!)!;
    const spans = await drained(sink, 2);
    const server = spans.find((s) => s.kind === "server")!;
    const upstream = spans.find((s) => s.kind === "client")!;
    expect(spans).toHaveLength(2);
    expect(server).toMatchObject({
      traceId: seen.traceId,
      parentSpanId: null,
      name: "GET /cart",
      service: "web",
      status: "unset",
      poolId: POOL_ID,
      podName: "web-a",
      attributes: {
        "http.request.method": "GET",
        "url.path": "/cart",
        "http.response.status_code": 200,
        "stratus.pool.id": POOL_ID,
        "stratus.pool.name": "web",
        "stratus.pod.name": "web-a",
        "stratus.backend.address": `127.0.0.1:${service.port}`,
        "stratus.retry.count": 0,
      },
    });
    expect(upstream).toMatchObject({ traceId: seen.traceId, parentSpanId: server.spanId, spanId: seen.parentId, podName: "web-a" });
    expect(seen.flags).toBe("01");
    // The attempt lies within the request.
    expect(upstream.startUs).toBeGreaterThanOrEqual(server.startUs);
    expect(upstream.startUs + upstream.durationUs).toBeLessThanOrEqual(server.startUs + server.durationUs + 1);
  });

  test("a retried GET shows two attempts: the refused one, then the one the backend saw", async () => {
    const deadPort = await freePort();
    const { url, sink } = await serve([backend(), backend({ id: "backend-dead", port: deadPort, podName: "web-dead" })], 1);
    const responses = await sendMany(6, 1, () => client.get(`${url}/retry`));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const spans = await drained(sink, 6 * 2);
    const traces = [...new Set(spans.map((s) => s.traceId))].map((id) => spans.filter((s) => s.traceId === id));
    const retried = traces.find((trace) => trace.length === 3)!;
    expect(retried).toBeDefined();
    const server = retried.find((s) => s.kind === "server")!;
    const [first, second] = retried.filter((s) => s.kind === "client").sort((a, b) => a.startUs - b.startUs);
    expect(server.attributes["stratus.retry.count"]).toBe(1);
    expect(first).toMatchObject({ parentSpanId: server.spanId, status: "error", podName: "web-dead", attributes: { "error.type": "ECONNREFUSED" } });
    expect(second).toMatchObject({ parentSpanId: server.spanId, status: "unset", podName: "web-a", attributes: { "http.request.resend_count": 1 } });
    const echoes = responses.map((r) => parseTraceparent((JSON.parse(r.text) as DemoEcho).traceparent!)!);
    expect(echoes.find((e) => e.traceId === server.traceId)!.parentId).toBe(second!.spanId);
  });
});

describe("sampling", () => {
  test("sampled out: nothing is recorded and the backend is told so; a failure is recorded anyway", async () => {
    const { url, sink } = await serve([backend()], 0);
    const ok = await client.get(`${url}/fine`);
    expect(parseTraceparent((JSON.parse(ok.text) as DemoEcho).traceparent!)!.flags).toBe("00");
    await dataPlane!.reconcile([pool([backend({ port: failingPort })])]);
    expect((await client.get(`${url}/broken`)).status).toBe(500);
    const spans = (await drained(sink, 2)).sort((a, b) => a.kind.localeCompare(b.kind));
    expect(spans.map((s) => [s.kind, s.name, s.status])).toEqual([
      ["client", "GET web-a", "error"],
      ["server", "GET /broken", "error"],
    ]);
    expect(spans.find((s) => s.kind === "server")!.attributes).toMatchObject({ "http.response.status_code": 500, "error.type": "500" });
  });

  test("no backend at all: the 503 is a recorded error span", async () => {
    const { url, sink } = await serve([backend({ health: "unhealthy" })], 0);
    expect((await client.get(`${url}/none`)).status).toBe(503);
    const spans = await drained(sink, 1);
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ kind: "server", status: "error", statusMessage: "no healthy backend", attributes: { "error.type": "no_backend" } });
  });

  test("a caller's traceparent decides: sampled is kept at rate 0, not sampled is dropped at rate 1", async () => {
    const sink = new SpanBuffer(100);
    const { url } = await serve([backend()], 0, sink);
    await client.get(`${url}/kept`, { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` });
    const kept = await drained(sink, 2);
    expect(kept.find((s) => s.kind === "server")).toMatchObject({ traceId: CALLER_TRACE, parentSpanId: CALLER_SPAN });

    await dataPlane!.close();
    const second = await serve([backend()], 1, sink);
    await client.get(`${second.url}/dropped`, { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-00` });
    await client.get(`${second.url}/new-trace`);
    const spans = await drained(sink, 2);
    expect(spans.map((s) => s.attributes["url.path"])).toEqual(["/new-trace", "/new-trace"]);
  });

  test("a full buffer drops and counts spans; requests are served all the same", async () => {
    const sink = new SpanBuffer(3);
    const { url } = await serve([backend()], 1, sink);
    const responses = await sendMany(10, 2, () => client.get(`${url}/busy`));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    await eventually(() => sink.size + sink.dropped === 20, 2000);
    expect([sink.size, sink.dropped]).toEqual([3, 17]);
  });
});

describe("stored by the worker's traces loop", () => {
  test("kept spans are written and queryable; sampled-out requests leave nothing", async () => {
    await resetDatabase();
    const { url, sink } = await serve([backend()], 0);
    for (let i = 0; i < 5; i++) expect((await client.get(`${url}/quiet`)).status).toBe(200);
    await dataPlane!.reconcile([pool([backend({ port: failingPort })])]);
    expect((await client.get(`${url}/loud`)).status).toBe(500);
    await eventually(() => sink.size >= 2, 2000);
    const now = Date.now();
    await tracesLoop(sink).tick({ write: { ctx: engineCtx("traces") }, now } as unknown as EngineDeps);

    const ctx = { principal: systemPrincipal };
    const { items } = await listTraces({ ctx, query: {}, now: now + 1000 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ rootName: "GET /loud", service: "web", spanCount: 2, errorCount: 2 });
    const trace = await getTrace({ ctx, traceId: items[0]!.traceId });
    expect(trace.spans.map((s) => s.kind).sort()).toEqual(["client", "server"]);
  });

  test("spans still buffered at shutdown are written by flush", async () => {
    await resetDatabase();
    const { url, sink } = await serve([backend()], 1);
    await sendMany(3, 1, () => client.get(`${url}/last`));
    await eventually(() => sink.size >= 6, 2000);
    await tracesLoop(sink).flush();
    expect(sink.size).toBe(0);
    const { items } = await listTraces({ ctx: { principal: systemPrincipal }, query: {}, now: Date.now() + 1000 });
    expect(items.filter((t) => t.rootName === "GET /last")).toHaveLength(3);
  });
});
