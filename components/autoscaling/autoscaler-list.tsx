"use client";

import Link from "next/link";
import { useCan } from "@/components/auth/principal-context";
import { ListToolbar } from "@/components/lists/list-toolbar";
import { Pager } from "@/components/lists/pager";
import { useLiveList } from "@/components/lists/use-live-list";
import { useUrlQuery } from "@/components/lists/use-url-query";
import { OwnerLink } from "@/components/pods/owner-link";
import { useResourceNames } from "@/components/pods/use-resource-names";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { NameCell, Row, Table, Td, Th } from "@/components/ui/table";
import { useNow } from "@/components/ui/use-now";
import { formatDuration } from "@/lib/format";
import { autoscalerKeys } from "@/lib/query-keys";
import type { Page } from "@/lib/schemas/list";
import type { Autoscaler } from "@/lib/server/dal/autoscalers";
import { listAutoscalersAction } from "@/app/(console)/autoscaling/actions";
import { modeNames, policyShort } from "./policy-summary";

const KEYS = ["q", "enabled", "sort", "cursor"] as const;
const SORTS = [
  { value: "", label: "Name A–Z" },
  { value: "-name", label: "Name Z–A" },
  { value: "-createdAt", label: "Newest first" },
  { value: "createdAt", label: "Oldest first" },
];

function Replicas({ a }: { a: Autoscaler }) {
  if (!a.status) return <span className="text-zinc-400">—</span>;
  const { currentReplicas: current, desiredReplicas: desired } = a.status;
  return (
    <span className="tabular-nums" title={a.status.reason}>
      {current}
      {desired !== current ? (
        <>
          <span className="text-zinc-400"> → </span>
          <span className="font-medium text-sky-700 dark:text-sky-400">{desired}</span>
        </>
      ) : null}
    </span>
  );
}

function LastScale({ a, now }: { a: Autoscaler; now: number | null }) {
  if (!a.lastScale) return <span className="text-zinc-400">{a.status ? "none yet" : "—"}</span>;
  const { fromReplicas: from, toReplicas: to, at } = a.lastScale;
  return (
    <span className="whitespace-nowrap">
      <Badge tone={to > from ? "info" : "warn"}>{to > from ? "up" : "down"}</Badge>{" "}
      <span className="tabular-nums">
        {from} → {to}
      </span>
      {now !== null ? <span className="text-zinc-500">, {formatDuration(now - Date.parse(at))} ago</span> : null}
    </span>
  );
}

export function AutoscalerList({ initial }: { initial?: Page<Autoscaler> }) {
  const { query, update } = useUrlQuery(KEYS);
  const { data, error, isFetching } = useLiveList(autoscalerKeys.list(query), () => listAutoscalersAction(query), initial);
  const targets = useResourceNames();
  const canCreate = useCan("write").allowed;
  const now = useNow();
  const filtered = Boolean(query.q || query.enabled);

  return (
    <>
      <ListToolbar query={query} update={update} labelSelector={false} filters={[{ name: "enabled", label: "Enabled", options: ["true", "false"] }]} sortOptions={SORTS} />
      {error ? <p role="alert" className="mb-3 text-sm text-red-600 dark:text-red-400">{error.message}</p> : null}
      {data && data.items.length === 0 ? (
        <EmptyState title={filtered ? "No autoscalers match these filters" : "No autoscalers yet"}>
          {filtered ? (
            "Clear the search or filters to see every autoscaler."
          ) : canCreate ? (
            <>
              <Link className="text-sky-600 underline dark:text-sky-400" href="/autoscaling/new">Create the first one</Link> to size a container resource by its CPU.
            </>
          ) : (
            "An operator can create the first one."
          )}
        </EmptyState>
      ) : (
        <Table label="Autoscalers">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Scales</Th>
              <Th>Mode</Th>
              <Th style={{ textAlign: "right" }}>Min–max</Th>
              <Th style={{ textAlign: "right" }} title="Replicas at the latest decision → what it decided">Current → desired</Th>
              <Th>Last scale</Th>
              <Th>Enabled</Th>
            </tr>
          </thead>
          <tbody aria-busy={isFetching}>
            {data?.items.map((a) => (
              <Row key={a.id}>
                <NameCell href={`/autoscaling/${a.id}`}>{a.name}</NameCell>
                <Td><OwnerLink ownerId={a.targetId} names={targets} /></Td>
                <Td>
                  <span className="flex flex-col gap-0.5">
                    <span><Badge tone="info">{modeNames[a.policy.mode]}</Badge></span>
                    <span className="text-xs text-zinc-500 dark:text-zinc-400">{policyShort(a.policy)}</span>
                  </span>
                </Td>
                <Td className="text-right tabular-nums">
                  {a.policy.minReplicas}–{a.policy.maxReplicas}
                </Td>
                <Td className="text-right"><Replicas a={a} /></Td>
                <Td><LastScale a={a} now={now} /></Td>
                <Td>{a.enabled ? <span className="text-emerald-600 dark:text-emerald-400">Yes</span> : <Badge tone="warn">paused</Badge>}</Td>
              </Row>
            ))}
          </tbody>
        </Table>
      )}
      {data ? <Pager cursor={query.cursor} nextCursor={data.nextCursor} count={data.items.length} onPage={(cursor) => update({ cursor })} /> : null}
    </>
  );
}
