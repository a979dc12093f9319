import { describe, expect, test, vi } from "vitest";
import { InMemoryHealthStore, TransitionWriter, type HealthStore } from "./transition-writer";
import type { HealthTransitionEvent } from "./types";

const event = (at: number, to: HealthTransitionEvent["to"] = "healthy"): HealthTransitionEvent => ({
  backendId: "b1",
  poolId: "p1",
  from: "unknown",
  to,
  reason: "passed",
  detail: "HTTP 200",
  at,
});

describe("TransitionWriter", () => {
  test("writes in order, one at a time", async () => {
    const store = new InMemoryHealthStore();
    const writer = new TransitionWriter(store);
    writer.push(event(1));
    writer.push(event(2, "unhealthy"));
    writer.push(event(3));
    await writer.flush();
    expect(store.events.map((e) => e.at)).toEqual([1, 2, 3]);
    expect(store.health.get("b1")).toBe("healthy");
  });

  test("a failing write is reported and the rest still go through", async () => {
    const store = new InMemoryHealthStore();
    const flaky: HealthStore = {
      recordTransition: async (e) => {
        if (e.at === 1) throw new Error("db down");
        await store.recordTransition(e);
      },
    };
    const onError = vi.fn();
    const writer = new TransitionWriter(flaky, onError);
    writer.push(event(1));
    writer.push(event(2));
    await writer.flush();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "db down" }), event(1));
    expect(store.events).toEqual([event(2)]);
  });

  test("drops the oldest when the store falls behind", async () => {
    let release: () => void = () => {};
    const slow: HealthStore = { recordTransition: () => new Promise<void>((resolve) => (release = resolve)) };
    const onError = vi.fn();
    const writer = new TransitionWriter(slow, onError, 2);
    for (let at = 1; at <= 4; at++) writer.push(event(at)); // 1 is being written; 2,3,4 queued → 2 dropped
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[1]).toEqual(event(2));
    for (let i = 0; i < 3; i++) {
      release();
      await Promise.resolve();
      await Promise.resolve();
    }
    release();
    await writer.flush();
  });
});
