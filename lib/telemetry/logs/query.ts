import { RE2JS } from "re2js";

/** Keyset cursor for newest-first paging: the last row's time (ms) and id. */
export const encodeCursor = (atMs: number, id: bigint | string) => `${atMs}-${id}`;
export function decodeCursor(cursor: string): { atMs: number; id: bigint } {
  const [at, id] = cursor.split("-");
  return { atMs: Number(at), id: BigInt(id!) };
}

/** A case-insensitive "contains" for SQL LIKE/ILIKE with `ESCAPE '\'`: the user's %, _ and \ match themselves. */
export const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The most a regex search tests per request: rows, body characters, and milliseconds; it pages on from there. */
export const REGEX_SCAN_LIMITS = { rows: 50_000, chars: 32 * 1024 * 1024, ms: 2_000 };

export type LogRegex = { test(text: string): boolean };

/**
 * Compile a user's pattern with RE2 (re2js: linear-time matching, no backtracking, so no pattern can stall the
 * server). RE2 syntax: no backreferences or lookarounds; `(?i)` for case-insensitive. An invalid pattern gives
 * a message fit to show beside the field.
 */
export function compileLogRegex(pattern: string): { regex: LogRegex } | { error: string } {
  try {
    const compiled = RE2JS.compile(pattern);
    return { regex: { test: (text: string) => compiled.test(text) } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: `Not a valid RE2 pattern: ${message}` };
  }
}
