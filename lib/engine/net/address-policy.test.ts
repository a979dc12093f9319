import { describe, expect, test } from "vitest";
import { checkAddress, createAddressPolicy } from "./address-policy";
import { parseCidr } from "./cidr-set";
import { parseIp } from "./ip-literal";

const verdict = (address: string, options = {}) => checkAddress(createAddressPolicy(options), parseIp(address)!);

describe("default policy", () => {
  test.each([
    // cloud metadata in every spelling
    ["169.254.169.254"],
    ["2852039166"],
    ["0xA9FEA9FE"],
    ["0251.0376.0251.0376"],
    ["169.254.43518"],
    ["::ffff:169.254.169.254"],
    ["::ffff:a9fe:a9fe"],
    ["64:ff9b::a9fe:a9fe"],
    ["fd00:ec2::254"],
    ["100.100.100.200"],
    // link-local and "this network"
    ["169.254.1.1"],
    ["fe80::1"],
    ["fe80::1%eth0"],
    ["febf::1"],
    ["0.0.0.0"],
    ["0"],
    ["0.1.2.3"],
  ])("refuses %s as denied", (address) => {
    expect(verdict(address)).toMatchObject({ ok: false, code: "denied_address" });
  });

  test.each([["8.8.8.8"], ["100.64.0.1"], ["192.0.2.1"], ["2001:db8::1"], ["::"], ["224.0.0.1"], ["255.255.255.255"], ["64:ff9b::7f00:1"]])(
    "refuses %s as outside the allow-list",
    (address) => {
      expect(verdict(address)).toMatchObject({ ok: false, code: "not_allowed" });
    },
  );

  test.each([
    ["127.0.0.1", "127.0.0.1"],
    ["127.1", "127.0.0.1"],
    ["0x7f000001", "127.0.0.1"],
    ["::1", "::1"],
    ["::ffff:127.0.0.1", "127.0.0.1"], // IPv4-mapped loopback connects over IPv4
    ["10.1.2.3", "10.1.2.3"],
    ["172.31.255.255", "172.31.255.255"],
    ["192.168.0.10", "192.168.0.10"],
    ["fd12:3456::1", "fd12:3456::1"],
  ])("allows %s (connect to %s)", (address, connectTo) => {
    expect(verdict(address)).toEqual({ ok: true, ip: { family: connectTo.includes(":") ? 6 : 4, address: connectTo } });
  });

  test("the reason names the matching rule", () => {
    expect(verdict("0xA9FEA9FE")).toEqual({
      ok: false,
      code: "denied_address",
      reason: "169.254.169.254 is in the denied range 169.254.0.0/16 (link-local or cloud metadata)",
    });
  });
});

describe("configured allow-list", () => {
  test("narrowing to loopback refuses private ranges", () => {
    expect(verdict("10.0.0.1", { allow: ["127.0.0.0/8"] })).toMatchObject({ ok: false, code: "not_allowed" });
    expect(verdict("127.0.0.2", { allow: ["127.0.0.0/8"] })).toMatchObject({ ok: true });
  });

  test("allowing everything still never allows the denied ranges", () => {
    const allowAll = { allow: ["0.0.0.0/0", "::/0"] };
    expect(verdict("8.8.8.8", allowAll)).toMatchObject({ ok: true });
    expect(verdict("169.254.169.254", allowAll)).toMatchObject({ ok: false, code: "denied_address" });
    expect(verdict("::ffff:a9fe:a9fe", allowAll)).toMatchObject({ ok: false, code: "denied_address" });
  });

  test("extra deny ranges", () => {
    expect(verdict("10.9.9.9", { deny: ["10.9.0.0/16"] })).toMatchObject({ ok: false, code: "denied_address" });
  });
});

describe("parseCidr", () => {
  test.each([
    ["10.0.0.0/8", "10.0.0.0/8", 8],
    ["::1", "::1/128", 128],
    ["127.0.0.1", "127.0.0.1/32", 32],
    ["FC00::/7", "fc00::/7", 7],
  ])("%s", (input, text, prefix) => {
    expect(parseCidr(input)).toMatchObject({ text, prefix });
  });

  test.each(["10.0.0.0/33", "::/129", "10.0.0.0/x", "10.0.0.0/8/1", "example.com/8", "10.0.0.0/-1", "10.0.0.0/"])("rejects %s", (input) => {
    expect(() => parseCidr(input)).toThrow(/invalid CIDR/);
  });
});
