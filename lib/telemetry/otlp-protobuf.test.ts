import { readFileSync } from "node:fs";
import path from "node:path";
import { context, trace, SpanStatusCode } from "@opentelemetry/api";
import { SeverityNumber } from "@opentelemetry/api-logs";
import {
  JsonLogsSerializer,
  JsonMetricsSerializer,
  JsonTraceSerializer,
  ProtobufLogsSerializer,
  ProtobufMetricsSerializer,
  ProtobufTraceSerializer,
} from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import protobuf from "protobufjs/light";
import { describe, expect, it } from "vitest";
import { buildOtlpDescriptor, PROTO_DIR } from "@/scripts/otlp-descriptor";
import { logRecordsFromOtlpJson } from "./logs/otlp-logs";
import { samplesFromOtlpJson } from "./otlp";
import descriptor from "./otlp-proto/otlp.json";
import { otlpJsonFromProtobuf, OtlpProtobufError, otlpProtobufResponse } from "./otlp-protobuf";
import { spansFromOtlpJson } from "./traces/otlp-traces";

const resource = resourceFromAttributes({ "service.name": "checkout", "k8s.pod.name": "checkout-7f9c" });
const jsonOf = (bytes: Uint8Array | undefined) => JSON.parse(Buffer.from(bytes!).toString("utf8")) as unknown;

/** A reader the test collects from by hand. */
class CollectingReader extends MetricReader {
  protected async onForceFlush() {}
  protected async onShutdown() {}
}

async function sdkMetrics() {
  const reader = new CollectingReader();
  const meter = new MeterProvider({ resource, readers: [reader] }).getMeter("shop");
  meter.createCounter("orders_total").add(5, { route: "/pay" });
  meter.createUpDownCounter("queue_depth").add(-3);
  meter.createGauge("temperature_celsius").record(21.5, { room: "a" });
  const latency = meter.createHistogram("latency_ms", { advice: { explicitBucketBoundaries: [10, 100] } });
  for (const ms of [5, 50, 500, 70]) latency.record(ms, { route: "/pay" });
  const { resourceMetrics, errors } = await reader.collect();
  expect(errors).toEqual([]);
  return resourceMetrics;
}

