import { expect, test } from "vitest";
import { rangeWithPinned } from "./pinned-range";

const range = { startIndex: 100, endIndex: 102, overscan: 1, count: 1000 };

test("in view plus overscan when nothing pinned lies outside it", () => {
  expect(rangeWithPinned(range, [])).toEqual([99, 100, 101, 102, 103]);
  expect(rangeWithPinned(range, [101, -1])).toEqual([99, 100, 101, 102, 103]);
});

test("pinned rows outside the view are added once, in index order", () => {
  expect(rangeWithPinned(range, [500, 3, 500])).toEqual([3, 99, 100, 101, 102, 103, 500]);
});

test("a pinned index past the end (after a fold) is ignored", () => {
  expect(rangeWithPinned({ ...range, count: 104 }, [200])).toEqual([99, 100, 101, 102, 103]);
});
