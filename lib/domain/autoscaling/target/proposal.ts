import type { RuleStep } from "../types";

/** One metric's replica proposal (HPA computeReplicasForMetric), with the steps that produced it. */
export type Proposal =
  | { key: string; ok: true; replicas: number; current: number; target: number; ratio: number; steps: RuleStep[] }
  | { key: string; ok: false; error: string; steps: RuleStep[] };

export function failed(key: string, error: string, steps: RuleStep[] = []): Proposal {
  return { key, ok: false, error, steps: [...steps, { rule: "metric", detail: `${key}: ${error}`, effect: "metric invalid" }] };
}
