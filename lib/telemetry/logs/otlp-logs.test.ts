import { expect, test } from "vitest";
import { anyValueText, hexId, logRecordsFromOtlpJson, MAX_LABELS } from "./otlp-logs";

const attr = (key: string, value: unknown) => ({ key, value });
const s = (stringValue: string) => ({ stringValue });
const request = (logRecords: unknown[], resource: unknown[] = [attr("service.name", s("shop"))]) => ({
  resourceLogs: [{ resource: { attributes: resource }, scopeLogs: [{ scope: { name: "shop.http" }, logRecords }] }],
});
const TRACE = "5b8efff798038103d269b633813fc60c";
const SPAN = "eee19b7ec3c1b174";

test("a record: time, level, body, labels from resource and record, columns, ids", () => {
  const body = request(
    [
      {
        timeUnixNano: "1700000000123456789",
        observedTimeUnixNano: "1700000009000000000",
        severityNumber: 13,
        severityText: "WARN",
        body: s("disk almost full"),
        attributes: [attr("k8s.pod.name", s("web-1")), attr("retries", { intValue: "3" }), attr("ok", { boolValue: false })],
        traceId: TRACE.toUpperCase(),
        spanId: SPAN,
      },
    ],
    [attr("service.name", s("shop")), attr("k8s.node.name", s("node-a")), attr("k8s.deployment.name", s("web"))],
  );
  const { records, skipped } = logRecordsFromOtlpJson(body, 5);
  expect(skipped).toBe(0);
  expect(records).toEqual([
    {
      at: 1_700_000_000_123,
      level: "warn",
      source: "otlp",
      body: "disk almost full",
      labels: { "service.name": "shop", "k8s.node.name": "node-a", "k8s.deployment.name": "web", "otel.scope.name": "shop.http", "k8s.pod.name": "web-1", retries: "3", ok: "false" },
      service: "shop",
      pod: "web-1",
      node: "node-a",
      workload: "web",
      traceId: TRACE,
      spanId: SPAN,
    },
  ]);
});

test("stratus' own attribute names fill the columns too; the record's attributes win over the resource's", () => {
  const { records } = logRecordsFromOtlpJson(
    request([{ body: s("x"), attributes: [attr("stratus.pod", s("p")), attr("stratus.node", s("n")), attr("stratus.workload", s("w")), attr("service.name", s("mine"))] }]),
    7,
  );
  expect(records[0]).toMatchObject({ pod: "p", node: "n", workload: "w", service: "mine", at: 7, level: "info" });
});

test.each([
  { severityNumber: 1, level: "trace" },
  { severityNumber: 8, level: "debug" },
  { severityNumber: 9, level: "info" },
  { severityNumber: 16, level: "warn" },
  { severityNumber: 17, level: "error" },
  { severityNumber: 24, level: "fatal" },
  { severityNumber: "SEVERITY_NUMBER_ERROR2", level: "error" },
  { severityNumber: 0, severityText: "Warning", level: "warn" },
  { severityText: "CRITICAL", level: "fatal" },
  { severityText: "whatever", level: "info" },
  { severityNumber: 99, level: "info" },
])("severity $severityNumber / $severityText → $level", ({ level, ...severity }) => {
  expect(logRecordsFromOtlpJson(request([{ body: s("x"), ...severity }]), 0).records[0]!.level).toBe(level);
});

test("time falls back to the observed time, then to when it was received", () => {
  const at = (r: object) => logRecordsFromOtlpJson(request([{ body: s("x"), ...r }]), 42).records[0]!.at;
  expect(at({ timeUnixNano: "0", observedTimeUnixNano: "2000000" })).toBe(2);
  expect(at({ timeUnixNano: 3_000_000 })).toBe(3);
  expect(at({ timeUnixNano: "garbage" })).toBe(42);
});

test("bodies of every AnyValue kind become text", () => {
  expect(anyValueText(s("plain <b>text</b>"))).toBe("plain <b>text</b>");
  expect(anyValueText({ intValue: "9007199254740993" })).toBe("9007199254740993");
  expect(anyValueText({ doubleValue: 1.5 })).toBe("1.5");
  expect(anyValueText({ boolValue: true })).toBe("true");
  expect(anyValueText({ bytesValue: "aGk=" })).toBe("aGk=");
  expect(anyValueText({ arrayValue: { values: [s("a"), { intValue: 1 }] } })).toBe('["a","1"]');
  expect(anyValueText({ kvlistValue: { values: [attr("msg", s("hi")), attr("n", { doubleValue: 2 })] } })).toBe('{"msg":"hi","n":2}');
  expect(anyValueText(undefined)).toBe("");
  expect(anyValueText({})).toBe("");
});

test("ids: hex (any case), base64 or bytes; malformed and all-zero ids are dropped", () => {
  expect(hexId(TRACE, 16)).toBe(TRACE);
  expect(hexId(Buffer.from(TRACE, "hex").toString("base64"), 16)).toBe(TRACE);
  expect(hexId(new Uint8Array(Buffer.from(SPAN, "hex")), 8)).toBe(SPAN);
  expect(hexId("0".repeat(32), 16)).toBeNull();
  expect(hexId("xyz", 16)).toBeNull();
  expect(hexId(SPAN, 16)).toBeNull();
  expect(hexId(42, 8)).toBeNull();
});

test("oversized input is cut: bodies, label count, label sizes; NUL becomes storable", () => {
  const many = Array.from({ length: 100 }, (_, i) => attr(`k${i}`, s("v")));
  const [r] = logRecordsFromOtlpJson(request([{ body: s(`a\u0000${"x".repeat(20_000)}`), attributes: [attr("big", s("y".repeat(5000))), ...many] }], []), 0).records;
  expect(r!.body.startsWith("a\uFFFDxxx")).toBe(true);
  expect(r!.body).toMatch(/more characters cut\]$/);
  expect(r!.body.length).toBeLessThan(16_500);
  expect(Object.keys(r!.labels)).toHaveLength(MAX_LABELS);
  expect(r!.labels.big!.length).toBeLessThan(1100);
});

test.each([
  { what: "not an object", body: "nope", records: 0, skipped: 0 },
  { what: "no resourceLogs", body: {}, records: 0, skipped: 0 },
  { what: "a record that is not an object", body: request([42, null, { body: s("ok") }]), records: 1, skipped: 2 },
  { what: "a record without a body", body: request([{}]), records: 1, skipped: 0 },
])("tolerates $what", ({ body, records, skipped }) => {
  const out = logRecordsFromOtlpJson(body, 0);
  expect([out.records.length, out.skipped]).toEqual([records, skipped]);
});
