import "server-only";
import { AppError } from "../errors";
import type { Tx } from "../db";

const DEFAULT_MAX_INSTANCES = Number(process.env.STRATUS_MAX_INSTANCES ?? 100);

/**
 * Lock the resource quota row for the rest of the transaction. Concurrent creates queue on this lock, so the count
 * they read is exact and `maxInstances` can never be exceeded (the seed's Lean invariant).
 */
export async function lockResourceQuota(tx: Tx): Promise<number> {
  await tx.$executeRaw`INSERT INTO "Quota" (scope, "maxInstances", "updatedAt") VALUES ('resources', ${DEFAULT_MAX_INSTANCES}, now()) ON CONFLICT (scope) DO NOTHING`;
  const rows = await tx.$queryRaw<Array<{ maxInstances: number }>>`SELECT "maxInstances" FROM "Quota" WHERE scope = 'resources' FOR UPDATE`;
  return rows[0]!.maxInstances;
}

export function assertWithinQuota(count: number, maxInstances: number): void {
  if (count + 1 > maxInstances) {
    throw new AppError(
      "QUOTA_EXCEEDED",
      `Quota exceeded: ${count} of ${maxInstances} resources exist (maxInstances). Delete one or ask an admin to raise the quota.`,
    );
  }
}

export async function getResourceQuota(tx: Tx): Promise<{ maxInstances: number; used: number }> {
  const row = await tx.quota.findUnique({ where: { scope: "resources" } });
  return { maxInstances: row?.maxInstances ?? DEFAULT_MAX_INSTANCES, used: await tx.resource.count() };
}

export async function setResourceQuota(tx: Tx, maxInstances: number): Promise<void> {
  await tx.quota.upsert({ where: { scope: "resources" }, create: { scope: "resources", maxInstances }, update: { maxInstances } });
}
