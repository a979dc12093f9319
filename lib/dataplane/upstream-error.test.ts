import { describe, expect, test } from "vitest";
import { classifyUpstreamError, describeUpstreamError } from "./upstream-error";

describe("classifyUpstreamError", () => {
  test.each([
    ["ECONNREFUSED", "connect"],
    ["ECONNRESET", "connect"],
    ["UPSTREAM_CLOSED", "connect"],
    ["EPIPE", "connect"],
    ["UND_ERR_CONNECT_TIMEOUT", "timeout"],
    ["UND_ERR_HEADERS_TIMEOUT", "timeout"],
    ["ERR_SSRF_REFUSED", "other"],
    ["UND_ERR_CLOSED", "other"],
  ])("%s → %s", (code, kind) => {
    expect(classifyUpstreamError(Object.assign(new Error("x"), { code }))).toBe(kind);
  });

  test.each([null, undefined, new Error("no code"), { code: 42 }])("%j without a code → other", (error) => {
    expect(classifyUpstreamError(error)).toBe("other");
  });

  test("the detail names the code, never the message", () => {
    expect(describeUpstreamError(Object.assign(new Error("secret backend text"), { code: "ECONNREFUSED" }))).toBe("upstream error ECONNREFUSED");
    expect(describeUpstreamError(new Error("secret backend text"))).toBe("upstream error");
  });
});
