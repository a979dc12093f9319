"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, Labels } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatValue } from "@/lib/domain/alerting";
import { alertKeys, LIST_REFRESH_MS } from "@/lib/query-keys";
import type { AlertDetail as AlertDetailData } from "@/lib/server/dal/alerts";
import { getAlertAction } from "@/app/(console)/alerts/actions";
import { stateTone } from "./alert-tones";
import { RemediateButton } from "./remediate-button";

/** What became of the latest webhook notification: muted, none (no webhook, or never fired), delivered, retrying, failed. */
function NotificationStatus({ alert }: { alert: AlertDetailData }) {
  if (alert.silencedBy) return <Link href="/alerts/silences" className="text-sky-700 hover:underline dark:text-sky-400">muted by a silence</Link>;
  const latest = alert.notifications[0];
  if (!latest) return <span className="text-zinc-500">none sent</span>;
  if (latest.status === "delivered") return <Badge tone="good">delivered</Badge>;
  return (
    <span title={latest.lastError ?? undefined}>
      <Badge tone={latest.status === "failed" ? "bad" : "warn"}>{latest.status === "failed" ? "failed" : `retrying after ${latest.attempts}`}</Badge>
      <span className="mt-0.5 block text-xs break-words text-zinc-500 dark:text-zinc-400">{latest.lastError}</span>
    </span>
  );
}

const utc = (iso: string) => `${new Date(iso).toISOString().replace("T", " ").slice(0, 19)} UTC`;

/** One alert, live: what it measured, its labels, the fix on offer, and every state change with the value behind it. */
export function AlertDetail({ initial }: { initial: AlertDetailData }) {
  const { data } = useQuery({
    queryKey: alertKeys.detail(initial.id),
    queryFn: () => getAlertAction(initial.id),
    initialData: initial,
    refetchInterval: LIST_REFRESH_MS,
  });
  if (!data) return <p className="text-sm text-zinc-500">This alert is gone: its rule was deleted.</p>;
  const facts: Array<[string, ReactNode]> = [
    ["State", <Badge key="s" tone={stateTone[data.state]}>{data.state}</Badge>],
    ["Value", <span key="v" className="tabular-nums">{formatValue(data.value)}</span>],
    ["Active since", utc(data.activeSince)],
    ["Fired", data.firedAt ? utc(data.firedAt) : "not (yet)"],
    ["Resolved", data.resolvedAt ? utc(data.resolvedAt) : "—"],
    ["Last evaluated", utc(data.lastEvalAt)],
    ["Notifications", <NotificationStatus key="n" alert={data} />],
  ];
  return (
    <div className="space-y-4">
      <Card title="Now" actions={<RemediateButton alert={data} />}>
        <p className="mb-3 font-mono text-sm break-words">{data.summary}</p>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm md:grid-cols-4">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt className="text-xs text-zinc-500 dark:text-zinc-400">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-3 text-sm">
          <span className="mr-2 text-xs text-zinc-500 dark:text-zinc-400">Labels</span>
          <Labels labels={data.labels} />
        </div>
      </Card>
      <Card title="History">
        <Table label="Alert history">
          <thead>
            <tr>
              <Th>Time</Th>
              <Th>Change</Th>
              <Th style={{ textAlign: "right" }}>Value</Th>
              <Th>Note</Th>
            </tr>
          </thead>
          <tbody>
            {data.events.map((e) => (
              <tr key={e.id}>
                <Td className="whitespace-nowrap tabular-nums">{utc(e.at)}</Td>
                <Td className="whitespace-nowrap">
                  {e.from ? <><Badge tone={stateTone[e.from]}>{e.from}</Badge> → </> : null}
                  <Badge tone={stateTone[e.to]}>{e.from === e.to ? "note" : e.to}</Badge>
                </Td>
                <Td className="text-right tabular-nums">{formatValue(e.value)}</Td>
                <Td className="text-zinc-600 dark:text-zinc-400">{e.note ?? ""}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
