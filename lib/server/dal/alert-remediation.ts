import "server-only";
import { resolveRemediation, scaledReplicas, type Remediation, type RemediationTarget, type ReplicaBounds } from "@/lib/domain/alerting";
import type { AutoscalingPolicy } from "@/lib/domain/autoscaling";
import { authorize, type Ctx } from "../auth/principal";
import { recordOutcome, writeAudit } from "../audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { getAlert, type AlertDetail } from "./alerts";
import { updateBackend } from "./backends";
import { getResource, updateResource } from "./resources";
import { drainNode } from "./scheduling";
import { assertId } from "./versioned";

export interface RemediationReport {
  alert: AlertDetail;
  action: RemediationTarget["action"];
  /** What was done, e.g. "scaled web from 3 to 4 replicas". */
  summary: string;
}

interface Done {
  summary: string;
  target: { objectType: string; objectId: string; objectName: string };
}

const conflict = (message: string) => new AppError("CONFLICT", message);

/** A version conflict means someone (or the autoscaler) changed the object meanwhile: read it again and retry. */
async function withFreshVersion<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof AppError && error.code === "STALE_VERSION") || i >= attempts) throw error;
    }
  }
}

/** Scale through the resources DAL a person uses: the same validation, the same audit row, plus the autoscaler's range. */
async function scale(ctx: Ctx, target: Extract<RemediationTarget, { action: "scale" }>): Promise<Done> {
  return withFreshVersion(async () => {
    const resource = await getResource({ ctx, id: target.resourceId });
    if (resource.kind !== "container") throw conflict(`${resource.name} is a ${resource.kind}: only container resources have replicas to scale.`);
    const current = Number(resource.spec.replicas ?? 0);
    const autoscaler = await db.autoscaler.findUnique({ where: { targetId: resource.id }, select: { name: true, policy: true } });
    const bounds: ReplicaBounds[] = autoscaler
      ? [{ min: (autoscaler.policy as unknown as AutoscalingPolicy).minReplicas, max: (autoscaler.policy as unknown as AutoscalingPolicy).maxReplicas, source: `autoscaler ${autoscaler.name}` }]
      : [];
    const next = scaledReplicas(current, target.change, bounds);
    if (!next.ok) throw conflict(`Cannot scale ${resource.name}: ${next.reason}.`);
    await updateResource({ ctx, id: resource.id, input: { version: resource.version, spec: { replicas: next.replicas } } });
    return { summary: `scaled ${resource.name} from ${current} to ${next.replicas} replicas`, target: { objectType: "resource", objectId: resource.id, objectName: resource.name } };
  });
}

async function drain(ctx: Ctx, target: Extract<RemediationTarget, { action: "drain" }>): Promise<Done> {
  const node = await db.node.findUnique({ where: { name: target.nodeName }, select: { id: true } });
  if (!node) throw conflict(`Node ${target.nodeName} no longer exists.`);
  const report = await drainNode({ ctx, id: node.id });
  const stayed = report.unplaced.length > 0 ? `; ${report.unplaced.length} could not move` : "";
  return { summary: `drained ${report.node}: ${report.moved.length} pods moved${stayed}`, target: { objectType: "node", objectId: node.id, objectName: report.node } };
}

/** Take the backend out of rotation through the backends DAL (the flag every balancing algorithm honours). */
async function eject(ctx: Ctx, target: Extract<RemediationTarget, { action: "eject" }>): Promise<Done> {
  return withFreshVersion(async () => {
    const backend =
      "id" in target.backend
        ? await db.backend.findUnique({ where: { id: target.backend.id }, include: { pool: { select: { name: true } } } })
        : await db.backend.findFirst({ where: { address: target.backend.address, port: target.backend.port, pool: { name: target.backend.pool } }, include: { pool: { select: { name: true } } } });
    if (!backend) throw conflict("The backend to eject no longer exists.");
    const name = `${backend.address}:${backend.port}`;
    const done = { target: { objectType: "backend", objectId: backend.id, objectName: name } };
    if (backend.disabled) return { ...done, summary: `${name} in ${backend.pool.name} was already out of rotation` };
    await updateBackend({ ctx, poolId: backend.poolId, id: backend.id, input: { version: backend.version, disabled: true } });
    return { ...done, summary: `took ${name} out of rotation in ${backend.pool.name}` };
  });
}

const perform = (ctx: Ctx, target: RemediationTarget): Promise<Done> =>
  target.action === "scale" ? scale(ctx, target) : target.action === "drain" ? drain(ctx, target) : eject(ctx, target);

/**
 * Carry out a firing alert's remediation (operators only), once per episode. The alert is claimed first, so two
 * clicks cannot scale twice; the change goes through the same data layer a person's would, audited with the alert
 * as its cause (`alert:<id>`); the alert records who remediated it and what was done. A failed attempt releases
 * the claim and is audited as failed.
 */
export async function remediateAlert({ ctx, id }: { ctx: Ctx; id: string }): Promise<RemediationReport> {
  const principal = authorize(ctx, "write", { verb: "remediate", objectType: "alert", objectId: id });
  assertId(id, "Alert");
  const alert = await db.alert.findUnique({ where: { id }, include: { rule: { select: { name: true, remediation: true } } } });
  if (!alert) throw notFound("Alert");
  const remediation = alert.rule.remediation as Remediation | null;
  if (!remediation) throw conflict(`Rule ${alert.rule.name} offers no remediation.`);
  const resolved = resolveRemediation(remediation, alert.labels as Record<string, string>);
  if (!resolved.ok) throw conflict(`Cannot remediate: ${resolved.reason}.`);

  const claimedAt = new Date();
  const claim = await db.alert.updateMany({ where: { id, state: "firing", remediatedAt: null }, data: { remediatedAt: claimedAt, remediatedBy: principal.name } });
  if (claim.count === 0) {
    const now = await db.alert.findUnique({ where: { id }, select: { state: true, remediatedBy: true } });
    throw conflict(
      now?.state !== "firing" ? `Only a firing alert can be remediated; this one is ${now?.state ?? "gone"}.` : `Already remediated by ${now.remediatedBy ?? "someone"}.`,
    );
  }

  const acting: Ctx = { ...ctx, cause: `alert:${id}` };
  let done: Done;
  try {
    done = await perform(acting, resolved.target);
  } catch (error) {
    await db.alert.updateMany({ where: { id, remediatedAt: claimedAt }, data: { remediatedAt: null, remediatedBy: null } });
    const detail = error instanceof AppError ? error.message : "unexpected error";
    recordOutcome(acting, { verb: "remediate", objectType: "alert", objectId: id, objectName: alert.rule.name, outcome: "failed", detail, after: { action: resolved.target.action } });
    throw error;
  }
  await db.$transaction(async (tx) => {
    await tx.alertEvent.create({ data: { alertId: id, at: claimedAt, from: "firing", to: "firing", value: alert.value, note: `remediated by ${principal.name}: ${done.summary}` } });
    await writeAudit(tx, acting, {
      verb: "remediate",
      objectType: "alert",
      objectId: id,
      objectName: alert.rule.name,
      after: { action: resolved.target.action, target: done.target.objectName, result: done.summary },
    });
  });
  return { alert: await getAlert({ ctx, id }), action: resolved.target.action, summary: done.summary };
}
