import { db } from "@/lib/server/db";

/**
 * Empty every table but the migration history, so each test starts from a known state. The list comes from the
 * catalog, so a new model needs no change here.
 */
export async function resetDatabase(): Promise<void> {
  await db.$executeRaw`DO $$ BEGIN
    EXECUTE (SELECT 'TRUNCATE ' || string_agg(format('%I', tablename), ', ') || ' RESTART IDENTITY CASCADE'
             FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations');
  END $$`;
}
