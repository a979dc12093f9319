"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { decisionStep, MAX_DECISION_POINTS, policyGuides, toScalingPoints } from "@/components/charts/scaling-data";
import { ScalingChart } from "@/components/charts/scaling-chart";
import { describeRange, rangeKey, refetchIntervalOf, windowFor } from "@/components/charts/time-range";
import { TimeRangeControl } from "@/components/charts/time-range-control";
import { formatInstant } from "@/components/charts/time-axis";
import { useTimeRange } from "@/components/charts/use-time-range";
import { Card } from "@/components/ui/card";
import { fetchJson } from "@/lib/fetch-json";
import { scaleDecisionKeys } from "@/lib/query-keys";
import type { Autoscaler, ScaleDecisionRecord } from "@/lib/server/dal/autoscalers";

/**
 * CPU against the policy's lines, and replicas, over the page's time range: the decisions in the window, thinned to
 * one per step for long windows (a step keeps a decision that scaled, so no change of replicas is lost).
 */
export function ScalingHistory({ autoscaler, emptyHint }: { autoscaler: Autoscaler; emptyHint: ReactNode }) {
  const { range } = useTimeRange();
  const { data, error } = useQuery({
    queryKey: scaleDecisionKeys.list({ autoscaler: autoscaler.id, range: rangeKey(range) }),
    queryFn: async ({ signal }) => {
      const { from, to } = windowFor(range, Date.now());
      const { items } = await fetchJson<{ items: ScaleDecisionRecord[] }>(
        `/api/v1/autoscalers/${autoscaler.id}/decisions`,
        { from: new Date(from).toISOString(), to: new Date(to).toISOString(), step: decisionStep(to - from), limit: MAX_DECISION_POINTS + 1 },
        signal,
      );
      return { points: toScalingPoints(items), domain: [from, to] as [number, number] };
    },
    refetchInterval: refetchIntervalOf(range),
    placeholderData: keepPreviousData,
  });
  const where = describeRange(range, formatInstant);
  return (
    <Card title="CPU and replicas" actions={<TimeRangeControl />}>
      {error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error.message}
        </p>
      ) : !data ? (
        <p className="grid h-72 place-items-center text-sm text-zinc-500">Loading…</p>
      ) : data.points.length === 0 ? (
        <p className="grid h-72 place-items-center text-center text-sm text-zinc-500">
          <span>No decisions in {where}. {emptyHint}</span>
        </p>
      ) : (
        <>
          <ScalingChart
            points={data.points}
            guides={policyGuides(autoscaler.policy)}
            domain={data.domain}
            maxReplicas={autoscaler.policy.maxReplicas}
            label={`Average CPU utilization per decision against the scaling thresholds, and the replica count, over ${where}`}
          />
          <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
            One point per decision (per step over long ranges): the average CPU it saw and the replica count it left. Dashed lines are the policy as it is now.
          </p>
        </>
      )}
    </Card>
  );
}
