import { describe, expect, test } from "vitest";
import { spansFromOtlpJson } from "./otlp-traces";

const TRACE = "5b8efff798038103d269b633813fc60c";
const SPAN = "eee19b7ec3c1b174";
const PARENT = "eee19b7ec3c1b173";
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const request = (spans: unknown[], resource: unknown[] = [str("service.name", "checkout")], scope: unknown = { name: "my.lib", version: "1.0.0" }) => ({
  resourceSpans: [{ resource: { attributes: resource }, scopeSpans: [{ scope, spans }] }],
});
const span = (change: Record<string, unknown> = {}) => ({
  traceId: TRACE,
  spanId: SPAN,
  parentSpanId: PARENT,
  name: "GET /cart",
  kind: 2,
  startTimeUnixNano: "1544712660000000000",
  endTimeUnixNano: "1544712661250000500",
  ...change,
});

describe("spansFromOtlpJson", () => {
  test("maps ids, times, kind, status, attributes of every AnyValue type, events, resource and scope", () => {
    const { spans, skipped } = spansFromOtlpJson(
      request([
        span({
          traceId: TRACE.toUpperCase(),
          attributes: [
            str("http.request.method", "GET"),
            { key: "http.response.status_code", value: { intValue: "503" } },
            { key: "big", value: { intValue: "9007199254740993" } },
            { key: "ratio", value: { doubleValue: 0.25 } },
            { key: "nan", value: { doubleValue: "NaN" } },
            { key: "retry", value: { boolValue: true } },
            { key: "tags", value: { arrayValue: { values: [{ stringValue: "a" }, { intValue: 2 }] } } },
            { key: "nested", value: { kvlistValue: { values: [str("k", "v")] } } },
            { key: "raw", value: { bytesValue: "AQI=" } },
            { key: "empty", value: {} },
            str("stratus.pool.id", "0193A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B"),
          ],
          status: { code: 2, message: "upstream refused" },
          events: [
            { timeUnixNano: "1544712660500000000", name: "retry", attributes: [str("reason", "ECONNREFUSED")] },
            { name: "no time, dropped" },
          ],
        }),
      ], [str("service.name", "checkout"), str("k8s.pod.name", "checkout-7d9f")]),
    );
    expect(skipped).toBe(0);
    expect(spans).toEqual([
      {
        traceId: TRACE,
        spanId: SPAN,
        parentSpanId: PARENT,
        name: "GET /cart",
        service: "checkout",
        kind: "server",
        startUs: 1_544_712_660_000_000,
        durationUs: 1_250_000,
        status: "error",
        statusMessage: "upstream refused",
        attributes: {
          "http.request.method": "GET",
          "http.response.status_code": 503,
          big: "9007199254740993",
          ratio: 0.25,
          nan: "NaN",
          retry: true,
          tags: ["a", 2],
          nested: { k: "v" },
          raw: "AQI=",
          empty: null,
          "stratus.pool.id": "0193A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B",
          "otel.scope.name": "my.lib",
          "otel.scope.version": "1.0.0",
        },
        events: [{ name: "retry", timeUs: 1_544_712_660_500_000, attributes: { reason: "ECONNREFUSED" } }],
        resource: { "service.name": "checkout", "k8s.pod.name": "checkout-7d9f" },
        poolId: "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
        podName: "checkout-7d9f",
      },
    ]);
  });

  test.each([
    [0, "internal"],
    [1, "internal"],
    [3, "client"],
    ["SPAN_KIND_PRODUCER", "producer"],
    ["SPAN_KIND_CONSUMER", "consumer"],
    [undefined, "internal"],
    [42, "internal"],
  ])("kind %j → %s", (kind, expected) => {
    expect(spansFromOtlpJson(request([span({ kind })])).spans[0]!.kind).toBe(expected);
  });

  test.each([
    [undefined, "unset"],
    [{}, "unset"],
    [{ code: 1 }, "ok"],
    [{ code: "STATUS_CODE_ERROR" }, "error"],
  ])("status %j → %s", (status, expected) => {
    expect(spansFromOtlpJson(request([span({ status })])).spans[0]!.status).toBe(expected);
  });

  test("a root span has no parent; no service.name is unknown_service; ids from a protobuf decoder are bytes", () => {
    const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex, "hex"));
    const { spans } = spansFromOtlpJson(request([span({ parentSpanId: "", traceId: bytes(TRACE), spanId: bytes(SPAN) })], []));
    expect(spans[0]).toMatchObject({ traceId: TRACE, spanId: SPAN, parentSpanId: null, service: "unknown_service", resource: {}, poolId: null, podName: null });
  });

  test("start and end as numbers or bigints work too; an instant span lasts 0 µs", () => {
    const { spans } = spansFromOtlpJson(request([span({ startTimeUnixNano: 1_000_000_000, endTimeUnixNano: 1_000_000_000n })]));
    expect(spans[0]).toMatchObject({ startUs: 1_000_000, durationUs: 0 });
  });

  test.each([
    ["a short trace id", { traceId: TRACE.slice(2) }],
    ["an all-zero trace id", { traceId: "0".repeat(32) }],
    ["a non-hex span id", { spanId: "zzzzzzzzzzzzzzzz" }],
    ["an all-zero span id", { spanId: "0".repeat(16) }],
    ["a malformed parent id", { parentSpanId: "abc" }],
    ["no name", { name: "" }],
    ["a name that is not a string", { name: 7 }],
    ["no start time", { startTimeUnixNano: undefined }],
    ["a start time of 0", { startTimeUnixNano: "0" }],
    ["a start time that is not a number", { startTimeUnixNano: "soon" }],
    ["an end before the start", { endTimeUnixNano: "1544712650000000000" }],
    ["no end time", { endTimeUnixNano: undefined }],
  ])("skips and counts a span with %s, keeping the others", (_what, change) => {
    const other = span({ spanId: "1111111111111111" });
    const { spans, skipped } = spansFromOtlpJson(request([span(change), other, "not a span"]));
    expect(spans.map((s) => s.spanId)).toEqual(["1111111111111111"]);
    expect(skipped).toBe(2);
  });

  test.each([null, "text", 42, [], {}, { resourceSpans: "no" }, { resourceSpans: [{ scopeSpans: [{ spans: {} }] }] }])("tolerates %j as an empty request", (body) => {
    expect(spansFromOtlpJson(body)).toEqual({ spans: [], skipped: 0 });
  });

  test("a pool id that is not a UUID is not a link", () => {
    const { spans } = spansFromOtlpJson(request([span({ attributes: [str("stratus.pool.id", "web")] })]));
    expect(spans[0]!.poolId).toBeNull();
  });
});
