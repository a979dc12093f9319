import { describe, expect, test } from "vitest";
import { clientAddress, forwardRequestHeaders, forwardResponseHeaders, hasNoBody, isReplayable, type ForwardingContext } from "./headers";

const context: ForwardingContext = {
  remoteAddress: "127.0.0.9",
  proto: "http",
  traceparent: "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01",
  keepTracestate: true,
  via: "1.1 stratus",
};
const SET_BY_PROXY = ["x-forwarded-for", "127.0.0.9", "x-forwarded-proto", "http", "traceparent", context.traceparent, "via", "1.1 stratus"];

describe("forwardRequestHeaders", () => {
  test("keeps end-to-end headers with their case and order, then sets the forwarding headers", () => {
    expect(forwardRequestHeaders(["Host", "shop.test", "Accept", "*/*", "X-Custom", "a", "x-custom", "b"], context)).toEqual([
      "Host",
      "shop.test",
      "Accept",
      "*/*",
      "X-Custom",
      "a",
      "x-custom",
      "b",
      ...SET_BY_PROXY,
    ]);
  });

  test.each([
    ["Connection", "keep-alive"],
    ["Keep-Alive", "timeout=5"],
    ["Proxy-Connection", "keep-alive"],
    ["Proxy-Authorization", "Basic x"],
    ["TE", "trailers"],
    ["Trailer", "Expires"],
    ["Transfer-Encoding", "chunked"],
    ["Upgrade", "websocket"],
    ["Expect", "100-continue"],
    ["X-Forwarded-Proto", "https"],
    ["traceparent", "00-ffffffffffffffffffffffffffffffff-ffffffffffffffff-01"],
  ])("drops or replaces %s", (name, value) => {
    expect(forwardRequestHeaders(["Host", "h", name, value], context)).toEqual(["Host", "h", ...SET_BY_PROXY]);
  });

  test("drops the headers that Connection names", () => {
    const out = forwardRequestHeaders(["Connection", "close, X-Session , x-trace", "X-Session", "1", "X-Trace", "2", "X-Keep", "3"], context);
    expect(out).toEqual(["X-Keep", "3", ...SET_BY_PROXY]);
  });

  test("appends to X-Forwarded-For and Via chains", () => {
    const out = forwardRequestHeaders(["X-Forwarded-For", "203.0.113.7", "x-forwarded-for", "10.0.0.1", "Via", "1.0 edge"], context);
    expect(out).toEqual([
      "x-forwarded-for",
      "203.0.113.7, 10.0.0.1, 127.0.0.9",
      "x-forwarded-proto",
      "http",
      "traceparent",
      context.traceparent,
      "via",
      "1.0 edge, 1.1 stratus",
    ]);
  });

  test.each([
    [true, ["tracestate", "vendor=1"]],
    [false, []],
  ])("tracestate is forwarded only with a valid parent (%s)", (keepTracestate, kept) => {
    const out = forwardRequestHeaders(["tracestate", "vendor=1"], { ...context, keepTracestate });
    expect(out.slice(0, kept.length)).toEqual(kept);
    expect(out.includes("tracestate")).toBe(keepTracestate);
  });

  test("no Via when disabled", () => {
    expect(forwardRequestHeaders([], { ...context, via: null })).toEqual(SET_BY_PROXY.slice(0, 6));
  });
});

describe("forwardResponseHeaders", () => {
  test("drops hop-by-hop and Connection-named headers, keeps the rest (incl. repeated set-cookie)", () => {
    expect(
      forwardResponseHeaders({
        connection: "keep-alive, x-internal",
        "keep-alive": "timeout=5",
        "transfer-encoding": "chunked",
        "x-internal": "1",
        "content-type": "application/json",
        "set-cookie": ["a=1", "b=2"],
      }),
    ).toEqual({ "content-type": "application/json", "set-cookie": ["a=1", "b=2"] });
  });
});

describe("clientAddress for ip_hash", () => {
  test.each([
    ["socket address by default", { "x-forwarded-for": "203.0.113.1" }, null, "127.0.0.1"],
    ["the trusted header's first entry", { "x-forwarded-for": " 203.0.113.1 , 10.0.0.1" }, "x-forwarded-for", "203.0.113.1"],
    ["socket when the trusted header is absent", {}, "x-forwarded-for", "127.0.0.1"],
    ["socket when the trusted header is empty", { "x-real-ip": "" }, "x-real-ip", "127.0.0.1"],
  ])("%s", (_name, headers, trusted, expected) => {
    expect(clientAddress(headers, "127.0.0.1", trusted)).toBe(expected);
  });
});

describe("retry safety", () => {
  test.each([
    ["GET", {}, true],
    ["HEAD", {}, true],
    ["OPTIONS", {}, true],
    ["PUT", { "content-length": "0" }, true],
    ["DELETE", {}, true],
    ["PUT", { "content-length": "12" }, false],
    ["DELETE", { "transfer-encoding": "chunked" }, false],
    ["POST", {}, false],
    ["PATCH", {}, false],
  ])("%s %j replayable: %s", (method, headers, expected) => {
    expect(isReplayable(method, headers)).toBe(expected);
  });

  test.each([
    [{}, true],
    [{ "content-length": "0" }, true],
    [{ "content-length": "5" }, false],
    [{ "transfer-encoding": "chunked" }, false],
  ])("hasNoBody(%j) = %s", (headers, expected) => {
    expect(hasNoBody(headers)).toBe(expected);
  });
});
