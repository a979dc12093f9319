import { expect, test } from "vitest";
import { compareIds, mergeDecisions, nextFrom } from "./decision-window";

const d = (id: number, second: number) => ({ id: String(id), at: new Date(Date.UTC(2030, 0, 1, 0, 0, second)).toISOString() });

test("ids compare as numbers of any size", () => {
  expect(["10", "9", "100", "11"].sort(compareIds)).toEqual(["9", "10", "11", "100"]);
});

test("a poll's decisions join the window once each, newest first (ties by id), the repeated newest replaced", () => {
  const held = [d(3, 10), d(2, 5), d(1, 0)];
  const fetched = [{ ...d(3, 10), extra: true }, d(5, 15), d(4, 15)];
  expect(mergeDecisions(held, fetched).map((x) => x.id)).toEqual(["5", "4", "3", "2", "1"]);
  expect(mergeDecisions(held, fetched).find((x) => x.id === "3")).toHaveProperty("extra", true);
});

test("the window is trimmed to windowMs before the newest decision (server time, not the browser's)", () => {
  expect(mergeDecisions([d(1, 0), d(2, 30)], [d(3, 50)], 20_000).map((x) => x.id)).toEqual(["3", "2"]);
  expect(mergeDecisions([], [])).toEqual([]);
});

test("the next poll starts at the newest decision held, or a window back from now", () => {
  expect(nextFrom([d(3, 10), d(2, 5)], 0)).toBe(d(3, 10).at);
  expect(nextFrom([], Date.UTC(2030, 0, 1, 0, 15), 15 * 60_000)).toBe("2030-01-01T00:00:00.000Z");
});
