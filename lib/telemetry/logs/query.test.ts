import { expect, test } from "vitest";
import { LogQuery } from "@/lib/schemas/logs";
import { compileLogRegex, decodeCursor, encodeCursor, likeContains } from "./query";
import { resolveQueryTime } from "@/lib/telemetry/query-time";

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

test.each([
  { text: "15m", ms: NOW - 15 * 60_000 },
  { text: "6h", ms: NOW - 6 * 3_600_000 },
  { text: "2d", ms: NOW - 2 * 86_400_000 },
  { text: "30s", ms: NOW - 30_000 },
  { text: "1700000000000", ms: 1_700_000_000_000 },
  { text: "2026-11-25T11:00:00Z", ms: NOW - 3_600_000 },
])("time $text", ({ text, ms }) => expect(resolveQueryTime(text, NOW)).toBe(ms));

test("cursors round-trip", () => {
  expect(decodeCursor(encodeCursor(1_700_000_000_123, 42n))).toEqual({ atMs: 1_700_000_000_123, id: 42n });
});

test("LIKE patterns escape the user's wildcards", () => {
  expect(likeContains("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  expect(likeContains("plain")).toBe("%plain%");
});

test("regexes are RE2: linear time even for patterns that make backtracking engines explode", () => {
  const compiled = compileLogRegex("(a+)+$");
  if ("error" in compiled) throw new Error(compiled.error);
  const line = `${"a".repeat(50_000)}b`;
  const started = performance.now();
  expect(compiled.regex.test(line)).toBe(false);
  expect(performance.now() - started).toBeLessThan(500);
  expect("regex" in compileLogRegex("(?i)error|warn")).toBe(true);
});

test.each(["(", "a{1001}", "(?<=x)y", "\\1", "[z-a]"])("an invalid pattern %s says why", (pattern) => {
  const out = compileLogRegex(pattern);
  expect("error" in out && out.error).toMatch(/^Not a valid RE2 pattern: /);
});

test("the query schema: sets, minimum level, ids, cursors", () => {
  expect(LogQuery.parse({ source: "pod, engine,pod", levels: "warn,error", traceId: "AB".repeat(16) })).toMatchObject({
    source: ["pod", "engine"],
    levels: ["warn", "error"],
    traceId: "ab".repeat(16),
    limit: 200,
  });
  for (const bad of [{ source: "pods" }, { level: "loud" }, { traceId: "xyz" }, { cursor: "1" }, { after: "-1" }, { limit: "5000" }, { from: "yesterday" }]) {
    expect(LogQuery.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  }
});
