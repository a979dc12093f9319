"use client";

import { useCallback, useMemo, useState } from "react";
import type { TraceDetail } from "@/lib/server/dal/traces";
import { timeTicks, waterfallLayout } from "@/lib/telemetry/traces/waterfall";
import { visibleRows } from "./collapse";
import { SpanDetails } from "./span-details";
import { serviceColors } from "./span-colors";
import { WaterfallScroller } from "./waterfall-scroller";

/**
 * One trace as a waterfall: a row per span, indented under its parent, with a bar on the trace's time axis
 * (red for errors, else the service's colour). Clicking a row opens its details beside the waterfall; a row
 * with children folds. Scrolling stays in the waterfall's pane, so it re-renders neither the details nor this.
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
      <WaterfallScroller
        rows={rows}
        ticks={ticks}
        colors={colors}
        serviceOf={serviceOf}
        selectedId={selectedId}
        collapsed={collapsed}
        onSelect={setSelectedId}
        onToggle={toggle}
      />
      {selected ? <SpanDetails span={selected} traceStartUs={layout.startUs} pools={trace.pools} pods={trace.pods} onClose={() => setSelectedId(null)} /> : null}
    </div>
  );
}
