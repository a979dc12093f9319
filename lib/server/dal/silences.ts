import "server-only";
import { silenceStatus, type SilenceMatcher, type SilenceStatus } from "@/lib/domain/alerting";
import type { Silence as SilenceRow } from "@/lib/generated/prisma/client";
import { CreateSilenceInput, SilenceListQuery } from "@/lib/schemas/alerts";
import type { Page } from "@/lib/schemas/list";
import { authorize, type Ctx } from "../auth/principal";
import { writeAudit } from "../audit";
import { db } from "../db";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import { paginate } from "./list";
import { assertId, iso } from "./versioned";

export interface Silence {
  id: string;
  matchers: SilenceMatcher[];
  startsAt: string;
  endsAt: string;
  comment: string;
  createdBy: string;
  createdAt: string;
  status: SilenceStatus;
}

export const toSilence = (s: SilenceRow, now = Date.now()): Silence => ({
  id: s.id,
  matchers: s.matchers as unknown as SilenceMatcher[],
  startsAt: iso(s.startsAt),
  endsAt: iso(s.endsAt),
  comment: s.comment,
  createdBy: s.createdBy,
  createdAt: iso(s.createdAt),
  status: silenceStatus({ startsAt: s.startsAt.getTime(), endsAt: s.endsAt.getTime() }, now),
});

const label = (s: { matchers: unknown }) => (s.matchers as SilenceMatcher[]).map((m) => `${m.label}=${m.value}`).join(",");

/** Silences, newest first; `state` keeps only the active, pending (not started) or expired ones. */
export async function listSilences({ ctx, query, now = new Date() }: { ctx: Ctx; query: unknown; now?: Date }): Promise<Page<Silence>> {
  authorize(ctx, "read", { verb: "list", objectType: "silence" });
  const q = parseInput(SilenceListQuery, query);
  const where =
    q.state === "expired" ? { endsAt: { lte: now } } : q.state === "pending" ? { startsAt: { gt: now } } : q.state === "active" ? { startsAt: { lte: now }, endsAt: { gt: now } } : {};
  const page = await paginate(q, (args) => db.silence.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...args }), (s: SilenceRow) => s);
  return { items: page.items.map((s) => toSilence(s, now.getTime())), nextCursor: page.nextCursor };
}

export async function createSilence({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<Silence> {
  const principal = authorize(ctx, "write", { verb: "create", objectType: "silence" });
  const data = parseInput(CreateSilenceInput, input);
  return db.$transaction(async (tx) => {
    const row = await tx.silence.create({
      data: { matchers: data.matchers, comment: data.comment, startsAt: data.startsAt ?? new Date(), endsAt: data.endsAt, createdBy: principal.name },
    });
    const after = toSilence(row);
    await writeAudit(tx, ctx, { verb: "create", objectType: "silence", objectId: row.id, objectName: label(row), after });
    return after;
  });
}

/** Expire now (Alertmanager's "expire"): the silence stays in the list as expired. Expiring an expired one changes nothing. */
export async function expireSilence({ ctx, id, now = new Date() }: { ctx: Ctx; id: string; now?: Date }): Promise<Silence> {
  authorize(ctx, "write", { verb: "expire", objectType: "silence", objectId: id });
  assertId(id, "Silence");
  return db.$transaction(async (tx) => {
    const current = await tx.silence.findUnique({ where: { id } });
    if (!current) throw notFound("Silence");
    if (current.endsAt <= now) return toSilence(current, now.getTime());
    // One that has not started yet is cut to an empty window now, so it never mutes anything.
    const data = current.startsAt > now ? { startsAt: now, endsAt: now } : { endsAt: now };
    const row = await tx.silence.update({ where: { id }, data });
    await writeAudit(tx, ctx, { verb: "expire", objectType: "silence", objectId: id, objectName: label(row), before: { endsAt: iso(current.endsAt) }, after: { endsAt: iso(now) } });
    return toSilence(row, now.getTime());
  });
}
