/**
 * Invariants over random clusters and pod streams, checked against a naive reference of the filters
 * (written straight from the kube-scheduler semantics, scanning every pod: no indexes, no sampling).
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { seededRng } from "../random";
import { scheduleBatch } from "./batch";
import { planDrain } from "./drain";
import { labelValue } from "./labels";
import { anyTermMatches } from "./node-selector";
import type { SchedulingProfile } from "./profiles";
import { schedule } from "./schedule";
import { isTolerated, NOT_READY_TAINT, UNSCHEDULABLE_TAINT } from "./tolerations";
import type { Cluster, ClusterNode, Pod, PodAffinityTerm, Taint, Toleration, TopologySpreadConstraint } from "./types";

const ZONE = "zone";
const HOST = "host";
const TAINTS: Taint[] = [
  { key: "gpu", value: "true", effect: "NoSchedule" },
  { key: "spot", effect: "PreferNoSchedule" },
  { key: "maint", effect: "NoExecute" },
];
const TOLERATIONS: Toleration[] = [
  { key: "gpu", operator: "Exists" },
  { key: "maint", operator: "Exists", effect: "NoExecute" },
  { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" },
  { key: "node.kubernetes.io/not-ready", operator: "Exists" },
  { key: "gpu", value: "false" },
];
const APPS = ["web", "db", "cache"];

// ---------- reference filters ----------

const matchesLabels = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => labelValue(labels, k) === v);

function feasibleByReference(pod: Pod, node: ClusterNode, cluster: Cluster): boolean {
  const tol = (taint: Taint) => isTolerated(pod.tolerations, taint);
  if (node.unschedulable && !tol(UNSCHEDULABLE_TAINT)) return false;
  if (!node.ready && !tol(NOT_READY_TAINT)) return false;
  if (node.taints.some((t) => t.effect !== "PreferNoSchedule" && !tol(t))) return false;
  const affinityOk = (n: ClusterNode) => {
    const required = pod.affinity.nodeAffinity?.required ?? [];
    return matchesLabels(pod.nodeSelector, n.labels) && (required.length === 0 || anyTermMatches(required, n.labels));
  };
  if (!affinityOk(node)) return false;
  const nodeOf = new Map(cluster.nodes.map((n) => [n.name, n]));
  const bound = cluster.pods.filter((p) => p.nodeName !== null && nodeOf.has(p.nodeName));
  const onNode = bound.filter((p) => p.nodeName === node.name);
  if (onNode.length + 1 > node.allocatable.pods) return false;
  const sum = (f: (p: Pod) => number) => onNode.reduce((s, p) => s + f(p), 0);
  if (pod.requests.cpuMillis > 0 && sum((p) => p.requests.cpuMillis) + pod.requests.cpuMillis > node.allocatable.cpuMillis) return false;
  if (pod.requests.memoryMiB > 0 && sum((p) => p.requests.memoryMiB) + pod.requests.memoryMiB > node.allocatable.memoryMiB) return false;

  const hard = (pod.affinity.topologySpread ?? []).filter((c) => c.whenUnsatisfiable === "DoNotSchedule");
  const eligible = cluster.nodes.filter((n) => affinityOk(n) && hard.every((c) => labelValue(n.labels, c.topologyKey) !== undefined));
  for (const c of hard) {
    const value = labelValue(node.labels, c.topologyKey);
    if (value === undefined) return false;
    const counts = new Map<string, number>();
    for (const n of eligible) {
      const domain = labelValue(n.labels, c.topologyKey)!;
      const matching = bound.filter((p) => p.nodeName === n.name && matchesLabels(c.labelSelector, p.labels)).length;
      counts.set(domain, (counts.get(domain) ?? 0) + matching);
    }
    const min = counts.size === 0 ? 0 : Math.min(...counts.values());
    const self = matchesLabels(c.labelSelector, pod.labels) ? 1 : 0;
    if ((counts.get(value) ?? 0) + self - min > c.maxSkew) return false;
  }

  const sameDomain = (p: Pod, key: string) => {
    const value = labelValue(node.labels, key);
    return value !== undefined && labelValue(nodeOf.get(p.nodeName!)!.labels, key) === value;
  };
  const affinityTerms = pod.affinity.podAffinity?.required ?? [];
  if (affinityTerms.some((t) => labelValue(node.labels, t.topologyKey) === undefined)) return false;
  const satisfied = affinityTerms.every((t) => bound.some((p) => matchesLabels(t.labelSelector, p.labels) && sameDomain(p, t.topologyKey)));
  if (!satisfied) {
    const anyMatch = affinityTerms.some((t) =>
      bound.some((p) => matchesLabels(t.labelSelector, p.labels) && labelValue(nodeOf.get(p.nodeName!)!.labels, t.topologyKey) !== undefined),
    );
    if (anyMatch || !affinityTerms.every((t) => matchesLabels(t.labelSelector, pod.labels))) return false;
  }
  for (const t of pod.affinity.podAntiAffinity?.required ?? []) {
    if (bound.some((p) => matchesLabels(t.labelSelector, p.labels) && sameDomain(p, t.topologyKey))) return false;
  }
  for (const p of bound) {
    for (const t of p.affinity.podAntiAffinity?.required ?? []) {
      if (matchesLabels(t.labelSelector, pod.labels) && sameDomain(p, t.topologyKey)) return false;
    }
  }
  return true;
}

// ---------- generators ----------

const nodeArb = (name: string) =>
  fc
    .record({
      cpu: fc.integer({ min: 0, max: 12 }),
      mem: fc.integer({ min: 0, max: 12 }),
      pods: fc.integer({ min: 0, max: 8 }),
      zone: fc.option(fc.constantFrom("a", "b", "c"), { nil: undefined }),
      disk: fc.option(fc.constantFrom("ssd", "hdd"), { nil: undefined }),
      taints: fc.oneof(
        { weight: 3, arbitrary: fc.constant<Taint[]>([]) },
        { weight: 1, arbitrary: fc.subarray(TAINTS, { minLength: 1, maxLength: 2 }) },
      ),
      unschedulable: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
      ready: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
    })
    .map(
      (n): ClusterNode => ({
        name,
        allocatable: { cpuMillis: n.cpu * 500, memoryMiB: n.mem * 512, pods: n.pods },
        labels: {
          [HOST]: name,
          ...(n.zone ? { [ZONE]: n.zone } : {}),
          ...(n.disk ? { disk: n.disk } : {}),
        },
        taints: n.taints,
        unschedulable: n.unschedulable,
        ready: n.ready,
      }),
    );

const termArb: fc.Arbitrary<PodAffinityTerm> = fc.record({
  labelSelector: fc.constantFrom(...APPS).map((app) => ({ app })),
  topologyKey: fc.constantFrom(HOST, ZONE),
});
const spreadArb: fc.Arbitrary<TopologySpreadConstraint> = fc.record({
  maxSkew: fc.integer({ min: 1, max: 2 }),
  topologyKey: fc.constantFrom(HOST, ZONE),
  whenUnsatisfiable: fc.constantFrom("DoNotSchedule", "ScheduleAnyway"),
  labelSelector: fc.constantFrom(...APPS).map((app) => ({ app })),
});
/** Present in about one pod in five. */
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const podArb = (name: string, nodeName: fc.Arbitrary<string | null>) =>
  fc
    .record({
      app: fc.constantFrom(...APPS),
      cpu: fc.integer({ min: 0, max: 6 }),
      mem: fc.integer({ min: 0, max: 6 }),
      nodeName,
      selector: fc.constantFrom({}, {}, {}, {}, { disk: "ssd" }, { [ZONE]: "a" }),
      tolerations: fc.subarray(TOLERATIONS, { maxLength: 2 }),
      required: maybe(fc.constantFrom("In", "NotIn", "Exists", "DoesNotExist")),
      preferred: maybe(fc.integer({ min: 1, max: 100 })),
      anti: maybe(termArb),
      preferredAnti: maybe(termArb),
      affinity: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: termArb }),
      spread: maybe(spreadArb),
    })
    .map(
      (p): Pod => ({
        name,
        labels: { app: p.app },
        requests: { cpuMillis: p.cpu * 250, memoryMiB: p.mem * 256 },
        nodeName: p.nodeName,
        nodeSelector: p.selector,
        tolerations: p.tolerations,
        affinity: {
          nodeAffinity: {
            ...(p.required ? { required: [{ matchExpressions: [{ key: "disk", operator: p.required, values: ["ssd"] }] }] } : {}),
            ...(p.preferred
              ? { preferred: [{ weight: p.preferred, preference: { matchExpressions: [{ key: ZONE, operator: "In", values: ["b"] }] } }] }
              : {}),
          },
          ...(p.anti || p.preferredAnti
            ? {
                podAntiAffinity: {
                  ...(p.anti ? { required: [p.anti] } : {}),
                  ...(p.preferredAnti ? { preferred: [{ weight: 10, term: p.preferredAnti }] } : {}),
                },
              }
            : {}),
          ...(p.affinity ? { podAffinity: { required: [p.affinity] } } : {}),
          ...(p.spread ? { topologySpread: [p.spread] } : {}),
        },
      }),
    );

