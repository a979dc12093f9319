import { expect, test } from "vitest";
import { TraceQuery } from "@/lib/schemas/traces";
import { traceApiQuery } from "./trace-query";

test("without a range the list asks for the last hour", () => {
  expect(traceApiQuery({})).toMatchObject({ from: "1h", to: undefined });
});

test("filters and the cursor pass as they are; the preset becomes the API's span, and refresh is not sent", () => {
  const query = traceApiQuery({ service: "web", status: "error", minDurationMs: "100", cursor: "c", range: "6h", refresh: "5s" });
  expect(query).toEqual({ service: "web", status: "error", minDurationMs: "100", maxDurationMs: undefined, poolId: undefined, podName: undefined, cursor: "c", from: "6h", to: undefined });
});

test("links' spans and fixed windows keep working, and the API accepts what is sent", () => {
  expect(traceApiQuery({ from: "15m", poolId: "p" })).toMatchObject({ from: "15m", to: undefined, poolId: "p" });
  const window = traceApiQuery({ from: "1764000000000", to: "1764003600000" });
  expect(window).toMatchObject({ from: "2025-11-24T16:00:00.000Z", to: "2025-11-24T17:00:00.000Z" });
  expect(TraceQuery.safeParse(window).success).toBe(true);
  expect(TraceQuery.safeParse(traceApiQuery({ range: "7d" })).success).toBe(true);
});
