"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/alerts", label: "Alerts" },
  { href: "/alerts/rules", label: "Rules" },
  { href: "/alerts/silences", label: "Silences" },
];

/** The three views of alerting, as links (each its own URL, so a tab survives reloads and can be shared). */
export function AlertsTabs() {
  const pathname = usePathname();
  const active = TABS.findLast((t) => pathname === t.href || pathname.startsWith(`${t.href}/`))?.href;
  return (
    <nav aria-label="Alerting" className="mb-5 flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
      {TABS.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={active === t.href ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm ${
            active === t.href
              ? "border-sky-600 font-medium text-sky-700 dark:border-sky-400 dark:text-sky-300"
              : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
          }`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
