import { X } from "lucide-react";
import type { ReactNode } from "react";

/** A filter set from elsewhere (a link, a picked row) shown as a chip, with a button that clears it. */
export function FilterChip({ children, clearLabel, onClear, className = "" }: { children: ReactNode; clearLabel: string; onClear: () => void; className?: string }) {
  return (
    <span className={`flex items-center gap-1 rounded-full bg-sky-50 py-1 pr-1 pl-3 text-xs text-sky-800 dark:bg-sky-950 dark:text-sky-200 ${className}`}>
      {children}
      <button type="button" aria-label={clearLabel} onClick={onClear} className="rounded-full p-0.5 hover:bg-sky-100 dark:hover:bg-sky-900">
        <X className="size-3.5" aria-hidden />
      </button>
    </span>
  );
}
