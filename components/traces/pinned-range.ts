import { defaultRangeExtractor, type Range } from "@tanstack/react-virtual";

/**
 * The rows to render: those in view (with overscan) and the pinned ones, in index order. Pinning the selected and
 * the focused row keeps them mounted after they scroll away, so keyboard focus is not lost with an unmounted row.
 */
export function rangeWithPinned(range: Range, pinned: readonly number[]): number[] {
  const indexes = defaultRangeExtractor(range);
  const first = indexes[0] ?? 0;
  const last = indexes.at(-1) ?? -1;
  const outside = pinned.filter((i) => Number.isInteger(i) && i >= 0 && i < range.count && (i < first || i > last));
  if (outside.length === 0) return indexes;
  return [...new Set([...indexes, ...outside])].sort((a, b) => a - b);
}
