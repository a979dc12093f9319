import "server-only";
import { diffObjects } from "@/lib/domain/diff";
import type { Ctx } from "./auth/principal";
import { db, type Tx } from "./db";

export interface AuditEntry {
  verb: string;
  objectType: string;
  objectId?: string | null;
  objectName?: string | null;
  before?: object | null;
  after?: object | null;
  outcome?: "success" | "denied" | "failed";
  /** Why a denial or failure happened. */
  detail?: string | null;
}

/** Write one audit row inside the caller's transaction, so the change and its record commit together. */
export async function writeAudit(tx: Tx, ctx: Ctx, entry: AuditEntry): Promise<void> {
  const actor = ctx.principal;
  await tx.auditEvent.create({
    data: {
      actorType: actor?.kind ?? "anonymous",
      actorId: actor?.id ?? "anonymous",
      actorName: actor?.name ?? null,
      verb: entry.verb,
      objectType: entry.objectType,
      objectId: entry.objectId ?? null,
      objectName: entry.objectName ?? null,
      diff: JSON.parse(JSON.stringify(diffObjects(entry.before ?? null, entry.after ?? null))),
      outcome: entry.outcome ?? "success",
      detail: entry.detail ?? null,
      sourceIp: ctx.sourceIp ?? null,
      cause: ctx.cause ?? null,
    },
  });
}

const pending = new Set<Promise<void>>();

/**
 * Audit something that changed no data of ours — a denial, a sign-in — in its own small transaction. A denial's
 * caller is throwing (authorization is synchronous), so the write is started here and tracked; response wrappers
 * await `settleAuditWrites()` so the row exists by the time the client hears "no".
 */
export function recordOutcome(ctx: Ctx, entry: AuditEntry): void {
  const write: Promise<void> = db
    .$transaction((tx) => writeAudit(tx, ctx, entry))
    .catch((error: unknown) => console.error("Could not write an audit row", error))
    .finally(() => pending.delete(write));
  pending.add(write);
}

export const recordDenial = (ctx: Ctx, entry: AuditEntry) => recordOutcome(ctx, { ...entry, outcome: "denied" });

/** Wait for every audit write started by recordOutcome so far. */
export async function settleAuditWrites(): Promise<void> {
  await Promise.all([...pending]);
}
