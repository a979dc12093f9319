import "server-only";
import { headers } from "next/headers";
import type { Ctx, Principal } from "./principal";

/**
 * The console's principal. Sign-in and roles arrive with their own issue; until then the console acts as the
 * local operator (an admin), and the REST API — reachable by anyone on the network — always requires a token.
 */
const localOperator: Principal = { kind: "user", id: "local-operator", name: "local operator", role: "admin" };

export async function currentPrincipal(): Promise<Principal | null> {
  return localOperator;
}

/** The context for a server action or page: who acts and from where. */
export async function consoleCtx(): Promise<Ctx> {
  const h = await headers();
  return { principal: await currentPrincipal(), sourceIp: h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null };
}
