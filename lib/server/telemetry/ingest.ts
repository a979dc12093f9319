import "server-only";
import { PushMetricsInput } from "@/lib/schemas/metrics";
import { logRecordsFromOtlpJson } from "@/lib/telemetry/logs/otlp-logs";
import { samplesFromOtlpJson } from "@/lib/telemetry/otlp";
import { OTLP_REJECTED_FIELD, otlpJsonFromProtobuf, OtlpProtobufError, otlpProtobufResponse, otlpStatusProtobuf } from "@/lib/telemetry/otlp-protobuf";
import type { Sample } from "@/lib/telemetry/sample";
import { spansFromOtlpJson } from "@/lib/telemetry/traces/otlp-traces";
import { TokenBucket } from "@/lib/telemetry/token-bucket";
import type { Ctx } from "../auth/principal";
import { authorizeLogsWrite, recordLogs } from "../dal/logs";
import { authorizeMetricsWrite, recordSamples } from "../dal/metrics";
import { authorizeTracesWrite, recordSpans } from "../dal/traces";
import { AppError, RateLimitedError } from "../errors";
import { gunzipLimited } from "../http/gunzip-limited";
import { readLimitedBody } from "../http/limited-body";
import { apiRoute, json, type Handler } from "../http/route";
import { parseInput } from "../validation";
import { selfMetrics, type Signal } from "./self-metrics";

export type { Signal } from "./self-metrics";
/** `push`: Stratus's own JSON (`POST /api/v1/metrics`); `otlp`: OTLP/HTTP (`POST /v1/<signal>`). */
export type Protocol = "push" | "otlp";

const MiB = 1024 * 1024;
/** Defaults per signal: body size, and items (samples, records, spans) per second. */
const DEFAULTS: Record<Signal, { maxBodyBytes: number; rate: number }> = {
  metrics: { maxBodyBytes: 4 * MiB, rate: 200_000 },
  logs: { maxBodyBytes: 4 * MiB, rate: 20_000 },
  traces: { maxBodyBytes: 4 * MiB, rate: 50_000 },
};

const envNumber = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? "");
  return process.env[name] !== undefined && Number.isFinite(v) && v > 0 ? v : fallback;
};

/**
 * A signal's limits from the environment, read when needed (tests set them per run):
 * STRATUS_<SIGNAL>_MAX_BODY_BYTES, STRATUS_<SIGNAL>_INGEST_RATE (items/s), STRATUS_<SIGNAL>_INGEST_BURST (= rate).
 */
export function ingestLimits(signal: Signal) {
  const prefix = `STRATUS_${signal.toUpperCase()}`;
  const rate = envNumber(`${prefix}_INGEST_RATE`, DEFAULTS[signal].rate);
  return { maxBodyBytes: envNumber(`${prefix}_MAX_BODY_BYTES`, DEFAULTS[signal].maxBodyBytes), ratePerSecond: rate, burst: envNumber(`${prefix}_INGEST_BURST`, rate) };
}

const buckets = new Map<Signal, TokenBucket>();
function limiter(signal: Signal): TokenBucket {
  const { ratePerSecond, burst } = ingestLimits(signal);
  let bucket = buckets.get(signal);
  if (!bucket || bucket.rate !== ratePerSecond || bucket.burst !== burst) {
    bucket = new TokenBucket(ratePerSecond, burst, Date.now());
    buckets.set(signal, bucket);
  }
  return bucket;
}

/**
 * The one place an ingest body is decoded, by its content type. JSON (OTLP/JSON, or Stratus's push format) is
 * parsed; OTLP protobuf (`application/x-protobuf`, OTLP only) is decoded to the OTLP/JSON object shape the signal's
 * mapping reads; any other type is answered 415 before the body is read.
 */
const DECODERS: Record<string, (bytes: Uint8Array, signal: Signal, protocol: Protocol) => unknown> = {
  "application/json": (bytes) => {
    try {
      return JSON.parse(Buffer.from(bytes).toString("utf8"));
    } catch {
      throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
    }
  },
  "application/x-protobuf": (bytes, signal, protocol) => {
    if (protocol !== "otlp") throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send application/json: protobuf is accepted on the OTLP paths (/v1/…) only.");
    try {
      return otlpJsonFromProtobuf(signal, bytes);
    } catch (error) {
      if (error instanceof OtlpProtobufError) throw new AppError("BAD_REQUEST", `The request body is not a valid OTLP protobuf ${signal} export request.`);
      throw error;
    }
  },
};

/** Content-Encoding OTLP exporters may use (gzip), besides none. */
const ENCODINGS = new Set(["identity", "gzip"]);

/**
 * Read and decode an ingest request: the content type and encoding must be ones we decode (415), the body at most the
 * signal's limit (413, counted, refused before it is read whole), and so what a gzip body inflates to. Call after
 * authorizing, so strangers cannot spend the budget.
 */
async function readIngestBody(req: Request, signal: Signal, protocol: Protocol): Promise<unknown> {
  const contentType = contentTypeOf(req);
  const decode = Object.hasOwn(DECODERS, contentType) ? DECODERS[contentType]! : null;
  if (!decode) {
    const what = protocol === "otlp" ? `application/json or application/x-protobuf (OTLP/HTTP for ${signal})` : "application/json";
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send ${what}; ${contentType || "this content type"} is not accepted.`);
  }
  const encoding = (req.headers.get("content-encoding") ?? "identity").trim().toLowerCase() || "identity";
  if (!ENCODINGS.has(encoding)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Content-Encoding ${encoding} is not accepted: send gzip or none.`);
  let bytes: Uint8Array;
  try {
    const { maxBodyBytes } = ingestLimits(signal);
    bytes = await readLimitedBody(req, maxBodyBytes);
    if (encoding === "gzip") bytes = await gunzipLimited(bytes, maxBodyBytes);
  } catch (error) {
    if (error instanceof AppError && error.code === "TOO_LARGE") selfMetrics.ingest[signal].refused.inc({ protocol, reason: "size" });
    throw error;
  }
  return decode(bytes, signal, protocol);
}

