/** Errors are red; services take the other colours (none red-like, so a failure never blends in). */
const ERROR_COLOR = "#ef4444";
const SERVICE_COLORS = ["#0ea5e9", "#10b981", "#8b5cf6", "#f59e0b", "#6366f1", "#14b8a6", "#84cc16", "#06b6d4", "#a855f7", "#64748b"];

interface ColoredSpan {
  service: string;
  startUs: number;
  status: string;
}

/** A colour per service, in order of first appearance, so the root's service is always the first colour. */
export function serviceColors(spans: readonly ColoredSpan[]): Record<string, string> {
  const out: Record<string, string> = {};
  let next = 0;
  for (const s of [...spans].sort((a, b) => a.startUs - b.startUs)) out[s.service] ??= SERVICE_COLORS[next++ % SERVICE_COLORS.length]!;
  return out;
}

/** A span's dot and bar: red when it failed, else its service's colour. */
export const spanColor = (span: ColoredSpan, colors: Record<string, string>): string =>
  span.status === "error" ? ERROR_COLOR : (colors[span.service] ?? SERVICE_COLORS[0]!);
