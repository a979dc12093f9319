import { expect, test } from "vitest";
import { axisTicks, tickStepFor, timeTicks } from "./time-axis";

const minute = 60_000;
const hour = 60 * minute;

test("timeTicks: whole steps inside the domain, in the browser's time zone", () => {
  expect(timeTicks([10 * minute + 5, 25 * minute], 5 * minute)).toEqual([15 * minute, 20 * minute, 25 * minute]);
  // Half-hour zones (UTC+5:30): ticks fall on local whole quarter hours.
  expect(timeTicks([0, 60 * minute], 15 * minute, 330 * minute)).toEqual([0, 15 * minute, 30 * minute, 45 * minute, 60 * minute]);
  expect(timeTicks([0, 60 * minute], 60 * minute, 30 * minute)).toEqual([30 * minute]);
});

test.each([
  [5 * minute, minute],
  [15 * minute, 5 * minute],
  [hour, 10 * minute],
  [6 * hour, hour],
  [24 * hour, 6 * hour],
  [7 * 24 * hour, 48 * hour],
])("tickStepFor(%i) = %i: the roundest step with at most six ticks", (span, step) => expect(tickStepFor(span)).toBe(step));

test("axisTicks: round local times across the domain (offset as getTimezoneOffset gives it)", () => {
  expect(axisTicks([2 * minute, hour + 2 * minute], 0)).toEqual([10, 20, 30, 40, 50, 60].map((m) => m * minute));
  // UTC-1 (offset +60): local whole hours are UTC xx:00 too; local 6-hour marks fall at UTC 01:00, 07:00, …
  expect(axisTicks([0, 24 * hour], 60)).toEqual([1, 7, 13, 19].map((h) => h * hour));
});
