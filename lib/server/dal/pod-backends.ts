import "server-only";
import type { Ctx } from "../auth/principal";
import { writeAudit } from "../audit";
import type { Tx } from "../db";

/**
 * A pod's endpoints go with it. Without this the backend's pod link would be nulled by the foreign key and the
 * backend would linger as if added by hand, pointing at a port nothing listens on.
 */
export async function deregisterPodBackends(tx: Tx, ctx: Ctx, podId: string): Promise<void> {
  const backends = await tx.backend.findMany({ where: { podId }, select: { id: true, address: true, port: true } });
  if (backends.length === 0) return;
  await tx.backend.deleteMany({ where: { id: { in: backends.map((b) => b.id) } } });
  for (const b of backends) await writeAudit(tx, ctx, { verb: "deregister", objectType: "backend", objectId: b.id, objectName: `${b.address}:${b.port}` });
}
