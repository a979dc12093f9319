import "server-only";
import { DEFAULT_DEMO_LOAD, DemoLoadInput } from "@/lib/schemas/demo-load";
import { authorize, type Ctx } from "../auth/principal";
import { writeAudit } from "../audit";
import { db } from "../db";
import { parseInput } from "../validation";

const KEY = "demo.loadgen";

/** Read without a principal: the engine's load generator follows this setting. */
export async function readDemoLoad(): Promise<DemoLoadInput> {
  const row = await db.setting.findUnique({ where: { key: KEY } });
  const parsed = DemoLoadInput.safeParse(row?.value ?? DEFAULT_DEMO_LOAD);
  return parsed.success ? parsed.data : DEFAULT_DEMO_LOAD;
}

export async function getDemoLoad({ ctx }: { ctx: Ctx }): Promise<DemoLoadInput> {
  authorize(ctx, "read", { verb: "read", objectType: "setting", objectId: KEY });
  return readDemoLoad();
}

/** Turn the simulated demo traffic on or off (operators), audited like any change. */
export async function setDemoLoad({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<DemoLoadInput> {
  authorize(ctx, "write", { verb: "update", objectType: "setting", objectId: KEY });
  const value = parseInput(DemoLoadInput, input);
  return db.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: KEY } });
    await tx.setting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value } });
    await writeAudit(tx, ctx, { verb: "update", objectType: "setting", objectName: KEY, before: (before?.value as object) ?? DEFAULT_DEMO_LOAD, after: value });
    return value;
  });
}
