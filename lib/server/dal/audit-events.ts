import "server-only";
import type { AuditEvent as AuditRow, Prisma } from "@/lib/generated/prisma/client";
import type { Diff } from "@/lib/domain/diff";
import { AuditQuery } from "@/lib/schemas/audit";
import type { Page } from "@/lib/schemas/list";
import { authorize, type Ctx } from "../auth/principal";
import { db } from "../db";
import { parseInput } from "../validation";

export interface AuditEvent {
  id: string;
  at: string;
  actorType: string;
  actorId: string;
  actorName: string | null;
  verb: string;
  objectType: string;
  objectId: string | null;
  objectName: string | null;
  diff: Diff;
  outcome: string;
  detail: string | null;
  sourceIp: string | null;
  cause: string | null;
}

export const toAuditEvent = (e: AuditRow): AuditEvent => ({
  id: e.id.toString(),
  at: e.at.toISOString(),
  actorType: e.actorType,
  actorId: e.actorId,
  actorName: e.actorName,
  verb: e.verb,
  objectType: e.objectType,
  objectId: e.objectId,
  objectName: e.objectName,
  diff: (e.diff ?? {}) as Diff,
  outcome: e.outcome,
  detail: e.detail,
  sourceIp: e.sourceIp,
  cause: e.cause,
});

/** Drop blank parameters (an emptied filter box in the URL) before validation. */
const present = (query: Record<string, unknown>) => Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ""));

/**
 * The audit trail, newest first, filtered by actor (id, or name contains), object, verb, outcome and time range;
 * paged by a cursor (the last row's id). Anyone who may read may read it.
 */
export async function listAuditEvents({ ctx, query }: { ctx: Ctx; query: Record<string, unknown> }): Promise<Page<AuditEvent>> {
  authorize(ctx, "read", { verb: "list", objectType: "audit" });
  const q = parseInput(AuditQuery, present(query));
  const where: Prisma.AuditEventWhereInput = {
    AND: [
      q.actor ? { OR: [{ actorId: q.actor }, { actorName: { contains: q.actor, mode: "insensitive" } }, { actorType: q.actor }] } : {},
      q.objectType ? { objectType: q.objectType } : {},
      q.objectId ? { objectId: q.objectId } : {},
      q.verb ? { verb: q.verb } : {},
      q.outcome ? { outcome: q.outcome } : {},
      q.from ? { at: { gte: q.from } } : {},
      q.to ? { at: { lte: q.to } } : {},
      q.cursor ? { id: { lt: BigInt(q.cursor) } } : {},
    ],
  };
  const rows = await db.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: q.limit + 1 });
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  return { items: page.map(toAuditEvent), nextCursor: more ? page[page.length - 1]!.id.toString() : null };
}

/** The distinct verbs and object types recorded so far, for the filter menus. */
export async function auditFacets({ ctx }: { ctx: Ctx }): Promise<{ verbs: string[]; objectTypes: string[] }> {
  authorize(ctx, "read", { verb: "list", objectType: "audit" });
  const [verbs, types] = await Promise.all([
    db.auditEvent.findMany({ distinct: ["verb"], select: { verb: true }, orderBy: { verb: "asc" } }),
    db.auditEvent.findMany({ distinct: ["objectType"], select: { objectType: true }, orderBy: { objectType: "asc" } }),
  ]);
  return { verbs: verbs.map((v) => v.verb), objectTypes: types.map((t) => t.objectType) };
}
