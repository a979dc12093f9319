import "server-only";
import { z } from "zod";
import type {
  AutoscalingPolicy,
  DecisionInputs,
  MetricEvaluation,
  RuleStep,
  ScaleAction,
  ScaleDecision as DomainDecision,
  ScaleEvent,
  ScaleHistory,
} from "@/lib/domain/autoscaling";
import type { Autoscaler as AutoscalerRow, ScaleDecision as ScaleDecisionRow } from "@/lib/generated/prisma/client";
import { CreateAutoscalerInput, ScaleDecisionQuery, UpdateAutoscalerInput } from "@/lib/schemas/autoscaler";
import { ListQuery } from "@/lib/schemas/list";
import { authorize, type Ctx } from "../auth/principal";
import { db, type Tx } from "../db";
import { AppError, invalid, notFound } from "../errors";
import { parseInput } from "../validation";
import { defineCrud, defined } from "./crud";
import { assertId, iso } from "./versioned";

/** The latest decision, as the engine stores it on the autoscaler (null until the worker has decided once). */
export interface AutoscalerStatus {
  currentReplicas: number;
  desiredReplicas: number;
  action: ScaleAction;
  reason: string;
  explanation: string[];
  metrics: MetricEvaluation[];
  lastDecisionAt: string;
}

export interface Autoscaler {
  id: string;
  name: string;
  targetId: string;
  policy: AutoscalingPolicy;
  enabled: boolean;
  status: AutoscalerStatus | null;
  /** The most recent scale the autoscaler carried out, from its working history. */
  lastScale: { at: string; fromReplicas: number; toReplicas: number } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

function latestEvent(history: unknown): ScaleEvent | undefined {
  const events = (history as Partial<ScaleHistory> | null)?.events ?? [];
  return events.reduce<ScaleEvent | undefined>((latest, e) => (latest === undefined || e.at >= latest.at ? e : latest), undefined);
}

export const toAutoscaler = (a: AutoscalerRow): Autoscaler => {
  const status = a.status as Partial<AutoscalerStatus> | null;
  const event = latestEvent(a.history);
  return {
    id: a.id,
    name: a.name,
    targetId: a.targetId,
    policy: a.policy as unknown as AutoscalingPolicy,
    enabled: a.enabled,
    status: typeof status?.lastDecisionAt === "string" ? ({ explanation: [], metrics: [], ...status } as AutoscalerStatus) : null,
    lastScale: event ? { at: new Date(event.at).toISOString(), fromReplicas: event.fromReplicas, toReplicas: event.toReplicas } : null,
    version: a.version,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
  };
};

/**
 * The target must be a container resource (only those have replicas) without another autoscaler: two would fight
 * over `spec.replicas`. The target row is locked first, so two concurrent creates for one target queue and the
 * second sees the first.
 */
async function assertScalableTarget(tx: Tx, targetId: string): Promise<void> {
  const [target] = await tx.$queryRaw<Array<{ name: string; kind: string }>>`
    SELECT name, kind::text AS kind FROM "Resource" WHERE id = ${targetId}::uuid FOR UPDATE`;
  if (!target) throw invalid([{ path: "targetId", message: "No such resource" }]);
  if (target.kind !== "container") {
    throw invalid([{ path: "targetId", message: `${target.name} is a ${target.kind}: only container resources have replicas to scale` }]);
  }
  const other = await tx.autoscaler.findFirst({ where: { targetId }, select: { name: true } });
  if (other) {
    throw new AppError("CONFLICT", `${target.name} already has an autoscaler (${other.name}); two would fight over its replicas.`, [
      { path: "targetId", message: `Already scaled by ${other.name}` },
    ]);
  }
}

export const autoscalersDal = defineCrud({
  what: "Autoscaler",
  objectType: "autoscaler",
  model: (tx) => tx.autoscaler,
  toOutput: toAutoscaler,
  listQuery: ListQuery.extend({
    // Autoscalers carry no labels: a selector would filter on a column that does not exist.
    selector: z.never({ message: "Autoscalers have no labels to select on" }).optional(),
    targetId: z.uuid().optional(),
    enabled: z.enum(["true", "false"]).optional(),
  }),
  filters: (q) => [...(q.targetId ? [{ targetId: q.targetId }] : []), ...(q.enabled ? [{ enabled: q.enabled === "true" }] : [])],
  searchField: "name",
  sortable: ["name", "createdAt", "updatedAt"],
  defaultSort: "name",
  createSchema: CreateAutoscalerInput,
  createData: async (input, tx) => {
    await assertScalableTarget(tx, input.targetId);
    return { name: input.name, targetId: input.targetId, policy: input.policy, enabled: input.enabled };
  },
  updateSchema: UpdateAutoscalerInput,
  updateData: (input) => defined({ policy: input.policy, enabled: input.enabled }),
});

export const {
  list: listAutoscalers,
  get: getAutoscaler,
  create: createAutoscaler,
  update: updateAutoscaler,
  remove: deleteAutoscaler,
} = autoscalersDal;

/** One evaluation of an autoscaler: what it saw, each rule it applied, and what it decided ("why did it scale"). */
export interface ScaleDecisionRecord {
  id: string;
  at: string;
  currentReplicas: number;
  desiredReplicas: number;
  action: ScaleAction;
  reason: string;
  /** The decision as sentences: inputs, each rule in order, the result. */
  explanation: string[];
  steps: RuleStep[];
  inputs: DecisionInputs | null;
  /** Target mode: one evaluation per metric spec. */
  metrics: MetricEvaluation[];
}

export const toScaleDecision = (d: ScaleDecisionRow): ScaleDecisionRecord => {
  const decision = (d.explanation ?? {}) as Partial<DomainDecision>;
  return {
    id: d.id.toString(),
    at: iso(d.at),
    currentReplicas: d.currentReplicas,
    desiredReplicas: d.desiredReplicas,
    action: d.action as ScaleAction,
    reason: d.reason,
    explanation: decision.explanation ?? [],
    steps: decision.steps ?? [],
    inputs: decision.inputs ?? null,
    metrics: decision.metrics ?? [],
  };
};

/**
 * An autoscaler's decisions, newest first: the newest `limit`, only those in [`from`, `to`) when given. With `step`
 * (seconds) a long window is thinned for a chart: one decision per step, one that scaled if the step has any (so a
 * change of replicas is never thinned away), else its latest.
 */
export async function listScaleDecisions({
  ctx,
  autoscalerId,
  limit,
  from,
  to,
  step,
}: {
  ctx: Ctx;
  autoscalerId: string;
  limit?: number | string;
  from?: string | Date;
  to?: string | Date;
  step?: number | string;
}): Promise<{ items: ScaleDecisionRecord[] }> {
  authorize(ctx, "read", { verb: "list", objectType: "scale-decision", objectId: autoscalerId });
  assertId(autoscalerId, "Autoscaler");
  const query = parseInput(ScaleDecisionQuery, defined({ limit, from, to, step }));
  const exists = await db.autoscaler.findUnique({ where: { id: autoscalerId }, select: { id: true } });
  if (!exists) throw notFound("Autoscaler");
  const at = { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: query.to } : {}) };
  const ids = query.step === undefined ? undefined : await oneDecisionPerStep(autoscalerId, query.step, query.limit, query.from, query.to);
  const rows = await db.scaleDecision.findMany({
    where: { autoscalerId, at, ...(ids ? { id: { in: ids } } : {}) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: query.limit,
  });
  return { items: rows.map(toScaleDecision) };
}

/** The ids of the decisions a thinned window keeps, newest step first. */
async function oneDecisionPerStep(autoscalerId: string, step: number, limit: number, from?: Date, to?: Date): Promise<bigint[]> {
  const rows = await db.$queryRaw<Array<{ id: bigint }>>`
    SELECT "id" FROM (
      SELECT DISTINCT ON ("bin") "id", "bin" FROM (
        SELECT "id", "at", "action", date_bin(make_interval(secs => ${step}), "at", ${from ?? new Date(0)}) AS "bin"
        FROM "ScaleDecision"
        WHERE "autoscalerId" = ${autoscalerId}::uuid AND "at" >= ${from ?? new Date(0)} AND "at" < ${to ?? new Date(8.64e15)}
      ) d
      ORDER BY "bin" DESC, ("action" <> 'none') DESC, "at" DESC, "id" DESC
    ) picked ORDER BY "bin" DESC LIMIT ${limit}`;
  return rows.map((r) => r.id);
}
