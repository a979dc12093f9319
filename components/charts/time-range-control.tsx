"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { DEFAULT_RANGE, isRangeKey, RANGES, REFRESH, toLocalInput, windowFor, type RangeKey, type RefreshKey, type TimeRange } from "./time-range";
import { useTimeRange } from "./use-time-range";

// Sized to their content: the shared control class fills its container, which would stack the custom window's pickers.
const select = `${controlClass.replace("w-full", "w-auto")} py-1 text-xs`;

/**
 * The time range (a preset ending now, or a custom from/to) and refresh of every chart on the page, in the URL.
 * `defaultRange` is the page's range when the URL names none; pages that poll on their own terms (the log viewer's
 * follow, a list's steady polling) leave the refresh out with `withRefresh={false}`.
 */
export function TimeRangeControl({ defaultRange = DEFAULT_RANGE, withRefresh = true }: { defaultRange?: RangeKey; withRefresh?: boolean }) {
  const { range, setPreset, setRefresh, setCustom } = useTimeRange(defaultRange);
  const [editing, setEditing] = useState(false);
  const custom = range.kind === "custom";
  return (
    <div role="group" aria-label="Time range" className="flex flex-wrap items-center gap-2 text-xs">
      <label className="flex items-center gap-1.5">
        <span className="text-zinc-500">Range</span>
        <select
          aria-label="Range"
          value={editing || custom ? "custom" : range.range}
          onChange={(e) => {
            if (isRangeKey(e.target.value)) {
              setEditing(false);
              setPreset(e.target.value);
            } else setEditing(true);
          }}
          className={select}
        >
          {Object.entries(RANGES).map(([k, r]) => (
            <option key={k} value={k}>
              Last {r.label}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </label>
      {editing || custom ? <CustomWindow key={custom ? `${range.from}-${range.to}` : "new"} range={range} onApply={(from, to) => { setCustom(from, to); setEditing(false); }} /> : null}
      {withRefresh ? (
        <label className="flex items-center gap-1.5">
          <span className="text-zinc-500">Refresh</span>
          <select
            aria-label="Refresh"
            value={range.refresh}
            disabled={custom}
            title={custom ? "A fixed window does not change: pick a preset to refresh" : undefined}
            onChange={(e) => setRefresh(e.target.value as RefreshKey)}
            className={select}
          >
            {Object.entries(REFRESH).map(([k, r]) => (
              <option key={k} value={k}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}

/** From/to pickers in the browser's zone; applied together, so a half-edited window never reaches the URL. */
function CustomWindow({ range, onApply }: { range: TimeRange; onApply: (from: number, to: number) => void }) {
  // Local times (the browser's zone) render only once hydrated, so server and browser markup agree.
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  // A new custom window starts from the preset's window as of opening the pickers.
  const [initial] = useState(() => (range.kind === "custom" ? range : windowFor(range, Date.now())));
  if (!hydrated) return null;
  const offset = new Date().getTimezoneOffset();
  return (
    <form
      className="flex flex-wrap items-center gap-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const from = Date.parse(String(data.get("from")));
        const to = Date.parse(String(data.get("to")));
        if (!Number.isFinite(from) || !Number.isFinite(to)) return setError("Pick both times.");
        if (from >= to) return setError("From must be before to.");
        setError(null);
        onApply(from, to);
      }}
    >
      <input aria-label="From" name="from" type="datetime-local" defaultValue={toLocalInput(initial.from, offset)} className={select} />
      <span className="text-zinc-500">to</span>
      <input aria-label="To" name="to" type="datetime-local" defaultValue={toLocalInput(initial.to, offset)} className={select} />
      <Button type="submit" variant="secondary" className="px-2 py-1 text-xs">
        Apply
      </Button>
      <span role="alert" className="text-red-600 dark:text-red-400">
        {error}
      </span>
    </form>
  );
}
