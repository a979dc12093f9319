import { db } from "@/lib/server/db";

/** Empty every table but the migration history, so each test starts from a known state. */
export async function resetDatabase(): Promise<void> {
  await db.$executeRaw`TRUNCATE "Backend", "Pool", "Pod", "Node", "Resource", "Quota", "AuditEvent" RESTART IDENTITY CASCADE`;
}
