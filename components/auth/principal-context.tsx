"use client";

import { createContext, useContext, type ReactNode } from "react";
import { deniedReason, roleAllows, type Permission, type Role } from "@/lib/auth/roles";

export interface ConsolePrincipal {
  id: string;
  name: string;
  role: Role;
}

const PrincipalContext = createContext<ConsolePrincipal | null>(null);

/** The signed-in user, for showing or hiding controls. The server decides what they may do; this only mirrors it. */
export function PrincipalProvider({ principal, children }: { principal: ConsolePrincipal | null; children: ReactNode }) {
  return <PrincipalContext.Provider value={principal}>{children}</PrincipalContext.Provider>;
}

export const usePrincipal = () => useContext(PrincipalContext);

/** Whether the signed-in user may do something, and if not, the reason to show on hover. */
export function useCan(permission: Permission): { allowed: boolean; reason: string | undefined } {
  const principal = usePrincipal();
  const allowed = principal !== null && roleAllows(principal.role, permission);
  return { allowed, reason: allowed ? undefined : deniedReason(principal?.role ?? null, permission) };
}
