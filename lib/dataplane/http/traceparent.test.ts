import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { childTraceparent, formatTraceparent, isSampled, parseTraceparent, type IdSource } from "./traceparent";
import { RandomIdSource } from "./random-ids";

const TRACE = "0af7651916cd43dd8448eb211c80319c";
const SPAN = "b7ad6b7169203331";
const fixedIds: IdSource = { traceId: () => "4bf92f3577b34da6a3ce929d0e0e4736", spanId: () => "00f067aa0ba902b7" };

describe("parseTraceparent (W3C Trace Context)", () => {
  test.each([
    [`00-${TRACE}-${SPAN}-01`, { traceId: TRACE, parentId: SPAN, flags: "01" }],
    [`00-${TRACE}-${SPAN}-00`, { traceId: TRACE, parentId: SPAN, flags: "00" }],
    [` 00-${TRACE}-${SPAN}-01 `, { traceId: TRACE, parentId: SPAN, flags: "01" }],
    // a future version is read by its version-00 prefix, with or without extra fields
    [`cc-${TRACE}-${SPAN}-01`, { traceId: TRACE, parentId: SPAN, flags: "01" }],
    [`cc-${TRACE}-${SPAN}-01-what-the-future-holds`, { traceId: TRACE, parentId: SPAN, flags: "01" }],
  ])("valid %s", (header, context) => {
    expect(parseTraceparent(header)).toEqual(context);
  });

  test.each([
    ["missing", undefined],
    ["empty", ""],
    ["version ff", `ff-${TRACE}-${SPAN}-01`],
    ["version 00 with extra fields", `00-${TRACE}-${SPAN}-01-extra`],
    ["all-zero trace id", `00-${"0".repeat(32)}-${SPAN}-01`],
    ["all-zero parent id", `00-${TRACE}-${"0".repeat(16)}-01`],
    ["upper-case hex", `00-${TRACE.toUpperCase()}-${SPAN}-01`],
    ["short trace id", `00-${TRACE.slice(1)}-${SPAN}-01`],
    ["long parent id", `00-${TRACE}-${SPAN}0-01`],
    ["one-digit flags", `00-${TRACE}-${SPAN}-1`],
    ["non-hex", `00-${TRACE.replace("a", "g")}-${SPAN}-01`],
    ["two headers joined", `00-${TRACE}-${SPAN}-01, 00-${TRACE}-${SPAN}-01`],
    ["a header list", [`00-${TRACE}-${SPAN}-01`]],
    ["future version not followed by -", `cc-${TRACE}-${SPAN}-01x`],
  ])("invalid: %s", (_name, header) => {
    expect(parseTraceparent(header as string | undefined)).toBeNull();
  });

  test("format ∘ parse is the identity on valid version-00 headers", () => {
    const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
    fc.assert(
      fc.property(hex(32), hex(16), hex(2), (traceId, parentId, flags) => {
        fc.pre(!/^0+$/.test(traceId) && !/^0+$/.test(parentId));
        const header = `00-${traceId}-${parentId}-${flags}`;
        expect(formatTraceparent(parseTraceparent(header)!)).toBe(header);
      }),
    );
  });
});

describe("childTraceparent", () => {
  test("keeps a valid caller's trace id and flags, with a new span id as the backend's parent", () => {
    expect(childTraceparent(`00-${TRACE}-${SPAN}-00`, fixedIds, () => true)).toEqual({
      header: `00-${TRACE}-00f067aa0ba902b7-00`,
      context: { traceId: TRACE, parentId: "00f067aa0ba902b7", flags: "00" },
      parent: { traceId: TRACE, parentId: SPAN, flags: "00" },
      continued: true,
    });
  });

  test("a future version continues as version 00", () => {
    expect(childTraceparent(`cc-${TRACE}-${SPAN}-01-x`, fixedIds).header).toBe(`00-${TRACE}-00f067aa0ba902b7-01`);
  });

  test.each([undefined, "garbage", `00-${"0".repeat(32)}-${SPAN}-01`])("starts a sampled trace when the header is %j", (incoming) => {
    expect(childTraceparent(incoming, fixedIds)).toMatchObject({ header: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", parent: null, continued: false });
  });

  test("a trace we start carries our sampler's decision, which sees the new trace id", () => {
    const seen: string[] = [];
    const trace = childTraceparent(undefined, fixedIds, (traceId) => (seen.push(traceId), false));
    expect(trace.header).toBe("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
    expect(seen).toEqual(["4bf92f3577b34da6a3ce929d0e0e4736"]);
    expect(isSampled(trace.context)).toBe(false);
    expect(isSampled({ ...trace.context, flags: "03" })).toBe(true);
  });

  test("real ids are valid and unique", () => {
    const ids = new RandomIdSource();
    const headers = Array.from({ length: 2000 }, () => childTraceparent(undefined, ids).header);
    expect(headers.every((h) => parseTraceparent(h) !== null)).toBe(true);
    expect(new Set(headers.map((h) => h.slice(3, 35))).size).toBe(headers.length);
  });
});
