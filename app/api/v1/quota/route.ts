import { getQuota, updateQuota } from "@/lib/server/dal/quota-api";
import { apiRoute, json, readJsonObject } from "@/lib/server/http/route";

/** The resource quota (the seed's maxInstances): GET for anyone signed in, PUT for admins. */
export const GET = apiRoute(async (_req, ctx) => json(await getQuota({ ctx })));
export const PUT = apiRoute(async (req, ctx) => json(await updateQuota({ ctx, input: await readJsonObject(req) })));
