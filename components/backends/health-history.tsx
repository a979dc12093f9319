"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatInstant } from "@/components/charts/time-axis";
import { Pager } from "@/components/lists/pager";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Td, Th } from "@/components/ui/table";
import { useNow } from "@/components/ui/use-now";
import { fetchJson } from "@/lib/fetch-json";
import { relativeTime } from "@/lib/format";
import { backendKeys, LIST_REFRESH_MS } from "@/lib/query-keys";
import type { Page } from "@/lib/schemas/list";
import type { HealthTransitionView } from "@/lib/server/dal/health-history";
import { healthTone } from "./backend-live";

/** Every change of the backend's health the checker recorded, newest first and live, with why it changed. */
export function HealthHistory({ poolId, backendId, initial, pageSize }: { poolId: string; backendId: string; initial: Page<HealthTransitionView>; pageSize: number }) {
  const [cursor, setCursor] = useState<string>();
  const { data, error, isFetching } = useQuery({
    queryKey: [...backendKeys.detail(backendId), "health-history", cursor ?? ""],
    queryFn: ({ signal }) => fetchJson<Page<HealthTransitionView>>(`/api/v1/pools/${poolId}/backends/${backendId}/health-history`, { limit: pageSize, cursor }, signal),
    initialData: cursor ? undefined : initial,
    placeholderData: keepPreviousData,
    refetchInterval: LIST_REFRESH_MS,
  });
  const now = useNow();
  const items = data?.items ?? [];
  return (
    <Card title="Health history">
      {error ? (
        <p role="alert" className="mb-3 text-sm text-red-600 dark:text-red-400">
          {error.message}
        </p>
      ) : null}
      {items.length === 0 && !cursor ? (
        <p className="text-sm text-zinc-500">No health changes recorded yet: the health checker records one each time the backend turns healthy or unhealthy.</p>
      ) : (
        <div className="-mx-4 -mt-4 overflow-x-auto">
          <table aria-label="Health history" className="w-full text-left text-sm">
            <thead>
              <tr>
                <Th>When</Th>
                <Th>Change</Th>
                <Th>Reason</Th>
                <Th>Detail</Th>
              </tr>
            </thead>
            <tbody aria-busy={isFetching}>
              {items.map((t) => (
                <tr key={t.id}>
                  <Td className="whitespace-nowrap">
                    {/* Local times render once live, so server and browser markup agree. */}
                    <time dateTime={t.at}>{now === null ? "" : formatInstant(Date.parse(t.at))}</time>
                    <span className="ml-1.5 text-xs text-zinc-500">{now === null ? "" : relativeTime(t.at, now)}</span>
                  </Td>
                  <Td className="whitespace-nowrap">
                    <span className="inline-flex items-center gap-1.5">
                      <Badge tone={healthTone[t.from]}>{t.from}</Badge>
                      <span aria-label="to" className="text-zinc-400">
                        →
                      </span>
                      <Badge tone={healthTone[t.to]}>{t.to}</Badge>
                    </span>
                  </Td>
                  <Td className="font-mono text-[13px]">{t.reason}</Td>
                  <Td className="text-zinc-600 dark:text-zinc-400">{t.detail ?? ""}</Td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && (cursor || data.nextCursor) ? (
        <div className="mt-3">
          <Pager cursor={cursor} nextCursor={data.nextCursor} count={items.length} onPage={setCursor} />
        </div>
      ) : null}
    </Card>
  );
}
