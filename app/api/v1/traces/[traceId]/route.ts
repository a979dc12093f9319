import { getTrace } from "@/lib/server/dal/traces";
import { apiRoute, json } from "@/lib/server/http/route";

/** One trace: its spans by start time, and the pools and pods they name. */
export const GET = apiRoute(async (_req, ctx, params) => json(await getTrace({ ctx, traceId: params.traceId ?? "" })));
