import { z } from "zod";
import { ALERT_AGGREGATIONS, COMPARISONS, SEVERITIES } from "@/lib/domain/alerting";
import { Id, ObjectName, Version } from "./common";
import { ListQuery } from "./list";
import { LabelMap, MetricName } from "./metrics";

const LabelName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, "A label name like pool or service.name").max(100);

const oneOf = (fields: readonly string[]) => ({
  message: `Give exactly one of ${fields.join(" or ")}`,
  path: [fields[0]!],
});
const exactlyOne = (r: Record<string, unknown>, fields: readonly string[]) => fields.filter((f) => r[f] !== undefined).length === 1;

/**
 * The one-click fix a rule offers its firing alerts. Targets are fixed (`resourceId`, `nodeName`, `backendId`) or
 * taken from the alert's labels (`nodeFromLabel: "node"`; `backendFromLabel: "backend"` names `address:port` in the
 * pool its `poolFromLabel`, default "pool", names — the labels the engine's own metrics carry).
 */
export const RemediationInput = z.discriminatedUnion("action", [
  z
    .object({
      action: z.literal("scale"),
      resourceId: Id,
      by: z.number().int("A whole number of replicas").min(-100).max(100).refine((n) => n !== 0, "Scale by at least one replica").optional(),
      to: z.number().int("A whole number of replicas").min(0).max(1000).optional(),
    })
    .refine((r) => exactlyOne(r, ["by", "to"]), oneOf(["by", "to"])),
  z
    .object({ action: z.literal("drain"), nodeName: z.string().trim().min(1).max(63).optional(), nodeFromLabel: LabelName.optional() })
    .refine((r) => exactlyOne(r, ["nodeName", "nodeFromLabel"]), oneOf(["nodeName", "nodeFromLabel"])),
  z
    .object({ action: z.literal("eject"), backendId: Id.optional(), backendFromLabel: LabelName.optional(), poolFromLabel: LabelName.optional() })
    .refine((r) => exactlyOne(r, ["backendId", "backendFromLabel"]), oneOf(["backendId", "backendFromLabel"])),
]);
export type RemediationInput = z.infer<typeof RemediationInput>;

const WebhookUrl = z.url({ protocol: /^https?$/, message: "An http:// or https:// URL" }).max(2000);

