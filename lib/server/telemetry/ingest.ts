import "server-only";
import { PushMetricsInput } from "@/lib/schemas/metrics";
import { samplesFromOtlpJson } from "@/lib/telemetry/otlp";
import type { Sample } from "@/lib/telemetry/sample";
import { TokenBucket } from "@/lib/telemetry/token-bucket";
import type { Ctx } from "../auth/principal";
import { authorizeMetricsWrite, recordSamples } from "../dal/metrics";
import { AppError, RateLimitedError } from "../errors";
import { readLimitedBody } from "../http/limited-body";
import { parseInput } from "../validation";
import { selfMetrics } from "./self-metrics";

type Protocol = "push" | "otlp";

/** Limits from the environment, read when first needed (tests set them per run). */
export const ingestLimits = () => ({
  maxBodyBytes: Number(process.env.STRATUS_METRICS_MAX_BODY_BYTES ?? 4 * 1024 * 1024),
  samplesPerSecond: Number(process.env.STRATUS_METRICS_INGEST_RATE ?? 200_000),
  burst: Number(process.env.STRATUS_METRICS_INGEST_BURST ?? process.env.STRATUS_METRICS_INGEST_RATE ?? 200_000),
});

let bucket: TokenBucket | null = null;
function limiter(): TokenBucket {
  const { samplesPerSecond, burst } = ingestLimits();
  if (!bucket || bucket.rate !== samplesPerSecond || bucket.burst !== burst) bucket = new TokenBucket(samplesPerSecond, burst, Date.now());
  return bucket;
}

/**
 * One ingest request: authorize, read the body under the size limit (413), decode, spend the samples from the
 * token bucket (429 + Retry-After), store. Refusals are counted on /metrics; nothing is buffered past the limit.
 */
export async function ingest(req: Request, ctx: Ctx, protocol: Protocol): Promise<{ accepted: number; skipped: number }> {
  authorizeMetricsWrite(ctx);
  const contentType = (req.headers.get("content-type") ?? "application/json").split(";")[0]!.trim().toLowerCase();
  if (contentType !== "application/json") {
    // No OTLP protobuf decoder is shipped ready to use in a maintained npm package; ask for OTLP/JSON instead.
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send application/json (OTLP/HTTP JSON encoding); protobuf is not accepted yet.");
  }
  let bytes: Uint8Array;
  try {
    bytes = await readLimitedBody(req, ingestLimits().maxBodyBytes);
  } catch (error) {
    if (error instanceof AppError && error.code === "TOO_LARGE") selfMetrics.refused.inc({ protocol, reason: "size" });
    throw error;
  }
  const { samples, skipped } = decode(bytes, protocol, Date.now());
  const verdict = limiter().take(samples.length, Date.now());
  if (!verdict.ok) {
    selfMetrics.refused.inc({ protocol, reason: "rate" });
    selfMetrics.refusedSamples.inc({ protocol }, samples.length);
    throw new RateLimitedError("Metric ingest is over its rate: retry later.", verdict.retryAfterSeconds);
  }
  const { accepted } = await recordSamples({ ctx, samples });
  selfMetrics.samplesAccepted.inc({ protocol }, accepted);
  return { accepted, skipped };
}

function decode(bytes: Uint8Array, protocol: Protocol, now: number): { samples: Sample[]; skipped: number } {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
  if (protocol === "otlp") return samplesFromOtlpJson(body, now);
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
