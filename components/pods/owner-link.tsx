import Link from "next/link";

/** Link to an owning resource by name when known, by short id otherwise; a dash when there is no owner. */
export function OwnerLink({ ownerId, names }: { ownerId: string | null; names: Map<string, string> }) {
  if (!ownerId) return <span className="text-zinc-400">—</span>;
  const name = names.get(ownerId);
  return (
    <Link href={`/resources/${ownerId}`} className="text-sky-700 hover:underline dark:text-sky-400" title={name ? undefined : ownerId}>
      {name ?? <span className="font-mono text-xs">{ownerId.slice(0, 8)}…</span>}
    </Link>
  );
}
