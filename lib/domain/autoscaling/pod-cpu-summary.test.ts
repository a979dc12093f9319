import { describe, expect, test } from "vitest";
import { summarizePodCpu } from "./pod-cpu-summary";
import { NOW, sample } from "./test-fixtures";
import type { PodCpuSample } from "./types";

const WINDOW = 60_000;

describe("summarizePodCpu", () => {
  test.each<{ name: string; samples: PodCpuSample[]; cpuMillis: number | undefined; count: number }>([
    {
      name: "averages the readings inside the window",
      samples: [sample("a", 200, { at: NOW - 30_000 }), sample("a", 400, { at: NOW - 10_000 })],
      cpuMillis: 300,
      count: 2,
    },
    {
      name: "window is (now − windowMs, now]: a reading exactly windowMs old is out, one at now is in",
      samples: [sample("a", 900, { at: NOW - WINDOW }), sample("a", 100, { at: NOW })],
      cpuMillis: 100,
      count: 1,
    },
    {
      name: "readings after now (clock skew) are ignored",
      samples: [sample("a", 100, { at: NOW - 1_000 }), sample("a", 5_000, { at: NOW + 1 })],
      cpuMillis: 100,
      count: 1,
    },
    {
      name: "HPA: a pod whose readings are all older than the window has a missing metric",
      samples: [sample("a", 100, { at: NOW - 2 * WINDOW })],
      cpuMillis: undefined,
      count: 0,
    },
    {
      name: "status-only, negative and non-finite readings are not averaged (never read as 0% CPU)",
      samples: [
        sample("a", null),
        sample("a", -5),
        sample("a", Number.NaN),
        sample("a", Number.POSITIVE_INFINITY),
        sample("a", 250),
      ],
      cpuMillis: 250,
      count: 1,
    },
  ])("$name", ({ samples, cpuMillis, count }) => {
    const [pod] = summarizePodCpu(samples, WINDOW, NOW);
    expect(pod?.cpuMillis).toBe(cpuMillis);
    expect(pod?.samplesInWindow).toBe(count);
  });

  test("status and request come from the latest sample, even one older than the window", () => {
    const [pod] = summarizePodCpu(
      [
        sample("a", 100, { at: NOW - 10_000, ready: true, phase: "Running", requestMillis: 500 }),
        sample("a", null, { at: NOW - 1_000, ready: false, phase: "Failed", requestMillis: 800, deleting: true }),
      ],
      WINDOW,
      NOW,
    );
    expect(pod).toMatchObject({ ready: false, phase: "Failed", deleting: true, requestMillis: 800, lastSeenAt: NOW - 1_000 });
    expect(pod?.utilizationPercent).toBe(12.5);
  });

  test("utilization is undefined when the request is 0", () => {
    const [pod] = summarizePodCpu([sample("a", 100, { requestMillis: 0 })], WINDOW, NOW);
    expect(pod?.cpuMillis).toBe(100);
    expect(pod?.utilizationPercent).toBeUndefined();
  });

  test("pods are listed once each, sorted by id, whatever the sample order", () => {
    const samples = [sample("b", 1), sample("a", 2), sample("c", 3), sample("a", 4, { at: NOW - 1 })];
    const forward = summarizePodCpu(samples, WINDOW, NOW);
    const backward = summarizePodCpu([...samples].reverse(), WINDOW, NOW);
    expect(forward.map((p) => p.podId)).toEqual(["a", "b", "c"]);
    expect(backward).toEqual(forward);
  });

  test("samples with the same timestamp resolve to the same status in any order", () => {
    const x = sample("a", 100, { ready: true });
    const y = sample("a", 100, { ready: false });
    expect(summarizePodCpu([x, y], WINDOW, NOW)).toEqual(summarizePodCpu([y, x], WINDOW, NOW));
  });

  test("no samples, no pods", () => {
    expect(summarizePodCpu([], WINDOW, NOW)).toEqual([]);
  });
});
