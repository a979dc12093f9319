import "server-only";
import { db, type Tx } from "@/lib/server/db";

/**
 * Leader election through one Postgres row, with a fencing epoch. A holder renews before `expiresAt`; anyone may
 * take an expired lease, which bumps the epoch. Every engine write runs `fence` in its own transaction: it holds a
 * share lock on the lease row and checks holder + epoch + expiry, so a paused old leader's writes are refused, and a
 * takeover waits for writes already under way to commit.
 */
export interface Lease {
  holder: string;
  epoch: number;
  expiresAt: Date;
}

export class FencedError extends Error {
  constructor(readonly holder: string, readonly epoch: number) {
    super(`Engine write refused: ${holder} no longer holds the lease at epoch ${epoch}.`);
    this.name = "FencedError";
  }
}

const LEASE = "engine";

/** Acquire or renew; null when another live holder has it. Times come from the database clock, shared by all workers. */
export async function acquireLease(holder: string, ttlMs: number): Promise<Lease | null> {
  const rows = await db.$queryRaw<Array<{ holder: string; epoch: number; expiresAt: Date }>>`
    INSERT INTO "EngineLease" (name, holder, epoch, "expiresAt", "renewedAt")
    VALUES (${LEASE}, ${holder}, 1, now() + ${ttlMs} * interval '1 millisecond', now())
    ON CONFLICT (name) DO UPDATE SET
      holder = EXCLUDED.holder,
      epoch = CASE WHEN "EngineLease".holder = EXCLUDED.holder AND "EngineLease"."expiresAt" > now()
                   THEN "EngineLease".epoch ELSE "EngineLease".epoch + 1 END,
      "expiresAt" = EXCLUDED."expiresAt",
      "renewedAt" = now()
    WHERE "EngineLease".holder = EXCLUDED.holder OR "EngineLease"."expiresAt" <= now()
    RETURNING holder, epoch, "expiresAt"`;
  return rows[0] ?? null;
}

/** Give the lease up on shutdown so another worker takes over at once instead of after the TTL. */
export async function releaseLease(holder: string): Promise<void> {
  await db.$executeRaw`UPDATE "EngineLease" SET "expiresAt" = now() WHERE name = ${LEASE} AND holder = ${holder}`;
}

export async function readLease(): Promise<(Lease & { renewedAt: Date; live: boolean }) | null> {
  const rows = await db.$queryRaw<Array<Lease & { renewedAt: Date; live: boolean }>>`
    SELECT holder, epoch, "expiresAt", "renewedAt", "expiresAt" > now() AS live FROM "EngineLease" WHERE name = ${LEASE}`;
  return rows[0] ?? null;
}

/** A fence for one lease: call it first inside every engine write transaction. */
export function fenceFor(lease: Pick<Lease, "holder" | "epoch">) {
  return async (tx: Tx): Promise<void> => {
    const rows = await tx.$queryRaw<Array<{ ok: number }>>`
      SELECT 1 AS ok FROM "EngineLease"
      WHERE name = ${LEASE} AND holder = ${lease.holder} AND epoch = ${lease.epoch} AND "expiresAt" > now()
      FOR SHARE`;
    if (rows.length === 0) throw new FencedError(lease.holder, lease.epoch);
  };
}
