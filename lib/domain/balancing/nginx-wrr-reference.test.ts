import { describe, expect, test } from "vitest";
import { NginxSmoothWrrReference } from "./nginx-wrr-reference";

function sequence(weights: number[], picks: number, setup: (r: NginxSmoothWrrReference) => void = () => {}): string {
  const r = new NginxSmoothWrrReference();
  weights.forEach((w, i) => r.add(i, w));
  setup(r);
  return Array.from({ length: picks }, () => "abcdefgh"[r.pick()] ?? "-").join(",");
}

describe("NginxSmoothWrrReference (ngx_http_upstream_get_peer)", () => {
  test.each([
    ["nginx smooth WRR: 5:1:1 → a,a,b,a,c,a,a", [5, 1, 1], 7, "a,a,b,a,c,a,a"],
    ["nginx smooth WRR: 2:1 → a,b,a", [2, 1], 3, "a,b,a"],
    ["equal weights rotate", [1, 1, 1], 6, "a,b,c,a,b,c"],
    ["the cycle repeats after Σweights picks", [5, 1, 1], 14, "a,a,b,a,c,a,a,a,a,b,a,c,a,a"],
  ])("%s", (_name, weights, picks, expected) => {
    expect(sequence(weights, picks)).toBe(expected);
  });

  test.each([
    ["skipped peers are not served", (r: NginxSmoothWrrReference) => r.setEligible(0, false), "b,c,b,c"],
    ["failure (max_fails 1) drops effective weight to 0, then +1 per round", (r: NginxSmoothWrrReference) => r.fail(0), "b,c,a,b"],
    ["a new weight takes effect at once", (r: NginxSmoothWrrReference) => r.setWeight(1, 4), "b,a,b,c"],
  ])("%s", (_name, setup, expected) => {
    expect(sequence([2, 1, 1], 4, setup)).toBe(expected);
  });

  test("no eligible peer → -1; max_fails 0 ignores failures", () => {
    const r = new NginxSmoothWrrReference(0);
    r.add(0, 3);
    r.fail(0);
    expect(r.effective[0]).toBe(3);
    r.setEligible(0, false);
    expect(r.pick()).toBe(-1);
  });
});
