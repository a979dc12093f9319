"use server";

import { drainNode } from "@/lib/server/dal/scheduling";
import type { z } from "zod";
import { parseTaints } from "@/components/nodes/taints";
import { formDataToObject } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/form-state";
import { CreateNodeInput, UpdateNodeInput } from "@/lib/schemas/node";
import { loadOrNotFound } from "@/lib/server/actions/load";
import { forQuery, toFormState } from "@/lib/server/actions/form-action";
import { consoleCtx } from "@/lib/server/auth/session";
import { createNode, deleteNode, getNode, listNodes, updateNode } from "@/lib/server/dal/nodes";
import { setNodeAgent } from "@/lib/server/dal/operations";
import { invalid } from "@/lib/server/errors";
import { toFieldErrors } from "@/lib/server/validation";

/** The taints textarea: free text parsed here (FormData cannot carry an array of objects). */
const TAINTS_FIELD = "taintsText";
const RESOURCE_KEYS = ["cpuMillis", "memoryMiB", "pods"] as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/**
 * The form as the DAL's input: taints parsed from their textarea, and blank allocatable fields taken from capacity
 * (a node with no system reservation offers all of it). A bad taint line is reported with every other field error.
 */
function nodeInput(formData: FormData, schema: z.ZodType): Record<string, unknown> {
  const input = formDataToObject([...formData.entries()].filter(([name]) => name !== TAINTS_FIELD));
  const capacity = isRecord(input.capacity) ? input.capacity : undefined;
  const allocatable = isRecord(input.allocatable) ? input.allocatable : {};
  if (capacity) {
    const filled = { ...allocatable };
    for (const k of RESOURCE_KEYS) {
      // Copy only a usable capacity figure: a bad one is reported once, on capacity, not again on allocatable.
      if (filled[k] === undefined && Number.isInteger(capacity[k]) && (capacity[k] as number) > 0) filled[k] = capacity[k];
    }
    // Complete, or left out (a capacity error is shown first; allocatable is checked again once capacity is fixed).
    if (RESOURCE_KEYS.every((k) => filled[k] !== undefined)) input.allocatable = filled;
    else delete input.allocatable;
  }
  if (formData.has(TAINTS_FIELD)) {
    const parsed = parseTaints(String(formData.get(TAINTS_FIELD) ?? ""));
    if (!parsed.ok) {
      const rest = schema.safeParse({ ...input, taints: [] });
      throw invalid([...(rest.success ? [] : toFieldErrors(rest.error)), { path: "taints", message: parsed.error }]);
    }
    input.taints = parsed.taints;
  }
  return input;
}

export async function listNodesAction(query: Record<string, string | undefined>) {
  return forQuery(async () => listNodes({ ctx: await consoleCtx(), query }));
}

export async function createNodeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const created = await createNode({ ctx: await consoleCtx(), input: nodeInput(formData, CreateNodeInput) });
    return { message: `Registered node ${created.name}.`, redirectTo: `/nodes/${created.id}` };
  });
}

export async function updateNodeAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await consoleCtx();
  return toFormState(
    async () => {
      const updated = await updateNode({ ctx, id, input: nodeInput(formData, UpdateNodeInput) });
      return { message: `Saved ${updated.name} (version ${updated.version}).` };
    },
    async () => (await getNode({ ctx, id })).version,
  );
}

/** Cordon (no new pods) or uncordon a node: an update of `unschedulable` at the version the operator saw. */
export async function setNodeUnschedulableAction(id: string, version: number, unschedulable: boolean): Promise<FormState> {
  const ctx = await consoleCtx();
  return toFormState(
    async () => {
      const updated = await updateNode({ ctx, id, input: { version, unschedulable } });
      return { message: unschedulable ? `Cordoned ${updated.name}: no new pods will be placed on it.` : `Uncordoned ${updated.name}.` };
    },
    async () => (await getNode({ ctx, id })).version,
  );
}

export async function deleteNodeAction(id: string, version: number): Promise<FormState> {
  return toFormState(async () => {
    await deleteNode({ ctx: await consoleCtx(), id, version });
    return { message: "Node deleted. Its pods are unbound and wait for the scheduler.", redirectTo: "/nodes" };
  });
}

/** The node as now observed (heartbeat, conditions, agent), or null once it is gone. */
export async function getNodeAction(id: string) {
  return forQuery(async () => {
    const ctx = await consoleCtx();
    return loadOrNotFound(() => getNode({ ctx, id }));
  });
}

/** Stop (a simulated machine failure) or start the node's agent; the worker acts on its next pass. */
export async function setNodeAgentAction(id: string, stopped: boolean): Promise<FormState> {
  return toFormState(async () => {
    const node = await setNodeAgent({ ctx: await consoleCtx(), id, stopped });
    return {
      message: stopped
        ? `Stopped ${node.name}'s agent: its pods' processes die now; it turns NotReady after missed heartbeats and its pods move soon after.`
        : `Started ${node.name}'s agent: it heartbeats again and turns Ready.`,
    };
  });
}

/** Cordon and drain: evict what other nodes can take; report what they cannot. */
export async function drainNodeAction(id: string): Promise<FormState> {
  return toFormState(async () => {
    const report = await drainNode({ ctx: await consoleCtx(), id });
    const moved = report.moved.length === 1 ? "1 pod evicted" : `${report.moved.length} pods evicted`;
    const left = report.unplaced.length === 0 ? "" : `; ${report.unplaced.map((u) => `${u.pod} stays (${u.summary})`).join("; ")}`;
    return { message: `Drained ${report.node}: cordoned, ${moved} to be re-placed${left}.` };
  });
}
