import "server-only";
import { db } from "./db";

export async function checkDatabase(): Promise<{ ok: boolean; detail: string }> {
  try {
    const rows = await db.$queryRaw<Array<{ migrations: bigint }>>`SELECT count(*) AS migrations FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
    return { ok: true, detail: `${rows[0]?.migrations ?? 0} migrations applied` };
  } catch (error) {
    console.error("Readiness check failed", error);
    return { ok: false, detail: "database unreachable or not migrated" };
  }
}
