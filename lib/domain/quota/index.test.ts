import { describe, expect, test } from "vitest";
import * as quota from "./index";

describe("quota public API", () => {
  test("exports checkQuota only", () => {
    expect(Object.keys(quota)).toEqual(["checkQuota"]);
    expect(quota.checkQuota(0, 1, 1)).toEqual({ ok: true });
  });
});
