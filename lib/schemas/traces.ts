import { z } from "zod";
import { TRACE_CURSOR } from "@/lib/telemetry/traces/query";

/** A time: ISO 8601, epoch milliseconds, or a span back from now (`15m`, `6h`, `2d`). */
const Time = z
  .string()
  .trim()
  .refine((s) => /^\d{1,15}$/.test(s) || /^\d{1,6}[smhd]$/.test(s) || !Number.isNaN(Date.parse(s)), "Use an ISO time, epoch milliseconds, or a span like 15m, 6h, 2d");
const Millis = z.coerce.number({ message: "A number of milliseconds" }).min(0, "At least 0").max(86_400_000, "At most a day (86400000)");

export const TRACE_STATUSES = ["ok", "error"] as const;

/**
 * `GET /api/v1/traces`: traces that started in [from, to] (default: the last hour), newest first. `service`,
 * `poolId`, `podName`: some span of the trace has it; `status` error = some span failed, ok = none did;
 * durations in ms over the whole trace. `cursor` is the previous page's `nextCursor`.
 */
export const TraceQuery = z
  .object({
    service: z.string().trim().min(1).max(253).optional(),
    minDurationMs: Millis.optional(),
    maxDurationMs: Millis.optional(),
    status: z.enum(TRACE_STATUSES).optional(),
    poolId: z.uuid("A pool id (UUID)").optional(),
    podName: z.string().trim().min(1).max(253).optional(),
    from: Time.optional(),
    to: Time.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().regex(TRACE_CURSOR, "Malformed cursor: pass a nextCursor back as it came").optional(),
  })
  .refine((q) => q.minDurationMs === undefined || q.maxDurationMs === undefined || q.minDurationMs <= q.maxDurationMs, {
    message: "Must be at least minDurationMs",
    path: ["maxDurationMs"],
  });
export type TraceQuery = z.infer<typeof TraceQuery>;

/** The filters the traces page keeps in its URL. */
export const TRACE_FILTER_KEYS = ["service", "minDurationMs", "maxDurationMs", "status", "poolId", "podName", "from", "to", "cursor"] as const;
export type TraceFilterKey = (typeof TRACE_FILTER_KEYS)[number];

/** A W3C trace id: 32 hex characters (either case), not all zero. */
export const TraceIdParam = z
  .string()
  .regex(/^[0-9a-fA-F]{32}$/, "A trace id is 32 hex characters")
  .refine((s) => !/^0+$/.test(s), "The all-zero trace id is invalid")
  .transform((s) => s.toLowerCase());
