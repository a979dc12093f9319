import { describe, expect, test } from "vitest";
import { reusableUntil } from "./upstream-connection";

describe("reusableUntil", () => {
  test.each([
    [["Keep-Alive", "timeout=5"], 4_000],
    [["keep-alive", "max=100, timeout=65"], 64_000],
    [["Content-Type", "text/plain", "KEEP-ALIVE", "Timeout=2"], 1_000],
    [["Keep-Alive", "max=100"], Number.POSITIVE_INFINITY],
    [[], Number.POSITIVE_INFINITY],
  ])("%j → now + %d ms", (headers, after) => {
    expect(reusableUntil(headers, 0)).toBe(after);
  });
});
