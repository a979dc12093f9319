import { expect, test } from "vitest";
import { leaderSummary, loopHealth } from "./engine-summary";

test("a loop is in error when its last pass failed, stale when it has not passed for 10 s", () => {
  expect(loopHealth({ lagMs: 500, error: null })).toBe("ok");
  expect(loopHealth({ lagMs: 10_001, error: null })).toBe("stale");
  expect(loopHealth({ lagMs: 500, error: "boom" })).toBe("error");
});

test("leaderSummary: none yet, leading, or an expired lease", () => {
  expect(leaderSummary(null)).toContain("No worker has run yet");
  const leader = { holder: "host:42", epoch: 3, expiresAt: "", renewedAt: "", live: true };
  expect(leaderSummary(leader)).toBe("Led by host:42 (epoch 3).");
  expect(leaderSummary({ ...leader, live: false })).toContain("has expired");
});
