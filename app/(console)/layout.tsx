import type { ReactNode } from "react";
import { Sidebar } from "@/components/layout/sidebar";
import { currentPrincipal } from "@/lib/server/auth/session";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const principal = await currentPrincipal();
  return (
    <div className="flex min-h-screen">
      <Sidebar principalName={principal?.name ?? "anonymous"} />
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  );
}
