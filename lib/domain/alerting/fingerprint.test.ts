import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { fingerprint } from "./fingerprint";

describe("fingerprint", () => {
  test("the empty set is FNV-1a 64's offset basis; the output is 16 hex digits", () => {
    expect(fingerprint({})).toBe("cbf29ce484222325");
    expect(fingerprint({ pool: "web" })).toMatch(/^[0-9a-f]{16}$/);
  });

  test.each([
    [{ a: "b" }, { ab: "" }],
    [{ a: "bc" }, { ab: "c" }],
    [{ pool: "web" }, { pool: "api" }],
    [{ pool: "web" }, { pool: "web", backend: "" }],
  ])("the separator keeps %j and %j apart", (x, y) => {
    expect(fingerprint(x)).not.toBe(fingerprint(y));
  });

  test("does not depend on key order", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 6 }), (labels) => {
        const reversed = Object.fromEntries(Object.entries(labels).reverse());
        expect(fingerprint(reversed)).toBe(fingerprint(labels));
      }),
    );
  });
});
