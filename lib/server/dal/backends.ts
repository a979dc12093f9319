import "server-only";
import { z } from "zod";
import type { Backend as BackendRow } from "@/lib/generated/prisma/client";
import { ListQuery, type Page } from "@/lib/schemas/list";
import { BackendHealths, CreateBackendInput, UpdateBackendInput } from "@/lib/schemas/pool";
import type { Ctx } from "../auth/principal";
import { AppError, notFound } from "../errors";
import { defineCrud, defined } from "./crud";
import { getPool } from "./pools";
import { iso } from "./versioned";

export interface Backend {
  id: string;
  poolId: string;
  address: string;
  port: number;
  weight: number;
  maxConnections: number;
  health: (typeof BackendHealths)[number];
  /** Taken out of rotation (by an operator or an alert's remediation): the data plane sends it nothing new. */
  disabled: boolean;
  podId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const toBackend = (b: BackendRow): Backend => ({
  id: b.id,
  poolId: b.poolId,
  address: b.address,
  port: b.port,
  weight: b.weight,
  maxConnections: b.maxConnections,
  health: b.health,
  disabled: b.disabled,
  podId: b.podId,
  version: b.version,
  createdAt: iso(b.createdAt),
  updatedAt: iso(b.updatedAt),
});

const backends = defineCrud({
  what: "Backend",
  objectType: "backend",
  model: (tx) => tx.backend,
  toOutput: toBackend,
  listQuery: ListQuery.extend({
    poolId: z.uuid(),
    health: z.enum(BackendHealths).optional(),
    // Backends carry no labels: a selector would filter on a column that does not exist.
    selector: z.never({ message: "Backends have no labels to select on" }).optional(),
  }),
  filters: (q) => [{ poolId: q.poolId }, ...(q.health ? [{ health: q.health }] : [])],
  label: (row) => `${row.address}:${row.port}`,
  searchField: "address",
  sortable: ["address", "port", "weight", "health", "createdAt"],
  defaultSort: "createdAt",
  createSchema: CreateBackendInput.extend({ poolId: z.uuid() }),
  createData: (input) => ({
    poolId: input.poolId,
    address: input.address,
    port: input.port,
    weight: input.weight,
    maxConnections: input.maxConnections,
  }),
  updateSchema: UpdateBackendInput,
  updateData: (input) => defined({ weight: input.weight, maxConnections: input.maxConnections, health: input.health, disabled: input.disabled }),
});

/** Backends live under a pool: every call first proves the pool exists (404 otherwise) and the backend is its own. */
async function ownedBackend(ctx: Ctx, poolId: string, backendId: string): Promise<Backend> {
  await getPool({ ctx, id: poolId });
  const backend = await backends.get({ ctx, id: backendId });
  if (backend.poolId !== poolId) throw notFound("Backend");
  return backend;
}

export async function listBackends({ ctx, poolId, query }: { ctx: Ctx; poolId: string; query: Record<string, unknown> }): Promise<Page<Backend>> {
  await getPool({ ctx, id: poolId });
  return backends.list({ ctx, query: { ...query, poolId } });
}

export async function getBackend({ ctx, poolId, id }: { ctx: Ctx; poolId: string; id: string }): Promise<Backend> {
  return ownedBackend(ctx, poolId, id);
}

export async function createBackend({ ctx, poolId, input }: { ctx: Ctx; poolId: string; input: unknown }): Promise<Backend> {
  await getPool({ ctx, id: poolId });
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new AppError("BAD_REQUEST", "The request body must be a JSON object.");
  }
  return backends.create({ ctx, input: { ...input, poolId } });
}

export async function updateBackend({ ctx, poolId, id, input }: { ctx: Ctx; poolId: string; id: string; input: unknown }): Promise<Backend> {
  await ownedBackend(ctx, poolId, id);
  return backends.update({ ctx, id, input });
}

export async function deleteBackend({ ctx, poolId, id, version }: { ctx: Ctx; poolId: string; id: string; version?: number }): Promise<void> {
  await ownedBackend(ctx, poolId, id);
  return backends.remove({ ctx, id, version });
}
