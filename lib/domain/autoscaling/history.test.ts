import { describe, expect, test } from "vitest";
import { EMPTY_HISTORY, lastScaleAt, recordDecision } from "./history";
import { NOW, cpuPolicy, thresholdPolicy } from "./test-fixtures";
import type { ScaleEvent, ScaleHistory } from "./types";

const event = (secondsAgo: number): ScaleEvent => ({ at: NOW - secondsAgo * 1000, fromReplicas: 1, toReplicas: 2 });

describe("lastScaleAt", () => {
  test.each<{ name: string; history: ScaleHistory; expected: number | undefined }>([
    { name: "no events", history: EMPTY_HISTORY, expected: undefined },
    { name: "the latest event, whatever the order", history: { recommendations: [], events: [event(10), event(5), event(20)] }, expected: NOW - 5_000 },
  ])("$name", ({ history, expected }) => {
    expect(lastScaleAt(history)).toBe(expected);
  });
});

describe("recordDecision", () => {
  test("appends the entries", () => {
    const next = recordDecision(EMPTY_HISTORY, { recommendations: [{ at: NOW, replicas: 3 }], events: [event(0)] }, cpuPolicy(50), NOW);
    expect(next).toEqual({ recommendations: [{ at: NOW, replicas: 3 }], events: [event(0)] });
  });

  test("target mode keeps recommendations within the longest stabilization window and events within the longest policy period", () => {
    const history: ScaleHistory = {
      recommendations: [{ at: NOW - 400_000, replicas: 9 }, { at: NOW - 200_000, replicas: 8 }],
      events: [event(100), event(30), event(10)],
    };
    const policy = cpuPolicy(50, { behavior: { scaleUp: { policies: [{ type: "Pods", value: 1, periodSeconds: 60 }] } } });
    const next = recordDecision(history, { recommendations: [], events: [] }, policy, NOW);
    expect(next.recommendations).toEqual([{ at: NOW - 200_000, replicas: 8 }]);
    expect(next.events).toEqual([event(30), event(10)]);
  });

  test("the newest entries survive even when outside every window, so the next run is not a first run", () => {
    const history: ScaleHistory = { recommendations: [{ at: NOW - 900_000, replicas: 2 }, { at: NOW - 800_000, replicas: 4 }], events: [event(900), event(800)] };
    const next = recordDecision(history, { recommendations: [], events: [] }, cpuPolicy(50), NOW);
    expect(next).toEqual({ recommendations: [{ at: NOW - 800_000, replicas: 4 }], events: [event(800)] });
  });

  test("the newest entry is found even when entries are stored out of order", () => {
    const history: ScaleHistory = { recommendations: [], events: [event(800), event(900)] };
    const next = recordDecision(history, { recommendations: [], events: [] }, thresholdPolicy({ cooldownMs: 1_000 }), NOW);
    expect(next.events).toEqual([event(800)]);
  });

  test("threshold mode keeps only the events inside the cooldown, and the newest one", () => {
    const history: ScaleHistory = { recommendations: [], events: [event(900), event(200), event(100)] };
    const next = recordDecision(history, { recommendations: [], events: [] }, thresholdPolicy({ cooldownMs: 150_000 }), NOW);
    expect(next.events).toEqual([event(100)]);
  });
});
