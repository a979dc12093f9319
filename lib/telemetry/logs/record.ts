import type { Labels } from "../labels";

/** The levels a record can have, lowest first (the order `level=warn` — "warn and above" — relies on). */
export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where a record came from: a pod's output, the engine's own events, the data plane, or an OTLP exporter. */
export const LOG_SOURCES = ["pod", "engine", "dataplane", "otlp"] as const;
export type LogSource = (typeof LOG_SOURCES)[number];

/** One record on its way into storage. `pod`, `node`, `workload` and `service` are the indexed label columns. */
export interface LogRecordInput {
  /** Epoch milliseconds. */
  at: number;
  level: LogLevel;
  source: LogSource;
  stream?: "stdout" | "stderr" | null;
  body: string;
  labels: Labels;
  pod?: string | null;
  node?: string | null;
  workload?: string | null;
  service?: string | null;
  traceId?: string | null;
  spanId?: string | null;
}

export const isLogLevel = (v: unknown): v is LogLevel => typeof v === "string" && (LOG_LEVELS as readonly string[]).includes(v);
export const levelRank = (level: LogLevel): number => LOG_LEVELS.indexOf(level);
/** The levels at or above `min`. */
export const levelsFrom = (min: LogLevel): LogLevel[] => LOG_LEVELS.slice(levelRank(min));

/** Names programs use for their levels (syslog, log4j, Go, Python, pino's numbers aside) → ours. */
const ALIASES: Record<string, LogLevel> = {
  trace: "trace",
  trc: "trace",
  verbose: "trace",
  finest: "trace",
  finer: "trace",
  debug: "debug",
  dbg: "debug",
  fine: "debug",
  info: "info",
  inf: "info",
  information: "info",
  informational: "info",
  notice: "info",
  warn: "warn",
  warning: "warn",
  wrn: "warn",
  error: "error",
  err: "error",
  eror: "error",
  severe: "error",
  fatal: "fatal",
  ftl: "fatal",
  crit: "fatal",
  critical: "fatal",
  alert: "fatal",
  emerg: "fatal",
  emergency: "fatal",
  panic: "fatal",
};

/** A level name in any common spelling (`WARNING`, `Err`, `CRITICAL`, `error2` as OTLP's severityText allows), else null. */
export function parseLevelName(text: unknown): LogLevel | null {
  if (typeof text !== "string") return null;
  const word = text.trim().toLowerCase().replace(/\d+$/, "");
  return ALIASES[word] ?? null;
}

/**
 * OTLP's SeverityNumber (1–4 TRACE, 5–8 DEBUG, 9–12 INFO, 13–16 WARN, 17–20 ERROR, 21–24 FATAL), else the
 * severity text, else info.
 */
export function levelFromSeverity(severityNumber: unknown, severityText: unknown): LogLevel {
  // proto3 JSON may carry an enum by name: SEVERITY_NUMBER_WARN2.
  if (typeof severityNumber === "string" && severityNumber.startsWith("SEVERITY_NUMBER_")) {
    return parseLevelName(severityNumber.slice("SEVERITY_NUMBER_".length)) ?? parseLevelName(severityText) ?? "info";
  }
  const n = typeof severityNumber === "string" ? Number(severityNumber) : severityNumber;
  if (typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 24) return LOG_LEVELS[Math.min(5, Math.floor((n - 1) / 4))]!;
  return parseLevelName(severityText) ?? "info";
}
