"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass, type ButtonVariant } from "@/components/ui/button";
import type { Permission } from "@/lib/auth/roles";
import { useCan } from "./principal-context";

/**
 * Show a control only as far as the signed-in role allows. `mode="disable"` (the default) renders the control
 * disabled with the reason on hover; `mode="hide"` renders nothing. The children get `{ allowed, reason }`, so
 * any control can be gated: `<RoleGate need="write">{(g) => <Button disabled={!g.allowed}>…</Button>}</RoleGate>`.
 */
export function RoleGate({
  need,
  mode = "disable",
  children,
}: {
  need: Permission;
  mode?: "disable" | "hide";
  children: (gate: { allowed: boolean; reason: string | undefined }) => ReactNode;
}) {
  const gate = useCan(need);
  if (!gate.allowed && mode === "hide") return null;
  // A disabled button fires no pointer events in some browsers: the wrapper carries the tooltip.
  return gate.allowed ? <>{children(gate)}</> : <span title={gate.reason} className="inline-flex">{children(gate)}</span>;
}

/** A button-styled link (e.g. "New resource") that shows as a disabled button, with the reason, when not allowed. */
export function GatedLinkButton({ need, href, variant = "primary", children }: { need: Permission; href: string; variant?: ButtonVariant; children: ReactNode }) {
  const { allowed, reason } = useCan(need);
  if (allowed) {
    return (
      <Link href={href} className={buttonClass(variant)}>
        {children}
      </Link>
    );
  }
  return (
    <span role="link" aria-disabled="true" title={reason} className={`${buttonClass(variant)} cursor-not-allowed opacity-50`}>
      {children}
    </span>
  );
}
