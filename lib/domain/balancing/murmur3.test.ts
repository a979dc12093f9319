import { describe, expect, test } from "vitest";
import { murmur3 } from "./murmur3";

describe("murmur3 (MurmurHash3 x86_32 published test vectors: SMHasher, Wikipedia, Bitcoin Core)", () => {
  test.each([
    ["", 0, 0],
    ["", 1, 0x514e28b7],
    ["", 0xffffffff, 0x81f16f39],
    ["test", 0, 0xba6bd213],
    ["abc", 0, 0xb3dd93fa],
    ["a", 0x9747b28c, 0x7fa09ea6],
    ["aa", 0x9747b28c, 0x5d211726],
    ["aaa", 0x9747b28c, 0x283e0130],
    ["aaaa", 0x9747b28c, 0x5a97808a],
    ["Hello, world!", 1234, 0xfaf6cdb3],
    ["Hello, world!", 0x9747b28c, 0x24884cba],
    ["The quick brown fox jumps over the lazy dog", 0, 0x2e4ff723],
    ["The quick brown fox jumps over the lazy dog", 0x9747b28c, 0x2fa826cd],
    ["ππππππππ (UTF-8, 2 bytes per char)", 0x9747b28c, 0xd58063c1],
  ])("%j with seed %i", (text, seed, expected) => {
    const input = text.startsWith("ππππππππ") ? "ππππππππ" : text;
    expect(murmur3(input, seed)).toBe(expected);
  });

  test("long keys grow the scratch buffer and still hash the UTF-8 bytes", () => {
    const long = "a".repeat(256);
    expect(murmur3(long, 0x9747b28c)).toBe(0x37405bdc);
  });

  test("seed defaults to 0", () => {
    expect(murmur3("test")).toBe(0xba6bd213);
  });
});
