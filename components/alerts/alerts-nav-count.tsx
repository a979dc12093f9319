"use client";

import { useQuery } from "@tanstack/react-query";
import { alertKeys } from "@/lib/query-keys";
import { countActiveAlertsAction } from "@/app/(console)/alerts/actions";

/** How many alerts fire right now, beside "Alerts" in the sidebar (nothing when none do). */
export function AlertsNavCount() {
  const { data } = useQuery({ queryKey: [...alertKeys.all, "count"], queryFn: () => countActiveAlertsAction(), refetchInterval: 15_000, retry: false });
  if (!data || data.firing === 0) return null;
  return (
    <span className="ml-auto rounded-full bg-red-600 px-1.5 text-[11px] leading-4 font-semibold text-white tabular-nums" title={`${data.firing} firing, ${data.pending} pending`}>
      {data.firing}
      <span className="sr-only"> firing</span>
    </span>
  );
}
