import { describe, expect, test } from "vitest";
import { clientAddress, forwardRequestHeaders, forwardResponseHeaders, headerValue, isReplayable, requestHead, type ForwardingContext } from "./headers";

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
  test("drops hop-by-hop and Connection-named headers, keeps the rest in order (incl. repeated set-cookie)", () => {
    expect(
      forwardResponseHeaders([
        "Connection", "keep-alive, X-Internal",
        "Keep-Alive", "timeout=5",
        "Transfer-Encoding", "chunked",
        "X-Internal", "1",
        "Content-Type", "application/json",
        "Set-Cookie", "a=1",
        "set-cookie", "b=2",
      ]),
    ).toEqual({ headers: ["Content-Type", "application/json", "Set-Cookie", "a=1", "set-cookie", "b=2"], hasLength: false, unsupportedCoding: false });
  });

  test("notes a Content-Length, which frames the body for the client", () => {
    expect(forwardResponseHeaders(["Content-Length", "3"])).toEqual({ headers: ["Content-Length", "3"], hasLength: true, unsupportedCoding: false });
  });

  test("flags a transfer coding other than chunked, which cannot be passed on", () => {
    expect(forwardResponseHeaders(["Transfer-Encoding", "gzip, chunked"]).unsupportedCoding).toBe(true);
    expect(forwardResponseHeaders(["Transfer-Encoding", " Chunked "]).unsupportedCoding).toBe(false);
  });
});

describe("headerValue", () => {
  test.each([
    [["A", "1"], "b", undefined],
    [["Traceparent", "x"], "traceparent", "x"],
    [["traceparent", "x", "TRACEPARENT", "y"], "traceparent", ["x", "y"]],
  ] as const)("%j %s → %j", (headers, name, expected) => {
    expect(headerValue(headers, name)).toEqual(expected);
  });
});

describe("clientAddress for ip_hash", () => {
  test.each([
    ["socket address by default", ["X-Forwarded-For", "203.0.113.1"], null, "127.0.0.1"],
    ["the trusted header's first entry", ["X-Forwarded-For", " 203.0.113.1 , 10.0.0.1"], "x-forwarded-for", "203.0.113.1"],
    ["socket when the trusted header is absent", [], "x-forwarded-for", "127.0.0.1"],
    ["socket when the trusted header is empty", ["x-real-ip", ""], "x-real-ip", "127.0.0.1"],
  ])("%s", (_name, headers, trusted, expected) => {
    expect(clientAddress(headers, "127.0.0.1", trusted)).toBe(expected);
  });
});

describe("retry safety", () => {
  test.each([
    ["GET", false, true],
    ["HEAD", false, true],
    ["OPTIONS", false, true],
    ["PUT", false, true],
    ["DELETE", false, true],
    ["PUT", true, false],
    ["DELETE", true, false],
    ["POST", false, false],
    ["PATCH", false, false],
  ])("%s with body %s replayable: %s", (method, hasBody, expected) => {
    expect(isReplayable(method, hasBody)).toBe(expected);
  });
});

describe("requestHead", () => {
  test("HTTP/1.1 request line, headers as given, a Host when the client sent none, chunked framing re-added", () => {
    expect(requestHead("POST", "/a?b", ["X-A", "1"], "10.0.0.5:8080", true)).toBe(
      "POST /a?b HTTP/1.1\r\nX-A: 1\r\nhost: 10.0.0.5:8080\r\ntransfer-encoding: chunked\r\n\r\n",
    );
  });

  test("the client's Host is kept", () => {
    expect(requestHead("GET", "/", ["Host", "example.test"], "10.0.0.5:8080", false)).toBe("GET / HTTP/1.1\r\nHost: example.test\r\n\r\n");
  });
});
