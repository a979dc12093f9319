import "server-only";
import { z } from "zod";
import { ruleExpression, type AlertAggregation, type Comparison, type Remediation, type RuleSpec, type Severity } from "@/lib/domain/alerting";
import { Prisma, type AlertRule as AlertRuleRow } from "@/lib/generated/prisma/client";
import { CreateAlertRuleInput, UpdateAlertRuleInput, type RemediationInput } from "@/lib/schemas/alerts";
import { ListQuery } from "@/lib/schemas/list";
import type { Tx } from "../db";
import { invalid } from "../errors";
import { defineCrud, defined } from "./crud";
import { iso } from "./versioned";

export interface AlertRule {
  id: string;
  name: string;
  description: string | null;
  metric: string;
  matchers: Record<string, string>;
  aggregation: AlertAggregation;
  windowSeconds: number;
  operator: Comparison;
  threshold: number;
  forSeconds: number;
  severity: Severity;
  labels: Record<string, string>;
  groupBy: string[];
  remediation: Remediation | null;
  webhookUrl: string | null;
  enabled: boolean;
  /** The rule in one line: `p95(metric{pool=web}[60s]) > 300 for 60 s`. */
  expression: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A stored rule's expression parts, as the evaluator reads them (the engine's DAL uses this too). */
export function ruleSpecOf(r: AlertRuleRow) {
  return {
    name: r.name,
    metric: r.metric,
    matchers: r.matchers as Record<string, string>,
    aggregation: r.aggregation as AlertAggregation,
    windowSeconds: r.windowSeconds,
    operator: r.operator as Comparison,
    threshold: r.threshold,
    forSeconds: r.forSeconds,
    severity: r.severity,
    labels: r.labels as Record<string, string>,
    groupBy: r.groupBy,
  } satisfies RuleSpec;
}

export function toAlertRule(r: AlertRuleRow): AlertRule {
  const rule = {
    id: r.id,
    description: r.description,
    ...ruleSpecOf(r),
    remediation: (r.remediation ?? null) as Remediation | null,
    webhookUrl: r.webhookUrl,
    enabled: r.enabled,
    version: r.version,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
  return { ...rule, expression: ruleExpression(rule) };
}

/** A fixed remediation target must exist when the rule is saved (a template is checked when it runs). */
async function assertRemediationTarget(tx: Tx, remediation: RemediationInput | null | undefined): Promise<void> {
  if (!remediation) return;
  if (remediation.action === "scale") {
    const target = await tx.resource.findUnique({ where: { id: remediation.resourceId }, select: { name: true, kind: true } });
    if (!target) throw invalid([{ path: "remediation.resourceId", message: "No such resource" }]);
    if (target.kind !== "container") {
      throw invalid([{ path: "remediation.resourceId", message: `${target.name} is a ${target.kind}: only container resources have replicas to scale` }]);
    }
  }
  if (remediation.action === "drain" && remediation.nodeName && !(await tx.node.findUnique({ where: { name: remediation.nodeName }, select: { id: true } }))) {
    throw invalid([{ path: "remediation.nodeName", message: "No such node" }]);
  }
  if (remediation.action === "eject" && remediation.backendId && !(await tx.backend.findUnique({ where: { id: remediation.backendId }, select: { id: true } }))) {
    throw invalid([{ path: "remediation.backendId", message: "No such backend" }]);
  }
}

/** "No remediation" is SQL NULL in the JSON column. */
const remediationData = (remediation: RemediationInput | null | undefined) => (remediation === null ? Prisma.DbNull : remediation);

export const alertRulesDal = defineCrud({
  what: "Alert rule",
  objectType: "alert-rule",
  model: (tx) => tx.alertRule,
  toOutput: toAlertRule,
  listQuery: ListQuery.extend({
    // Rules carry labels for their alerts, not for selecting rules.
    selector: z.never({ message: "Alert rules have no labels to select on" }).optional(),
    enabled: z.enum(["true", "false"]).optional(),
    severity: z.enum(["info", "warning", "critical"]).optional(),
  }),
  filters: (q) => [...(q.enabled ? [{ enabled: q.enabled === "true" }] : []), ...(q.severity ? [{ severity: q.severity }] : [])],
  searchField: "name",
  sortable: ["name", "severity", "createdAt", "updatedAt"],
  defaultSort: "name",
  createSchema: CreateAlertRuleInput,
  createData: async (input, tx) => {
    await assertRemediationTarget(tx, input.remediation);
    return { ...input, description: input.description ?? null, remediation: remediationData(input.remediation) };
  },
  updateSchema: UpdateAlertRuleInput,
  updateData: async (input, _current, tx) => {
    await assertRemediationTarget(tx, input.remediation);
    const { version: _version, ...fields } = input;
    return defined({ ...fields, remediation: remediationData(input.remediation) });
  },
});

export const {
  list: listAlertRules,
  get: getAlertRule,
  create: createAlertRule,
  update: updateAlertRule,
  remove: deleteAlertRule,
} = alertRulesDal;
