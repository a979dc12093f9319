import { expect, test } from "vitest";
import { EventThrottle } from "./throttle";

test("a burst passes, the rest is held back and counted, then reported with the next that passes", () => {
  const t = new EventThrottle(1, 3);
  const results = Array.from({ length: 10 }, () => t.admit("pool-a", 0));
  expect(results.filter(Boolean)).toHaveLength(3);
  expect(t.admit("pool-b", 0)).toEqual({ suppressed: 0 }); // keys are independent
  expect(t.admit("pool-a", 1000)).toEqual({ suppressed: 7 });
  expect(t.admit("pool-a", 1000)).toBeNull();
});

test("tracks a bounded number of keys", () => {
  const t = new EventThrottle(1, 1, 2);
  expect(t.admit("a", 0)).not.toBeNull();
  expect(t.admit("a", 0)).toBeNull();
  t.admit("b", 0);
  t.admit("c", 0); // over maxKeys: starts over
  expect(t.admit("a", 0)).toEqual({ suppressed: 0 });
});
