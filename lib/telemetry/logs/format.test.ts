import { expect, test } from "vitest";
import { formatLogLine } from "./format";

const base = { at: "2026-11-25T12:00:00.000Z", level: "warn" as const, source: "pod", stream: "stderr", pod: "web-1a2b3", node: "node-a", workload: "web", service: null, traceId: null };

test("one line: time, level, source, label columns, body", () => {
  expect(formatLogLine({ ...base, body: "upstream slow" })).toBe("2026-11-25T12:00:00.000Z WARN  pod/stderr workload=web pod=web-1a2b3 node=node-a | upstream slow");
});

test("a body cannot start a line of its own, and odd label values are quoted", () => {
  const line = formatLogLine({ ...base, stream: null, source: "otlp", service: "my shop", body: "a\n2026-11-25T12:00:00.000Z FATAL forged" });
  expect(line.split("\n")).toHaveLength(1);
  expect(line).toContain('service="my shop"');
  expect(line).toContain("| a\\n2026");
});
