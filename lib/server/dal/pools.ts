import "server-only";
import { z } from "zod";
import type { Pool as PoolRow } from "@/lib/generated/prisma/client";
import { ListQuery } from "@/lib/schemas/list";
import { CreatePoolInput, PoolAlgorithms, UpdatePoolInput, type HealthCheck, type PoolAlgorithm } from "@/lib/schemas/pool";
import { defineCrud, defined } from "./crud";
import { iso } from "./versioned";

export interface Pool {
  id: string;
  name: string;
  algorithm: PoolAlgorithm;
  listenPort: number | null;
  healthCheck: HealthCheck;
  ownerId: string | null;
  labels: Record<string, string>;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const toPool = (p: PoolRow): Pool => ({
  id: p.id,
  name: p.name,
  algorithm: p.algorithm,
  listenPort: p.listenPort,
  healthCheck: p.healthCheck as HealthCheck,
  ownerId: p.ownerId,
  labels: p.labels as Record<string, string>,
  version: p.version,
  createdAt: iso(p.createdAt),
  updatedAt: iso(p.updatedAt),
});

export const poolsDal = defineCrud({
  what: "Pool",
  objectType: "pool",
  model: (tx) => tx.pool,
  toOutput: toPool,
  listQuery: ListQuery.extend({ algorithm: z.enum(PoolAlgorithms).optional() }),
  filters: (q) => (q.algorithm ? [{ algorithm: q.algorithm }] : []),
  searchField: "name",
  sortable: ["name", "algorithm", "createdAt", "updatedAt"],
  defaultSort: "name",
  createSchema: CreatePoolInput,
  createData: (input) => ({
    name: input.name,
    algorithm: input.algorithm,
    listenPort: input.listenPort ?? null,
    healthCheck: input.healthCheck,
    ownerId: input.ownerId ?? null,
    labels: input.labels,
  }),
  updateSchema: UpdatePoolInput,
  updateData: (input) =>
    defined({
      name: input.name,
      algorithm: input.algorithm,
      listenPort: input.listenPort,
      healthCheck: input.healthCheck,
      ownerId: input.ownerId,
      labels: input.labels,
    }),
});

export const { list: listPools, get: getPool, create: createPool, update: updatePool, remove: deletePool } = poolsDal;
