import type { DesiredEndpoint } from "@/lib/server/dal/engine/backends";
import type { EnginePod, PoolWithBackends } from "@/lib/server/dal/engine/snapshot";

type PoolBackend = PoolWithBackends["backends"][number];

export interface EndpointPlan {
  /** The pool's pod backends after this pass: every ready pod, plus the not-ready pods' existing backends. */
  readonly endpoints: DesiredEndpoint[];
  /** Backends whose pod exists but is not ready, not yet marked unhealthy, with their pod. */
  readonly turnUnhealthy: Array<{ backend: PoolBackend; pod: EnginePod }>;
  /** Whether `endpoints` differs from the pool's current pod backends. */
  readonly changed: boolean;
}

const key = (e: { podId: string | null; address: string; port: number }) => `${e.podId}\u0000${e.address}\u0000${e.port}`;

/**
 * Service discovery for one pool owned by a workload, in one pass over its pods and backends: ready pods are
 * endpoints; a pod that exists but is not ready keeps its backend, to be marked unhealthy (Kubernetes'
 * notReadyAddresses) until the pod goes; a backend whose pod is gone is dropped.
 */
export function planEndpoints(pool: PoolWithBackends, pods: readonly EnginePod[]): EndpointPlan {
  const ready = new Map<string, DesiredEndpoint>();
  const present = new Map<string, EnginePod>();
  for (const pod of pods) {
    if (pod.ownerId !== pool.ownerId) continue;
    present.set(pod.id, pod);
    if (pod.phase === "running" && pod.ready && pod.hostPort !== null) ready.set(pod.id, { podId: pod.id, address: "127.0.0.1", port: pod.hostPort });
  }
  const endpoints = [...ready.values()];
  const turnUnhealthy: EndpointPlan["turnUnhealthy"] = [];
  const current = new Set<string>();
  for (const backend of pool.backends) {
    if (backend.podId === null) continue;
    current.add(key(backend));
    const pod = present.get(backend.podId);
    if (pod === undefined || ready.has(backend.podId)) continue;
    endpoints.push({ podId: backend.podId, address: backend.address, port: backend.port });
    if (backend.health !== "unhealthy") turnUnhealthy.push({ backend, pod });
  }
  const changed = current.size !== endpoints.length || endpoints.some((e) => !current.has(key(e)));
  return { endpoints, turnUnhealthy, changed };
}
