import { createSilence, listSilences } from "@/lib/server/dal/silences";
import { apiRoute, json, queryObject, readJsonObject } from "@/lib/server/http/route";

/** Silences, newest first (`state`: active, pending, expired); POST `{matchers: [{label, value}], comment, startsAt?, endsAt}`. */
export const GET = apiRoute(async (req, ctx) => json(await listSilences({ ctx, query: queryObject(req) })));
export const POST = apiRoute(async (req, ctx) => json(await createSilence({ ctx, input: await readJsonObject(req) }), 201));
