import "server-only";
import { describeRemediation, resolveRemediation, type AlertState, type Remediation, type Severity } from "@/lib/domain/alerting";
import type { Alert as AlertRow, AlertEvent as AlertEventRow } from "@/lib/generated/prisma/client";
import { AlertListQuery } from "@/lib/schemas/alerts";
import type { Page } from "@/lib/schemas/list";
import { authorize, type Ctx } from "../auth/principal";
import { db } from "../db";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import { paginate } from "./list";
import { assertId, iso } from "./versioned";

/** What a firing alert offers: the button's words, and whether it can be used now (and if not, why). */
export interface RemediationOffer {
  label: string;
  available: boolean;
  reason: string | null;
}

export interface Alert {
  id: string;
  ruleId: string;
  ruleName: string;
  fingerprint: string;
  labels: Record<string, string>;
  state: AlertState;
  severity: Severity;
  value: number;
  summary: string;
  activeSince: string;
  firedAt: string | null;
  resolvedAt: string | null;
  lastEvalAt: string;
  /** The silence muting its notifications at the last evaluation. */
  silencedBy: string | null;
  remediatedAt: string | null;
  remediatedBy: string | null;
  remediation: RemediationOffer | null;
}

export interface AlertEvent {
  id: string;
  at: string;
  from: AlertState | null;
  to: AlertState;
  value: number;
  note: string | null;
}

/** A webhook notification about the alert (newest first), as the delivery step left it. */
export interface AlertNotificationView {
  id: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string;
}

export interface AlertDetail extends Alert {
  events: AlertEvent[];
  notifications: AlertNotificationView[];
}

type Row = AlertRow & { rule: { name: string; remediation: unknown } };

function offer(row: Row, resourceNames: ReadonlyMap<string, string>): RemediationOffer | null {
  const remediation = row.rule.remediation as Remediation | null;
  if (!remediation) return null;
  const resolved = resolveRemediation(remediation, row.labels as Record<string, string>);
  if (!resolved.ok) return { label: `${remediation.action[0]!.toUpperCase()}${remediation.action.slice(1)}`, available: false, reason: resolved.reason };
  const label = describeRemediation(resolved.target, { resource: resolved.target.action === "scale" ? resourceNames.get(resolved.target.resourceId) : undefined });
  const reason =
    row.remediatedAt !== null ? `Done by ${row.remediatedBy ?? "someone"}` : row.state !== "firing" ? `Only a firing alert can be remediated; this one is ${row.state}` : null;
  return { label, available: reason === null, reason };
}

export function toAlert(row: Row, resourceNames: ReadonlyMap<string, string> = new Map()): Alert {
  return {
    id: row.id,
    ruleId: row.ruleId,
    ruleName: row.rule.name,
    fingerprint: row.fingerprint,
    labels: row.labels as Record<string, string>,
    state: row.state,
    severity: row.severity,
    value: row.value,
    summary: row.summary,
    activeSince: iso(row.activeSince),
    firedAt: row.firedAt ? iso(row.firedAt) : null,
    resolvedAt: row.resolvedAt ? iso(row.resolvedAt) : null,
    lastEvalAt: iso(row.lastEvalAt),
    silencedBy: row.silencedBy,
    remediatedAt: row.remediatedAt ? iso(row.remediatedAt) : null,
    remediatedBy: row.remediatedBy,
    remediation: offer(row, resourceNames),
  };
}

const toEvent = (e: AlertEventRow): AlertEvent => ({ id: e.id.toString(), at: iso(e.at), from: e.from, to: e.to, value: e.value, note: e.note });

const withRule = { rule: { select: { name: true, remediation: true } } } as const;

/** Scale remediations name their workload on the button: one query for the names a page of alerts needs. */
async function resourceNamesFor(rows: Row[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => ((r.rule.remediation as Remediation | null)?.action === "scale" ? [(r.rule.remediation as { resourceId: string }).resourceId] : [])))];
  if (ids.length === 0) return new Map();
  const resources = await db.resource.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(resources.map((r) => [r.id, r.name]));
}

/** Alert episodes, newest first: filter by state (one or several), rule, severity and when they began. */
export async function listAlerts({ ctx, query }: { ctx: Ctx; query: unknown }): Promise<Page<Alert>> {
  authorize(ctx, "read", { verb: "list", objectType: "alert" });
  const q = parseInput(AlertListQuery, query);
  const where = {
    ...(q.state ? { state: { in: q.state } } : {}),
    ...(q.ruleId ? { ruleId: q.ruleId } : {}),
    ...(q.severity ? { severity: q.severity } : {}),
    ...(q.from || q.to ? { activeSince: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lte: q.to } : {}) } } : {}),
  };
  const page = await paginate(q, (args) => db.alert.findMany({ where, include: withRule, orderBy: [{ activeSince: "desc" }, { id: "desc" }], ...args }), (row: Row) => row);
  const names = await resourceNamesFor(page.items);
  return { items: page.items.map((row) => toAlert(row, names)), nextCursor: page.nextCursor };
}

/** One episode with its history, oldest event first. */
export async function getAlert({ ctx, id }: { ctx: Ctx; id: string }): Promise<AlertDetail> {
  authorize(ctx, "read", { verb: "read", objectType: "alert", objectId: id });
  const row = await db.alert.findUnique({
    where: { id: assertId(id, "Alert") },
    include: { ...withRule, events: { orderBy: [{ at: "asc" }, { id: "asc" }] }, notifications: { orderBy: { id: "desc" }, take: 20 } },
  });
  if (!row) throw notFound("Alert");
  return {
    ...toAlert(row, await resourceNamesFor([row])),
    events: row.events.map(toEvent),
    notifications: row.notifications.map((n) => ({
      id: n.id.toString(),
      status: n.status as AlertNotificationView["status"],
      attempts: n.attempts,
      lastError: n.lastError,
      createdAt: iso(n.createdAt),
      deliveredAt: n.deliveredAt ? iso(n.deliveredAt) : null,
      nextAttemptAt: iso(n.nextAttemptAt),
    })),
  };
}

/** How many alerts fire and wait to fire right now, for the console's navigation. */
export async function countActiveAlerts({ ctx }: { ctx: Ctx }): Promise<{ firing: number; pending: number }> {
  authorize(ctx, "read", { verb: "list", objectType: "alert" });
  const counts = await db.alert.groupBy({ by: ["state"], where: { state: { in: ["firing", "pending"] } }, _count: { _all: true } });
  const of = (state: AlertState) => counts.find((c) => c.state === state)?._count._all ?? 0;
  return { firing: of("firing"), pending: of("pending") };
}
