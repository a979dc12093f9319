import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { findSilence, silenceMatches, silenceStatus } from "./silences";
import type { SilenceSpec } from "./types";

const labels = { alertname: "latency", severity: "warning", pool: "web" };
const silence = (over: Partial<SilenceSpec> = {}): SilenceSpec => ({ id: "s1", matchers: [{ label: "alertname", value: "latency" }], startsAt: 1_000, endsAt: 2_000, ...over });

describe("silenceMatches", () => {
  test.each<[string, SilenceSpec, number, boolean]>([
    ["every matcher equal, inside the window", silence({ matchers: [{ label: "alertname", value: "latency" }, { label: "pool", value: "web" }] }), 1_500, true],
    ["at startsAt (inclusive)", silence(), 1_000, true],
    ["at endsAt (exclusive)", silence(), 2_000, false],
    ["before it starts", silence(), 999, false],
    ["one matcher differs", silence({ matchers: [{ label: "alertname", value: "latency" }, { label: "pool", value: "api" }] }), 1_500, false],
    ["a matcher on a label the alert lacks", silence({ matchers: [{ label: "team", value: "" }] }), 1_500, false],
    ["no matchers (never mutes everything)", silence({ matchers: [] }), 1_500, false],
  ])("%s → %s", (_, s, now, expected) => {
    expect(silenceMatches(s, labels, now)).toBe(expected);
  });

  test("matches exactly when the matchers are a subset of the labels", () => {
    const dict = fc.dictionary(fc.constantFrom("a", "b", "c", "d"), fc.constantFrom("1", "2"), { minKeys: 1 });
    fc.assert(
      fc.property(dict, dict, (alert, wanted) => {
        const s = silence({ matchers: Object.entries(wanted).map(([label, value]) => ({ label, value })) });
        const subset = Object.entries(wanted).every(([k, v]) => alert[k] === v);
        expect(silenceMatches(s, alert, 1_500)).toBe(subset);
      }),
    );
  });
});

test("findSilence picks the matching silence that ends last, or null", () => {
  const short = silence({ id: "short", endsAt: 1_800 });
  const long = silence({ id: "long", endsAt: 5_000 });
  const other = silence({ id: "other", endsAt: 9_000, matchers: [{ label: "alertname", value: "other" }] });
  expect(findSilence([short, long, other], labels, 1_500)?.id).toBe("long");
  expect(findSilence([long, short], labels, 1_500)?.id).toBe("long");
  expect(findSilence([short], labels, 1_900)).toBeNull();
});

test.each<[number, string]>([
  [500, "pending"],
  [1_000, "active"],
  [2_000, "expired"],
])("silenceStatus at %d is %s", (now, expected) => {
  expect(silenceStatus({ startsAt: 1_000, endsAt: 2_000 }, now)).toBe(expected);
});
