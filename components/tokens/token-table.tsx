"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Badge, type Tone } from "@/components/ui/badge";
import { ConfirmDialogButton } from "@/components/ui/confirm-dialog-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { relativeTime } from "@/lib/format";
import type { ApiToken } from "@/lib/server/dal/api-tokens";
import { revokeApiTokenAction } from "@/app/(console)/tokens/actions";

const statusTone: Record<ApiToken["status"], Tone> = { active: "good", expired: "neutral", revoked: "bad" };
const day = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** Tokens with their scope and lifetime; an active one can be revoked (it stops working at once). */
export function TokenTable({ tokens, showCreator }: { tokens: ApiToken[]; showCreator: boolean }) {
  const router = useRouter();
  if (tokens.length === 0) return <EmptyState title="No API tokens yet">Create one for a script or a CI job.</EmptyState>;
  return (
    <Table label="API tokens">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Role</Th>
          {showCreator ? <Th>Created by</Th> : null}
          <Th>Expires</Th>
          <Th>Last used</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => (
          <tr key={t.id} className={t.status === "active" ? "hover:bg-zinc-50 dark:hover:bg-zinc-800/50" : "text-zinc-400 dark:text-zinc-500"}>
            <Td>
              <span className="font-medium">{t.name}</span>
              <span className="block font-mono text-[11px] text-zinc-500">{t.prefix}…</span>
            </Td>
            <Td>
              <Badge tone="info">{t.role}</Badge>
            </Td>
            {showCreator ? <Td>{t.createdByName}</Td> : null}
            <Td className="whitespace-nowrap">{day(t.expiresAt)}</Td>
            <Td className="whitespace-nowrap text-zinc-500">{t.lastUsedAt ? relativeTime(t.lastUsedAt) : "never"}</Td>
            <Td>
              <Badge tone={statusTone[t.status]}>{t.status}</Badge>
            </Td>
            <Td className="w-0 whitespace-nowrap text-right">
              {t.status === "active" ? (
                <ConfirmDialogButton
                  variant="ghost"
                  className="-my-1 px-2 py-1 text-xs text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950"
                  label="Revoke"
                  ariaLabel={`Revoke ${t.name}`}
                  title={`Revoke ${t.name}?`}
                  body={<p>Anything using it is refused from now on. This cannot be undone.</p>}
                  confirmLabel="Revoke"
                  onConfirm={async () => {
                    const result = await revokeApiTokenAction(t.id);
                    if (result.status === "ok") toast.success(result.message);
                    else if (result.status === "error") toast.error(result.message);
                    router.refresh();
                  }}
                />
              ) : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
