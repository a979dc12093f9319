"use client";

import { useVirtualizer, type Range } from "@tanstack/react-virtual";
import { useCallback, useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import type { SpanView } from "@/lib/server/dal/traces";
import type { Tick, WaterfallRow } from "@/lib/telemetry/traces/waterfall";
import { rangeWithPinned } from "./pinned-range";
import { rowKeyAction } from "./row-keys";
import { spanColor } from "./span-colors";
import { ROW_PX, SpanRow } from "./span-row";

/** The time axis's height: it sticks to the top of the pane and covers the rows scrolling under it. */
const AXIS_PX = 33;
/** Rows rendered past each edge of the view, so a quick scroll shows no blank space. */
const OVERSCAN = 12;
/** Until the pane is measured (and on the server): about a screenful of rows. */
const INITIAL_RECT = { width: 0, height: 24 * ROW_PX };
const rowSize = () => ROW_PX;
const rowIndexOf = (target: EventTarget | null) => Number((target as Element | null)?.closest?.("[data-index]")?.getAttribute("data-index") ?? -1);

/**
 * The waterfall's rows in a pane of their own under a sticky time axis. Only the rows in view are rendered, so a
 * trace of thousands of spans opens and scrolls as fast as a small one. One row is a Tab stop (the selected one);
 * the arrow keys select the others, scrolling them into view.
 */
export function WaterfallScroller({
  rows,
  ticks,
  colors,
  serviceOf,
  selectedId,
  collapsed,
  onSelect,
  onToggle,
}: {
  rows: readonly WaterfallRow<SpanView>[];
  ticks: readonly Tick[];
  colors: Record<string, string>;
  serviceOf: ReadonlyMap<string, string>;
  selectedId: string | null;
  collapsed: ReadonlySet<string>;
  onSelect: (spanId: string) => void;
  onToggle: (spanId: string) => void;
}) {
  const hintId = useId();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  // A key moved the selection: the new row takes focus once rendered (a new object, so the same row twice counts).
  const [focusRequest, setFocusRequest] = useState<{ index: number } | null>(null);
  const indexOfSpan = (spanId: string | null) => (spanId === null ? -1 : rows.findIndex((r) => r.span.spanId === spanId));
  const selectedIndex = indexOfSpan(selectedId);
  const tabStop = selectedIndex === -1 ? 0 : selectedIndex;
  const focusedIndex = indexOfSpan(focusedId);

  const getItemKey = useCallback((index: number) => rows[index]!.span.spanId, [rows]);
  const rangeExtractor = useCallback((range: Range) => rangeWithPinned(range, [tabStop, focusedIndex]), [tabStop, focusedIndex]);
  // The rule guards compiler-memoised components; these are not, so the virtualizer's changing methods are fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: rowSize,
    getItemKey,
    rangeExtractor,
    overscan: OVERSCAN,
    // The rows start under the axis, which covers the pane's top edge: a row scrolled to lands just below it.
    scrollMargin: AXIS_PX,
    scrollPaddingStart: AXIS_PX,
    initialRect: INITIAL_RECT,
  });

  useEffect(() => {
    if (focusRequest) listRef.current?.querySelector<HTMLElement>(`[data-index="${focusRequest.index}"] [aria-pressed]`)?.focus({ preventScroll: true });
  }, [focusRequest]);

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const pageSize = Math.max(1, Math.floor(((scrollerRef.current?.clientHeight ?? 0) - AXIS_PX) / ROW_PX) - 1);
    const action = rowKeyAction(event.key, rows, rowIndexOf(event.target), collapsed, pageSize);
    if (!action) return;
    event.preventDefault();
    if (action.kind === "toggle") return onToggle(action.spanId);
    onSelect(rows[action.index]!.span.spanId);
    setFocusRequest({ index: action.index });
    virtualizer.scrollToIndex(action.index);
  };
  const onFocus = (event: FocusEvent<HTMLOListElement>) => setFocusedId(rows[rowIndexOf(event.target)]?.span.spanId ?? null);
  const onBlur = (event: FocusEvent<HTMLOListElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setFocusedId(null);
  };

  return (
    // Relative, so the visually hidden hint is placed in the pane rather than past the rows' full height on the page.
    <div
      ref={scrollerRef}
      className="relative max-h-[max(20rem,calc(100vh_-_11rem))] min-w-0 flex-1 overflow-y-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <TimeAxis ticks={ticks} />
      <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
        <TickLines ticks={ticks} />
        <ol ref={listRef} aria-label="Spans" aria-describedby={hintId} className="relative h-full" onKeyDown={onKeyDown} onFocus={onFocus} onBlur={onBlur}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const { span } = row;
            return (
              <SpanRow
                key={item.key}
                row={row}
                index={item.index}
                total={rows.length}
                top={item.start - AXIS_PX}
                color={spanColor(span, colors)}
                showService={span.parentSpanId === null || serviceOf.get(span.parentSpanId) !== span.service}
                selected={span.spanId === selectedId}
                folded={collapsed.has(span.spanId)}
                tabbable={item.index === tabStop}
                onSelect={onSelect}
                onToggle={onToggle}
              />
            );
          })}
        </ol>
      </div>
      <p id={hintId} className="sr-only">
        The arrow keys move between spans; left and right fold and unfold them.
      </p>
    </div>
  );
}

/** The ruler: round times along the top of the pane. */
function TimeAxis({ ticks }: { ticks: readonly Tick[] }) {
  return (
    <div className="sticky top-0 z-10 flex border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900" style={{ height: AXIS_PX }}>
      <div className="w-[40%] shrink-0 px-3 py-2 font-medium tracking-wide uppercase">Span</div>
      <div className="relative mr-16 flex-1" aria-hidden>
        {ticks.map((t) => (
          <span key={t.us} className="absolute top-2 -translate-x-1/2 whitespace-nowrap tabular-nums first:translate-x-0" style={{ left: `${t.offset * 100}%` }}>
            {t.label}
          </span>
        ))}
      </div>
    </div>
  );
}

/** The ruler's times as faint lines down the rows. */
function TickLines({ ticks }: { ticks: readonly Tick[] }) {
  return (
    <div className="pointer-events-none absolute inset-y-0 right-16 left-[40%]" aria-hidden>
      {ticks.map((t) => (
        <div key={t.us} className="absolute inset-y-0 border-l border-zinc-100 dark:border-zinc-800" style={{ left: `${t.offset * 100}%` }} />
      ))}
    </div>
  );
}
