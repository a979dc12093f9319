import type { LogLevel } from "./record";
import { downloadText } from "./text";

export interface LogLineFields {
  at: string;
  level: LogLevel;
  source: string;
  stream: string | null;
  body: string;
  pod: string | null;
  node: string | null;
  workload: string | null;
  service: string | null;
  traceId: string | null;
}

/** A label value as it appears in a downloaded line: bare when it is a plain token, else quoted and escaped. */
const value = (v: string) => (/^[\w.:/@-]+$/.test(v) ? v : JSON.stringify(downloadText(v)));

/**
 * One record as one line of a downloaded file: time, level, source, the label columns, then the body (ANSI
 * stripped, line breaks and controls escaped), e.g.
 * `2026-11-25T12:00:00.000Z WARN  pod/stderr workload=web pod=web-1a2b3 | upstream slow`.
 */
export function formatLogLine(r: LogLineFields): string {
  const labels = (
    [
      ["workload", r.workload],
      ["pod", r.pod],
      ["node", r.node],
      ["service", r.service],
      ["trace", r.traceId],
    ] as const
  )
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${value(v!)}`);
  const source = r.stream ? `${r.source}/${r.stream}` : r.source;
  return `${r.at} ${r.level.toUpperCase().padEnd(5)} ${[source, ...labels].join(" ")} | ${downloadText(r.body)}`;
}
