import { expect, test } from "vitest";
import { cpuOfRequest } from "./usage";

test("CPU usage as a percentage of the request; null without a reading or a request", () => {
  const at = "2030-01-01T00:00:00Z";
  expect(cpuOfRequest({ requests: { cpuMillis: 250, memoryMiB: 1 }, usage: { cpuMillicores: 312.4, memoryMiB: 40, at } })).toBe(125);
  expect(cpuOfRequest({ requests: { cpuMillis: 250, memoryMiB: 1 }, usage: { cpuMillicores: null, memoryMiB: 40, at } })).toBeNull();
  expect(cpuOfRequest({ requests: { cpuMillis: 250, memoryMiB: 1 }, usage: null })).toBeNull();
  expect(cpuOfRequest({ requests: { cpuMillis: 0, memoryMiB: 1 }, usage: { cpuMillicores: 10, memoryMiB: 1, at } })).toBeNull();
});
