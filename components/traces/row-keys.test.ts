import { expect, test } from "vitest";
import { rowKeyAction } from "./row-keys";

// a ─┬─ b ── c
//    └─ d
// e
const rows = ([["a", 0, 2], ["b", 1, 1], ["c", 2, 0], ["d", 1, 0], ["e", 0, 0]] as const).map(([spanId, depth, childCount]) => ({ span: { spanId }, depth, childCount }));
const at = (spanId: string) => rows.findIndex((r) => r.span.spanId === spanId);
const press = (key: string, from: string, folded: string[] = []) => rowKeyAction(key, rows, at(from), new Set(folded), 2);
const moveTo = (spanId: string) => ({ kind: "move", index: at(spanId) });

test.each([
  ["ArrowDown", "b", "c"],
  ["ArrowDown", "e", "e"],
  ["ArrowUp", "b", "a"],
  ["ArrowUp", "a", "a"],
  ["Home", "d", "a"],
  ["End", "b", "e"],
  ["PageDown", "a", "c"],
  ["PageDown", "d", "e"],
  ["PageUp", "c", "a"],
  ["PageUp", "b", "a"],
])("%s from %s selects %s", (key, from, to) => {
  expect(press(key, from)).toEqual(moveTo(to));
});

test("→ steps into an open row's first child, unfolds a folded one, and does nothing on a leaf", () => {
  expect(press("ArrowRight", "a")).toEqual(moveTo("b"));
  expect(press("ArrowRight", "a", ["a"])).toEqual({ kind: "toggle", spanId: "a" });
  expect(press("ArrowRight", "c")).toBeNull();
});

test("← folds an open row, else steps out to the parent, and does nothing on a root without children", () => {
  expect(press("ArrowLeft", "b")).toEqual({ kind: "toggle", spanId: "b" });
  expect(press("ArrowLeft", "b", ["b"])).toEqual(moveTo("a"));
  expect(press("ArrowLeft", "c")).toEqual(moveTo("b"));
  expect(press("ArrowLeft", "d")).toEqual(moveTo("a"));
  expect(press("ArrowLeft", "e")).toBeNull();
});

test("other keys, and a row that is not there, ask for nothing", () => {
  expect(press("Enter", "a")).toBeNull();
  expect(press("a", "a")).toBeNull();
  expect(rowKeyAction("ArrowDown", rows, 9, new Set(), 2)).toBeNull();
});