const ruleFields = {
  description: z.string().trim().max(500).nullish(),
  metric: MetricName,
  // The metrics query's label filter (`k="v",…`) has no escapes for these.
  matchers: LabelMap.refine((m) => Object.values(m).every((v) => !/[",]/.test(v)), "Label values may not contain commas or double quotes"),
  aggregation: z.enum(ALERT_AGGREGATIONS),
  windowSeconds: z.number().int("Whole seconds").min(10, "At least 10 s").max(86_400, "At most a day"),
  operator: z.enum(COMPARISONS),
  threshold: z.number({ message: "Enter a number" }).refine(Number.isFinite, "A finite number"),
  forSeconds: z.number().int("Whole seconds").min(0, "At least 0 s").max(86_400, "At most a day"),
  severity: z.enum(SEVERITIES),
  // alertname and severity come from the rule itself: a label may not contradict them.
  labels: LabelMap.refine((l) => !("alertname" in l) && !("severity" in l), "alertname and severity are set by the rule"),
  groupBy: z
    .array(LabelName)
    .max(10)
    .refine((g) => new Set(g).size === g.length, "List each label once"),
  remediation: RemediationInput.nullable(),
  webhookUrl: WebhookUrl.nullable(),
  enabled: z.boolean(),
};

export const CreateAlertRuleInput = z.object({
  name: ObjectName,
  description: ruleFields.description,
  metric: ruleFields.metric,
  matchers: ruleFields.matchers.default({}),
  aggregation: ruleFields.aggregation.default("avg"),
  windowSeconds: ruleFields.windowSeconds.default(60),
  operator: ruleFields.operator.default("gt"),
  threshold: ruleFields.threshold,
  forSeconds: ruleFields.forSeconds.default(0),
  severity: ruleFields.severity.default("warning"),
  labels: ruleFields.labels.default({}),
  groupBy: ruleFields.groupBy.default([]),
  remediation: ruleFields.remediation.default(null),
  webhookUrl: ruleFields.webhookUrl.default(null),
  enabled: ruleFields.enabled.default(true),
});
export type CreateAlertRuleInput = z.infer<typeof CreateAlertRuleInput>;

/** PATCH: any field but the name; null clears description, remediation and webhookUrl. */
export const UpdateAlertRuleInput = z.object({
  version: Version,
  description: ruleFields.description,
  metric: ruleFields.metric.optional(),
  matchers: ruleFields.matchers.optional(),
  aggregation: ruleFields.aggregation.optional(),
  windowSeconds: ruleFields.windowSeconds.optional(),
  operator: ruleFields.operator.optional(),
  threshold: ruleFields.threshold.optional(),
  forSeconds: ruleFields.forSeconds.optional(),
  severity: ruleFields.severity.optional(),
  labels: ruleFields.labels.optional(),
  groupBy: ruleFields.groupBy.optional(),
  remediation: ruleFields.remediation.optional(),
  webhookUrl: ruleFields.webhookUrl.optional(),
  enabled: ruleFields.enabled.optional(),
});
export type UpdateAlertRuleInput = z.infer<typeof UpdateAlertRuleInput>;

export const ALERT_STATES = ["pending", "firing", "resolved"] as const;

const time = z
  .string()
  .trim()
  .refine((s) => !Number.isNaN(Date.parse(s)), "Use a date and time, e.g. 2026-11-25T14:00")
  .transform((s) => new Date(s));

/** `GET /api/v1/alerts`: `state` takes one state or several (`pending,firing`); from/to bound when the episode began. */
export const AlertListQuery = ListQuery.pick({ limit: true, cursor: true }).extend({
  state: z
    .string()
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    .refine((states) => states.length > 0 && states.every((x) => (ALERT_STATES as readonly string[]).includes(x)), `One or more of ${ALERT_STATES.join(", ")}, comma-separated`)
    .transform((states) => states as Array<(typeof ALERT_STATES)[number]>)
    .optional(),
  ruleId: Id.optional(),
  severity: z.enum(SEVERITIES).optional(),
  from: time.optional(),
  to: time.optional(),
});
export type AlertListQuery = z.infer<typeof AlertListQuery>;

export const SilenceMatcherInput = z.object({ label: LabelName, value: z.string().max(1000) });

const validTimes = (s: { startsAt?: unknown; endsAt: unknown }) => s.endsAt instanceof Date && (s.startsAt === undefined || s.startsAt instanceof Date);

/** A silence: equality matchers (the rule's name is the label "alertname"), a window and why. */
export const CreateSilenceInput = z
  .object({
    matchers: z.array(SilenceMatcherInput).min(1, "Add at least one matcher: an empty silence would mute everything").max(20),
    comment: z.string().trim().min(1, "Say why (the on-call after you will ask)").max(500),
    startsAt: time.optional(),
    endsAt: time,
  })
  // Skipped while a time itself is invalid (that has its own error).
  .refine((s) => !validTimes(s) || s.endsAt.getTime() > (s.startsAt ?? new Date()).getTime(), { path: ["endsAt"], message: "Must be after the start (and in the future)" })
  .refine((s) => !validTimes(s) || s.endsAt.getTime() - (s.startsAt ?? new Date()).getTime() <= 90 * 86_400_000, { path: ["endsAt"], message: "At most 90 days" });
export type CreateSilenceInput = z.infer<typeof CreateSilenceInput>;

export const SILENCE_STATES = ["active", "pending", "expired"] as const;
export const SilenceListQuery = ListQuery.pick({ limit: true, cursor: true }).extend({ state: z.enum(SILENCE_STATES).optional() });
