import { expect, test } from "vitest";
import { cpuMillicores, parseCpuTicks, parseRssMiB } from "./proc-stats";

test("parseCpuTicks reads utime + stime after a comm with spaces and parentheses", () => {
  const stat = "4242 (node (demo) x) S 1 4242 4242 0 -1 4194560 1234 0 0 0 150 25 0 0 20 0 11 0 123456 1000000 5000";
  expect(parseCpuTicks(stat)).toBe(175);
  expect(parseCpuTicks("garbage")).toBeNull();
  expect(parseCpuTicks("1 (x) S 1 2")).toBeNull();
});

test("parseRssMiB reads VmRSS", () => {
  expect(parseRssMiB("Name:\tnode\nVmRSS:\t   51200 kB\nThreads: 7")).toBe(50);
  expect(parseRssMiB("Name:\tnode")).toBeNull();
});

test.each([
  [0, 50, 1000, 500],
  [0, 100, 1000, 1000],
  [10, 10, 1000, 0],
  [0, 10, 0, 0],
  [10, 5, 1000, 0],
])("cpuMillicores(%d → %d over %d ms) = %d", (a, b, ms, expected) => {
  expect(cpuMillicores(a, b, ms)).toBe(expected);
});
