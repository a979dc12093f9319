import { expect, test } from "vitest";
import { podLineFacts } from "./pod-line";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const SPAN = "00f067aa0ba902b7";

test.each([
  { line: JSON.stringify({ level: "warn", msg: "slow" }), stream: "stdout", level: "warn" },
  { line: JSON.stringify({ level: 50, msg: "pino error" }), stream: "stdout", level: "error" },
  { line: JSON.stringify({ severity: "CRITICAL" }), stream: "stdout", level: "fatal" },
  { line: JSON.stringify({ msg: "no level" }), stream: "stderr", level: "error" },
  { line: "time=2026-11-25 level=debug msg=hi", stream: "stdout", level: "debug" },
  { line: 'level="warning" msg=hi', stream: "stdout", level: "warn" },
  { line: "ERROR something broke", stream: "stdout", level: "error" },
  { line: "[warn] careful", stream: "stdout", level: "warn" },
  { line: "2026-11-25T12:00:00Z INFO started", stream: "stderr", level: "info" },
  { line: "\u001b[31mERROR\u001b[0m coloured", stream: "stdout", level: "error" },
  { line: "nothing said", stream: "stdout", level: "info" },
  { line: "nothing said", stream: "stderr", level: "error" },
  { line: "information is power", stream: "stdout", level: "info" },
  { line: "{not json", stream: "stdout", level: "info" },
] as const)("$line ($stream) → $level", ({ line, stream, level }) => {
  expect(podLineFacts(line, stream).level).toBe(level);
});

test("trace and span ids from JSON fields, a traceparent, or logfmt", () => {
  expect(podLineFacts(JSON.stringify({ trace_id: TRACE, span_id: SPAN }), "stdout")).toMatchObject({ traceId: TRACE, spanId: SPAN });
  expect(podLineFacts(JSON.stringify({ traceparent: `00-${TRACE}-${SPAN}-01` }), "stdout")).toMatchObject({ traceId: TRACE, spanId: SPAN });
  expect(podLineFacts(`msg=hi trace_id=${TRACE.toUpperCase()}`, "stdout")).toMatchObject({ traceId: TRACE, spanId: null });
  expect(podLineFacts(JSON.stringify({ trace_id: "0".repeat(32) }), "stdout").traceId).toBeNull();
  expect(podLineFacts(JSON.stringify({ traceparent: null }), "stdout").traceId).toBeNull();
});
