import "server-only";
import type { BackendHealth } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit";
import { db } from "../../db";
import type { EngineWriteCtx } from "./types";

export interface DesiredEndpoint {
  podId: string;
  address: string;
  port: number;
}

/**
 * Service discovery: make a pool's pod-backed backends exactly its owner's ready pods. Backends added by hand
 * (no pod) are left alone. A pod that moves to a new port replaces its backend.
 */
export async function syncPoolEndpoints({ ctx, fence }: EngineWriteCtx, poolId: string, desired: DesiredEndpoint[]): Promise<void> {
  await db.$transaction(async (tx) => {
    await fence(tx);
    const current = await tx.backend.findMany({ where: { poolId, podId: { not: null } } });
    const key = (e: { podId: string | null; address: string; port: number }) => `${e.podId}|${e.address}|${e.port}`;
    const want = new Map(desired.map((d) => [key(d), d]));
    const have = new Map(current.map((b) => [key(b), b]));
    for (const [k, backend] of have) {
      if (want.has(k)) continue;
      await tx.backend.delete({ where: { id: backend.id } });
      await writeAudit(tx, ctx, { verb: "deregister", objectType: "backend", objectId: backend.id, objectName: `${backend.address}:${backend.port}` });
    }
    for (const [k, endpoint] of want) {
      if (have.has(k)) continue;
      const created = await tx.backend.upsert({
        where: { poolId_address_port: { poolId, address: endpoint.address, port: endpoint.port } },
        create: { poolId, address: endpoint.address, port: endpoint.port, podId: endpoint.podId },
        update: { podId: endpoint.podId, health: "unknown", version: { increment: 1 } },
      });
      await writeAudit(tx, ctx, { verb: "register", objectType: "backend", objectId: created.id, objectName: `${endpoint.address}:${endpoint.port}` });
    }
  });
}

/** A health check changed a backend's state: store it, its history row and the audit row together. */
export async function recordHealthTransition(
  { ctx, fence }: EngineWriteCtx,
  t: { backendId: string; poolId: string; from: BackendHealth; to: BackendHealth; reason: string; detail: string | null; at: Date },
): Promise<void> {
  await db.$transaction(async (tx) => {
    await fence(tx);
    // Observed state: it does not bump `version`, which guards what people edit (weight, maxConnections).
    const updated = await tx.backend.updateMany({ where: { id: t.backendId }, data: { health: t.to } });
    if (updated.count === 0) return; // deregistered meanwhile
    await tx.healthTransition.create({ data: t });
    await writeAudit(tx, ctx, {
      verb: "health",
      objectType: "backend",
      objectId: t.backendId,
      before: { health: t.from },
      after: { health: t.to, reason: t.reason },
    });
  });
}

export async function savePoolStats({ fence }: EngineWriteCtx, stats: Array<{ poolId: string; stats: object }>, at: Date): Promise<void> {
  if (stats.length === 0) return;
  await db.$transaction(async (tx) => {
    await fence(tx);
    for (const s of stats) {
      await tx.poolStats.upsert({ where: { poolId: s.poolId }, create: { poolId: s.poolId, at, stats: s.stats }, update: { at, stats: s.stats } });
    }
  });
}
