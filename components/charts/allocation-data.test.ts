import { expect, test } from "vitest";
import { toAllocationPoints } from "./allocation-data";

test("requested over allocatable, in percent with one decimal; an empty node is 0", () => {
  const base = { pods: 1, ready: true, unschedulable: false };
  expect(
    toAllocationPoints([
      { name: "a", allocatableCpuMillis: 4000, requestedCpuMillis: 1000, allocatableMemoryMiB: 3000, requestedMemoryMiB: 1000, ...base },
      { name: "b", allocatableCpuMillis: 0, requestedCpuMillis: 0, allocatableMemoryMiB: 0, requestedMemoryMiB: 0, ...base },
    ]),
  ).toEqual([
    { node: "a", cpu: 25, memory: 33.3 },
    { node: "b", cpu: 0, memory: 0 },
  ]);
});
