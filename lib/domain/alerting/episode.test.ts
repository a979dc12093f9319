import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { stepEpisode } from "./episode";
import type { OpenEpisode } from "./types";

const breach = (value = 500) => ({ breaching: true, value });
const clear = (value = 100) => ({ breaching: false, value });

describe("stepEpisode", () => {
  test("inactive stays inactive without a breach, or when the group has no series", () => {
    expect(stepEpisode(null, clear(), 0, 60)).toEqual({ open: null, transitions: [] });
    expect(stepEpisode(null, null, 0, 60)).toEqual({ open: null, transitions: [] });
  });

  test("inactive → pending on the first breach, → firing after forSeconds of breaching, → resolved when it clears", () => {
    const a = stepEpisode(null, breach(400), 1_000, 60);
    expect(a.open).toEqual({ state: "pending", activeSince: 1_000, firedAt: null, value: 400 });
    expect(a.transitions).toEqual([{ from: null, to: "pending", at: 1_000, value: 400, note: null }]);

    const b = stepEpisode(a.open, breach(450), 50_000, 60);
    expect(b.open).toEqual({ state: "pending", activeSince: 1_000, firedAt: null, value: 450 });
    expect(b.transitions).toEqual([]);

    const c = stepEpisode(b.open, breach(470), 61_000, 60);
    expect(c.open).toEqual({ state: "firing", activeSince: 1_000, firedAt: 61_000, value: 470 });
    expect(c.transitions).toEqual([{ from: "pending", to: "firing", at: 61_000, value: 470, note: "breached for 60 s" }]);

    const d = stepEpisode(c.open, breach(480), 70_000, 60);
    expect(d).toEqual({ open: { ...c.open!, value: 480 }, transitions: [] });

    const e = stepEpisode(d.open, clear(120), 80_000, 60);
    expect(e).toEqual({ open: null, transitions: [{ from: "firing", to: "resolved", at: 80_000, value: 120, note: "no longer breaching" }] });
  });

  test("forSeconds 0 fires on the first breach", () => {
    expect(stepEpisode(null, breach(1), 5, 0)).toEqual({
      open: { state: "firing", activeSince: 5, firedAt: 5, value: 1 },
      transitions: [{ from: null, to: "firing", at: 5, value: 1, note: null }],
    });
  });

  test("a pending episode that clears ends resolved without firing, and says so", () => {
    const pending: OpenEpisode = { state: "pending", activeSince: 0, firedAt: null, value: 400 };
    expect(stepEpisode(pending, clear(90), 20_000, 60)).toEqual({
      open: null,
      transitions: [{ from: "pending", to: "resolved", at: 20_000, value: 90, note: "no longer breaching after 20 s of the 60 s needed: never fired" }],
    });
  });

  test("a group whose series vanished resolves with its last value", () => {
    const firing: OpenEpisode = { state: "firing", activeSince: 0, firedAt: 0, value: 7 };
    expect(stepEpisode(firing, null, 9_000, 0).transitions).toEqual([{ from: "firing", to: "resolved", at: 9_000, value: 7, note: "no series matched" }]);
  });

  test("a breach after resolution opens a new episode", () => {
    const resolved = stepEpisode({ state: "firing", activeSince: 0, firedAt: 0, value: 5 }, clear(), 10_000, 0);
    expect(resolved.open).toBeNull();
    const again = stepEpisode(resolved.open, breach(6), 20_000, 0);
    expect(again.open).toEqual({ state: "firing", activeSince: 20_000, firedAt: 20_000, value: 6 });
  });
});

describe("stepEpisode invariants over any sequence of evaluations", () => {
  const evaluations = fc.array(fc.record({ gapMs: fc.integer({ min: 1, max: 30_000 }), observation: fc.option(fc.record({ breaching: fc.boolean(), value: fc.integer() }), { nil: null }) }), {
    maxLength: 60,
  });

  test("transitions chain from the state before; firing only after forSeconds of unbroken breach; pending never resolves having fired", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), evaluations, (forSeconds, steps) => {
        let open: OpenEpisode | null = null;
        let now = 0;
        let breachingSince: number | null = null;
        for (const { gapMs, observation } of steps) {
          now += gapMs;
          const before: OpenEpisode | null = open;
          const result = stepEpisode(before, observation, now, forSeconds);
          if (observation?.breaching) breachingSince ??= now;
          else breachingSince = null;
          for (const t of result.transitions) {
            expect(t.from).toBe(before?.state ?? null);
            if (t.to === "firing") expect(now - breachingSince!).toBeGreaterThanOrEqual(forSeconds * 1000);
            if (t.to === "resolved" && t.from === "pending") expect(before!.firedAt).toBeNull();
          }
          expect(result.transitions.length).toBeLessThanOrEqual(1);
          if (result.transitions.length === 0) expect(result.open?.state ?? null).toBe(before?.state ?? null);
          // Open exactly while the group breaches; the episode began when the unbroken breach began.
          expect(result.open !== null).toBe(Boolean(observation?.breaching));
          if (result.open) expect(result.open.activeSince).toBe(breachingSince);
          open = result.open;
        }
      }),
    );
  });
});
