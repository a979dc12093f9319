import { expect, test } from "vitest";
import { parseTimeRange } from "@/components/charts/time-range";
import type { LogItem } from "@/lib/server/dal/logs";
import { apiQuery, appendLive, chronological, downloadHref, logsHref } from "./log-view-state";

const item = (id: number): LogItem => ({
  id: String(id),
  at: new Date(id * 1000).toISOString(),
  level: "info",
  source: "pod",
  stream: null,
  body: `line ${id}`,
  labels: {},
  pod: null,
  node: null,
  workload: null,
  service: null,
  traceId: null,
  spanId: null,
});

test("filters become API parameters; blanks are dropped; other keys are not passed on", () => {
  expect(apiQuery({ workload: "web", pod: " ", q: "error", from: "" })).toEqual({ workload: "web", q: "error" });
  expect(downloadHref({ workload: "web", regex: "a+b" })).toBe("/api/v1/logs/download?workload=web&regex=a%2Bb");
  expect(logsHref({ pod: "web-1" })).toBe("/logs?pod=web-1");
  expect(logsHref({})).toBe("/logs");
});

test("a link's span back from now opens the viewer on that range", () => {
  const href = logsHref({ from: "1h", pod: "web-1" });
  expect(href).toBe("/logs?from=1h&pod=web-1");
  const url = new URLSearchParams(href.split("?")[1]);
  expect(parseTimeRange({ from: url.get("from") ?? undefined })).toMatchObject({ kind: "preset", range: "1h" });
});

test("pages (newest first, older pages later) read oldest first", () => {
  expect(chronological([{ items: [item(5), item(4)] }, { items: [item(3), item(2)] }]).map((r) => r.id)).toEqual(["2", "3", "4", "5"]);
});

test("live follow appends what arrived in order, without repeats, keeping the newest", () => {
  const shown = [item(1), item(2)];
  expect(appendLive(shown, [], 10)).toBe(shown);
  expect(appendLive(shown, [item(4), item(3), item(2)], 10).map((r) => r.id)).toEqual(["1", "2", "3", "4"]);
  expect(appendLive(shown, [item(4), item(3)], 3).map((r) => r.id)).toEqual(["2", "3", "4"]);
});
