/** fast-check generators shared by the autoscaling property tests (not part of the public API). */
import fc from "fast-check";
import { NOW } from "./test-fixtures";
import type {
  HpaRatePolicy,
  HpaScalingRules,
  MetricSpec,
  PodCpuSample,
  PodPhase,
  Recommendation,
  ScaleEvent,
  ScaleHistory,
  ScaleSnapshot,
  TargetPolicy,
  ThresholdPolicy,
} from "./types";

const POD_IDS = ["p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7"];
const phases: PodPhase[] = ["Running", "Running", "Running", "Pending", "Failed", "Succeeded", "Unknown"];

export const thresholdPolicyArb: fc.Arbitrary<ThresholdPolicy> = fc
  .record({
    minReplicas: fc.integer({ min: 0, max: 5 }),
    span: fc.integer({ min: 0, max: 10 }),
    scaleDownThreshold: fc.integer({ min: 0, max: 80 }),
    gap: fc.integer({ min: 1, max: 80 }),
    withTarget: fc.boolean(),
    cooldownMs: fc.integer({ min: 0, max: 600_000 }),
    step: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    windowMs: fc.integer({ min: 10_000, max: 300_000 }),
  })
  .map(({ minReplicas, span, scaleDownThreshold, gap, withTarget, cooldownMs, step, windowMs }) => ({
    mode: "threshold" as const,
    minReplicas,
    maxReplicas: Math.max(1, minReplicas + span),
    scaleDownThreshold,
    scaleUpThreshold: scaleDownThreshold + gap,
    ...(withTarget ? { targetCpu: scaleDownThreshold + gap / 2 } : {}),
    cooldownMs,
    ...(step === undefined ? {} : { step }),
    windowMs,
  }));

const metricSpecArb: fc.Arbitrary<MetricSpec> = fc.oneof(
  fc.integer({ min: 1, max: 300 }).map((t): MetricSpec => ({ type: "resource", resource: "cpu", targetAverageUtilization: t })),
  fc.integer({ min: 1, max: 100 }).map((t): MetricSpec => ({ type: "pods", name: "qps", targetAverageValue: t })),
  fc.integer({ min: 1, max: 100 }).map((value): MetricSpec => ({ type: "object", name: "queue", target: { type: "Value", value } })),
  fc
    .integer({ min: 1, max: 100 })
    .map((averageValue): MetricSpec => ({ type: "object", name: "queue", target: { type: "AverageValue", averageValue } })),
);

export const ratePolicyArb: fc.Arbitrary<HpaRatePolicy> = fc.record({
  type: fc.constantFrom("Pods" as const, "Percent" as const),
  value: fc.integer({ min: 1, max: 200 }),
  periodSeconds: fc.integer({ min: 1, max: 1800 }),
});

const rulesArb: fc.Arbitrary<HpaScalingRules | undefined> = fc.option(
  fc.record(
    {
      stabilizationWindowSeconds: fc.integer({ min: 0, max: 3600 }),
      selectPolicy: fc.constantFrom("Max" as const, "Min" as const, "Disabled" as const),
      policies: fc.array(ratePolicyArb, { minLength: 1, maxLength: 3 }),
      tolerance: fc.double({ min: 0, max: 0.5, noNaN: true }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

export const targetPolicyArb: fc.Arbitrary<TargetPolicy> = fc
  .record({
    minReplicas: fc.integer({ min: 1, max: 5 }),
    span: fc.integer({ min: 0, max: 20 }),
    metrics: fc.array(metricSpecArb, { minLength: 1, maxLength: 3 }),
    scaleUp: rulesArb,
    scaleDown: rulesArb,
    tolerance: fc.option(fc.double({ min: 0, max: 0.5, noNaN: true }), { nil: undefined }),
  })
  .map(({ minReplicas, span, metrics, scaleUp, scaleDown, tolerance }) => ({
    mode: "target" as const,
    minReplicas,
    maxReplicas: minReplicas + span,
    metrics,
    behavior: { ...(scaleUp ? { scaleUp } : {}), ...(scaleDown ? { scaleDown } : {}) },
    ...(tolerance === undefined ? {} : { tolerance }),
  }));

export const sampleArb: fc.Arbitrary<PodCpuSample> = fc.record({
  podId: fc.constantFrom(...POD_IDS),
  ready: fc.boolean(),
  phase: fc.constantFrom(...phases),
  cpuMillis: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }),
  requestMillis: fc.oneof(fc.constant(1000), fc.integer({ min: 0, max: 2000 })),
  at: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: NOW - 60_000, max: NOW }) },
    { weight: 1, arbitrary: fc.integer({ min: NOW - 400_000, max: NOW + 1_000 }) },
  ),
  deleting: fc.boolean(),
});

const perPodValuesArb = fc.dictionary(fc.constantFrom(...POD_IDS), fc.integer({ min: 0, max: 300 }));

export const snapshotArb: fc.Arbitrary<ScaleSnapshot> = fc.record(
  {
    currentReplicas: fc.integer({ min: 0, max: 30 }),
    cpuSamples: fc.array(sampleArb, { maxLength: 30 }),
    podMetrics: fc.record({ qps: perPodValuesArb }),
    objectMetrics: fc.record({ queue: fc.integer({ min: 0, max: 1000 }) }),
    // Mostly healthy pipelines, sometimes a failed metric.
    metricErrors: fc.oneof(
      { weight: 4, arbitrary: fc.constant({}) },
      {
        weight: 1,
        arbitrary: fc.record({ "resource/cpu": fc.constant("timeout"), "pods/qps": fc.constant("timeout") }, { requiredKeys: [] }),
      },
    ),
  },
  { requiredKeys: ["currentReplicas", "cpuSamples", "metricErrors"] },
);

const recommendationArb: fc.Arbitrary<Recommendation> = fc.record({
  at: fc.integer({ min: NOW - 4_000_000, max: NOW }),
  replicas: fc.integer({ min: 0, max: 40 }),
});

const eventArb: fc.Arbitrary<ScaleEvent> = fc.record({
  at: fc.integer({ min: NOW - 2_000_000, max: NOW + 10_000 }),
  fromReplicas: fc.integer({ min: 0, max: 30 }),
  toReplicas: fc.integer({ min: 0, max: 30 }),
});

export const historyArb: fc.Arbitrary<ScaleHistory> = fc.record({
  recommendations: fc.array(recommendationArb, { maxLength: 8 }),
  events: fc.array(eventArb, { maxLength: 6 }),
});

/**
 * A policy with a snapshot whose replica count sits mostly inside [min, max] (and sometimes just
 * outside), so the in-range rules get exercised as often as the range corrections.
 */
export function caseArb<P extends ThresholdPolicy | TargetPolicy>(
  policyArb: fc.Arbitrary<P>,
): fc.Arbitrary<{ policy: P; snap: ScaleSnapshot; history: ScaleHistory }> {
  return fc.tuple(policyArb, snapshotArb, historyArb).chain(([policy, snap, history]) =>
    fc
      .oneof(
        { weight: 4, arbitrary: fc.integer({ min: policy.minReplicas, max: policy.maxReplicas }) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: policy.maxReplicas + 3 }) },
      )
      .map((currentReplicas) => ({ policy, snap: { ...snap, currentReplicas }, history })),
  );
}
