"use client";

import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { RoleGate } from "@/components/auth/role-gate";
import { Pager } from "@/components/lists/pager";
import { useLiveList } from "@/components/lists/use-live-list";
import { useUrlQuery } from "@/components/lists/use-url-query";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialogButton } from "@/components/ui/confirm-dialog-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { alertKeys, silenceKeys } from "@/lib/query-keys";
import type { Page } from "@/lib/schemas/list";
import type { Silence } from "@/lib/server/dal/silences";
import { expireSilenceAction, listSilencesAction } from "@/app/(console)/alerts/actions";

const statusTone: Record<Silence["status"], Tone> = { active: "info", pending: "warn", expired: "neutral" };
const utc = (iso: string) => `${new Date(iso).toISOString().replace("T", " ").slice(0, 16)} UTC`;

function ExpireButton({ silence }: { silence: Silence }) {
  const queryClient = useQueryClient();
  return (
    <RoleGate need="write">
      {({ allowed }) =>
        allowed ? (
          <ConfirmDialogButton
            variant="secondary"
            className="px-2 py-1 text-xs"
            label="Expire"
            ariaLabel={`Expire the silence ${silence.matchers.map((m) => `${m.label}=${m.value}`).join(", ")}`}
            title="Expire this silence?"
            confirmLabel="Expire"
            body={<p>Matching alerts notify again from their next state change.</p>}
            onConfirm={async () => {
              const result = await expireSilenceAction(silence.id);
              if (result.status === "ok") toast.success(result.message);
              else if (result.status === "error") toast.error(result.message);
              await Promise.all([queryClient.invalidateQueries({ queryKey: silenceKeys.all }), queryClient.invalidateQueries({ queryKey: alertKeys.all })]);
            }}
          />
        ) : (
          <Button variant="secondary" className="px-2 py-1 text-xs" disabled>
            Expire
          </Button>
        )
      }
    </RoleGate>
  );
}

/** Silences, newest first, with their state; the state filter and paging live in the URL. */
export function SilenceList({ initial }: { initial?: Page<Silence> }) {
  const { query, update } = useUrlQuery(["state", "cursor"] as const);
  const { data, error } = useLiveList(silenceKeys.list(query), () => listSilencesAction(query), initial);
  return (
    <>
      <label className="mb-3 flex w-fit items-center gap-2 text-sm">
        <span className="text-zinc-500">Show</span>
        <select aria-label="Silence state" value={query.state ?? ""} onChange={(e) => update({ state: e.target.value })} className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900">
          <option value="">all</option>
          <option value="active">active</option>
          <option value="pending">not started</option>
          <option value="expired">expired</option>
        </select>
      </label>
      {error ? <p role="alert" className="mb-3 text-sm text-red-600 dark:text-red-400">{error.message}</p> : null}
      {data && data.items.length === 0 ? (
        <EmptyState title={query.state ? `No ${query.state} silences` : "No silences"}>Silence an alert from the Alerts tab, or add matchers above.</EmptyState>
      ) : (
        <Table label="Silences">
          <thead>
            <tr>
              <Th>Matchers</Th>
              <Th>State</Th>
              <Th>Window</Th>
              <Th>Comment</Th>
              <Th>By</Th>
              <Th />
            </tr>
          </thead>
          <tbody>
            {data?.items.map((s) => (
              <tr key={s.id}>
                <Td>
                  <span className="flex flex-wrap gap-1">
                    {s.matchers.map((m) => (
                      <code key={m.label} className="rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] dark:bg-zinc-800">
                        {m.label}={m.value}
                      </code>
                    ))}
                  </span>
                </Td>
                <Td><Badge tone={statusTone[s.status]}>{s.status === "pending" ? "not started" : s.status}</Badge></Td>
                <Td className="text-xs whitespace-nowrap tabular-nums">
                  {utc(s.startsAt)}
                  <span className="block text-zinc-500">→ {utc(s.endsAt)}</span>
                </Td>
                <Td className="max-w-72">{s.comment}</Td>
                <Td className="text-xs">{s.createdBy}</Td>
                <Td className="text-right">{s.status === "expired" ? null : <ExpireButton silence={s} />}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {data ? <Pager cursor={query.cursor} nextCursor={data.nextCursor} count={data.items.length} onPage={(cursor) => update({ cursor })} /> : null}
    </>
  );
}
