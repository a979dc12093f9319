import Link from "next/link";
import type { ReactNode, ThHTMLAttributes } from "react";

export function Table({ children, label }: { children: ReactNode; label: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table aria-label={label} className="w-full text-left text-sm">
        {children}
      </table>
    </div>
  );
}

export function Th({ children, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th scope="col" className="border-b border-zinc-200 bg-zinc-50 px-3 py-2 text-xs font-medium uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900/60" {...props}>
      {children}
    </th>
  );
}

export function Td({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <td className={`border-b border-zinc-100 px-3 py-2 align-top dark:border-zinc-800 ${className}`}>{children}</td>;
}

/** A list's body row, highlighted under the pointer. */
export function Row({ children }: { children: ReactNode }) {
  return <tr className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">{children}</tr>;
}

/** A row's first cell: the item's name, linking to its page. */
export function NameCell({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Td className="whitespace-nowrap">
      <Link href={href} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
        {children}
      </Link>
    </Td>
  );
}
