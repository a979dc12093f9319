import { z } from "zod";

/** The demo load generator's settings (`PUT /api/v1/demo/load`). */
export const DemoLoadInput = z.object({
  enabled: z.boolean(),
  poolName: z.string().min(1).max(63).default("web"),
  rps: z.number().min(0).max(200, "At most 200 requests/s: this machine has 2 cores").default(15),
  workMs: z.number().int().min(0).max(200).default(12),
});
export type DemoLoadInput = z.infer<typeof DemoLoadInput>;

export const DEFAULT_DEMO_LOAD: DemoLoadInput = { enabled: true, poolName: "web", rps: 15, workMs: 12 };
