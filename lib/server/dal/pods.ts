import "server-only";
import { z } from "zod";
import type { Pod as PodRow } from "@/lib/generated/prisma/client";
import { ListQuery } from "@/lib/schemas/list";
import { CreatePodInput, PodPhases, UpdatePodInput, type PodPhase } from "@/lib/schemas/pod";
import { defineCrud, defined } from "./crud";
import { deregisterPodBackends } from "./pod-backends";
import { iso } from "./versioned";

export interface Pod {
  id: string;
  name: string;
  ownerId: string | null;
  labels: Record<string, string>;
  requests: { cpuMillis: number; memoryMiB: number };
  containers: Array<{ name: string; image: string; ports: Array<{ containerPort: number }> }>;
  volumes: Array<{ name: string; mountPath: string }>;
  nodeSelector: Record<string, string>;
  tolerations: Array<Record<string, string | undefined>>;
  affinity: Record<string, unknown>;
  nodeName: string | null;
  phase: PodPhase;
  ready: boolean;
  /** Observed by the runtime: why the phase is what it is (e.g. "process killed by SIGKILL"). */
  message: string | null;
  /** Where the pod's process listens on this machine (the local runtime's stand-in for a pod IP). */
  hostPort: number | null;
  pid: number | null;
  startedAt: string | null;
  /** The latest reading of the pod's process. */
  usage: PodUsage | null;
  /** An operator asked to kill the process; the runtime acts on it and clears it. */
  killRequested: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PodUsage {
  cpuMillicores: number | null;
  memoryMiB: number | null;
  at: string;
}

export const toPod = (p: PodRow): Pod => ({
  id: p.id,
  name: p.name,
  ownerId: p.ownerId,
  labels: p.labels as Record<string, string>,
  requests: p.requests as Pod["requests"],
  containers: p.containers as Pod["containers"],
  volumes: p.volumes as Pod["volumes"],
  nodeSelector: p.nodeSelector as Record<string, string>,
  tolerations: p.tolerations as Pod["tolerations"],
  affinity: p.affinity as Record<string, unknown>,
  nodeName: p.nodeName,
  phase: p.phase,
  ready: p.ready,
  message: p.message,
  hostPort: p.hostPort,
  pid: p.pid,
  startedAt: p.startedAt ? iso(p.startedAt) : null,
  usage: (p.usage as PodUsage | null) ?? null,
  killRequested: p.killRequested,
  version: p.version,
  createdAt: iso(p.createdAt),
  updatedAt: iso(p.updatedAt),
});

export const podsDal = defineCrud({
  what: "Pod",
  objectType: "pod",
  model: (tx) => tx.pod,
  toOutput: toPod,
  listQuery: ListQuery.extend({
    phase: z.enum(PodPhases).optional(),
    nodeName: z.string().max(63).optional(),
    ownerId: z.uuid().optional(),
  }),
  filters: (q) => [
    ...(q.phase ? [{ phase: q.phase }] : []),
    ...(q.nodeName ? [{ nodeName: q.nodeName }] : []),
    ...(q.ownerId ? [{ ownerId: q.ownerId }] : []),
  ],
  searchField: "name",
  sortable: ["name", "phase", "nodeName", "createdAt", "updatedAt"],
  defaultSort: "-createdAt",
  createSchema: CreatePodInput,
  createData: (input) => ({
    name: input.name,
    ownerId: input.ownerId ?? null,
    labels: input.labels,
    requests: input.requests,
    containers: input.containers,
    volumes: input.volumes,
    nodeSelector: input.nodeSelector,
    tolerations: input.tolerations,
    affinity: input.affinity,
    nodeName: input.nodeName ?? null,
  }),
  updateSchema: UpdatePodInput,
  updateData: (input) => defined({ labels: input.labels, nodeName: input.nodeName, phase: input.phase, ready: input.ready }),
  beforeDelete: (tx, pod, ctx) => deregisterPodBackends(tx, ctx, pod.id),
});

export const { list: listPods, get: getPod, create: createPod, update: updatePod, remove: deletePod } = podsDal;
