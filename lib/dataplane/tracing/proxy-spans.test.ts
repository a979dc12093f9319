import { expect, test } from "vitest";
import { proxySpans, type AttemptTrace, type ProxiedRequest } from "./proxy-spans";

const TRACE = "0af7651916cd43dd8448eb211c80319c";
const attempt = (change: Partial<AttemptTrace> = {}): AttemptTrace => ({
  spanId: "00f067aa0ba902b7",
  backendId: "backend-a",
  address: "127.0.0.1",
  port: 4001,
  podName: "web-1",
  startUs: 1_000_100,
  endUs: 1_002_100,
  status: 200,
  failed: false,
  errorType: null,
  ...change,
});
const request = (change: Partial<ProxiedRequest> = {}): ProxiedRequest => ({
  traceId: TRACE,
  parentSpanId: null,
  serverSpanId: "b7ad6b7169203331",
  poolId: "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
  poolName: "web",
  method: "GET",
  target: "/cart?token=secret",
  clientAddress: "10.0.0.7",
  startUs: 1_000_000,
  endUs: 1_002_500,
  status: 200,
  failed: false,
  errorType: null,
  statusMessage: null,
  attempts: [attempt()],
  ...change,
});

test("a SERVER span for the hop and a CLIENT span for the attempt, its child, linked to pool and pod", () => {
  const [server, client, ...rest] = proxySpans(request());
  expect(rest).toEqual([]);
  expect(server).toEqual({
    traceId: TRACE,
    spanId: "b7ad6b7169203331",
    parentSpanId: null,
    name: "GET /cart",
    service: "web",
    kind: "server",
    startUs: 1_000_000,
    durationUs: 2_500,
    status: "unset",
    statusMessage: null,
    attributes: {
      "http.request.method": "GET",
      "url.path": "/cart",
      "http.response.status_code": 200,
      "client.address": "10.0.0.7",
      "stratus.pool.id": "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
      "stratus.pool.name": "web",
      "stratus.retry.count": 0,
      "stratus.backend.address": "127.0.0.1:4001",
      "stratus.pod.name": "web-1",
    },
    events: [],
    resource: { "service.name": "web", "service.namespace": "stratus", "telemetry.sdk.name": "stratus-dataplane" },
    poolId: "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
    podName: "web-1",
  });
  expect(client).toMatchObject({
    spanId: "00f067aa0ba902b7",
    parentSpanId: "b7ad6b7169203331",
    name: "GET web-1",
    kind: "client",
    startUs: 1_000_100,
    durationUs: 2_000,
    status: "unset",
    podName: "web-1",
    attributes: { "server.address": "127.0.0.1", "server.port": 4001, "http.response.status_code": 200, "stratus.backend.id": "backend-a" },
  });
  expect(JSON.stringify([server, client])).not.toContain("secret"); // the query string is not recorded
});

test("a retried request: two CLIENT spans, the first failed with its error, the second with a resend count", () => {
  const spans = proxySpans(
    request({
      parentSpanId: "1111111111111111",
      attempts: [
        attempt({ podName: null, port: 4009, status: 502, failed: true, errorType: "ECONNREFUSED", endUs: 1_000_300 }),
        attempt({ spanId: "2222222222222222", startUs: 1_000_400 }),
      ],
    }),
  );
  expect(spans.map((s) => [s.kind, s.spanId, s.parentSpanId, s.status])).toEqual([
    ["server", "b7ad6b7169203331", "1111111111111111", "unset"],
    ["client", "00f067aa0ba902b7", "b7ad6b7169203331", "error"],
    ["client", "2222222222222222", "b7ad6b7169203331", "unset"],
  ]);
  expect(spans[0]!.attributes["stratus.retry.count"]).toBe(1);
  expect(spans[1]).toMatchObject({ name: "GET 127.0.0.1:4009", podName: null, attributes: { "error.type": "ECONNREFUSED", "http.response.status_code": 502 } });
  expect(spans[1]!.attributes).not.toHaveProperty("http.request.resend_count");
  expect(spans[2]!.attributes["http.request.resend_count"]).toBe(1);
});

test("no backend: only the SERVER span, an error with the proxy's problem detail", () => {
  const spans = proxySpans(request({ attempts: [], status: 503, failed: true, errorType: "no_backend", statusMessage: "no healthy backend" }));
  expect(spans).toHaveLength(1);
  expect(spans[0]).toMatchObject({ status: "error", statusMessage: "no healthy backend", podName: null, attributes: { "http.response.status_code": 503, "error.type": "no_backend" } });
  expect(spans[0]!.attributes).not.toHaveProperty("stratus.backend.address");
});

test("a client that left: no status code, marked aborted; a long path is cut", () => {
  const [server] = proxySpans(request({ status: null, target: `/${"x".repeat(400)}` }));
  expect(server!.attributes).toMatchObject({ "stratus.client.aborted": true });
  expect(server!.attributes).not.toHaveProperty("http.response.status_code");
  expect((server!.attributes["url.path"] as string).length).toBe(257);
});
