import { z } from "zod";
import { LOG_LEVELS, LOG_SOURCES } from "@/lib/telemetry/logs/record";

/** A time: ISO 8601, epoch milliseconds, or a span back from now (`15m`, `6h`, `2d`). */
const Time = z
  .string()
  .trim()
  .refine((s) => /^\d{1,15}$/.test(s) || /^\d{1,6}[smhd]$/.test(s) || !Number.isNaN(Date.parse(s)), "Use an ISO time, epoch milliseconds, or a span like 15m, 6h, 2d");
const Name = z.string().trim().min(1).max(253);
const csv = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .string()
    .trim()
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    .refine((list) => list.length > 0 && list.every((x) => (values as readonly string[]).includes(x)), `One or more of ${values.join(", ")} (${what}), comma-separated`)
    .transform((list) => [...new Set(list)] as Array<T[number]>);

/**
 * `GET /api/v1/logs` (and `/download`): every filter optional. Without `from`, the last 15 minutes. `level` is a
 * minimum (warn = warn, error, fatal); `levels` an exact set. `q` is a case-insensitive substring of the body;
 * `regex` an RE2 pattern (linear time, case-sensitive unless it starts with `(?i)`). `cursor` pages back in time,
 * `after` (a record id, e.g. a previous answer's `lastId`) asks for what arrived since: live follow.
 */
export const LogQuery = z.object({
  from: Time.optional(),
  to: Time.optional(),
  pod: Name.optional(),
  node: Name.optional(),
  workload: Name.optional(),
  service: Name.optional(),
  source: csv(LOG_SOURCES, "sources").optional(),
  stream: z.enum(["stdout", "stderr"]).optional(),
  level: z.enum(LOG_LEVELS).optional(),
  levels: csv(LOG_LEVELS, "levels").optional(),
  traceId: z.string().trim().regex(/^[0-9a-fA-F]{32}$/, "32 hex characters").transform((s) => s.toLowerCase()).optional(),
  /** Other labels, `key=value,key2="value 2"` (equality, all must hold). */
  labels: z.string().trim().max(2000).optional(),
  q: z.string().max(500).optional(),
  regex: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  cursor: z.string().regex(/^\d{1,15}-\d{1,19}$/, "Malformed cursor").optional(),
  after: z.string().regex(/^\d{1,19}$/, "A record id").optional(),
});
export type LogQuery = z.infer<typeof LogQuery>;

/** The filters the logs page keeps in its URL (and passes on to the API and the download link as they are). */
export const LOG_FILTER_KEYS = ["from", "to", "workload", "pod", "node", "service", "source", "level", "q", "regex", "traceId", "labels"] as const;
export type LogFilterKey = (typeof LOG_FILTER_KEYS)[number];
