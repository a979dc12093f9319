"use client";

import Link from "next/link";
import { Pager } from "@/components/lists/pager";
import { useLiveList } from "@/components/lists/use-live-list";
import { useUrlQuery } from "@/components/lists/use-url-query";
import { Badge, Labels } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Row, Table, Td, Th } from "@/components/ui/table";
import { useNow } from "@/components/ui/use-now";
import { formatDuration, relativeTime } from "@/lib/format";
import { alertKeys } from "@/lib/query-keys";
import type { Page } from "@/lib/schemas/list";
import type { Alert } from "@/lib/server/dal/alerts";
import { listAlertsAction } from "@/app/(console)/alerts/actions";
import { historyQuery } from "./alert-queries";
import { severityTone } from "./alert-tones";

/** Resolved episodes, newest first, paged in the URL: how long each lasted, and whether it ever fired. */
export function AlertHistory({ initial }: { initial?: Page<Alert> }) {
  const { query, update } = useUrlQuery(["cursor"] as const);
  const q = historyQuery(query.cursor);
  const { data, error } = useLiveList(alertKeys.list(q), () => listAlertsAction(q), query.cursor ? undefined : initial);
  const now = useNow();
  if (error) return <p role="alert" className="text-sm text-red-600 dark:text-red-400">{error.message}</p>;
  if (!data) return null;
  if (data.items.length === 0 && !query.cursor) return <EmptyState title="No resolved alerts yet">Alerts that fired (or were pending) and cleared are kept here.</EmptyState>;
  return (
    <>
      <Table label="Resolved alerts">
        <thead>
          <tr>
            <Th>Rule</Th>
            <Th>Labels</Th>
            <Th>Last reading</Th>
            <Th>Lasted</Th>
            <Th>Resolved</Th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((a) => (
            <Row key={a.id}>
              <Td className="whitespace-nowrap">
                <Link href={`/alerts/${a.id}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">{a.ruleName}</Link>{" "}
                <Badge tone={severityTone[a.severity]}>{a.severity}</Badge>
              </Td>
              <Td><Labels labels={Object.fromEntries(Object.entries(a.labels).filter(([k]) => k !== "alertname" && k !== "severity"))} /></Td>
              <Td className="font-mono text-xs">{a.summary}</Td>
              <Td className="whitespace-nowrap tabular-nums">
                {a.resolvedAt ? formatDuration(Date.parse(a.resolvedAt) - Date.parse(a.activeSince)) : "—"}
                {a.firedAt ? null : <span className="block text-[11px] text-zinc-500">pending only, never fired</span>}
              </Td>
              <Td className="whitespace-nowrap">
                <span title={a.resolvedAt ?? undefined}>{a.resolvedAt && now !== null ? relativeTime(a.resolvedAt, now) : null}</span>
              </Td>
            </Row>
          ))}
        </tbody>
      </Table>
      <Pager cursor={query.cursor} nextCursor={data.nextCursor} count={data.items.length} onPage={(cursor) => update({ cursor })} />
    </>
  );
}
