"use client";

import { LogOut } from "lucide-react";
import { useState } from "react";

/** Ends the session on the server (DELETE /api/v1/session), then loads the sign-in page afresh. */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await fetch("/api/v1/session", { method: "DELETE" }).catch(() => undefined);
        // A full page load, not a client navigation: it drops every cached query and all client state of this user.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        window.location.assign("/sign-in");
      }}
      className="flex items-center gap-1.5 rounded-md px-1.5 py-1 text-xs text-zinc-600 hover:bg-zinc-100 disabled:opacity-50 dark:text-zinc-400 dark:hover:bg-zinc-800"
    >
      <LogOut className="size-3.5" aria-hidden />
      Sign out
    </button>
  );
}
