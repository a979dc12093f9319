import Long from "long";
import protobuf from "protobufjs/light";
import descriptor from "./otlp-proto/otlp.json";

/** The three OTLP signals, each with its own export service. */
export type OtlpSignal = "metrics" | "traces" | "logs";

// 64-bit fields (nanosecond times, counts) need Long to decode exactly; wire it in explicitly, as bundlers may hide it.
protobuf.util.Long = Long;
protobuf.configure();

const root = protobuf.Root.fromJSON(descriptor as protobuf.INamespace);
const service = (signal: OtlpSignal, message: string) => {
  const pkg = signal === "traces" ? "trace" : signal;
  return root.lookupType(`opentelemetry.proto.collector.${pkg}.v1.Export${message}`);
};
const TYPES = {
  metrics: { request: service("metrics", "MetricsServiceRequest"), response: service("metrics", "MetricsServiceResponse") },
  traces: { request: service("traces", "TraceServiceRequest"), response: service("traces", "TraceServiceResponse") },
  logs: { request: service("logs", "LogsServiceRequest"), response: service("logs", "LogsServiceResponse") },
};

/** The partial success's count field per signal (the same name in protobuf and JSON). */
export const OTLP_REJECTED_FIELD = { metrics: "rejectedDataPoints", traces: "rejectedSpans", logs: "rejectedLogRecords" } as const satisfies Record<OtlpSignal, string>;

/** Thrown for bytes that are not a well-formed export request of the signal. */
export class OtlpProtobufError extends Error {}

/**
 * An OTLP/HTTP protobuf body (Export{Metrics,Trace,Logs}ServiceRequest) → the object its OTLP/JSON encoding parses to,
 * so the JSON mappings read both: lowerCamelCase fields, 64-bit integers as decimal strings, enums as numbers, trace
 * and span ids as lower-case hex, other bytes as base64, NaN and ±Infinity as strings, unset fields absent.
 * Unknown fields are skipped, as protobuf readers do.
 */
export function otlpJsonFromProtobuf(signal: OtlpSignal, bytes: Uint8Array): unknown {
  const type = TYPES[signal].request;
  let message: protobuf.Message;
  try {
    message = type.decode(bytes);
  } catch (error) {
    throw new OtlpProtobufError(`Not an OTLP ${type.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return jsonBytes(type.toObject(message, { longs: String, enums: Number, json: true }), "");
}

/**
 * The Export*ServiceResponse for a protobuf request: empty on full success, else a partial success naming how many
 * items were rejected and why (exporters decode it and log the message).
 */
export function otlpProtobufResponse(signal: OtlpSignal, rejected = 0, errorMessage = ""): Uint8Array {
  const { response } = TYPES[signal];
  const body = rejected > 0 || errorMessage !== "" ? { partialSuccess: { [OTLP_REJECTED_FIELD[signal]]: rejected, errorMessage } } : {};
  return response.encode(response.fromObject(body)).finish();
}

/** google.rpc.Status (code, message; no details), which OTLP/HTTP answers a failed protobuf export with. */
const STATUS = new protobuf.Type("Status").add(new protobuf.Field("code", 1, "int32")).add(new protobuf.Field("message", 2, "string"));
new protobuf.Root().define("google.rpc").add(STATUS);

/** The gRPC code of an HTTP status, per the google.rpc.Code ↔ HTTP mapping. */
export function grpcCodeOf(httpStatus: number): number {
  const codes: Record<number, number> = { 400: 3, 401: 16, 403: 7, 404: 5, 409: 10, 413: 3, 415: 3, 429: 8, 501: 12, 503: 14, 504: 4 };
  return codes[httpStatus] ?? (httpStatus >= 500 ? 13 : 3); // INTERNAL, INVALID_ARGUMENT
}

/** A protobuf google.rpc.Status for an OTLP/HTTP error answer. */
export function otlpStatusProtobuf(httpStatus: number, message: string): Uint8Array {
  return STATUS.encode(STATUS.fromObject({ code: grpcCodeOf(httpStatus), message })).finish();
}

/** Decode a google.rpc.Status (for tests and clients of ours). */
export function decodeOtlpStatus(bytes: Uint8Array): { code: number; message: string } {
  const status = STATUS.toObject(STATUS.decode(bytes), { defaults: true }) as { code: number; message: string };
  return { code: status.code, message: status.message };
}

/** OTLP/JSON writes trace and span ids as hex (unlike proto3 JSON's base64 for bytes). */
const HEX_IDS = new Set(["traceId", "spanId", "parentSpanId"]);

function jsonBytes(value: unknown, key: string): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString(HEX_IDS.has(key) ? "hex" : "base64");
  if (Array.isArray(value)) return value.map((v) => jsonBytes(v, key));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = jsonBytes(v, k);
    return out;
  }
  return value;
}
