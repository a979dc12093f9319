import type { ReactNode } from "react";
import { PrincipalProvider } from "@/components/auth/principal-context";
import { Sidebar } from "@/components/layout/sidebar";
import { consoleCtx } from "@/lib/server/auth/session";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  // Redirects to sign-in without a session. Pages check again themselves: a layout does not re-run on navigation.
  const { principal } = await consoleCtx();
  const who = principal && { id: principal.id, name: principal.name, role: principal.role };
  return (
    <PrincipalProvider principal={who}>
      <div className="flex min-h-screen">
        <Sidebar />
        <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
      </div>
    </PrincipalProvider>
  );
}
