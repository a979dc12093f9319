import type { CheckResult, ExpectedStatus } from "../../domain/health";

const expectedText = (expected: ExpectedStatus) => (typeof expected === "number" ? String(expected) : `${expected.min}–${expected.max}`);

/** One line for the event log and the console. */
export function describeResult(result: CheckResult, expected: ExpectedStatus, timeoutMs: number, proberDetail?: string): string {
  switch (result.outcome) {
    case "passed":
      return `HTTP ${result.status}`;
    case "status_mismatch":
      return `HTTP ${result.status}, expected ${expectedText(expected)}`;
    case "timeout":
      return `no response within ${timeoutMs} ms`;
    case "connection_refused":
      return "connection refused";
    case "connection_error":
      return proberDetail ?? `connection error (${result.code})`;
  }
}
