import type { Attributes, JsonValue } from "./traces/span";

/**
 * OTLP common values (opentelemetry/proto/common/v1, proto3 JSON mapping) → plain JSON. Accepts what a protobuf
 * decoder hands over too: 64-bit integers as strings, numbers or bigints, bytes as Uint8Array.
 */
export function anyValue(value: unknown): JsonValue {
  if (!isObject(value)) return null;
  if ("stringValue" in value) return typeof value.stringValue === "string" ? value.stringValue : String(value.stringValue ?? "");
  if ("boolValue" in value) return value.boolValue === true || value.boolValue === "true";
  if ("intValue" in value) return int(value.intValue);
  if ("doubleValue" in value) return double(value.doubleValue);
  if ("arrayValue" in value) return list(get(value.arrayValue, "values")).map(anyValue);
  if ("kvlistValue" in value) return keyValues(get(value.kvlistValue, "values"));
  if ("bytesValue" in value) return bytes(value.bytesValue);
  return null;
}

/** A KeyValue list → an object; later duplicates win, entries without a key are dropped. */
export function keyValues(kvs: unknown): Attributes {
  const out: Attributes = {};
  for (const kv of list(kvs)) {
    const key = get(kv, "key");
    if (typeof key === "string" && key !== "") out[key] = anyValue(get(kv, "value"));
  }
  return out;
}

/** A trace or span id: hex in OTLP/JSON (any case), raw bytes from a protobuf decoder. Lower-case hex out. */
export function hexId(value: unknown): string {
  if (typeof value === "string") return value.toLowerCase();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex");
  return "";
}

/** A fixed64 time in nanoseconds (a decimal string in JSON) → microseconds, or NaN when absent or malformed. */
export function nanosToMicros(value: unknown): number {
  if (typeof value === "string") return /^\d{1,20}$/.test(value) ? (value.length <= 3 ? 0 : Number(value.slice(0, -3))) : Number.NaN;
  if (typeof value === "bigint") return Number(value / 1000n);
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return Math.floor(value / 1000);
  return Number.NaN;
}

export const get = (o: unknown, key: string): unknown => (isObject(o) ? o[key] : undefined);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** int64 as a number when it is exact, else the decimal string (so no digit is silently lost). */
function int(v: unknown): JsonValue {
  if (typeof v === "number") return Number.isFinite(v) ? Math.trunc(v) : null;
  const text = typeof v === "bigint" ? v.toString() : typeof v === "string" ? v.trim() : "";
  if (!/^-?\d+$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
}

/** proto3 JSON writes NaN and the infinities as strings; JSON cannot hold them as numbers, so they stay strings. */
function double(v: unknown): JsonValue {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
  if (Number.isFinite(n)) return n;
  return typeof v === "string" ? v : null;
}

/** Bytes are base64 in JSON: kept as that string. */
function bytes(v: unknown): JsonValue {
  if (typeof v === "string") return v;
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64");
  return null;
}
