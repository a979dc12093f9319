import { listAuditEvents } from "@/lib/server/dal/audit-events";
import { apiRoute, json, queryObject } from "@/lib/server/http/route";

/** The audit trail, newest first: `actor`, `objectType`, `objectId`, `verb`, `outcome`, `from`, `to`, `cursor`, `limit`. */
export const GET = apiRoute(async (req, ctx) => json(await listAuditEvents({ ctx, query: queryObject(req) })));
