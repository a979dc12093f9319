import { downloadLogs } from "@/lib/server/dal/logs";
import { apiRoute, queryObject } from "@/lib/server/http/route";

/** The records `GET /api/v1/logs` would page through, as one text file: one record per line, newest first. */
export const GET = apiRoute(async (req, ctx) => {
  const body = downloadLogs({ ctx, query: queryObject(req) });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(body, {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="stratus-logs-${stamp}.log"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
