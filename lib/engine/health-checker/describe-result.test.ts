import { expect, test } from "vitest";
import type { CheckResult, ExpectedStatus } from "../../domain/health";
import { describeResult } from "./describe-result";

test.each<[CheckResult, ExpectedStatus, string | undefined, string]>([
  [{ outcome: "passed", status: 200 }, 200, undefined, "HTTP 200"],
  [{ outcome: "status_mismatch", status: 302 }, 200, undefined, "HTTP 302, expected 200"],
  [{ outcome: "status_mismatch", status: 500 }, { min: 200, max: 399 }, undefined, "HTTP 500, expected 200–399"],
  [{ outcome: "timeout" }, 200, undefined, "no response within 250 ms"],
  [{ outcome: "connection_refused" }, 200, undefined, "connection refused"],
  [{ outcome: "connection_error", code: "ECONNRESET" }, 200, undefined, "connection error (ECONNRESET)"],
  [{ outcome: "connection_error", code: "ERR_SSRF_REFUSED" }, 200, "refused by the SSRF guard: …", "refused by the SSRF guard: …"],
])("%j → %s", (result, expected, detail, text) => {
  expect(describeResult(result, expected, 250, detail)).toBe(text);
});
