"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { usePrincipal } from "@/components/auth/principal-context";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { roleAllows } from "@/lib/auth/roles";
import { navItems } from "./nav-items";
import { ThemeToggle } from "./theme-toggle";

const isActive = (pathname: string, href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));

export function Sidebar() {
  const pathname = usePathname();
  const principal = usePrincipal();
  return (
    <aside className="flex w-56 shrink-0 flex-col border-r border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex h-14 items-center gap-2 px-4 font-semibold tracking-tight">
        <span aria-hidden className="grid size-7 place-items-center rounded-md bg-sky-600 text-sm text-white">S</span>
        Stratus
      </div>
      <nav aria-label="Main" className="flex-1 space-y-0.5 px-2 py-2">
        {navItems.map((item) => {
          const Icon = item.icon;
          if (item.need && !(principal && roleAllows(principal.role, item.need))) return null;
          if (item.coming) {
            return (
              <span key={item.href} className="flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm text-zinc-400 dark:text-zinc-500" title="Coming soon">
                <Icon className="size-4" aria-hidden />
                {item.label}
                <span className="ml-auto rounded bg-zinc-100 px-1.5 text-[10px] uppercase tracking-wide dark:bg-zinc-800">coming</span>
              </span>
            );
          }
          const active = isActive(pathname, item.href);
          return (
            <Link
              key={item.href}
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={`flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm transition-colors ${
                active
                  ? "bg-sky-50 font-medium text-sky-700 dark:bg-sky-950 dark:text-sky-300"
                  : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
              }`}
            >
              <Icon className="size-4" aria-hidden />
              {item.label}
              {item.count ? <item.count /> : null}
            </Link>
          );
        })}
      </nav>
      <div className="border-t border-zinc-200 px-3 py-2.5 dark:border-zinc-800">
        {principal ? (
          <div className="mb-1.5 flex items-center gap-2" aria-label="Signed in as">
            <span aria-hidden className="grid size-7 shrink-0 place-items-center rounded-full bg-zinc-100 text-xs font-semibold text-zinc-700 uppercase dark:bg-zinc-800 dark:text-zinc-300">
              {principal.name.slice(0, 1)}
            </span>
            <span className="min-w-0">
              <span className="block truncate text-sm font-medium" title={principal.name}>{principal.name}</span>
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">{principal.role}</span>
            </span>
          </div>
        ) : null}
        <div className="flex items-center justify-between">
          <SignOutButton />
          <ThemeToggle />
        </div>
      </div>
    </aside>
  );
}
