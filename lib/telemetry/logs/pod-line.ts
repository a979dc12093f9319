import stripAnsi from "strip-ansi";
import { parseLevelName, type LogLevel } from "./record";

export interface LineFacts {
  level: LogLevel;
  traceId: string | null;
  spanId: string | null;
}

/** pino/bunyan numeric levels. */
const NUMERIC: Record<number, LogLevel> = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };
const HEX32 = /^[0-9a-f]{32}$/i;
const HEX16 = /^[0-9a-f]{16}$/i;
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}/i;
const LOGFMT_LEVEL = /(?:^|\s)(?:level|lvl|severity)=("?)([A-Za-z]+)\1(?=\s|$)/;
const LOGFMT_TRACE = /(?:^|\s)(?:trace_id|traceId|trace\.id)=("?)([0-9a-fA-F]{32})\1(?=\s|$)/;
const LOGFMT_SPAN = /(?:^|\s)(?:span_id|spanId|span\.id)=("?)([0-9a-fA-F]{16})\1(?=\s|$)/;
/** A level word near the start: `ERROR ...`, `[warn] ...`, `2026-11-25T12:00:00Z INFO ...`, `W1125 12:00:00` is not read. */
const LEADING_LEVEL = /^(?:\S+\s+){0,2}?[[(<]?(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|CRIT|PANIC)[\])>:]?(?=\s|$)/i;

const nonZero = (id: string) => !/^0+$/.test(id);
const hex = (v: unknown, re: RegExp): string | null => (typeof v === "string" && re.test(v) && nonZero(v) ? v.toLowerCase() : null);

/**
 * What a line of a pod's output says about itself: its level (a JSON `level`/`severity` field, pino's numbers, a
 * logfmt `level=`, or a level word at the start), and the trace and span it belongs to (`trace_id`/`traceId`, or a
 * `traceparent`). Nothing said: stdout is info, stderr error (where console.error writes).
 */
export function podLineFacts(line: string, stream: "stdout" | "stderr"): LineFacts {
  const text = stripAnsi(line).trim();
  const fallback: LogLevel = stream === "stderr" ? "error" : "info";
  if (text.startsWith("{") && text.endsWith("}")) {
    const fields = parseObject(text);
    if (fields) {
      const raw = fields.level ?? fields.lvl ?? fields.severity ?? fields["log.level"] ?? fields.severity_text;
      const level = typeof raw === "number" ? (NUMERIC[raw] ?? null) : parseLevelName(raw);
      const parent = typeof fields.traceparent === "string" ? TRACEPARENT.exec(fields.traceparent) : null;
      return {
        level: level ?? fallback,
        traceId: hex(fields.trace_id ?? fields.traceId ?? fields["trace.id"], HEX32) ?? hex(parent?.[1], HEX32),
        spanId: hex(fields.span_id ?? fields.spanId ?? fields["span.id"], HEX16) ?? hex(parent?.[2], HEX16),
      };
    }
  }
  const logfmtLevel = parseLevelName(LOGFMT_LEVEL.exec(text)?.[2]);
  const leading = logfmtLevel ?? parseLevelName(LEADING_LEVEL.exec(text.slice(0, 200))?.[1]);
  return {
    level: leading ?? fallback,
    traceId: hex(LOGFMT_TRACE.exec(text)?.[2], HEX32),
    spanId: hex(LOGFMT_SPAN.exec(text)?.[2], HEX16),
  };
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
