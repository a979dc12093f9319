import { describe, expect, test } from "vitest";
import { embeddedIpv4, parseHost, parseIp } from "./ip-literal";

describe("parseHost reads every spelling a socket would accept", () => {
  test.each([
    ["169.254.169.254", "169.254.169.254"],
    ["2852039166", "169.254.169.254"], // one 32-bit decimal
    ["0xA9FEA9FE", "169.254.169.254"], // one hex number
    ["0xa9.0xfe.0xa9.0xfe", "169.254.169.254"], // hex parts
    ["0251.0376.0251.0376", "169.254.169.254"], // octal parts
    ["169.254.43518", "169.254.169.254"], // a.b.(16 bits)
    ["169.16689662", "169.254.169.254"], // a.(24 bits)
    ["127.1", "127.0.0.1"],
    ["0", "0.0.0.0"],
    [" 10.0.0.1 ", "10.0.0.1"],
  ])("IPv4 %s → %s", (input, address) => {
    expect(parseHost(input)).toEqual({ kind: "ip", ip: { family: 4, address } });
  });

  test.each([
    ["::1", "::1"],
    ["[::1]", "::1"],
    ["0:0:0:0:0:0:0:1", "::1"],
    ["::ffff:169.254.169.254", "::ffff:a9fe:a9fe"],
    ["::FFFF:A9FE:A9FE", "::ffff:a9fe:a9fe"],
    ["FD00:EC2::254", "fd00:ec2::254"],
  ])("IPv6 %s → %s", (input, address) => {
    expect(parseHost(input)).toEqual({ kind: "ip", ip: { family: 6, address } });
  });

  test.each([
    ["fe80::1%eth0", "fe80::1", "eth0"],
    ["[fe80::a9fe:a9fe%25]", "fe80::a9fe:a9fe", "25"],
  ])("IPv6 with a zone id %s", (input, address, zone) => {
    expect(parseHost(input)).toEqual({ kind: "ip", ip: { family: 6, address, zone } });
  });

  test.each([
    ["backend.internal", "backend.internal"],
    ["LOCALHOST", "localhost"],
    ["a-1.example", "a-1.example"],
  ])("a name %s stays a name (%s)", (input, name) => {
    expect(parseHost(input)).toEqual({ kind: "name", name });
  });

  test.each(["", "256.1.1.1", "1.2.3.4.5", "09.1.1.1", "a b", "host/path", "user@host", "fe80::1%", "fe80::1%a%b", ":::1", "[::1"])(
    "%j is invalid",
    (input) => {
      expect(parseHost(input).kind).toBe("invalid");
    },
  );

  test("parseIp refuses names", () => {
    expect(parseIp("example.com")).toBeNull();
    expect(parseIp("127.0.0.1")).toEqual({ family: 4, address: "127.0.0.1" });
  });
});

describe("embeddedIpv4", () => {
  test.each([
    ["::ffff:a9fe:a9fe", "169.254.169.254"],
    ["::ffff:169.254.169.254", "169.254.169.254"],
    ["::ffff:7f00:1", "127.0.0.1"],
    ["64:ff9b::a9fe:a9fe", "169.254.169.254"],
  ])("%s carries %s", (input, ipv4) => {
    expect(embeddedIpv4(parseIp(input)!)).toEqual({ family: 4, address: ipv4 });
  });

  test.each(["::1", "fe80::1", "fd00:ec2::254", "127.0.0.1", "::a9fe:a9fe"])("%s carries none", (input) => {
    expect(embeddedIpv4(parseIp(input)!)).toBeNull();
  });
});
