interface KeyRow {
  span: { spanId: string };
  depth: number;
  childCount: number;
}

/** What a key pressed on a waterfall row asks for: another row selected, or this row folded or unfolded. */
export type RowKeyAction = { kind: "move"; index: number } | { kind: "toggle"; spanId: string };

/**
 * The keys of a tree view: ↑ ↓ the previous or next row, Home End the first or last, PageUp PageDown a page away;
 * → unfolds a folded row (or steps into its first child), ← folds an open one (or steps out to its parent).
 * Null for any other key, so it keeps its usual meaning.
 */
export function rowKeyAction(key: string, rows: readonly KeyRow[], index: number, folded: ReadonlySet<string>, pageSize: number): RowKeyAction | null {
  const row = rows[index];
  if (!row) return null;
  const move = (to: number): RowKeyAction => ({ kind: "move", index: Math.max(0, Math.min(rows.length - 1, to)) });
  const open = row.childCount > 0 && !folded.has(row.span.spanId);
  switch (key) {
    case "ArrowDown":
      return move(index + 1);
    case "ArrowUp":
      return move(index - 1);
    case "Home":
      return move(0);
    case "End":
      return move(rows.length - 1);
    case "PageDown":
      return move(index + pageSize);
    case "PageUp":
      return move(index - pageSize);
    case "ArrowRight":
      if (row.childCount === 0) return null;
      return open ? move(index + 1) : { kind: "toggle", spanId: row.span.spanId };
    case "ArrowLeft": {
      if (open) return { kind: "toggle", spanId: row.span.spanId };
      // Rows come depth-first: the parent is the nearest row above that is less deep.
      const parent = rows.findLastIndex((r, i) => i < index && r.depth < row.depth);
      return parent === -1 ? null : move(parent);
    }
    default:
      return null;
  }
}
