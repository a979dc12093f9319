import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseSelector, type Requirement } from "@/lib/domain/labels/selector";
import type { ListQuery, Page } from "@/lib/schemas/list";
import { AppError, invalid } from "../errors";
import { isUuid } from "./versioned";

type Direction = "asc" | "desc";

/** Resolve `sort` (e.g. `-createdAt`) against the fields an entity allows. */
export function orderByFor(sort: string | undefined, allowed: readonly string[], fallback: string) {
  const raw = sort && sort.length > 0 ? sort : fallback;
  const direction: Direction = raw.startsWith("-") ? "desc" : "asc";
  const field = raw.replace(/^-/, "");
  if (!allowed.includes(field)) {
    throw invalid([{ path: "sort", message: `Sort by one of: ${allowed.join(", ")} (prefix - for descending)` }]);
  }
  // The id breaks ties so that cursor pages never skip or repeat a row.
  return [{ [field]: direction }, { id: direction }] as Array<Record<string, Direction>>;
}

/** Translate a label selector into Prisma JSON filters on a `labels` column. */
export function labelFilters(selector: string | undefined): Array<Record<string, unknown>> {
  if (!selector) return [];
  const parsed = parseSelector(selector);
  if (!parsed.ok) throw invalid([{ path: "selector", message: parsed.error }]);
  return parsed.requirements.map(toPrismaFilter);
}

function toPrismaFilter(r: Requirement): Record<string, unknown> {
  const path = [r.key];
  switch (r.op) {
    case "eq":
      return { labels: { path, equals: r.value } };
    // A missing key reads as SQL NULL (DbNull); label values are strings, never JSON null.
    case "neq":
      return { OR: [{ NOT: { labels: { path, equals: r.value } } }, { labels: { path, equals: Prisma.DbNull } }] };
    case "exists":
      return { labels: { path, not: Prisma.DbNull } };
    case "absent":
      return { labels: { path, equals: Prisma.DbNull } };
  }
}



/** Fetch one page: `limit + 1` rows tell whether another page follows; the cursor is the last row's id. */
export async function paginate<Row extends { id: string }, Out>(
  query: ListQuery,
  fetch: (args: { take: number; skip?: number; cursor?: { id: string } }) => Promise<Row[]>,
  toOutput: (row: Row) => Out,
): Promise<Page<Out>> {
  if (query.cursor !== undefined && !isUuid(query.cursor)) {
    throw new AppError("BAD_REQUEST", "The cursor is not one this API returned.", [{ path: "cursor", message: "Malformed cursor" }]);
  }
  const rows = await fetch({
    take: query.limit + 1,
    ...(query.cursor ? { skip: 1, cursor: { id: query.cursor } } : {}),
  });
  const more = rows.length > query.limit;
  const pageRows = more ? rows.slice(0, query.limit) : rows;
  return { items: pageRows.map(toOutput), nextCursor: more ? pageRows[pageRows.length - 1]!.id : null };
}
