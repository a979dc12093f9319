import { describe, expect, test } from "vitest";
import { RandomIdSource } from "@/lib/dataplane/http/random-ids";
import { DEFAULT_SAMPLE_RATE, headSampled, keepSpans, parseSampleRate, ratioSampled, traceIdFraction } from "./sampler";

const ids = new RandomIdSource();
const traceIds = Array.from({ length: 20_000 }, () => ids.traceId());

describe("ratioSampled", () => {
  test("reads the trace id's rightmost 56 bits as a fraction", () => {
    expect(traceIdFraction(`${"f".repeat(18)}00000000000000`)).toBe(0);
    expect(traceIdFraction(`${"0".repeat(18)}80000000000000`)).toBe(0.5);
    expect(traceIdFraction(`${"0".repeat(18)}ffffffffffffff`)).toBeLessThan(1);
  });

  test("is deterministic per trace id: every hop with the same rate agrees", () => {
    for (const id of traceIds.slice(0, 1000)) expect(ratioSampled(id, 0.3)).toBe(ratioSampled(id, 0.3));
  });

  test.each([0.01, 0.1, 0.5, 0.9])("samples %f of 20,000 random trace ids within 4 standard deviations", (rate) => {
    const sampled = traceIds.filter((id) => ratioSampled(id, rate)).length;
    const sd = Math.sqrt(traceIds.length * rate * (1 - rate));
    expect(Math.abs(sampled - traceIds.length * rate)).toBeLessThan(4 * sd);
  });

  test("a trace sampled at one rate is sampled at every higher rate (consistent across services)", () => {
    for (const id of traceIds.slice(0, 2000)) if (ratioSampled(id, 0.2)) expect(ratioSampled(id, 0.5)).toBe(true);
  });

  test("rate 0 keeps none, rate 1 keeps all", () => {
    expect(traceIds.some((id) => ratioSampled(id, 0))).toBe(false);
    expect(traceIds.every((id) => ratioSampled(id, 1))).toBe(true);
  });
});

describe("headSampled (parent-based)", () => {
  const unlikely = `${"0".repeat(18)}ffffffffffffff`; // never sampled by ratio below 1
  test.each([
    ["01", 0, true],
    ["03", 0, true],
    ["00", 1, false],
    ["02", 1, false],
  ])("a caller's flags %s decide, whatever the rate (%f)", (flags, rate, sampled) => {
    expect(headSampled(flags, unlikely, rate)).toBe(sampled);
  });

  test("without a caller the trace id decides", () => {
    expect(headSampled(null, unlikely, 0.99)).toBe(false);
    expect(headSampled(null, `${"0".repeat(31)}1`, 0.01)).toBe(true);
  });
});

test("errors are always kept, successes only when sampled", () => {
  expect([keepSpans(true, false), keepSpans(false, true), keepSpans(true, true), keepSpans(false, false)]).toEqual([true, true, true, false]);
});

describe("parseSampleRate", () => {
  test.each([
    [undefined, DEFAULT_SAMPLE_RATE],
    ["", DEFAULT_SAMPLE_RATE],
    ["0", 0],
    ["0.25", 0.25],
    ["1", 1],
  ])("%j → %f", (raw, rate) => {
    expect(parseSampleRate(raw)).toBe(rate);
  });

  test.each(["-0.1", "1.5", "ten percent", "NaN"])("%j is refused, naming the variable", (raw) => {
    expect(() => parseSampleRate(raw)).toThrow(/STRATUS_TRACE_SAMPLE_RATE must be a number from 0 to 1/);
  });
});
