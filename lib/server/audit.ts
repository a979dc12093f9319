import "server-only";
import { diffObjects } from "@/lib/domain/diff";
import type { Ctx } from "./auth/principal";
import type { Tx } from "./db";

export interface AuditEntry {
  verb: string;
  objectType: string;
  objectId?: string | null;
  objectName?: string | null;
  before?: object | null;
  after?: object | null;
  outcome?: "success" | "denied" | "failed";
}

/** Write one audit row inside the caller's transaction, so the change and its record commit together. */
export async function writeAudit(tx: Tx, ctx: Ctx, entry: AuditEntry): Promise<void> {
  const actor = ctx.principal;
  await tx.auditEvent.create({
    data: {
      actorType: actor?.kind ?? "anonymous",
      actorId: actor?.id ?? "anonymous",
      verb: entry.verb,
      objectType: entry.objectType,
      objectId: entry.objectId ?? null,
      objectName: entry.objectName ?? null,
      diff: JSON.parse(JSON.stringify(diffObjects(entry.before ?? null, entry.after ?? null))),
      outcome: entry.outcome ?? "success",
      sourceIp: ctx.sourceIp ?? null,
      cause: ctx.cause ?? null,
    },
  });
}
