/**
 * The OTLP routes' encodings at the edges: protobuf partial successes and errors answered in protobuf (Export*Response,
 * google.rpc.Status), gzip for either encoding, and the refusals — malformed protobuf or gzip (400), a body that inflates past the limit (413, counted), an
 * unknown Content-Encoding or protobuf on Stratus's own push path (415).
 */
import { gzipSync } from "node:zlib";
import { ProtobufMetricsSerializer } from "@opentelemetry/otlp-transformer";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import protobuf from "protobufjs/light";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import * as push from "@/app/api/v1/metrics/route";
import * as prom from "@/app/metrics/route";
import { clearSeriesCache } from "@/lib/server/dal/metrics";
import descriptor from "@/lib/telemetry/otlp-proto/otlp.json";
import { decodeOtlpStatus } from "@/lib/telemetry/otlp-protobuf";
import { ADMIN_TOKEN } from "@/lib/testing/api";
import { resetDatabase } from "@/lib/testing/database";
import * as logs from "./logs/route";
import * as metrics from "./metrics/route";
import * as traces from "./traces/route";

beforeEach(async () => {
  await resetDatabase();
  clearSeriesCache();
});
afterEach(() => {
  delete process.env.STRATUS_METRICS_MAX_BODY_BYTES;
});

type Handler = (req: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;
const post = (handler: Handler, path: string, body: Uint8Array | string, headers: Record<string, string>) =>
  handler(new Request(`http://localhost${path}`, { method: "POST", body: Buffer.from(body), headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...headers } }), { params: Promise.resolve({}) });

const root = protobuf.Root.fromJSON(descriptor as protobuf.INamespace);
const metricsRequest = root.lookupType("opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest");
const encodeMetrics = (metricList: unknown[]) =>
  metricsRequest.encode(metricsRequest.fromObject({ resourceMetrics: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "shop" } }] }, scopeMetrics: [{ metrics: metricList }] }] })).finish();
const gauge = (name: string, value: number) => ({ name, gauge: { dataPoints: [{ asDouble: value, timeUnixNano: String(BigInt(Date.now()) * 1_000_000n) }] } });
const PROTOBUF = { "content-type": "application/x-protobuf" };

describe("protobuf", () => {
  test("stores what it can map and answers a protobuf partial success for the rest", async () => {
    const res = await post(metrics.POST, "/v1/metrics", encodeMetrics([gauge("pb_gauge", 2.5), { name: "pb_exp", exponentialHistogram: { dataPoints: [{ count: 1 }] } }]), PROTOBUF);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-protobuf");
    expect(ProtobufMetricsSerializer.deserializeResponse(new Uint8Array(await res.arrayBuffer()))).toEqual({
      partialSuccess: { rejectedDataPoints: 1, errorMessage: "unsupported or malformed data points" },
    });
  });

  test.each([
    ["/v1/metrics", metrics.POST],
    ["/v1/traces", traces.POST],
    ["/v1/logs", logs.POST],
  ] as const)("malformed protobuf on %s is a 400, answered as a protobuf google.rpc.Status", async (path, handler) => {
    const res = await post(handler, path, Uint8Array.of(0x0a, 0x7f, 0x01), PROTOBUF);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/x-protobuf");
    const status = decodeOtlpStatus(new Uint8Array(await res.arrayBuffer()));
    expect(status.code).toBe(3); // INVALID_ARGUMENT
    expect(status.message).toMatch(/not a valid OTLP protobuf/);
  });

  test("a protobuf request without credentials gets a protobuf Status too; a JSON one gets problem+json", async () => {
    const anonymous = (contentType: string) =>
      traces.POST(new Request("http://localhost/v1/traces", { method: "POST", body: Buffer.from("{}"), headers: { "content-type": contentType } }), { params: Promise.resolve({}) });
    const protobufAnswer = await anonymous("application/x-protobuf");
    expect(protobufAnswer.status).toBe(401);
    expect(decodeOtlpStatus(new Uint8Array(await protobufAnswer.arrayBuffer())).code).toBe(16); // UNAUTHENTICATED
    const jsonAnswer = await anonymous("application/json");
    expect(jsonAnswer.status).toBe(401);
    expect(jsonAnswer.headers.get("content-type")).toContain("application/problem+json");
  });

  test("Stratus's own push format takes JSON only", async () => {
    expect((await post(push.POST, "/api/v1/metrics", encodeMetrics([gauge("x", 1)]), PROTOBUF)).status).toBe(415);
  });
});

describe("gzip", () => {
  const sizeRefusals = async () => {
    const family = parsePrometheusTextFormat(await (await prom.GET()).text()).find((f) => f.name === "stratus_metrics_ingest_refused_requests_total");
    return Number(family?.metrics.find((m) => m.labels?.reason === "size" && m.labels.protocol === "otlp")?.value ?? 0);
  };

  test("either encoding may be gzipped", async () => {
    const json = JSON.stringify({ resourceMetrics: [{ scopeMetrics: [{ metrics: [gauge("gz_json", 1)] }] }] });
    const fromJson = await post(metrics.POST, "/v1/metrics", gzipSync(json), { "content-type": "application/json", "content-encoding": "gzip" });
    expect(fromJson.status).toBe(200);
    expect(await fromJson.json()).toEqual({});
    const fromProtobuf = await post(metrics.POST, "/v1/metrics", gzipSync(encodeMetrics([gauge("gz_pb", 2)])), { ...PROTOBUF, "content-encoding": "gzip" });
    expect(fromProtobuf.status).toBe(200);
    expect(new Uint8Array(await fromProtobuf.arrayBuffer())).toHaveLength(0); // an empty response: full success
  });

  test("a body that inflates past the limit is a 413, counted like an oversized one", async () => {
    process.env.STRATUS_METRICS_MAX_BODY_BYTES = "10000";
    const bomb = gzipSync(Buffer.alloc(1_000_000, " ")); // ~1 KB that inflates to 1 MB
    expect(bomb.byteLength).toBeLessThan(10_000);
    const before = await sizeRefusals();
    const res = await post(metrics.POST, "/v1/metrics", bomb, { "content-type": "application/json", "content-encoding": "gzip" });
    expect(res.status).toBe(413);
    expect(await sizeRefusals()).toBe(before + 1);
  });

  test("bytes that are not gzip are a 400; an encoding other than gzip is a 415", async () => {
    expect((await post(metrics.POST, "/v1/metrics", "{}", { "content-type": "application/json", "content-encoding": "gzip" })).status).toBe(400);
    expect((await post(metrics.POST, "/v1/metrics", "{}", { "content-type": "application/json", "content-encoding": "br" })).status).toBe(415);
  });
});
