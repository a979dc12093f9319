import { getDemoLoad, setDemoLoad } from "@/lib/server/dal/demo-load";
import { apiRoute, json, readJsonObject } from "@/lib/server/http/route";

/** The demo's simulated traffic (a load generator in the worker aimed at a pool's listener). */
export const GET = apiRoute(async (_req, ctx) => json(await getDemoLoad({ ctx })));
export const PUT = apiRoute(async (req, ctx) => json(await setDemoLoad({ ctx, input: await readJsonObject(req) })));
