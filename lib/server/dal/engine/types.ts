import type { Ctx } from "../../auth/principal";
import type { Tx } from "../../db";

/** Checks, inside a write transaction, that this worker still holds the engine lease (lib/engine/lease.ts). */
export type Fence = (tx: Tx) => Promise<void>;

/** What every engine write needs: who acts (the engine principal, with a cause) and the fence. */
export interface EngineWriteCtx {
  ctx: Ctx;
  fence: Fence;
}
