import "server-only";
import { z } from "zod";
import { authorize, type Ctx } from "../auth/principal";
import { writeAudit } from "../audit";
import { db } from "../db";
import { parseInput } from "../validation";
import { getResourceQuota, setResourceQuota } from "./quota";

export const UpdateQuotaInput = z.object({ maxInstances: z.number().int().min(0).max(1_000_000) });

export async function getQuota({ ctx }: { ctx: Ctx }) {
  authorize(ctx, "read", { verb: "read", objectType: "quota" });
  return getResourceQuota(db);
}

/** Admins set maxInstances; lowering it below the current count blocks new creates but deletes nothing. */
export async function updateQuota({ ctx, input }: { ctx: Ctx; input: unknown }) {
  authorize(ctx, "admin", { verb: "update", objectType: "quota" });
  const { maxInstances } = parseInput(UpdateQuotaInput, input);
  return db.$transaction(async (tx) => {
    const before = await getResourceQuota(tx);
    await setResourceQuota(tx, maxInstances);
    await writeAudit(tx, ctx, { verb: "update", objectType: "quota", objectName: "resources", before: { maxInstances: before.maxInstances }, after: { maxInstances } });
    return { ...before, maxInstances };
  });
}