function sdkSpans() {
  const exporter = new InMemorySpanExporter();
  const tracer = new BasicTracerProvider({ resource, spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer("shop");
  const parent = tracer.startSpan("POST /pay", { attributes: { "http.route": "/pay", retries: 2 } });
  const child = tracer.startSpan("charge card", { attributes: { amount: 12.5, ok: false } }, trace.setSpan(context.active(), parent));
  child.addEvent("declined", { code: "51" });
  child.setStatus({ code: SpanStatusCode.ERROR, message: "card declined" });
  child.end();
  parent.end();
  return exporter.getFinishedSpans();
}

async function sdkLogs() {
  const exporter = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({ resource, processors: [new SimpleLogRecordProcessor({ exporter })] });
  const logger = provider.getLogger("shop");
  logger.emit({ severityNumber: SeverityNumber.WARN, severityText: "WARN", body: "slow payment", attributes: { attempt: 3 } });
  logger.emit({ severityNumber: SeverityNumber.ERROR, body: { reason: "declined", code: 51 } });
  await provider.forceFlush();
  return exporter.getFinishedLogRecords();
}

describe("otlpJsonFromProtobuf", () => {
  it("maps an SDK's protobuf metrics to the same samples as its JSON", async () => {
    const metrics = await sdkMetrics();
    const fromProtobuf = samplesFromOtlpJson(otlpJsonFromProtobuf("metrics", ProtobufMetricsSerializer.serializeRequest(metrics)!), 0);
    expect(fromProtobuf).toEqual(samplesFromOtlpJson(jsonOf(JsonMetricsSerializer.serializeRequest(metrics)), 0));
    const byName = Object.fromEntries(fromProtobuf.samples.map((s) => [s.name, s]));
    expect(byName.orders_total).toMatchObject({ kind: "counter", value: 5, labels: { route: "/pay", "service.name": "checkout" } });
    expect(byName.queue_depth).toMatchObject({ kind: "gauge", value: -3 });
    expect(byName.temperature_celsius).toMatchObject({ kind: "gauge", value: 21.5, labels: { room: "a" } });
    expect(byName.latency_ms).toMatchObject({ kind: "histogram", value: 625, count: 4, bounds: [10, 100], buckets: [1, 3, 4] });
    expect(fromProtobuf.skipped).toBe(0);
  });

  it("maps an SDK's protobuf spans to the same spans as its JSON, ids as hex", () => {
    const spans = sdkSpans();
    const fromProtobuf = spansFromOtlpJson(otlpJsonFromProtobuf("traces", ProtobufTraceSerializer.serializeRequest(spans)!));
    expect(fromProtobuf).toEqual(spansFromOtlpJson(jsonOf(JsonTraceSerializer.serializeRequest(spans))));
    const [child, parent] = fromProtobuf.spans;
    expect(parent).toMatchObject({ name: "POST /pay", traceId: spans[1]!.spanContext().traceId, spanId: spans[1]!.spanContext().spanId, parentSpanId: null });
    expect(child).toMatchObject({ name: "charge card", parentSpanId: parent!.spanId, status: "error", statusMessage: "card declined" });
    expect(child!.attributes).toMatchObject({ amount: 12.5, ok: false });
    expect(child!.events).toMatchObject([{ name: "declined", attributes: { code: "51" } }]);
  });

  it("maps an SDK's protobuf log records to the same records as its JSON", async () => {
    const logs = await sdkLogs();
    const fromProtobuf = logRecordsFromOtlpJson(otlpJsonFromProtobuf("logs", ProtobufLogsSerializer.serializeRequest(logs)!), 0);
    expect(fromProtobuf).toEqual(logRecordsFromOtlpJson(jsonOf(JsonLogsSerializer.serializeRequest(logs)), 0));
    expect(fromProtobuf.records.map((r) => [r.level, r.service, r.pod])).toEqual([
      ["warn", "checkout", "checkout-7f9c"],
      ["error", "checkout", "checkout-7f9c"],
    ]);
  });

  it("keeps 64-bit integers exact as decimal strings, ids as hex, other bytes as base64, NaN as a string", () => {
    const request = typeFor("trace.v1.ExportTraceServiceRequest");
    const bytes = request
      .encode(
        request.fromObject({
          resourceSpans: [
            {
              scopeSpans: [
                {
                  spans: [
                    {
                      traceId: Buffer.from("0af7651916cd43dd8448eb211c80319c", "hex"),
                      spanId: Buffer.from("b7ad6b7169203331", "hex"),
                      name: "x",
                      kind: 2,
                      startTimeUnixNano: "1764000000123456789",
                      endTimeUnixNano: "18446744073709551615",
                      attributes: [
                        { key: "big", value: { intValue: "-9007199254740993" } },
                        { key: "raw", value: { bytesValue: Buffer.from([1, 2, 255]) } },
                        { key: "nan", value: { doubleValue: Number.NaN } },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        }),
      )
      .finish();
    expect(otlpJsonFromProtobuf("traces", bytes)).toEqual({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: "0af7651916cd43dd8448eb211c80319c",
                  spanId: "b7ad6b7169203331",
                  name: "x",
                  kind: 2,
                  startTimeUnixNano: "1764000000123456789",
                  endTimeUnixNano: "18446744073709551615",
                  attributes: [
                    { key: "big", value: { intValue: "-9007199254740993" } },
                    { key: "raw", value: { bytesValue: "AQL/" } },
                    { key: "nan", value: { doubleValue: "NaN" } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it("refuses bytes that are not an export request", () => {
    expect(() => otlpJsonFromProtobuf("metrics", Uint8Array.of(0x0a, 0x7f, 0x01))).toThrow(OtlpProtobufError);
    expect(() => otlpJsonFromProtobuf("logs", Buffer.from('{"resourceLogs":[]}'))).toThrow(OtlpProtobufError);
  });

  it("decodes an empty body as an empty request", () => {
    expect(otlpJsonFromProtobuf("metrics", new Uint8Array())).toEqual({});
  });
});

describe("otlpProtobufResponse", () => {
  it("is empty on full success and what the SDK's exporters decode as a partial success otherwise", () => {
    expect(otlpProtobufResponse("traces")).toHaveLength(0);
    expect(ProtobufMetricsSerializer.deserializeResponse(otlpProtobufResponse("metrics", 3, "bad points"))).toEqual({ partialSuccess: { rejectedDataPoints: 3, errorMessage: "bad points" } });
    expect(ProtobufTraceSerializer.deserializeResponse(otlpProtobufResponse("traces", 1, "bad span"))).toEqual({ partialSuccess: { rejectedSpans: 1, errorMessage: "bad span" } });
    expect(ProtobufLogsSerializer.deserializeResponse(otlpProtobufResponse("logs", 2, "bad records"))).toEqual({ partialSuccess: { rejectedLogRecords: 2, errorMessage: "bad records" } });
  });
});

describe("the vendored descriptor", () => {
  it("is what the .proto files build (rebuild with scripts/otlp-descriptor.ts)", () => {
    expect(readFileSync(path.join(PROTO_DIR, "otlp.json"), "utf8")).toBe(buildOtlpDescriptor());
  });
});

function typeFor(name: string): protobuf.Type {
  return protobuf.Root.fromJSON(descriptor as protobuf.INamespace).lookupType(`opentelemetry.proto.collector.${name}`);
}
