import { describe, expect, it } from "vitest";
import { encodeSampleRows } from "./metric-sample-copy";

describe("encodeSampleRows", () => {
  it("writes COPY's binary format: signature, then per row three 8-byte fields, then the trailer", () => {
    const at = Date.UTC(2026, 10, 25, 12, 0, 0, 123);
    const buf = encodeSampleRows([42n, 9_007_199_254_740_993n], [at, Date.UTC(1999, 11, 31, 23, 59, 59)], [1.5, -0]);
    expect(buf.subarray(0, 11).toString("latin1")).toBe("PGCOPY\n\xff\r\n\0");
    expect(buf.readInt32BE(11)).toBe(0); // flags
    expect(buf.readInt32BE(15)).toBe(0); // no header extension
    const row = (n: number) => 19 + n * 38;
    expect(buf.readInt16BE(row(0))).toBe(3);
    expect([buf.readInt32BE(row(0) + 2), buf.readInt32BE(row(0) + 14), buf.readInt32BE(row(0) + 26)]).toEqual([8, 8, 8]);
    expect(buf.readBigInt64BE(row(0) + 6)).toBe(42n);
    // Microseconds since 2000-01-01T00:00:00Z.
    expect(buf.readBigInt64BE(row(0) + 18)).toBe(BigInt(at - Date.UTC(2000, 0, 1)) * 1000n);
    expect(buf.readDoubleBE(row(0) + 30)).toBe(1.5);
    expect(buf.readBigInt64BE(row(1) + 6)).toBe(9_007_199_254_740_993n);
    expect(buf.readBigInt64BE(row(1) + 18)).toBe(-1_000_000n); // a second before Postgres' epoch
    expect(Object.is(buf.readDoubleBE(row(1) + 30), -0)).toBe(true);
    expect(buf.readInt16BE(row(2))).toBe(-1);
    expect(buf.length).toBe(row(2) + 2);
  });
});
