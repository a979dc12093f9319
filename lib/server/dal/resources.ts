import "server-only";
import { z } from "zod";
import type { Resource as ResourceRow } from "@/lib/generated/prisma/client";
import { ListQuery } from "@/lib/schemas/list";
import {
  CreateResourceInput,
  ResourceKinds,
  specSchemaByKind,
  UpdateResourceInput,
  type ResourceKind,
} from "@/lib/schemas/resource";
import { invalid } from "../errors";
import { toFieldErrors } from "../validation";
import { defineCrud, defined } from "./crud";
import { assertWithinQuota, lockResourceQuota } from "./quota";
import { iso } from "./versioned";

export interface Resource {
  id: string;
  name: string;
  kind: ResourceKind;
  labels: Record<string, string>;
  spec: Record<string, unknown>;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const toResource = (r: ResourceRow): Resource => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  labels: r.labels as Record<string, string>,
  spec: r.spec as Record<string, unknown>,
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

/** PATCH merges the given spec fields into the current spec (RFC 7396 style, one level) and re-validates it. */
function mergeSpec(kind: ResourceKind, current: Record<string, unknown>, patch: Record<string, unknown>): object {
  const result = specSchemaByKind[kind].safeParse({ ...current, ...patch });
  if (!result.success) throw invalid(toFieldErrors(result.error).map((e) => ({ ...e, path: `spec.${e.path}` })));
  return result.data;
}

export const resourcesDal = defineCrud({
  what: "Resource",
  objectType: "resource",
  model: (tx) => tx.resource,
  toOutput: toResource,
  listQuery: ListQuery.extend({ kind: z.enum(ResourceKinds).optional() }),
  filters: (q) => (q.kind ? [{ kind: q.kind }] : []),
  searchField: "name",
  sortable: ["name", "kind", "createdAt", "updatedAt"],
  defaultSort: "-createdAt",
  createSchema: CreateResourceInput,
  // The quota lock serialises concurrent creates so `maxInstances` can never be exceeded (the seed's invariant).
  beforeCreate: async (tx) => {
    const maxInstances = await lockResourceQuota(tx); // lock first, then count: the count must see every commit
    assertWithinQuota(await tx.resource.count(), maxInstances);
  },
  createData: (input) => ({ name: input.name, kind: input.kind, labels: input.labels, spec: input.spec }),
  updateSchema: UpdateResourceInput,
  updateData: (input, current) =>
    defined({
      name: input.name,
      labels: input.labels,
      spec: input.spec ? mergeSpec(current.kind, current.spec as Record<string, unknown>, input.spec) : undefined,
    }),
  // Concurrent creates queue on the quota lock: give them room to wait instead of failing fast.
  transaction: { maxWait: 30_000, timeout: 30_000 },
});

export const {
  list: listResources,
  get: getResource,
  create: createResource,
  update: updateResource,
  remove: deleteResource,
} = resourcesDal;
