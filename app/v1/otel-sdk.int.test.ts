/**
 * The real OpenTelemetry JS SDK exports metrics, spans and log records to Stratus over HTTP — once through the
 * OTLP/HTTP JSON exporters, once through the protobuf ones (gzipped, as OTEL_EXPORTER_OTLP_COMPRESSION asks) — and
 * everything is read back through the query APIs. The exporters must also accept every answer they get: any
 * diagnostic warning or error from the SDK (e.g. an undecodable response) fails the test.
 */
import { createServer, type Server } from "node:http";
import { Readable } from "node:stream";
import { context, diag, DiagLogLevel, SpanStatusCode, trace, SpanKind } from "@opentelemetry/api";
import { SeverityNumber } from "@opentelemetry/api-logs";
import { OTLPLogExporter as JsonLogExporter } from "@opentelemetry/exporter-logs-otlp-http";
import { OTLPLogExporter as ProtoLogExporter } from "@opentelemetry/exporter-logs-otlp-proto";
import { OTLPMetricExporter as JsonMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPMetricExporter as ProtoMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { OTLPTraceExporter as JsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtoTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchLogRecordProcessor, LoggerProvider } from "@opentelemetry/sdk-logs";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as logs from "@/app/api/v1/logs/route";
import * as metricQuery from "@/app/api/v1/metrics/query/route";
import * as traceById from "@/app/api/v1/traces/[traceId]/route";
import * as prom from "@/app/metrics/route";
import { clearSeriesCache } from "@/lib/server/dal/metrics";
import { call } from "@/lib/testing/api";
import { createTestToken, createTestUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import * as otlpLogs from "./logs/route";
import * as otlpMetrics from "./metrics/route";
import * as otlpTraces from "./traces/route";

type Handler = (req: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ROUTES: Record<string, Handler> = { "/v1/metrics": otlpMetrics.POST, "/v1/logs": otlpLogs.POST, "/v1/traces": otlpTraces.POST };

/** The OTLP routes behind a real HTTP server on a loopback port, as the exporters reach a collector. */
async function serveOtlp(): Promise<{ server: Server; base: string; requests: Array<{ path: string; type: string; encoding: string; status: number }> }> {
  const requests: Array<{ path: string; type: string; encoding: string; status: number }> = [];
  const server = createServer((req, res) => {
    const handler = req.method === "POST" ? ROUTES[req.url ?? ""] : undefined;
    if (!handler) return void res.writeHead(404).end();
    const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
    const request = new Request(`http://${req.headers.host}${req.url}`, { method: "POST", headers, body: Readable.toWeb(req) as ReadableStream, duplex: "half" } as RequestInit);
    void handler(request, { params: Promise.resolve({}) }).then(async (response) => {
      requests.push({ path: req.url!, type: headers.get("content-type") ?? "", encoding: headers.get("content-encoding") ?? "", status: response.status });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return { server, base: `http://127.0.0.1:${address.port}`, requests };
}

const diagnostics: string[] = [];
let otlp: Awaited<ReturnType<typeof serveOtlp>>;
let token: string;

beforeAll(async () => {
  await resetDatabase();
  clearSeriesCache();
  token = await createTestToken(await createTestUser("operator"), "operator");
  otlp = await serveOtlp();
  const record = (level: string) => (message: string, ...args: unknown[]) => diagnostics.push(`${level}: ${message} ${args.map(String).join(" ")}`);
  diag.setLogger({ error: record("error"), warn: record("warn"), info: () => {}, debug: () => {}, verbose: () => {} }, DiagLogLevel.WARN);
});
afterAll(async () => {
  diag.disable();
  otlp.server.closeAllConnections(); // the exporters' keep-alive sockets
  await new Promise((resolve) => otlp.server.close(resolve));
});

const ENCODINGS = [
  { encoding: "json", metric: JsonMetricExporter, trace: JsonTraceExporter, log: JsonLogExporter, compression: undefined },
  { encoding: "protobuf", metric: ProtoMetricExporter, trace: ProtoTraceExporter, log: ProtoLogExporter, compression: "gzip" },
] as const;

/** What one run exported, for the read-back assertions. */
interface Exported {
  service: string;
  traceId: string;
  parentSpanId: string;
  childSpanId: string;
  at: number;
}

/** Instrument a pretend checkout service with the SDK and export everything through `exporters`, then flush. */
async function exportWithSdk({ encoding, metric, trace: traceExporter, log, compression }: (typeof ENCODINGS)[number]): Promise<Exported> {
  const service = `checkout-${encoding}`;
  const resource = resourceFromAttributes({ "service.name": service, "k8s.pod.name": `${service}-0` });
  const options = (signal: string) => ({ url: `${otlp.base}/v1/${signal}`, headers: { authorization: `Bearer ${token}` } });
  // Exporters read their compression from the environment when built, as a deployment would configure them.
  if (compression) process.env.OTEL_EXPORTER_OTLP_COMPRESSION = compression;
  const exporters = { metric: new metric(options("metrics")), trace: new traceExporter(options("traces")), log: new log(options("logs")) };
  delete process.env.OTEL_EXPORTER_OTLP_COMPRESSION;

  const meterProvider = new MeterProvider({ resource, readers: [new PeriodicExportingMetricReader({ exporter: exporters.metric, exportIntervalMillis: 3_600_000 })] });
  const tracerProvider = new BasicTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(exporters.trace)] });
  const loggerProvider = new LoggerProvider({ resource, processors: [new BatchLogRecordProcessor({ exporter: exporters.log })] });

  const at = Date.now();
  const meter = meterProvider.getMeter("checkout");
  const orders = meter.createCounter("sdk_orders_total");
  orders.add(3, { route: "/pay" });
  orders.add(4, { route: "/pay" });
  meter.createGauge("sdk_queue_depth").record(42.5, { queue: "payments" });
  const latency = meter.createHistogram("sdk_latency_ms", { advice: { explicitBucketBoundaries: [10, 100] } });
  for (const ms of [5, 50, 60, 500]) latency.record(ms, { route: "/pay" });

  const tracer = tracerProvider.getTracer("checkout");
  const logger = loggerProvider.getLogger("checkout");
  const parent = tracer.startSpan("POST /pay", { kind: SpanKind.SERVER, attributes: { "http.route": "/pay", "http.response.status_code": 502 } });
  const inParent = trace.setSpan(context.active(), parent);
  const child = tracer.startSpan("charge card", { kind: SpanKind.CLIENT, attributes: { "payment.amount": 12.5, "payment.retry": true } }, inParent);
  logger.emit({ severityNumber: SeverityNumber.WARN, severityText: "WARN", body: "card issuer slow", context: trace.setSpan(context.active(), child) });
  child.setStatus({ code: SpanStatusCode.ERROR, message: "card declined" });
  child.end();
  logger.emit({ severityNumber: SeverityNumber.ERROR, body: "payment failed", attributes: { "order.id": "o-17" }, context: inParent });
  parent.end();

  await Promise.all([meterProvider.forceFlush(), tracerProvider.forceFlush(), loggerProvider.forceFlush()]);
  // Not the meter provider: its shutdown would export the metrics a second time (its reader's timer is unref'd).
  await Promise.all([tracerProvider.shutdown(), loggerProvider.shutdown()]);
  return { service, traceId: parent.spanContext().traceId, parentSpanId: parent.spanContext().spanId, childSpanId: child.spanContext().spanId, at };
}

const ingested = async () => {
  const families = parsePrometheusTextFormat(await (await prom.GET()).text());
  const count = (name: string) => Number(families.find((f) => f.name === name)?.metrics.find((m) => m.labels?.protocol === "otlp")?.value ?? 0);
  return { samples: count("stratus_metrics_ingest_samples_total"), spans: count("stratus_traces_ingest_spans_total"), records: count("stratus_logs_ingest_records_total") };
};

describe.each(ENCODINGS)("the OpenTelemetry JS SDK over OTLP/HTTP $encoding", (encoding) => {
  let exported: Exported;
  let counted: { samples: number; spans: number; records: number };

  beforeAll(async () => {
    const before = await ingested();
    otlp.requests.length = 0;
    exported = await exportWithSdk(encoding);
    const after = await ingested();
    counted = { samples: after.samples - before.samples, spans: after.spans - before.spans, records: after.records - before.records };
  });

  test("each signal went out in this encoding, was accepted, and the exporters took the answers without complaint", () => {
    const type = encoding.encoding === "json" ? "application/json" : "application/x-protobuf";
    expect(otlp.requests.map((r) => r.path).sort()).toEqual(["/v1/logs", "/v1/metrics", "/v1/traces"]);
    for (const r of otlp.requests) expect(r).toMatchObject({ type, encoding: encoding.compression ?? "", status: 200 });
    expect(diagnostics).toEqual([]);
    // counter + gauge + histogram; two spans; two records — counted on /metrics, read with a Prometheus parser.
    expect(counted).toEqual({ samples: 3, spans: 2, records: 2 });
  });

  const metric = async (name: string, agg: string) => {
    const from = Math.floor(exported.at / 60_000) * 60_000;
    const res = await call(metricQuery.GET, "GET", "/api/v1/metrics/query", { query: { name, agg, labels: `service.name=${exported.service}`, from: String(from), to: String(from + 120_000), step: "60" } });
    expect(res.status).toBe(200);
    return res.json!.series as Array<{ labels: Record<string, string>; kind: string; points: Array<[number, number]> }>;
  };

  test("the counter, the gauge and the histogram come back with their values and labels", async () => {
    const [orders] = await metric("sdk_orders_total", "last");
    expect(orders).toMatchObject({ kind: "counter", labels: { route: "/pay", "k8s.pod.name": `${exported.service}-0` }, points: [[expect.any(Number), 7]] });
    const [queue] = await metric("sdk_queue_depth", "last");
    expect(queue).toMatchObject({ kind: "gauge", labels: { queue: "payments" }, points: [[expect.any(Number), 42.5]] });
    // 4 observations in (≤10, ≤100, >100) = (1, 2, 1): the median is the 2nd, interpolated inside (10, 100].
    const [latency] = await metric("sdk_latency_ms", "p50");
    expect(latency).toMatchObject({ kind: "histogram", labels: { route: "/pay" } });
    expect(latency!.points).toHaveLength(1);
    expect(latency!.points[0]![1]).toBeCloseTo(55, 6);
  });

  test("the span tree comes back with parent and child ids, kinds, attributes and the error", async () => {
    const res = await call(traceById.GET, "GET", `/api/v1/traces/${exported.traceId}`, { params: { traceId: exported.traceId } });
    expect(res.status).toBe(200);
    const spans = res.json!.spans as Array<Record<string, unknown>>;
    expect(spans).toHaveLength(2);
    const parent = spans.find((s) => s.spanId === exported.parentSpanId)!;
    const child = spans.find((s) => s.spanId === exported.childSpanId)!;
    expect(parent).toMatchObject({ traceId: exported.traceId, parentSpanId: null, name: "POST /pay", service: exported.service, kind: "server", status: "unset" });
    expect(parent.attributes).toMatchObject({ "http.route": "/pay", "http.response.status_code": 502 });
    expect(child).toMatchObject({ parentSpanId: exported.parentSpanId, name: "charge card", kind: "client", status: "error", statusMessage: "card declined" });
    expect(child.attributes).toMatchObject({ "payment.amount": 12.5, "payment.retry": true });
  });

  test("the log records come back with their levels, bodies and trace context", async () => {
    const res = await call(logs.GET, "GET", "/api/v1/logs", { query: { service: exported.service, from: String(exported.at - 60_000) } });
    expect(res.status).toBe(200);
    const items = (res.json!.items as Array<Record<string, unknown>>).map((r) => [r.level, r.body, r.traceId, r.spanId, r.pod]);
    expect(items).toEqual(
      expect.arrayContaining([
        ["warn", "card issuer slow", exported.traceId, exported.childSpanId, `${exported.service}-0`],
        ["error", "payment failed", exported.traceId, exported.parentSpanId, `${exported.service}-0`],
      ]),
    );
    expect(items).toHaveLength(2);
    const byTrace = await call(logs.GET, "GET", "/api/v1/logs", { query: { traceId: exported.traceId, level: "error", from: String(exported.at - 60_000) } });
    expect((byTrace.json!.items as Array<{ body: string }>).map((r) => r.body)).toEqual(["payment failed"]);
  });
});
