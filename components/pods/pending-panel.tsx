"use client";

import { useQuery } from "@tanstack/react-query";
import { Hourglass } from "lucide-react";
import { explainPlacementAction } from "@/app/(console)/pods/actions";
import { podKeys } from "@/lib/query-keys";

/**
 * Shown while a pod has no node: the engine's scheduler places it on its next pass, or — the "why is this pod
 * pending" view — this table says, node by node, which scheduler filter refuses it.
 */
export function PendingPanel({ podId }: { podId: string }) {
  const { data } = useQuery({
    queryKey: [...podKeys.detail(podId), "placement"],
    queryFn: () => explainPlacementAction(podId),
    refetchInterval: 5_000,
  });
  return (
    <div role="status" className="flex gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200">
      <Hourglass className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1">
        <p className="font-medium">Pending: waiting for the scheduler</p>
        <p className="mt-0.5 text-amber-800 dark:text-amber-300/90">
          The engine&rsquo;s scheduler places pending pods about once a second while the engine worker runs (npm start runs one); you can
          also bind it to a node in the form below.
        </p>
        {data ? <p className="mt-2 font-medium">{data.summary}</p> : null}
        {data && !data.fits ? (
          <table aria-label="Why no node fits" className="mt-2 w-full text-left text-xs">
            <thead>
              <tr className="text-amber-700 dark:text-amber-400">
                <th className="py-1 pr-4 font-medium">Node</th>
                <th className="py-1 pr-4 font-medium">Refused by</th>
                <th className="py-1 font-medium">Why</th>
              </tr>
            </thead>
            <tbody>
              {data.table.map((row) => (
                <tr key={row.node} className="border-t border-amber-200/70 dark:border-amber-900/60">
                  <td className="py-1 pr-4 font-mono">{row.node}</td>
                  <td className="py-1 pr-4">{row.filter}</td>
                  <td className="py-1">{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </div>
  );
}
