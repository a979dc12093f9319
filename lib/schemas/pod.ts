import { z } from "zod";
import { Id, Labels, ObjectName, Port, Version } from "./common";

export const PodPhases = ["pending", "running", "succeeded", "failed", "unknown"] as const;
export type PodPhase = (typeof PodPhases)[number];

export const PodRequests = z.object({
  cpuMillis: z.number().int().min(0).max(256_000),
  memoryMiB: z.number().int().min(0).max(4_194_304),
});

export const PodContainer = z.object({
  name: ObjectName,
  image: z.string().trim().min(1, "Image is required").max(255),
  ports: z.array(z.object({ containerPort: Port })).max(32).default([]),
});

export const Toleration = z.object({
  key: z.string().max(253).optional(),
  operator: z.enum(["Equal", "Exists"]).default("Equal"),
  value: z.string().max(63).optional(),
  effect: z.enum(["NoSchedule", "PreferNoSchedule", "NoExecute"]).optional(),
});

const MatchExpression = z.object({
  key: z.string().min(1).max(253),
  operator: z.enum(["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"]),
  values: z.array(z.string().max(63)).max(64).default([]),
});
const NodeSelectorTerm = z.object({ matchExpressions: z.array(MatchExpression).max(16) });
const PodAffinityTerm = z.object({ labelSelector: z.record(z.string(), z.string()), topologyKey: z.string().min(1) });

export const Affinity = z
  .object({
    nodeAffinity: z
      .object({
        required: z.array(NodeSelectorTerm).max(16).optional(),
        preferred: z.array(z.object({ weight: z.number().int().min(1).max(100), preference: NodeSelectorTerm })).max(16).optional(),
      })
      .optional(),
    podAntiAffinity: z
      .object({
        required: z.array(PodAffinityTerm).max(16).optional(),
        preferred: z.array(z.object({ weight: z.number().int().min(1).max(100), term: PodAffinityTerm })).max(16).optional(),
      })
      .optional(),
    topologySpread: z
      .array(
        z.object({
          maxSkew: z.number().int().min(1),
          topologyKey: z.string().min(1),
          whenUnsatisfiable: z.enum(["DoNotSchedule", "ScheduleAnyway"]).default("DoNotSchedule"),
          labelSelector: z.record(z.string(), z.string()),
        }),
      )
      .max(8)
      .optional(),
  })
  .default({});

export const CreatePodInput = z.object({
  name: ObjectName,
  ownerId: Id.nullish(),
  labels: Labels,
  requests: PodRequests,
  containers: z.array(PodContainer).min(1, "A pod needs at least one container").max(16),
  volumes: z.array(z.object({ name: ObjectName, mountPath: z.string().startsWith("/") })).max(32).default([]),
  nodeSelector: z.record(z.string(), z.string()).default({}),
  tolerations: z.array(Toleration).max(32).default([]),
  affinity: Affinity,
  /** Set to bind directly (bypassing the scheduler), as kube's spec.nodeName does. */
  nodeName: ObjectName.nullish(),
});
export type CreatePodInput = z.infer<typeof CreatePodInput>;

export const UpdatePodInput = z.object({
  version: Version,
  labels: Labels.optional(),
  nodeName: ObjectName.nullish(),
  phase: z.enum(PodPhases).optional(),
  ready: z.boolean().optional(),
});
export type UpdatePodInput = z.infer<typeof UpdatePodInput>;
