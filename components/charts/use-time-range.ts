"use client";

import { useCallback, useMemo } from "react";
import { useUrlQuery } from "@/components/lists/use-url-query";
import { DEFAULT_RANGE, parseTimeRange, TIME_KEYS, type RangeKey, type RefreshKey, type TimeRange } from "./time-range";

/**
 * The page's time range and refresh, read from and written to the URL (so a reload or a shared link keeps them);
 * `fallback` is the preset when the URL names none.
 */
export function useTimeRange(fallback: RangeKey = DEFAULT_RANGE) {
  const { query, update } = useUrlQuery(TIME_KEYS);
  const { range: preset, from, to, refresh } = query;
  const range: TimeRange = useMemo(() => parseTimeRange({ range: preset, from, to, refresh }, fallback), [preset, from, to, refresh, fallback]);
  const setPreset = useCallback((key: RangeKey) => update({ range: key, from: undefined, to: undefined }), [update]);
  const setRefresh = useCallback((key: RefreshKey) => update({ refresh: key }), [update]);
  const setCustom = useCallback(
    (fromMs: number, toMs: number) => update({ from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), range: undefined }),
    [update],
  );
  return { range, setPreset, setRefresh, setCustom };
}
