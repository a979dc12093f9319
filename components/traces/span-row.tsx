import { ChevronDown, ChevronRight } from "lucide-react";
import { memo } from "react";
import type { SpanView } from "@/lib/server/dal/traces";
import { formatMicros, type WaterfallRow } from "@/lib/telemetry/traces/waterfall";

/** Rows are this tall (h-8), always: the virtualizer places them without measuring. */
export const ROW_PX = 32;
const INDENT_PX = 14;
const MAX_INDENT = 24;

/**
 * One span on the waterfall: fold button, name (a button that selects it) and its bar on the time axis. Placed
 * absolutely at `top` in its list; `position` and `total` tell assistive technology where it sits among rows not
 * rendered. Memoised, so selecting, folding or scrolling re-renders only the rows that changed.
 */
export const SpanRow = memo(function SpanRow({
  row,
  index,
  total,
  top,
  color,
  showService,
  selected,
  folded,
  tabbable,
  onSelect,
  onToggle,
}: {
  row: WaterfallRow<SpanView>;
  index: number;
  total: number;
  top: number;
  color: string;
  /** Only where the service changes (and at the root): the dot's colour tells the rest. */
  showService: boolean;
  selected: boolean;
  folded: boolean;
  /** The one row Tab reaches; arrow keys move between rows from there. */
  tabbable: boolean;
  onSelect: (spanId: string) => void;
  onToggle: (spanId: string) => void;
}) {
  const { span, depth, offset, width, childCount } = row;
  const failed = span.status === "error";
  const duration = formatMicros(span.durationUs);
  const tabIndex = tabbable ? 0 : -1;
  return (
    <li
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={total}
      aria-level={depth + 1}
      style={{ height: ROW_PX, transform: `translateY(${top}px)` }}
      className={`absolute inset-x-0 top-0 flex items-center text-sm ${index < total - 1 ? "border-b border-zinc-100 dark:border-zinc-800" : ""} ${selected ? "bg-sky-50 dark:bg-sky-950/50" : "hover:bg-zinc-50 dark:hover:bg-zinc-800/40"}`}
    >
      {/* Full height, so the clipping keeps the name's focus ring whole. */}
      <div className="flex w-[40%] shrink-0 items-center gap-1 self-stretch overflow-hidden pr-2" style={{ paddingLeft: 8 + Math.min(depth, MAX_INDENT) * INDENT_PX }}>
        {childCount > 0 ? (
          <button
            type="button"
            tabIndex={tabIndex}
            aria-expanded={!folded}
            aria-label={`${folded ? "Show" : "Hide"} the ${childCount} child span${childCount === 1 ? "" : "s"} of ${span.name}`}
            onClick={() => onToggle(span.spanId)}
            className="rounded p-0.5 text-zinc-500 hover:bg-zinc-200 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-zinc-700"
          >
            {folded ? <ChevronRight className="size-3.5" aria-hidden /> : <ChevronDown className="size-3.5" aria-hidden />}
          </button>
        ) : (
          <span className="w-[18px] shrink-0" />
        )}
        <button
          type="button"
          tabIndex={tabIndex}
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
