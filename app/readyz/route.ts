import { checkDatabase } from "@/lib/server/readiness";

/** Readiness: the database answers and the schema is migrated. */
export const dynamic = "force-dynamic";
export async function GET() {
  const database = await checkDatabase();
  return Response.json({ status: database.ok ? "ready" : "not ready", checks: { database } }, { status: database.ok ? 200 : 503 });
}
