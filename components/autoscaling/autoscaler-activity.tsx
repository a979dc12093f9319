"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowRight, TriangleAlert } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { averageCpuPercent } from "@/components/charts/scaling-data";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { useNow } from "@/components/ui/use-now";
import { formatDuration } from "@/lib/format";
import { autoscalerKeys, LIST_REFRESH_MS, scaleDecisionKeys } from "@/lib/query-keys";
import type { Autoscaler, ScaleDecisionRecord } from "@/lib/server/dal/autoscalers";
import { getAutoscalerAction, listScaleDecisionsAction } from "@/app/(console)/autoscaling/actions";
import { DecisionTable } from "./decision-table";
import { DECISION_WINDOW_MS, mergeDecisions, nextFrom } from "./decision-window";
import { actionNames } from "./policy-summary";
import { ScalingHistory } from "./scaling-history";

/** An enabled autoscaler decides every 5 s; this much silence means no worker is running it. */
const SILENT_MS = 30_000;

const WORKER_HINT = (
  <>
    Decisions appear once the engine worker runs (<code className="font-mono text-xs">npm run worker</code>;{" "}
    <code className="font-mono text-xs">npm start</code> runs one): one every 5 s while the autoscaler is enabled.
  </>
);

/**
 * Decisions of the last 15 minutes, kept live: each poll asks only for those at or after the newest held and
 * merges them in (mergeDecisions), so a poll carries a decision or two, not the whole window.
 */
function useDecisions(autoscalerId: string, initial: ScaleDecisionRecord[]) {
  const queryClient = useQueryClient();
  const key = scaleDecisionKeys.detail(autoscalerId);
  return useQuery({
    queryKey: key,
    queryFn: async () => {
      const held = queryClient.getQueryData<ScaleDecisionRecord[]>(key) ?? [];
      const { items } = await listScaleDecisionsAction(autoscalerId, nextFrom(held, Date.now()));
      return mergeDecisions(held, items, DECISION_WINDOW_MS);
    },
    initialData: initial,
    refetchInterval: LIST_REFRESH_MS,
  });
}

function Figure({ label, children, hint }: { label: string; children: ReactNode; hint?: ReactNode }) {
  return (
    <div>
      <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">{label}</p>
      <div className="mt-1 text-2xl font-semibold tabular-nums">{children}</div>
      {hint ? <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{hint}</p> : null}
    </div>
  );
}

function Notice({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="mt-4 flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200">
      <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span>{children}</span>
    </p>
  );
}

function StatusCard({ autoscaler, latest, now }: { autoscaler: Autoscaler; latest: ScaleDecisionRecord | undefined; now: number | null }) {
  const { status, lastScale } = autoscaler;
  const silentFor = status && now !== null ? now - Date.parse(status.lastDecisionAt) : 0;
  const cpu = latest ? averageCpuPercent(latest) : null;
  return (
    <Card title="Status">
      {status ? (
        <>
          <div className="grid grid-cols-2 gap-6 md:grid-cols-4">
            <Figure label="Current → desired" hint="replicas at the latest decision">
              <span className="inline-flex items-center gap-2">
                {status.currentReplicas}
                <ArrowRight className="size-5 text-zinc-400" aria-label="to" />
                <span className={status.desiredReplicas !== status.currentReplicas ? "text-sky-700 dark:text-sky-400" : ""}>{status.desiredReplicas}</span>
              </span>
            </Figure>
            <Figure label="Average CPU" hint="% of request, as the latest decision saw it">
              {cpu === null ? <span className="text-zinc-400">—</span> : `${cpu}%`}
            </Figure>
            <Figure label="Latest decision" hint={now !== null ? `${formatDuration(silentFor)} ago` : " "}>
              <Badge tone={status.action === "none" ? "neutral" : "info"}>{actionNames[status.action]}</Badge>
            </Figure>
            <Figure
              label="Last scale"
              hint={lastScale && now !== null ? `${formatDuration(now - Date.parse(lastScale.at))} ago` : lastScale ? " " : "none yet"}
            >
              {lastScale ? `${lastScale.fromReplicas} → ${lastScale.toReplicas}` : <span className="text-zinc-400">—</span>}
            </Figure>
          </div>
          <p className="mt-4 text-sm">
            <span className="text-zinc-500">Why: </span>
            {status.reason}
          </p>
        </>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No decision yet. {WORKER_HINT}</p>
      )}
      {!autoscaler.enabled ? (
        <Notice>Paused: no decisions are made and the replica count stays where it is until it is enabled again.</Notice>
      ) : status && silentFor > SILENT_MS ? (
        <Notice>No decision for {formatDuration(silentFor)}: is the engine worker running? ({WORKER_HINT})</Notice>
      ) : null}
    </Card>
  );
}

/** The autoscaler live: its status, CPU against the policy's lines with the replica count, and every decision. */
export function AutoscalerActivity({ initial, initialDecisions }: { initial: Autoscaler; initialDecisions: ScaleDecisionRecord[] }) {
  const { data: autoscaler } = useQuery({
    queryKey: autoscalerKeys.detail(initial.id),
    queryFn: () => getAutoscalerAction(initial.id),
    initialData: initial,
    refetchInterval: LIST_REFRESH_MS,
  });
  const { data: decisions = [], error } = useDecisions(initial.id, initialDecisions);
  const now = useNow();

  if (autoscaler === null) {
    return (
      <Card>
        <p className="text-sm">
          This autoscaler has been deleted. <Link href="/autoscaling" className="text-sky-700 underline dark:text-sky-400">Back to autoscalers</Link>
        </p>
      </Card>
    );
  }
  const time = (iso: string) => (now === null ? null : new Date(iso).toLocaleTimeString("en-GB"));

  return (
    <div className="space-y-4">
      <StatusCard autoscaler={autoscaler} latest={decisions[0]} now={now} />
      <ScalingHistory autoscaler={autoscaler} emptyHint={WORKER_HINT} />
      <Card title={`Decisions, last 15 minutes (${decisions.length})`}>
        {error ? <p role="alert" className="mb-3 text-sm text-red-600 dark:text-red-400">{error.message}</p> : null}
        {decisions.length === 0 ? (
          <p className="text-sm text-zinc-500">No decisions in the last 15 minutes. {WORKER_HINT}</p>
        ) : (
          <DecisionTable decisions={decisions} time={time} />
        )}
      </Card>
    </div>
  );
}
