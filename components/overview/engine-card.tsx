"use client";

import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDuration } from "@/lib/format";
import { engineKeys, LIST_REFRESH_MS } from "@/lib/query-keys";
import { getEngineStatusAction } from "@/app/(console)/overview-actions";
import { leaderSummary, loopHealth, type LoopHealth } from "./engine-summary";

const healthDot: Record<LoopHealth, string> = { ok: "bg-emerald-500", stale: "bg-amber-500", error: "bg-red-500" };
const healthLabel: Record<LoopHealth, string> = { ok: "passing", stale: "stalled: no pass for over 10 s", error: "its last pass failed" };

/** The engine: who leads (lease holder, fencing epoch, live or expired) and each loop's last pass. */
export function EngineCard({ className }: { className?: string }) {
  const { data, error } = useQuery({ queryKey: engineKeys.all, queryFn: () => getEngineStatusAction(), refetchInterval: LIST_REFRESH_MS });
  const leader = data?.leader ?? null;
  return (
    <Card
      title="Engine"
      className={className}
      actions={data ? leader?.live ? <Badge tone="good">leading</Badge> : <Badge tone="bad">{leader ? "lease expired" : "not started"}</Badge> : null}
    >
      {error ? <p role="alert" className="text-sm text-red-600 dark:text-red-400">{error.message}</p> : null}
      {!data ? (
        <p className="text-sm text-zinc-500">Loading…</p>
      ) : (
        <>
          <p className="text-sm">{leaderSummary(leader)}</p>
          {data.loops.length > 0 ? (
            <div className="mt-3 overflow-x-auto">
              <table className="w-full text-left text-sm" aria-label="Engine loops">
                <thead className="text-xs text-zinc-500">
                  <tr>
                    <th scope="col" className="py-1 font-medium">Loop</th>
                    <th scope="col" className="py-1 pl-3 text-right font-medium">Last pass</th>
                    <th scope="col" className="py-1 pl-3 text-right font-medium">Took</th>
                  </tr>
                </thead>
                <tbody>
                  {data.loops.map((loop) => {
                    const health = loopHealth(loop);
                    return (
                      <tr key={loop.name} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                        <td className="py-1.5">
                          <span className="flex items-center gap-2 whitespace-nowrap">
                            <span aria-hidden title={healthLabel[health]} className={`size-2 shrink-0 rounded-full ${healthDot[health]}`} />
                            <span className="font-mono text-[13px]">{loop.name}</span>
                            {health === "ok" ? null : <span className="sr-only">({healthLabel[health]})</span>}
                          </span>
                          {loop.error ? <span className="mt-0.5 block pl-4 text-xs break-words text-red-600 dark:text-red-400">{loop.error}</span> : null}
                        </td>
                        <td className={`py-1.5 pl-3 text-right whitespace-nowrap tabular-nums ${health === "stale" ? "text-amber-700 dark:text-amber-400" : "text-zinc-600 dark:text-zinc-400"}`}>
                          {formatDuration(loop.lagMs)} ago
                        </td>
                        <td className="py-1.5 pl-3 text-right whitespace-nowrap tabular-nums text-zinc-600 dark:text-zinc-400">{loop.durationMs} ms</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      )}
    </Card>
  );
}