/** Existing placements that respect capacity (the scheduler's invariants start from a sane cluster). */
function fitExisting(nodes: ClusterNode[], pods: Pod[]): Pod[] {
  const kept: Pod[] = [];
  for (const pod of pods) {
    const node = nodes.find((n) => n.name === pod.nodeName)!;
    const on = kept.filter((p) => p.nodeName === node.name);
    const cpu = on.reduce((s, p) => s + p.requests.cpuMillis, 0) + pod.requests.cpuMillis;
    const mem = on.reduce((s, p) => s + p.requests.memoryMiB, 0) + pod.requests.memoryMiB;
    if (on.length < node.allocatable.pods && cpu <= node.allocatable.cpuMillis && mem <= node.allocatable.memoryMiB) kept.push(pod);
  }
  return kept;
}

const clusterArb = (minNodes: number, maxNodes: number) =>
  fc.integer({ min: minNodes, max: maxNodes }).chain((count) => {
    const names = Array.from({ length: count }, (_, i) => `n${i}`);
    return fc.tuple(...names.map(nodeArb)).chain((nodes) =>
      fc
        .array(fc.nat(), { maxLength: 12 })
        .chain((ids) => fc.tuple(...ids.map((id, i) => podArb(`old${i}`, fc.constant(names[id % count]!)))))
        .map((existing): Cluster => ({ nodes, pods: fitExisting(nodes, existing) })),
    );
  });

const pendingArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 19 })), { minLength: 1, maxLength: 15 })
  .chain((specs) =>
    fc.tuple(
      ...specs.map(([id, bound]) => podArb(`p${id}`, fc.constant(bound === 0 ? "n0" : null))),
    ),
  );

const PROFILES: SchedulingProfile[] = [
  { kind: "default" },
  { kind: "default", scoringStrategy: "MostAllocated" },
  { kind: "round_robin" },
  { kind: "least_loaded" },
  { kind: "weighted_round_robin" },
  { kind: "least_connections" },
  { kind: "ip_hash" },
  { kind: "custom", weights: { InterPodAffinity: 1, LeastConnections: 1, NodeAffinity: 2 } },
];

// ---------- replay: check every decision against the reference on the cluster as it was ----------

/** How many decisions of each kind the properties saw: guards against vacuous generators. */
const seen = { bound: 0, unschedulable: 0, constrainedBound: 0 };

function replayBatch(pending: Pod[], cluster: Cluster, profile: SchedulingProfile, seed: number, exhaustiveCheck = false) {
  const result = scheduleBatch(pending, cluster, profile, seededRng(seed));
  const bindings = new Map(result.bindings.map((b) => [b.pod, b.nodeName]));
  const failed = new Map(result.unschedulable.map((u) => [u.pod, u]));
  expect(bindings.size).toBe(result.bindings.length); // never bound twice
  let current: Cluster = { nodes: cluster.nodes, pods: [...cluster.pods] };
  const names = new Set<string>();
  let skipped = 0;
  for (const pod of pending) {
    const boundAlready = current.pods.some((p) => p.name === pod.name && p.nodeName !== null);
    if (names.has(pod.name) || pod.nodeName !== null || boundAlready) {
      skipped++;
      names.add(pod.name);
      continue;
    }
    names.add(pod.name);
    const nodeName = bindings.get(pod.name);
    if (exhaustiveCheck) {
      const reference = schedule(pod, current, { kind: "default", percentageOfNodesToScore: 100 }, seededRng(seed));
      expect(reference.unschedulable).toBe(nodeName === undefined);
    }
    if (nodeName !== undefined) {
      const node = current.nodes.find((n) => n.name === nodeName)!;
      expect(feasibleByReference(pod, node, current), `${pod.name} → ${nodeName}`).toBe(true);
      seen.bound++;
      const { podAffinity, podAntiAffinity, topologySpread } = pod.affinity;
      if (podAffinity ?? podAntiAffinity ?? topologySpread) seen.constrainedBound++;
      current = { nodes: current.nodes, pods: [...current.pods, { ...pod, nodeName }] };
    } else {
      const report = failed.get(pod.name)!;
      expect(report.table.map((row) => row.node)).toEqual(current.nodes.map((n) => n.name));
      for (const node of current.nodes) expect(feasibleByReference(pod, node, current), `${pod.name} fits ${node.name}`).toBe(false);
      seen.unschedulable++;
    }
  }
  expect(result.skipped).toHaveLength(skipped);
  return current;
}

