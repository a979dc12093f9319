import { describe, expect, test } from "vitest";
import { formatTaints, parseTaints } from "./taints";

describe("parseTaints", () => {
  test("reads key=value:Effect and key:Effect, skipping blanks and comments", () => {
    expect(parseTaints("stratus.io/gpu=true:NoSchedule\n\n  # maintenance window\n dedicated : PreferNoSchedule \nspot=:NoExecute")).toEqual({
      ok: true,
      taints: [
        { key: "stratus.io/gpu", value: "true", effect: "NoSchedule" },
        { key: "dedicated", effect: "PreferNoSchedule" },
        { key: "spot", effect: "NoExecute" },
      ],
    });
  });

  test("an empty text is no taints", () => {
    expect(parseTaints("")).toEqual({ ok: true, taints: [] });
    expect(parseTaints("\n  \n")).toEqual({ ok: true, taints: [] });
  });

  test("accepts Windows line endings", () => {
    expect(parseTaints("a=b:NoSchedule\r\nc:NoExecute\r\n")).toEqual({
      ok: true,
      taints: [
        { key: "a", value: "b", effect: "NoSchedule" },
        { key: "c", effect: "NoExecute" },
      ],
    });
  });

  test("names the line of a missing effect", () => {
    expect(parseTaints("ok:NoSchedule\ngpu=true")).toEqual({ ok: false, error: "Line 2: add an effect, e.g. gpu=true:NoSchedule" });
  });

  test("rejects an unknown effect, listing the valid ones", () => {
    const result = parseTaints("gpu=true:NoScheduling");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe('Line 1: the effect must be one of NoSchedule, PreferNoSchedule, NoExecute (got "NoScheduling")');
  });

  test("effects are case-sensitive, as in Kubernetes", () => {
    expect(parseTaints("gpu:noschedule").ok).toBe(false);
  });

  test("rejects a missing key", () => {
    expect(parseTaints("=true:NoSchedule")).toEqual({ ok: false, error: "Line 1: the taint key is missing" });
    expect(parseTaints(":NoSchedule")).toEqual({ ok: false, error: "Line 1: the taint key is missing" });
  });

  test("rejects spaces inside keys or values", () => {
    expect(parseTaints("my key=x:NoSchedule").ok).toBe(false);
    expect(parseTaints("k=a b:NoSchedule").ok).toBe(false);
  });

  test("rejects the same key and effect twice, but allows one key with two effects", () => {
    expect(parseTaints("a=1:NoSchedule\na=2:NoSchedule")).toEqual({ ok: false, error: "Line 2: duplicate taint a with effect NoSchedule" });
    expect(parseTaints("a=1:NoSchedule\na=1:NoExecute").ok).toBe(true);
  });

  test("round-trips with formatTaints", () => {
    const taints = [
      { key: "stratus.io/gpu", value: "true", effect: "NoSchedule" as const },
      { key: "dedicated", effect: "NoExecute" as const },
    ];
    expect(formatTaints(taints)).toBe("stratus.io/gpu=true:NoSchedule\ndedicated:NoExecute");
    expect(parseTaints(formatTaints(taints))).toEqual({ ok: true, taints });
  });
});
