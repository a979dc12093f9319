"use client";

import { useQuery } from "@tanstack/react-query";
import { BellOff } from "lucide-react";
import Link from "next/link";
import { Badge, Labels } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { useNow } from "@/components/ui/use-now";
import { formatDuration } from "@/lib/format";
import { alertKeys, LIST_REFRESH_MS } from "@/lib/query-keys";
import type { Page } from "@/lib/schemas/list";
import type { Alert } from "@/lib/server/dal/alerts";
import { listAlertsAction } from "@/app/(console)/alerts/actions";
import { ACTIVE_QUERY } from "./alert-queries";
import { groupByRule, severityTone, stateTone } from "./alert-tones";
import { RemediateButton } from "./remediate-button";

/** The labels that tell alerts of one rule apart (alertname and severity are the group's heading). */
const ownLabels = (labels: Record<string, string>) => Object.fromEntries(Object.entries(labels).filter(([k]) => k !== "alertname" && k !== "severity"));

/** Firing and pending alerts, grouped by rule, live: what is wrong now, since when, and the fix on offer. */
export function ActiveAlerts({ initial }: { initial?: Page<Alert> }) {
  const { data, error } = useQuery({
    queryKey: alertKeys.list(ACTIVE_QUERY),
    queryFn: () => listAlertsAction(ACTIVE_QUERY),
    initialData: initial,
    refetchInterval: LIST_REFRESH_MS,
  });
  const now = useNow();
  if (error) return <p role="alert" className="text-sm text-red-600 dark:text-red-400">{error.message}</p>;
  if (!data) return null;
  if (data.items.length === 0) {
    return (
      <EmptyState title="Nothing firing or pending">
        Rules are evaluated every few seconds; an alert shows here as soon as one breaches. <Link className="text-sky-600 underline dark:text-sky-400" href="/alerts/rules">See the rules</Link>.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-3">
      {groupByRule(data.items).map((group) => (
        <section key={group.ruleId} aria-label={`Rule ${group.ruleName}`} className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <header className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
            <h2 className="text-sm font-semibold">
              <Link href={`/alerts/rules/${group.ruleId}`} className="hover:underline">{group.ruleName}</Link>
            </h2>
            <Badge tone={severityTone[group.severity]}>{group.severity}</Badge>
            <span className="text-xs text-zinc-500 dark:text-zinc-400">
              {group.firing} firing{group.alerts.length > group.firing ? `, ${group.alerts.length - group.firing} pending` : ""}
            </span>
          </header>
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {group.alerts.map((a) => (
              <li key={a.id} className="flex flex-wrap items-start gap-x-4 gap-y-2 px-4 py-3 text-sm">
                <span className="w-16 shrink-0">
                  <Badge tone={stateTone[a.state]}>{a.state}</Badge>
                </span>
                <span className="min-w-0 flex-1 space-y-1">
                  <Link href={`/alerts/${a.id}`} className="block font-mono text-xs break-words text-zinc-800 hover:underline dark:text-zinc-200">
                    {a.summary}
                  </Link>
                  <span className="flex flex-wrap items-center gap-2">
                    <Labels labels={ownLabels(a.labels)} />
                    {a.silencedBy ? (
                      <Link href="/alerts/silences" title="A silence mutes this alert's notifications">
                        <Badge>
                          <BellOff className="mr-1 size-3" aria-hidden />
                          silenced
                        </Badge>
                      </Link>
                    ) : null}
                  </span>
                </span>
                <span className="w-28 shrink-0 text-xs text-zinc-500 tabular-nums dark:text-zinc-400" title={`Since ${new Date(a.activeSince).toISOString()}`}>
                  {now !== null ? `for ${formatDuration(now - Date.parse(a.state === "firing" ? a.firedAt! : a.activeSince))}` : null}
                </span>
                <span className="flex shrink-0 items-center gap-2">
                  <RemediateButton alert={a} />
                  {a.silencedBy ? null : (
                    <Link href={`/alerts/silences?alert=${a.id}`} className="text-xs text-sky-700 hover:underline dark:text-sky-400">
                      Silence…
                    </Link>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
