import "server-only";
import {
  groupAlerts,
  webhookPayload,
  ZERO_TIME,
  type AlertWrite,
  type Labels,
  type OpenAlert,
  type RuleSpec,
  type SilenceMatcher,
  type SilenceSpec,
} from "@/lib/domain/alerting";
import type { AlertNotification } from "@/lib/generated/prisma/client";
import { db, type Tx } from "../../db";
import { ruleSpecOf } from "../alert-rules";
import type { EngineWriteCtx } from "./types";

export interface EngineAlertRule extends RuleSpec {
  id: string;
  webhookUrl: string | null;
}

export async function loadEnabledAlertRules(): Promise<EngineAlertRule[]> {
  const rows = await db.alertRule.findMany({ where: { enabled: true }, orderBy: { name: "asc" } });
  return rows.map((r) => ({ ...ruleSpecOf(r), id: r.id, webhookUrl: r.webhookUrl }));
}

/** The episodes a rule holds open (pending or firing), one per fingerprint. */
export async function loadOpenAlerts(ruleId: string): Promise<OpenAlert[]> {
  const rows = await db.alert.findMany({ where: { ruleId, state: { in: ["pending", "firing"] } }, orderBy: { activeSince: "asc" } });
  return rows.map((a) => ({
    id: a.id,
    fingerprint: a.fingerprint,
    labels: a.labels as Labels,
    episode: { state: a.state as "pending" | "firing", activeSince: a.activeSince.getTime(), firedAt: a.firedAt?.getTime() ?? null, value: a.value },
    silencedBy: a.silencedBy,
  }));
}

/** Silences that have not ended: the evaluator decides which apply now. */
export async function loadLiveSilences(now: Date): Promise<SilenceSpec[]> {
  const rows = await db.silence.findMany({ where: { endsAt: { gt: now } } });
  return rows.map((s) => ({ id: s.id, matchers: s.matchers as unknown as SilenceMatcher[], startsAt: s.startsAt.getTime(), endsAt: s.endsAt.getTime() }));
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/**
 * Store one evaluation of a rule, fenced: each alert's row (created for a new episode), its state changes as history,
 * and one webhook notification per group that fired or resolved (the outbox the delivery step drains).
 */
export async function recordAlertEvaluation(
  { fence }: EngineWriteCtx,
  rule: EngineAlertRule,
  writes: readonly AlertWrite[],
  { now, externalUrl }: { now: number; externalUrl: string },
): Promise<void> {
  if (writes.length === 0) return;
  await db.$transaction(async (tx) => {
    await fence(tx);
    const stored = new Map<AlertWrite, string>();
    for (const w of writes) stored.set(w, await saveAlert(tx, rule, w, now));
    const notified = writes.filter((w) => w.notify !== null).map((w) => ({ ...w, ruleName: rule.name, alertId: stored.get(w)! }));
    if (!rule.webhookUrl || notified.length === 0) return;
    for (const group of groupAlerts(notified)) {
      const alerts = group.alerts.map((a) => ({
        status: a.notify!,
        labels: a.labels,
        annotations: { summary: a.summary },
        startsAt: new Date(a.activeSince).toISOString(),
        endsAt: a.resolvedAt === null ? ZERO_TIME : new Date(a.resolvedAt).toISOString(),
        generatorURL: `${externalUrl}/alerts/${a.alertId}`,
        fingerprint: a.fingerprint,
      }));
      const payload = webhookPayload({ groupKey: group.groupKey, receiver: rule.name, groupLabels: group.alerts[0]!.groupLabels, alerts }, externalUrl);
      await tx.alertNotification.create({
        data: { alertId: group.alerts[0]!.alertId, groupKey: group.groupKey, url: rule.webhookUrl, payload: JSON.parse(JSON.stringify(payload)), nextAttemptAt: new Date(now) },
      });
    }
  });
}

async function saveAlert(tx: Tx, rule: EngineAlertRule, w: AlertWrite, now: number): Promise<string> {
  const fields = {
    labels: w.labels,
    state: w.state,
    severity: rule.severity,
    value: w.value,
    summary: w.summary,
    firedAt: date(w.firedAt),
    resolvedAt: date(w.resolvedAt),
    lastEvalAt: new Date(now),
    silencedBy: w.silencedBy,
  };
  const id = w.id
    ? (await tx.alert.update({ where: { id: w.id }, data: fields, select: { id: true } })).id
    : (await tx.alert.create({ data: { ...fields, ruleId: rule.id, fingerprint: w.fingerprint, activeSince: new Date(w.activeSince) }, select: { id: true } })).id;
  if (w.transitions.length > 0) {
    await tx.alertEvent.createMany({ data: w.transitions.map((t) => ({ alertId: id, at: new Date(t.at), from: t.from, to: t.to, value: t.value, note: t.note })) });
  }
  return id;
}

/** Notifications due for an attempt, oldest first. */
export async function loadDueNotifications(now: Date, limit: number): Promise<AlertNotification[]> {
  return db.alertNotification.findMany({ where: { status: "pending", nextAttemptAt: { lte: now } }, orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }], take: limit });
}

export type DeliveryOutcome = { status: "delivered"; at: Date } | { status: "pending"; nextAttemptAt: Date; error: string } | { status: "failed"; error: string };

/** Record one delivery attempt of a notification (fenced, like every engine write). */
export async function recordDeliveryAttempt({ fence }: EngineWriteCtx, id: bigint, outcome: DeliveryOutcome): Promise<void> {
  await db.$transaction(async (tx) => {
    await fence(tx);
    await tx.alertNotification.update({
      where: { id },
      data: {
        attempts: { increment: 1 },
        status: outcome.status,
        ...(outcome.status === "delivered" ? { deliveredAt: outcome.at, lastError: null } : { lastError: outcome.error }),
        ...(outcome.status === "pending" ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
      },
    });
  });
}

/** Forget resolved episodes (with their history) and settled notifications older than the retention. */
export async function pruneAlertHistory({ fence }: EngineWriteCtx, before: Date): Promise<{ alerts: number; notifications: number }> {
  return db.$transaction(async (tx) => {
    await fence(tx);
    const notifications = await tx.alertNotification.deleteMany({ where: { status: { in: ["delivered", "failed"] }, createdAt: { lt: before } } });
    const alerts = await tx.alert.deleteMany({ where: { state: "resolved", resolvedAt: { lt: before } } });
    return { alerts: alerts.count, notifications: notifications.count };
  });
}

/** A paused rule is not evaluated: its open episodes end now, saying why, rather than look firing forever. */
export async function resolveAlertsOfPausedRules({ fence }: EngineWriteCtx, now: Date): Promise<number> {
  const open = await db.alert.findMany({ where: { state: { in: ["pending", "firing"] }, rule: { enabled: false } }, select: { id: true, state: true, value: true } });
  if (open.length === 0) return 0;
  await db.$transaction(async (tx) => {
    await fence(tx);
    await tx.alert.updateMany({ where: { id: { in: open.map((a) => a.id) }, state: { in: ["pending", "firing"] } }, data: { state: "resolved", resolvedAt: now, lastEvalAt: now } });
    await tx.alertEvent.createMany({ data: open.map((a) => ({ alertId: a.id, at: now, from: a.state, to: "resolved" as const, value: a.value, note: "rule paused" })) });
  });
  return open.length;
}
