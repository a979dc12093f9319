import { describe, expect, test } from "vitest";
import { DEFAULT_HEALTH_CHECK, statusMatches, validateHealthCheckConfig } from "./health-check-config";
import type { HealthCheckConfig } from "./types";

describe("DEFAULT_HEALTH_CHECK", () => {
  test("is our documented live-console deviation from ELB (30 s / 5 s / 5 / 2, path /)", () => {
    expect(DEFAULT_HEALTH_CHECK).toEqual({
      path: "/healthz",
      intervalMs: 5_000,
      timeoutMs: 2_000,
      healthyThreshold: 3,
      unhealthyThreshold: 2,
      expectedStatus: 200,
    });
    expect(validateHealthCheckConfig(DEFAULT_HEALTH_CHECK)).toEqual([]);
  });
});

describe("statusMatches (ELB matcher: one code or a range)", () => {
  test.each([
    [200, 200, true],
    [204, 200, false],
    [204, { min: 200, max: 299 }, true],
    [299, { min: 200, max: 299 }, true],
    [300, { min: 200, max: 299 }, false],
    [199, { min: 200, max: 299 }, false],
  ] as const)("status %i against %j → %s", (status, expected, matches) => {
    expect(statusMatches(status, expected)).toBe(matches);
  });
});

describe("validateHealthCheckConfig", () => {
  const valid = DEFAULT_HEALTH_CHECK;
  test.each<[string, Partial<HealthCheckConfig>, string]>([
    ["relative path", { path: "healthz" }, "path must start with /"],
    ["zero interval", { intervalMs: 0 }, "intervalMs must be a positive integer"],
    ["fractional timeout", { timeoutMs: 1.5 }, "timeoutMs must be a positive integer"],
    ["timeout not shorter than interval (ELB rule)", { timeoutMs: 5_000 }, "timeoutMs must be shorter than intervalMs"],
    ["zero healthy threshold", { healthyThreshold: 0 }, "healthyThreshold must be a positive integer"],
    ["fractional unhealthy threshold", { unhealthyThreshold: 2.5 }, "unhealthyThreshold must be a positive integer"],
    ["status below 100", { expectedStatus: 99 }, "expectedStatus must be an HTTP status or a range within 100–599"],
    ["inverted range", { expectedStatus: { min: 300, max: 200 } }, "expectedStatus must be an HTTP status or a range within 100–599"],
    ["range above 599", { expectedStatus: { min: 200, max: 600 } }, "expectedStatus must be an HTTP status or a range within 100–599"],
    ["fractional status", { expectedStatus: 200.5 }, "expectedStatus must be an HTTP status or a range within 100–599"],
  ])("rejects %s", (_name, change, error) => {
    expect(validateHealthCheckConfig({ ...valid, ...change })).toEqual([error]);
  });

  test("accepts a range matcher", () => {
    expect(validateHealthCheckConfig({ ...valid, expectedStatus: { min: 200, max: 399 } })).toEqual([]);
  });
});
