import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Row, Table, Td, Th } from "@/components/ui/table";
import { relativeTime } from "@/lib/format";
import type { TraceSummary } from "@/lib/server/dal/traces";
import { formatMicros } from "@/lib/telemetry/traces/waterfall";

const time = (iso: string) => new Date(iso).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/**
 * Trace summaries as rows: when, the root span (a link to the waterfall), service, spans, errors and a duration
 * bar scaled to the slowest trace shown, so outliers stand out at a glance.
 */
export function TraceTable({ traces, label = "Traces", compact = false }: { traces: TraceSummary[]; label?: string; compact?: boolean }) {
  const longest = Math.max(...traces.map((t) => t.durationMs), 0.001);
  return (
    <Table label={label}>
      <thead>
        <tr>
          <Th>Started</Th>
          <Th>Root span</Th>
          {compact ? null : <Th>Service</Th>}
          <Th style={{ textAlign: "right" }}>Spans</Th>
          <Th>Errors</Th>
          <Th style={{ width: compact ? "30%" : "32%" }}>Duration</Th>
        </tr>
      </thead>
      <tbody>
        {traces.map((t) => (
          <Row key={t.traceId}>
            <Td className="whitespace-nowrap tabular-nums">
              <span title={new Date(t.startAt).toISOString()}>{time(t.startAt)}</span>
              {compact ? null : <span className="block text-[11px] text-zinc-500">{relativeTime(t.startAt)}</span>}
            </Td>
            <Td className="max-w-80">
              <Link href={`/traces/${t.traceId}`} className="block truncate font-medium text-sky-700 hover:underline dark:text-sky-400">
                {t.rootName}
              </Link>
              {compact ? null : <span className="block font-mono text-[11px] text-zinc-500">{t.traceId}</span>}
            </Td>
            {compact ? null : <Td className="whitespace-nowrap">{t.service}</Td>}
            <Td className="text-right tabular-nums">{t.spanCount}</Td>
            <Td>{t.errorCount > 0 ? <Badge tone="bad">{t.errorCount} failed</Badge> : <span className="text-zinc-400">—</span>}</Td>
            <Td>
              <div className="flex items-center gap-2">
                <div className="h-2 flex-1 rounded-full bg-zinc-100 dark:bg-zinc-800" aria-hidden>
                  <div
                    className={`h-2 rounded-full ${t.errorCount > 0 ? "bg-red-500" : "bg-sky-500"}`}
                    style={{ width: `${Math.max(1, (t.durationMs / longest) * 100)}%` }}
                  />
                </div>
                <span className="w-16 text-right text-xs tabular-nums">{formatMicros(t.durationMs * 1000)}</span>
              </div>
            </Td>
          </Row>
        ))}
      </tbody>
    </Table>
  );
}
