import { describe, expect, test } from "vitest";
import { Cursor, initialSchedulerState } from "./cursor";
import { makeNode, makeState } from "./test-fixtures";
import type { SchedulerState } from "./types";

describe("scheduler state round trip", () => {
  const state = makeState([makeNode("a"), makeNode("b"), makeNode("c")]);
  test.each<[string, SchedulerState, SchedulerState]>([
    ["initial state", initialSchedulerState(), { nextStartIndex: 0, lastNode: null, wrrCurrent: {} }],
    [
      "start index wraps to the node count; unknown WRR nodes are dropped; zeros are omitted",
      { nextStartIndex: 7, lastNode: "b", wrrCurrent: { a: 2, gone: 5, c: 0 } },
      { nextStartIndex: 1, lastNode: "b", wrrCurrent: { a: 2 } },
    ],
    [
      "a negative or fractional start index is reset",
      { nextStartIndex: -3.5, lastNode: null, wrrCurrent: {} },
      { nextStartIndex: 0, lastNode: null, wrrCurrent: {} },
    ],
  ])("%s", (_, input, expected) => {
    expect(new Cursor(input, state).toState(state)).toEqual(expected);
  });

  test("an empty cluster keeps the start at 0", () => {
    const empty = makeState([]);
    expect(new Cursor({ nextStartIndex: 4, lastNode: null, wrrCurrent: {} }, empty).nextStartIndex).toBe(0);
  });
});
