import { remediateAlert } from "@/lib/server/dal/alert-remediation";
import { apiRoute, json } from "@/lib/server/http/route";

/** Carry out the firing alert's remediation: `{alert, action, summary}`; 409 when it is not firing or already done. */
export const POST = apiRoute(async (_req, ctx, { id }) => json(await remediateAlert({ ctx, id: id! })));
