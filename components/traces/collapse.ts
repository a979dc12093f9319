/**
 * The rows left showing when some subtrees are folded: rows come depth-first, so a folded row's descendants are
 * the rows right after it with a greater depth.
 */
export function visibleRows<R extends { span: { spanId: string }; depth: number }>(rows: readonly R[], collapsed: ReadonlySet<string>): R[] {
  if (collapsed.size === 0) return rows as R[];
  const out: R[] = [];
  let hideDeeperThan = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    if (row.depth > hideDeeperThan) continue;
    hideDeeperThan = collapsed.has(row.span.spanId) ? row.depth : Number.POSITIVE_INFINITY;
    out.push(row);
  }
  return out;
}

/** An attribute value as text: strings as they are, anything else as compact JSON. */
export const attributeText = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));
