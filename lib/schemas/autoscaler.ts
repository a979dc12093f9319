import { z } from "zod";
import { MAX_PERIOD_SECONDS, MAX_STABILIZATION_WINDOW_SECONDS, validatePolicy, type AutoscalingPolicy } from "@/lib/domain/autoscaling";
import { ObjectName, Version } from "./common";

/**
 * Autoscaler policies, mirroring `AutoscalingPolicy` of lib/domain/autoscaling field for field (the stored JSON is
 * exactly the domain type). zod checks types and bounds; `validatePolicy` (the domain's own rules, run by the
 * engine before every decision) checks how fields relate, and each of its problems is reported on the field it names.
 */

/** Replica counts are a container's `spec.replicas`, so they share its bound. */
const MAX_REPLICAS = 1000;
/** Utilization is a percentage of the pod's CPU request and may exceed 100. */
const MAX_PERCENT = 1000;
const HOUR_MS = 3_600_000;

const replicas = (lowest: number) =>
  z
    .number({ message: "Enter a whole number of replicas" })
    .int("Enter a whole number of replicas")
    .min(lowest, `At least ${lowest}`)
    .max(MAX_REPLICAS, `At most ${MAX_REPLICAS}`);
const percent = z.number({ message: "Enter a percentage" }).min(0, "At least 0%").max(MAX_PERCENT, `At most ${MAX_PERCENT}%`);
const positive = z.number({ message: "Enter a number" }).positive("Must be more than 0");
const windowMs = z.number({ message: "Enter a duration" }).int().min(1000, "At least 1 s").max(HOUR_MS, "At most 1 h");

/** The seed's AutoScalingConfig, bugs fixed: a fixed step when average CPU crosses a threshold, then a cooldown. */
export const ThresholdPolicyInput = z.object({
  mode: z.literal("threshold"),
  minReplicas: replicas(0),
  maxReplicas: replicas(1),
  targetCpu: percent.optional(),
  scaleUpThreshold: percent,
  scaleDownThreshold: percent,
  /**
   * Console-friendly defaults (AWS simple scaling waits 300 s): a minute between scale events and CPU averaged
   * over 30 s, so a demo reacts within a minute.
   */
  cooldownMs: z.number({ message: "Enter a duration" }).int().min(0, "At least 0 s").max(HOUR_MS, "At most 1 h").default(60_000),
  step: z.number({ message: "Enter a whole number" }).int("Enter a whole number").min(1, "At least 1").max(MAX_REPLICAS).optional(),
  windowMs: windowMs.default(30_000),
});

/** HPA v2 metric sources (lib/domain/autoscaling `MetricSpec`). */
export const MetricSpecInput = z.discriminatedUnion("type", [
  z.object({ type: z.literal("resource"), resource: z.literal("cpu"), targetAverageUtilization: positive.max(MAX_PERCENT, `At most ${MAX_PERCENT}%`) }),
  z.object({ type: z.literal("pods"), name: z.string().trim().min(1, "Name the metric").max(253), targetAverageValue: positive }),
  z.object({
    type: z.literal("object"),
    name: z.string().trim().min(1, "Name the metric").max(253),
    target: z.discriminatedUnion("type", [
      z.object({ type: z.literal("Value"), value: positive }),
      z.object({ type: z.literal("AverageValue"), averageValue: positive }),
    ]),
  }),
]);

const RatePolicy = z.object({
  type: z.enum(["Pods", "Percent"]),
  value: z.number().int().min(1, "At least 1"),
  periodSeconds: z.number().int().min(1, "At least 1 s").max(MAX_PERIOD_SECONDS, `At most ${MAX_PERIOD_SECONDS} s`),
});

/** HPA `HPAScalingRules`: every field optional, defaulted by the domain exactly as the Kubernetes API does. */
const ScalingRules = z.object({
  stabilizationWindowSeconds: z
    .number({ message: "Enter a whole number of seconds" })
    .int("Enter a whole number of seconds")
    .min(0, "At least 0 s")
    .max(MAX_STABILIZATION_WINDOW_SECONDS, `At most ${MAX_STABILIZATION_WINDOW_SECONDS} s`)
    .optional(),
  selectPolicy: z.enum(["Max", "Min", "Disabled"]).optional(),
  policies: z.array(RatePolicy).min(1, "List at least one policy").max(10).optional(),
  tolerance: z.number().min(0, "At least 0").max(10).optional(),
});

/** Kubernetes HorizontalPodAutoscaler v2 semantics (behavior left out = the HPA defaults). */
export const TargetPolicyInput = z.object({
  mode: z.literal("target"),
  minReplicas: replicas(1),
  maxReplicas: replicas(1),
  metrics: z.array(MetricSpecInput).min(1, "List at least one metric").max(10, "At most 10 metrics"),
  behavior: z.object({ scaleUp: ScalingRules.optional(), scaleDown: ScalingRules.optional() }).optional(),
  tolerance: z.number({ message: "Enter a number" }).min(0, "At least 0").max(10).optional(),
  metricWindowMs: windowMs.optional(),
});

/**
 * The leading field path of a `validatePolicy` problem, as zod path segments:
 * "metrics[0].targetAverageUtilization must be > 0" → ["metrics", 0, "targetAverageUtilization"].
 */
export function policyProblemPath(problem: string): Array<string | number> {
  const head = /^[A-Za-z]\w*(?:\[\d+\]|\.[A-Za-z]\w*)*/.exec(problem)?.[0];
  if (!head) return [];
  return [...head.matchAll(/([A-Za-z]\w*)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
}

export const AutoscalingPolicyInput = z.discriminatedUnion("mode", [ThresholdPolicyInput, TargetPolicyInput]).superRefine((policy, ctx) => {
  for (const problem of validatePolicy(policy as AutoscalingPolicy)) {
    ctx.addIssue({ code: "custom", path: policyProblemPath(problem), message: problem });
  }
});
export type AutoscalingPolicyInput = z.output<typeof AutoscalingPolicyInput>;

export const CreateAutoscalerInput = z.object({
  name: ObjectName,
  /** The container resource whose `spec.replicas` the autoscaler sets. */
  targetId: z.uuid({ message: "Choose the container resource to scale" }),
  policy: AutoscalingPolicyInput,
  enabled: z.boolean().default(true),
});
export type CreateAutoscalerInput = z.infer<typeof CreateAutoscalerInput>;

/** The policy is replaced as a whole (it may switch mode); name and target are fixed once created. */
export const UpdateAutoscalerInput = z.object({
  version: Version,
  policy: AutoscalingPolicyInput.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateAutoscalerInput = z.infer<typeof UpdateAutoscalerInput>;

/** `GET /api/v1/autoscalers/{id}/decisions`: the newest `limit` decisions, optionally only those at or after `from`. */
export const ScaleDecisionQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  from: z.coerce.date({ message: "Not a date-time (ISO 8601)" }).optional(),
  /** Only decisions before this time. */
  to: z.coerce.date({ message: "Not a date-time (ISO 8601)" }).optional(),
  /** Thin a long window for a chart: at most one decision per step of this many seconds (steps anchored at `from`). */
  step: z.coerce.number().int().min(1).max(86_400).optional(),
});
export type ScaleDecisionQuery = z.infer<typeof ScaleDecisionQuery>;
