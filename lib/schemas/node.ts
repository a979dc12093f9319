import { z } from "zod";
import { Labels, ObjectName, Version } from "./common";

export const NodeResources = z.object({
  cpuMillis: z.number().int().min(1).max(10_000_000),
  memoryMiB: z.number().int().min(1).max(100_000_000),
  pods: z.number().int().min(1).max(10_000),
});
export type NodeResources = z.infer<typeof NodeResources>;

export const TaintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"] as const;
export const Taint = z.object({
  key: z.string().trim().min(1, "Taint key is required").max(253),
  value: z.string().max(63).optional(),
  effect: z.enum(TaintEffects),
});
export type Taint = z.infer<typeof Taint>;

export const NodeCondition = z.object({
  type: z.string().min(1).max(63),
  status: z.enum(["True", "False", "Unknown"]),
  reason: z.string().max(128).optional(),
  message: z.string().max(1024).optional(),
  lastTransitionTime: z.iso.datetime().optional(),
});

const nodeFields = {
  name: ObjectName,
  capacity: NodeResources,
  /** Defaults to capacity: what the node offers to pods after system reservations. */
  allocatable: NodeResources.optional(),
  labels: Labels,
  taints: z.array(Taint).max(64).default([]),
  conditions: z.array(NodeCondition).max(32).default([{ type: "Ready", status: "True" }]),
  unschedulable: z.boolean().default(false),
};

function allocatableWithinCapacity(n: { capacity?: NodeResources; allocatable?: NodeResources }, ctx: z.RefinementCtx) {
  if (!n.capacity || !n.allocatable) return;
  for (const k of ["cpuMillis", "memoryMiB", "pods"] as const) {
    if (n.allocatable[k] > n.capacity[k]) {
      ctx.addIssue({ code: "custom", path: ["allocatable", k], message: `Allocatable ${k} exceeds capacity` });
    }
  }
}

export const CreateNodeInput = z.object(nodeFields).superRefine(allocatableWithinCapacity);
export type CreateNodeInput = z.infer<typeof CreateNodeInput>;

export const UpdateNodeInput = z
  .object({
    version: Version,
    name: nodeFields.name.optional(),
    capacity: NodeResources.optional(),
    allocatable: NodeResources.optional(),
    labels: Labels.optional(),
    taints: z.array(Taint).max(64).optional(),
    conditions: z.array(NodeCondition).max(32).optional(),
    unschedulable: z.boolean().optional(),
  })
  .superRefine(allocatableWithinCapacity);
export type UpdateNodeInput = z.infer<typeof UpdateNodeInput>;

/** `POST /api/v1/nodes/{id}/agent`: stop (a simulated machine failure) or start the node's local agent. */
export const SetNodeAgentInput = z.object({ stopped: z.boolean({ message: "Send true to stop the agent, false to start it" }) });
export type SetNodeAgentInput = z.infer<typeof SetNodeAgentInput>;
