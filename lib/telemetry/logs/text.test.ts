import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { displayText, downloadText, LineSplitter, storageText } from "./text";

/** Strings made of the characters that matter here: escapes, their parameters, line breaks, controls, plain text. */
const tricky = fc.string({ unit: fc.constantFrom("a", " ", "\n", "\r", "\u001b", "\u009b", "\u009d", "[", "]", "3", "1", ";", "m", "\u0007", "\\", "\u202e", "\u0000", "<"), maxLength: 40 });

describe("displayText", () => {
  test.each([
    { what: "ANSI colours are stripped", input: "\u001b[31mERROR\u001b[0m boom", out: "ERROR boom" },
    { what: "an OSC hyperlink is stripped to its text", input: "\u001b]8;;https://x.test\u0007link\u001b]8;;\u0007", out: "link" },
    { what: "line breaks become a visible mark", input: "one\ntwo\r\nthree", out: "one ↵ two ↵ three" },
    { what: "other controls become U+FFFD", input: "bell\u0007nul\u0000", out: "bell\uFFFDnul\uFFFD" },
    { what: "bidi overrides cannot reorder the text", input: "abc\u202Edef", out: "abc\uFFFDdef" },
    { what: "markup stays as it is (it only ever goes into a text node)", input: '<img src=x onerror="alert(1)">', out: '<img src=x onerror="alert(1)">' },
    { what: "tabs stay", input: "a\tb", out: "a\tb" },
  ])("$what", ({ input, out }) => expect(displayText(input)).toBe(out));

  test("never contains a line break or an escape character", () => {
    fc.assert(fc.property(tricky, (s) => !/[\n\r\u001b\u009b]/.test(displayText(s))));
  });
});

describe("downloadText", () => {
  test("escapes instead of dropping, so the line says what was there", () => {
    expect(downloadText("a\nb\\c\u0007\u001b[1mbold")).toBe("a\\nb\\\\c\\u0007bold");
  });
  test("is always one line", () => {
    fc.assert(fc.property(tricky, (s) => !/[\n\r]/.test(downloadText(s))));
  });
});

describe("storageText", () => {
  test("keeps text as received except NUL, and cuts long text without splitting a surrogate pair", () => {
    expect(storageText("a\u0000b")).toBe("a\uFFFDb");
    expect(storageText("lone \uD800 high, lone \uDC00 low, a pair 😀")).toBe("lone \uFFFD high, lone \uFFFD low, a pair 😀");
    const long = "x".repeat(100);
    const cut = storageText(long, 40);
    expect(cut).toBe(`${"x".repeat(13)}… [87 more characters cut]`);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(storageText(cut, 40)).toBe(cut);
    expect(storageText(`${"x".repeat(13)}😀${"y".repeat(50)}`, 40)).toBe(`${"x".repeat(13)}… [52 more characters cut]`);
  });
});

describe("LineSplitter", () => {
  test("lines across chunks, CRLF, empty lines skipped, the last line on flush", () => {
    const s = new LineSplitter();
    expect(s.push("hel")).toEqual([]);
    expect(s.push("lo\r\nwor")).toEqual(["hello"]);
    expect(s.push("ld\n\n\nnext")).toEqual(["world"]);
    expect(s.flush()).toEqual(["next"]);
    expect(s.flush()).toEqual([]);
  });

  test("a line that never ends is emitted in pieces: the buffer stays bounded", () => {
    const s = new LineSplitter(4);
    expect(s.push("abcdefghij")).toEqual(["abcd", "efgh"]);
    expect(s.push("klmnop\nq")).toEqual(["ijkl", "mnop"]);
    expect(s.flush()).toEqual(["q"]);
  });

  test("whatever the chunking, the same lines come out (when no line is over the limit)", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 20 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1 }), (lines, cuts) => {
        const text = lines.map((l) => `${l}\n`).join("");
        const s = new LineSplitter(8);
        const out: string[] = [];
        let i = 0;
        for (let k = 0; i < text.length; k++) {
          const n = cuts[k % cuts.length]!;
          out.push(...s.push(text.slice(i, i + n)));
          i += n;
        }
        out.push(...s.flush());
        expect(out).toEqual(lines);
      }),
    );
  });
});