const contentTypeOf = (req: Request) => (req.headers.get("content-type") ?? "application/json").split(";")[0]!.trim().toLowerCase();

/**
 * An OTLP export's answer (Export{Metrics,Trace,Logs}ServiceResponse) in the request's encoding, as exporters parse
 * it: protobuf for a protobuf request, else JSON. Empty on full success; a partial success names how many items were
 * dropped and why.
 */
export function otlpExportResponse(req: Request, signal: Signal, skipped: number, why: string): Response {
  if (contentTypeOf(req) === "application/x-protobuf") {
    return new Response(Buffer.from(otlpProtobufResponse(signal, skipped, skipped > 0 ? why : "")), { headers: { "content-type": "application/x-protobuf" } });
  }
  return json(skipped > 0 ? { partialSuccess: { [OTLP_REJECTED_FIELD[signal]]: skipped, errorMessage: why } } : {});
}

/**
 * An OTLP/HTTP route: like any API route, except that a protobuf request's error is answered as OTLP/HTTP asks, with a
 * protobuf google.rpc.Status (same HTTP status; Retry-After and WWW-Authenticate kept) instead of problem+json.
 */
export function otlpRoute(handler: Handler): ReturnType<typeof apiRoute> {
  const route = apiRoute(handler);
  return async (req, context) => {
    const response = await route(req, context);
    if (response.ok || contentTypeOf(req) !== "application/x-protobuf") return response;
    const problem = (await response.json().catch(() => ({}))) as { detail?: string; title?: string };
    const headers = new Headers(response.headers);
    headers.set("content-type", "application/x-protobuf");
    headers.delete("content-length");
    const body = otlpStatusProtobuf(response.status, problem.detail ?? problem.title ?? response.statusText);
    return new Response(Buffer.from(body), { status: response.status, headers });
  };
}

/** Spend `n` items from the signal's token bucket, or refuse the whole request (429 + Retry-After, counted). */
function admit(signal: Signal, protocol: Protocol, n: number): void {
  const verdict = limiter(signal).take(n, Date.now());
  if (verdict.ok) return;
  selfMetrics.ingest[signal].refused.inc({ protocol, reason: "rate" });
  selfMetrics.ingest[signal].refusedItems.inc({ protocol }, n);
  throw new RateLimitedError(`${signal.charAt(0).toUpperCase()}${signal.slice(1)} ingest is over its rate: retry later.`, verdict.retryAfterSeconds);
}

/**
 * One metrics ingest request: authorize, read under the size limit (413), decode, spend the samples from the
 * token bucket (429 + Retry-After), store. Refusals are counted on /metrics; nothing is buffered past the limit.
 */
export async function ingestMetrics(req: Request, ctx: Ctx, protocol: Protocol): Promise<{ accepted: number; skipped: number }> {
  authorizeMetricsWrite(ctx);
  const body = await readIngestBody(req, "metrics", protocol);
  const { samples, skipped } = protocol === "otlp" ? samplesFromOtlpJson(body, Date.now()) : pushedSamples(body, Date.now());
  admit("metrics", protocol, samples.length);
  const { accepted } = await recordSamples({ ctx, samples });
  selfMetrics.ingest.metrics.accepted.inc({ protocol }, accepted);
  return { accepted, skipped };
}

/** One OTLP logs request (ExportLogsServiceRequest), with the same backpressure as metrics and limits of its own. */
export async function ingestLogs(req: Request, ctx: Ctx): Promise<{ accepted: number; skipped: number }> {
  authorizeLogsWrite(ctx);
  const body = await readIngestBody(req, "logs", "otlp");
  const { records, skipped } = logRecordsFromOtlpJson(body, Date.now());
  admit("logs", "otlp", records.length);
  const { accepted } = await recordLogs({ ctx, records });
  selfMetrics.ingest.logs.accepted.inc({ protocol: "otlp" }, accepted);
  return { accepted, skipped };
}

/** One OTLP traces request (ExportTraceServiceRequest), with the same backpressure and limits of its own. */
export async function ingestTraces(req: Request, ctx: Ctx): Promise<{ accepted: number; skipped: number }> {
  authorizeTracesWrite(ctx);
  const body = await readIngestBody(req, "traces", "otlp");
  const { spans, skipped } = spansFromOtlpJson(body);
  admit("traces", "otlp", spans.length);
  const { accepted } = await recordSpans({ ctx, spans });
  selfMetrics.ingest.traces.accepted.inc({ protocol: "otlp" }, accepted);
  return { accepted, skipped };
}

function pushedSamples(body: unknown, now: number): { samples: Sample[]; skipped: number } {
  const input = parseInput(PushMetricsInput, body);
  return {
    skipped: 0,
    samples: input.samples.map((s) => ({
      name: s.name,
      kind: s.kind,
      labels: s.labels,
      value: s.value,
      at: s.at === undefined ? now : typeof s.at === "number" ? s.at : Date.parse(s.at),
      ...(s.buckets && s.bounds ? { bounds: s.bounds, buckets: s.buckets, count: s.count } : {}),
    })),
  };
}
