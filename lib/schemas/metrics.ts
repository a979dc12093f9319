import { z } from "zod";
import { AGGREGATIONS } from "@/lib/telemetry/aggregate";

export const MetricName = z.string().regex(/^[a-zA-Z_:][a-zA-Z0-9_:.]*$/, "A metric name like http_requests_total").max(200);
export const LabelMap = z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, "A label name like pool or service.name").max(100), z.string().max(1000));

/** One pushed sample (`POST /api/v1/metrics`). `at` is epoch ms or ISO time; absent → when it was received. */
export const PushSample = z.object({
  name: MetricName,
  kind: z.enum(["counter", "gauge", "histogram", "summary"]).default("gauge"),
  labels: LabelMap.default({}),
  value: z.number().refine(Number.isFinite, "A finite number"),
  at: z.union([z.number().int().nonnegative(), z.iso.datetime()]).optional(),
  /** Histograms: finite upper bounds ascending, and cumulative counts (one per bound, then +Inf). */
  bounds: z.array(z.number()).max(100).optional(),
  buckets: z.array(z.number().nonnegative()).max(101).optional(),
  count: z.number().nonnegative().optional(),
}).refine((s) => !s.buckets || (s.bounds && s.buckets.length === s.bounds.length + 1), { message: "buckets needs one count per bound plus +Inf", path: ["buckets"] });

export const PushMetricsInput = z.object({ samples: z.array(PushSample).max(100_000) });
export type PushMetricsInput = z.infer<typeof PushMetricsInput>;

/** `GET /api/v1/metrics/query`: from/to in epoch ms or ISO, step in seconds. At most 11,000 steps per series. */
export const MetricQueryInput = z
  .object({
    name: MetricName,
    labels: z.string().max(2000).optional(),
    from: z.union([z.coerce.number().int().nonnegative(), z.iso.datetime()]).optional(),
    to: z.union([z.coerce.number().int().nonnegative(), z.iso.datetime()]).optional(),
    step: z.coerce.number().int().min(1).max(86_400).default(60),
    agg: z.enum(AGGREGATIONS).default("avg"),
  });
export type MetricQueryInput = z.infer<typeof MetricQueryInput>;
