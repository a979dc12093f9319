import "server-only";
import type { Node as NodeRow } from "@/lib/generated/prisma/client";
import { ListQuery } from "@/lib/schemas/list";
import { CreateNodeInput, UpdateNodeInput, type NodeResources, type Taint } from "@/lib/schemas/node";
import { z } from "zod";
import { defineCrud, defined } from "./crud";
import { iso } from "./versioned";

export interface NodeCondition {
  type: string;
  status: "True" | "False" | "Unknown";
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export interface ClusterNode {
  id: string;
  name: string;
  capacity: NodeResources;
  allocatable: NodeResources;
  labels: Record<string, string>;
  taints: Taint[];
  conditions: NodeCondition[];
  unschedulable: boolean;
  ready: boolean;
  heartbeatAt: string | null;
  /** Simulated machine failure: the node agent stopped heartbeating and its pods' processes died. */
  agentStopped: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const isReady = (conditions: NodeCondition[]) => conditions.some((c) => c.type === "Ready" && c.status === "True");

export const toNode = (n: NodeRow): ClusterNode => {
  const conditions = n.conditions as unknown as NodeCondition[];
  return {
    id: n.id,
    name: n.name,
    capacity: n.capacity as unknown as NodeResources,
    allocatable: n.allocatable as unknown as NodeResources,
    labels: n.labels as Record<string, string>,
    taints: n.taints as unknown as Taint[],
    conditions,
    unschedulable: n.unschedulable,
    ready: isReady(conditions),
    heartbeatAt: n.heartbeatAt ? iso(n.heartbeatAt) : null,
    agentStopped: n.agentStopped,
    version: n.version,
    createdAt: iso(n.createdAt),
    updatedAt: iso(n.updatedAt),
  };
};

export const nodesDal = defineCrud({
  what: "Node",
  objectType: "node",
  model: (tx) => tx.node,
  toOutput: toNode,
  listQuery: ListQuery.extend({ unschedulable: z.enum(["true", "false"]).optional() }),
  filters: (q) => (q.unschedulable ? [{ unschedulable: q.unschedulable === "true" }] : []),
  searchField: "name",
  sortable: ["name", "createdAt", "updatedAt"],
  defaultSort: "name",
  createSchema: CreateNodeInput,
  createData: (input) => ({
    name: input.name,
    capacity: input.capacity,
    allocatable: input.allocatable ?? input.capacity,
    labels: input.labels,
    taints: input.taints,
    conditions: input.conditions,
    unschedulable: input.unschedulable,
  }),
  updateSchema: UpdateNodeInput,
  updateData: (input) =>
    defined({
      name: input.name,
      capacity: input.capacity,
      allocatable: input.allocatable,
      labels: input.labels,
      taints: input.taints,
      conditions: input.conditions,
      unschedulable: input.unschedulable,
    }),
});

export const { list: listNodes, get: getNode, create: createNode, update: updateNode, remove: deleteNode } = nodesDal;