function expectNoOvercommit(cluster: Cluster) {
  for (const node of cluster.nodes) {
    const on = cluster.pods.filter((p) => p.nodeName === node.name);
    expect(on.length).toBeLessThanOrEqual(node.allocatable.pods);
    expect(on.reduce((s, p) => s + p.requests.cpuMillis, 0)).toBeLessThanOrEqual(node.allocatable.cpuMillis);
    expect(on.reduce((s, p) => s + p.requests.memoryMiB, 0)).toBeLessThanOrEqual(node.allocatable.memoryMiB);
  }
}

describe("scheduling invariants (fast-check)", () => {
  test("every profile: bindings pass every filter (cordon, Ready, taints, selector, affinity, spread, resources); unschedulable means no node fits; no over-commit; no double binding", () => {
    fc.assert(
      fc.property(clusterArb(1, 10), pendingArb, fc.constantFrom(...PROFILES), fc.nat(), (cluster, pending, profile, seed) => {
        expectNoOvercommit(replayBatch(pending, cluster, profile, seed));
      }),
      { numRuns: 300 },
    );
    expect(seen.bound).toBeGreaterThan(500);
    expect(seen.unschedulable).toBeGreaterThan(100);
    expect(seen.constrainedBound).toBeGreaterThan(100);
  });

  test("drain plans never place onto the drained node, and every move passes the filters in order", () => {
    fc.assert(
      fc.property(clusterArb(1, 8), fc.constantFrom(...PROFILES), fc.nat(), (cluster, profile, seed) => {
        const drained = cluster.nodes[seed % cluster.nodes.length]!.name;
        const plan = planDrain(drained, cluster, profile, seededRng(seed));
        const evicted = cluster.pods.filter((p) => p.nodeName === drained);
        expect([...plan.moves.map((m) => m.pod), ...plan.unplaced.map((u) => u.pod)].sort()).toEqual(evicted.map((p) => p.name).sort());
        const nodes = cluster.nodes.map((n) => (n.name === drained ? { ...n, unschedulable: true } : n));
        let current: Cluster = { nodes, pods: cluster.pods.filter((p) => p.nodeName !== drained) };
        const moves = new Map(plan.moves.map((m) => [m.pod, m.to]));
        for (const pod of evicted) {
          const to = moves.get(pod.name);
          if (to === undefined) continue;
          expect(to).not.toBe(drained);
          expect(feasibleByReference(pod, nodes.find((n) => n.name === to)!, current)).toBe(true);
          current = { nodes, pods: [...current.pods, { ...pod, nodeName: to }] };
        }
        expectNoOvercommit(current);
      }),
      { numRuns: 200 },
    );
  });

  test("sampling (percentageOfNodesToScore) may choose another node but never an infeasible one, and is unschedulable exactly when exhaustive search is", () => {
    fc.assert(
      fc.property(clusterArb(100, 140), pendingArb, fc.nat(), (cluster, pending, seed) => {
        // 1% of ≤140 nodes → kube's floor of 100 feasible nodes: a real sample of the cluster.
        replayBatch(pending, cluster, { kind: "default", percentageOfNodesToScore: 1 }, seed, true);
      }),
      { numRuns: 25 },
    );
  });
});
