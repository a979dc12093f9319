import { describe, expect, test } from "vitest";
import { classifyProbe, type ProbeOutcome } from "./classify-probe";
import type { CheckResult } from "./types";

describe("classifyProbe (ELB reason codes: Target.Timeout, Target.ResponseCodeMismatch, refused, other)", () => {
  test.each<[string, ProbeOutcome, CheckResult]>([
    ["expected status passes", { status: 200 }, { outcome: "passed", status: 200 }],
    ["other 2xx is a mismatch when 200 is expected", { status: 204 }, { outcome: "status_mismatch", status: 204 }],
    ["5xx is a mismatch with its status", { status: 503 }, { outcome: "status_mismatch", status: 503 }],
    ["ETIMEDOUT is a timeout", { errorCode: "ETIMEDOUT" }, { outcome: "timeout" }],
    ["undici connect timeout", { errorCode: "UND_ERR_CONNECT_TIMEOUT" }, { outcome: "timeout" }],
    ["undici headers timeout", { errorCode: "UND_ERR_HEADERS_TIMEOUT" }, { outcome: "timeout" }],
    ["fetch AbortSignal.timeout()", { errorCode: "TimeoutError" }, { outcome: "timeout" }],
    ["our abort on timeout", { errorCode: "AbortError" }, { outcome: "timeout" }],
    ["ECONNREFUSED", { errorCode: "ECONNREFUSED" }, { outcome: "connection_refused" }],
    ["ECONNRESET keeps its code", { errorCode: "ECONNRESET" }, { outcome: "connection_error", code: "ECONNRESET" }],
    ["DNS failure keeps its code", { errorCode: "ENOTFOUND" }, { outcome: "connection_error", code: "ENOTFOUND" }],
  ])("%s", (_name, probe, expected) => {
    expect(classifyProbe(probe, 200)).toEqual(expected);
  });

  test("a range matcher accepts any status inside it", () => {
    expect(classifyProbe({ status: 302 }, { min: 200, max: 399 })).toEqual({ outcome: "passed", status: 302 });
  });
});
