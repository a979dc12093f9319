import { expect, test } from "vitest";
import { diffObjects } from "./diff";

test("lists only changed fields, ignoring bookkeeping", () => {
  expect(
    diffObjects({ name: "a", spec: { cpu: 1 }, version: 1, same: [1] }, { name: "b", spec: { cpu: 2 }, version: 2, same: [1] }),
  ).toEqual({ name: { before: "a", after: "b" }, spec: { before: { cpu: 1 }, after: { cpu: 2 } } });
});

test("a create diffs from nothing and a delete to nothing", () => {
  expect(diffObjects(null, { name: "a" })).toEqual({ name: { before: null, after: "a" } });
  expect(diffObjects({ name: "a" }, null)).toEqual({ name: { before: "a", after: null } });
});
