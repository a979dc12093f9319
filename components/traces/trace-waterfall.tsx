"use client";

import { ChevronDown, ChevronRight } from "lucide-react";
import { memo, useCallback, useMemo, useState } from "react";
import type { SpanView, TraceDetail } from "@/lib/server/dal/traces";
import { formatMicros, timeTicks, waterfallLayout, type WaterfallRow } from "@/lib/telemetry/traces/waterfall";
import { visibleRows } from "./collapse";
import { SpanDetails } from "./span-details";

/** Errors are red; services take the other colours (none red-like, so a failure never blends in). */
const ERROR_COLOR = "#ef4444";
const SERVICE_COLORS = ["#0ea5e9", "#10b981", "#8b5cf6", "#f59e0b", "#6366f1", "#14b8a6", "#84cc16", "#06b6d4", "#a855f7", "#64748b"];
const INDENT_PX = 14;
const MAX_INDENT = 24;

/**
 * One trace as a waterfall: a row per span, indented under its parent, with a bar on the trace's time axis
 * (red for errors, else the service's colour). Clicking a row opens its details beside the waterfall; a row
 * with children folds. Rows are memoised, so selecting or folding re-renders only what changed.
 */
export function TraceWaterfall({ trace }: { trace: TraceDetail }) {
  const layout = useMemo(() => waterfallLayout(trace.spans), [trace.spans]);
  const colors = useMemo(() => serviceColors(trace.spans), [trace.spans]);
  const serviceOf = useMemo(() => new Map(trace.spans.map((s) => [s.spanId, s.service])), [trace.spans]);
  const ticks = useMemo(() => timeTicks(layout.durationUs), [layout.durationUs]);
  const [selectedId, setSelectedId] = useState<string | null>(() => layout.rows[0]?.span.spanId ?? null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => visibleRows(layout.rows, collapsed), [layout.rows, collapsed]);
  const toggle = useCallback((spanId: string) => {
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (!next.delete(spanId)) next.add(spanId);
      return next;
    });
  }, []);
  const selected = selectedId === null ? null : (layout.rows.find((r) => r.span.spanId === selectedId)?.span ?? null);

  return (
    <div className="flex items-start gap-4">
      <div className="min-w-0 flex-1 overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="flex border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900/60">
          <div className="w-[40%] shrink-0 px-3 py-2 font-medium tracking-wide uppercase">Span</div>
          <div className="relative mr-16 h-8 flex-1" aria-hidden>
            {ticks.map((t) => (
              <span key={t.us} className="absolute top-2 -translate-x-1/2 whitespace-nowrap tabular-nums first:translate-x-0" style={{ left: `${t.offset * 100}%` }}>
                {t.label}
              </span>
            ))}
          </div>
        </div>
        <div className="relative">
          <div className="pointer-events-none absolute inset-y-0 right-16 left-[40%]" aria-hidden>
            {ticks.map((t) => (
              <div key={t.us} className="absolute inset-y-0 border-l border-zinc-100 dark:border-zinc-800" style={{ left: `${t.offset * 100}%` }} />
            ))}
          </div>
          <ol aria-label="Spans" className="relative">
            {rows.map((row) => (
              <SpanRow
                key={row.span.spanId}
                row={row}
                color={row.span.status === "error" ? ERROR_COLOR : (colors[row.span.service] ?? "#0ea5e9")}
                showService={row.span.parentSpanId === null || serviceOf.get(row.span.parentSpanId) !== row.span.service}
                selected={row.span.spanId === selectedId}
                folded={collapsed.has(row.span.spanId)}
                onSelect={setSelectedId}
                onToggle={toggle}
              />
            ))}
          </ol>
        </div>
      </div>
      {selected ? <SpanDetails span={selected} traceStartUs={layout.startUs} pools={trace.pools} pods={trace.pods} onClose={() => setSelectedId(null)} /> : null}
    </div>
  );
}

/** A colour per service, in order of first appearance, so the root's service is always the first colour. */
function serviceColors(spans: readonly SpanView[]): Record<string, string> {
  const out: Record<string, string> = {};
  let next = 0;
  for (const s of [...spans].sort((a, b) => a.startUs - b.startUs)) out[s.service] ??= SERVICE_COLORS[next++ % SERVICE_COLORS.length]!;
  return out;
}

const SpanRow = memo(function SpanRow({
  row,
  color,
  showService,
  selected,
  folded,
  onSelect,
  onToggle,
}: {
  row: WaterfallRow<SpanView>;
  color: string;
  /** Only where the service changes (and at the root): the dot's colour tells the rest. */
  showService: boolean;
  selected: boolean;
  folded: boolean;
  onSelect: (spanId: string) => void;
  onToggle: (spanId: string) => void;
}) {
  const { span, depth, offset, width, childCount } = row;
  const failed = span.status === "error";
  const duration = formatMicros(span.durationUs);
  return (
    <li
      className={`flex h-8 items-center border-b border-zinc-100 text-sm last:border-b-0 dark:border-zinc-800 ${selected ? "bg-sky-50 dark:bg-sky-950/50" : "hover:bg-zinc-50 dark:hover:bg-zinc-800/40"}`}
    >
      <div className="flex w-[40%] shrink-0 items-center gap-1 overflow-hidden pr-2" style={{ paddingLeft: 8 + Math.min(depth, MAX_INDENT) * INDENT_PX }}>
        {childCount > 0 ? (
          <button
            type="button"
            aria-expanded={!folded}
            aria-label={`${folded ? "Show" : "Hide"} the ${childCount} child span${childCount === 1 ? "" : "s"} of ${span.name}`}
            onClick={() => onToggle(span.spanId)}
            className="rounded p-0.5 text-zinc-500 hover:bg-zinc-200 dark:hover:bg-zinc-700"
          >
            {folded ? <ChevronRight className="size-3.5" aria-hidden /> : <ChevronDown className="size-3.5" aria-hidden />}
          </button>
        ) : (
          <span className="w-[18px] shrink-0" />
        )}
        <button
          type="button"
          aria-pressed={selected}
          onClick={() => onSelect(span.spanId)}
          className="flex min-w-0 flex-1 items-center gap-1.5 rounded text-left focus-visible:outline-2 focus-visible:outline-sky-500"
          title={`${span.name} · ${span.service} · ${duration}`}
        >
          <span className="size-2 shrink-0 rounded-full" style={{ backgroundColor: color }} aria-hidden />
          <span className={`truncate ${failed ? "font-medium text-red-700 dark:text-red-400" : ""}`}>{span.name}</span>
          {showService ? <span className="max-w-[40%] shrink-0 truncate text-xs text-zinc-500">{span.service}</span> : null}
          {failed ? <span className="sr-only">, failed</span> : null}
        </button>
      </div>
      <div className="relative mr-16 h-full flex-1" onClick={() => onSelect(span.spanId)} aria-hidden>
        <div
          className="absolute top-2 h-4 rounded-sm"
          style={{ left: `${offset * 100}%`, width: `${width * 100}%`, minWidth: 2, backgroundColor: color, opacity: selected ? 1 : 0.85 }}
        />
        {/* After the bar: the timeline keeps a right margin wide enough for the label of a bar that ends the trace. */}
        <span className="absolute top-1.5 pl-1 text-xs whitespace-nowrap text-zinc-600 tabular-nums dark:text-zinc-300" style={{ left: `${(offset + width) * 100}%` }}>
          {duration}
        </span>
      </div>
    </li>
  );
});
