/**
 * What the data plane tells the logs: a retry after a refused connection and the errors it answers itself, each with
 * the trace id of the request (the caller's, from its traceparent).
 */
import { afterAll, afterEach, expect, test } from "vitest";
import { DataPlane } from "./data-plane";
import { freePort, startDemoService, type DemoService } from "./testing/demo-service";
import type { DataPlaneEvent, PoolConfig } from "./types";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const traceparent = `00-${TRACE}-00f067aa0ba902b7-01`;
let dataPlane: DataPlane | null = null;
let demo: DemoService | null = null;

afterEach(async () => {
  await dataPlane?.close();
  dataPlane = null;
});
afterAll(async () => demo?.kill());

const backend = (id: string, port: number) => ({ id, address: "127.0.0.1", port, weight: 1, maxConnections: 100, health: "healthy" as const });

async function serve(config: PoolConfig, events: DataPlaneEvent[]): Promise<string> {
  dataPlane = new DataPlane({ onEvent: (e) => events.push(e) });
  await dataPlane.reconcile([config]);
  return `http://127.0.0.1:${dataPlane.portOf(config.id)}`;
}

test("a refused connection is retried elsewhere and said so; an answer the proxy gives itself is an error event", async () => {
  demo = await startDemoService({ name: "up" });
  const closed = await freePort(); // nothing listens there: connections are refused
  const events: DataPlaneEvent[] = [];
  const url = await serve({ id: "pool-1", name: "web", algorithm: "round_robin", listenPort: 0, backends: [backend("down", closed), backend("up", demo.port)] }, events);

  for (let i = 0; i < 4; i++) expect((await fetch(`${url}/x`, { headers: { traceparent } })).status).toBe(200);
  expect(events).toContainEqual({ type: "upstream_retry", poolId: "pool-1", backendId: "down", error: "upstream error ECONNREFUSED", traceId: TRACE });
  expect(events.filter((e) => e.type === "upstream_error")).toEqual([]);

  // A POST with a body is not replayed: the refusal is answered as a 502, and said so.
  const noRetry = await serve({ id: "pool-2", name: "api", algorithm: "round_robin", listenPort: 0, backends: [backend("down", closed)] }, events);
  expect((await fetch(`${noRetry}/y`, { method: "POST", body: "x", headers: { traceparent } })).status).toBe(502);
  expect(events).toContainEqual(expect.objectContaining({ type: "upstream_error", poolId: "pool-2", backendId: "down", status: 502, traceId: TRACE }));
});

test("a pool without backends answers 503, as an error event with a fresh trace id when the caller sent none", async () => {
  const events: DataPlaneEvent[] = [];
  const url = await serve({ id: "pool-3", name: "empty", algorithm: "round_robin", listenPort: 0, backends: [] }, events);
  expect((await fetch(`${url}/z`)).status).toBe(503);
  const error = events.find((e) => e.type === "upstream_error");
  expect(error).toMatchObject({ poolId: "pool-3", backendId: null, status: 503 });
  expect((error as { traceId: string }).traceId).toMatch(/^[0-9a-f]{32}$/);
});
