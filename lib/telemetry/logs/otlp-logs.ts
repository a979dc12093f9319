import type { Labels } from "../labels";
import { levelFromSeverity, type LogRecordInput } from "./record";
import { storageText } from "./text";

/** Labels kept per record, and their sizes: the rest is dropped (a sender cannot make one record huge through them). */
export const MAX_LABELS = 64;
const MAX_LABEL_KEY = 128;
const MAX_LABEL_VALUE = 1024;

/** Where the indexed columns come from: OpenTelemetry's k8s/service conventions first, then Stratus' own names. */
const COLUMN_KEYS = {
  service: ["service.name"],
  pod: ["k8s.pod.name", "stratus.pod"],
  node: ["k8s.node.name", "stratus.node"],
  workload: ["k8s.deployment.name", "k8s.statefulset.name", "k8s.daemonset.name", "k8s.job.name", "k8s.cronjob.name", "stratus.workload"],
} as const;

/**
 * OTLP/HTTP JSON logs (ExportLogsServiceRequest, proto3 JSON mapping: resourceLogs → scopeLogs → logRecords) →
 * records. Resource and record attributes become labels (the record's win); service.name and the k8s pod/node/
 * workload attributes also fill the indexed columns; severityNumber (else severityText) gives the level; the body
 * AnyValue becomes text; traceId/spanId are kept as lower-case hex. The input is the OTLP/JSON object shape, so a
 * protobuf decoder that yields the same shape (ids as hex strings or bytes) can feed it too.
 * Entries that are not objects are skipped and counted.
 */
export function logRecordsFromOtlpJson(body: unknown, receivedAt: number): { records: LogRecordInput[]; skipped: number } {
  const records: LogRecordInput[] = [];
  let skipped = 0;
  for (const rl of arr(get(body, "resourceLogs"))) {
    const resource = attributesToLabels(get(get(rl, "resource"), "attributes"));
    for (const sl of arr(get(rl, "scopeLogs"))) {
      const scopeName = get(get(sl, "scope"), "name");
      for (const lr of arr(get(sl, "logRecords"))) {
        if (!isObject(lr)) {
          skipped++;
          continue;
        }
        const labels = limitLabels({
          ...resource,
          ...(typeof scopeName === "string" && scopeName ? { "otel.scope.name": scopeName } : {}),
          ...(typeof get(lr, "eventName") === "string" && get(lr, "eventName") ? { "event.name": get(lr, "eventName") as string } : {}),
          ...attributesToLabels(get(lr, "attributes")),
        });
        records.push({
          at: nanosToMs(get(lr, "timeUnixNano")) ?? nanosToMs(get(lr, "observedTimeUnixNano")) ?? receivedAt,
          level: levelFromSeverity(get(lr, "severityNumber"), get(lr, "severityText")),
          source: "otlp",
          body: storageText(anyValueText(get(lr, "body"))),
          labels,
          service: column(labels, COLUMN_KEYS.service),
          pod: column(labels, COLUMN_KEYS.pod),
          node: column(labels, COLUMN_KEYS.node),
          workload: column(labels, COLUMN_KEYS.workload),
          traceId: hexId(get(lr, "traceId"), 16),
          spanId: hexId(get(lr, "spanId"), 8),
        });
      }
    }
  }
  return { records, skipped };
}

const get = (o: unknown, key: string): unknown => (isObject(o) ? (o as Record<string, unknown>)[key] : undefined);
const isObject = (o: unknown): o is object => typeof o === "object" && o !== null && !Array.isArray(o);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const column = (labels: Labels, keys: readonly string[]): string | null => {
  for (const k of keys) if (labels[k]) return labels[k]!;
  return null;
};

/** proto3 JSON sends 64-bit integers as strings; 0 means unset. */
function nanosToMs(v: unknown): number | null {
  if (typeof v === "string" && /^\d{1,20}$/.test(v) && !/^0+$/.test(v)) return Number(BigInt(v) / 1_000_000n);
  if (typeof v === "number" && Number.isFinite(v) && v > 0) return Math.floor(v / 1e6);
  return null;
}

/**
 * A trace or span id as lower-case hex, or null when absent, malformed or all zero (OTLP's "no id"). OTLP/JSON
 * sends hex; a generic proto3 JSON encoder sends base64; a protobuf decoder hands over bytes: all three are read.
 */
export function hexId(v: unknown, bytes: 16 | 8): string | null {
  let hex: string | null = null;
  if (v instanceof Uint8Array) hex = v.length === bytes ? Buffer.from(v).toString("hex") : null;
  else if (typeof v === "string") {
    if (new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(v)) hex = v.toLowerCase();
    else if (/^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, "base64").length === bytes) hex = Buffer.from(v, "base64").toString("hex");
  }
  return hex !== null && !/^0+$/.test(hex) ? hex : null;
}

/** An AnyValue as text: strings as they are, scalars printed, arrays and key-value lists as compact JSON. */
export function anyValueText(v: unknown): string {
  const plain = anyValuePlain(v, 0);
  if (plain === undefined || plain === null) return "";
  return typeof plain === "string" ? plain : JSON.stringify(plain);
}

const MAX_DEPTH = 8;

function anyValuePlain(v: unknown, depth: number): unknown {
  if (!isObject(v) || depth > MAX_DEPTH) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.stringValue === "string") return o.stringValue;
  if (typeof o.boolValue === "boolean") return o.boolValue;
  if (o.intValue !== undefined) return typeof o.intValue === "string" || typeof o.intValue === "number" ? String(o.intValue) : undefined;
  if (typeof o.doubleValue === "number" || typeof o.doubleValue === "string") return Number(o.doubleValue);
  if (typeof o.bytesValue === "string") return o.bytesValue; // base64, as sent
  if (o.bytesValue instanceof Uint8Array) return Buffer.from(o.bytesValue).toString("base64");
  if (isObject(o.arrayValue)) return arr(get(o.arrayValue, "values")).map((x) => anyValuePlain(x, depth + 1) ?? null);
  if (isObject(o.kvlistValue)) {
    const out: Record<string, unknown> = {};
    for (const kv of arr(get(o.kvlistValue, "values"))) {
      const key = get(kv, "key");
      if (typeof key === "string") out[key] = anyValuePlain(get(kv, "value"), depth + 1) ?? null;
    }
    return out;
  }
  return undefined;
}

/** OTLP attributes (KeyValue list) → labels; complex values as compact JSON. */
export function attributesToLabels(list: unknown): Labels {
  const out: Labels = {};
  for (const kv of arr(list)) {
    const key = get(kv, "key");
    if (typeof key !== "string" || key === "") continue;
    const plain = anyValuePlain(get(kv, "value"), 0);
    if (plain === undefined || plain === null) continue;
    out[key] = typeof plain === "string" ? plain : typeof plain === "object" ? JSON.stringify(plain) : String(plain);
  }
  return out;
}

/** At most MAX_LABELS labels, keys and values cut to size, NUL made storable. */
export function limitLabels(labels: Labels): Labels {
  const out: Labels = {};
  let n = 0;
  for (const [k, v] of Object.entries(labels)) {
    if (n++ >= MAX_LABELS) break;
    out[storageText(k, MAX_LABEL_KEY)] = storageText(v, MAX_LABEL_VALUE);
  }
  return out;
}
