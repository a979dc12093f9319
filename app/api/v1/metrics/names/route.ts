import { listMetricNames } from "@/lib/server/dal/metrics-query";
import { apiRoute, json } from "@/lib/server/http/route";

/** Every stored metric name with its kind and number of series. */
export const GET = apiRoute(async (_req, ctx) => json({ items: await listMetricNames({ ctx }) }));
