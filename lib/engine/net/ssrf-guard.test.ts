import { describe, expect, test, vi } from "vitest";
import { SsrfGuard, type Lookup } from "./ssrf-guard";

const lookupOf = (table: Record<string, string[]>): Lookup =>
  vi.fn(async (name: string) => {
    const addresses = table[name];
    if (addresses === undefined) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address }));
  });

describe("SsrfGuard.resolve", () => {
  test("an allowed literal pins the origin and keeps the Host header", async () => {
    const guard = new SsrfGuard({ lookup: lookupOf({}) });
    expect(await guard.resolve("127.0.0.1", 8080)).toEqual({
      ok: true,
      target: { ip: { family: 4, address: "127.0.0.1" }, port: 8080, origin: "http://127.0.0.1:8080", hostHeader: "127.0.0.1:8080" },
    });
    expect(await guard.resolve("::1", 80)).toMatchObject({ ok: true, target: { origin: "http://[::1]:80", hostHeader: "[::1]" } });
  });

  test("a name is resolved once; the origin is the checked IP and Host is the name", async () => {
    const lookup = lookupOf({ "api.internal": ["10.0.0.7"] });
    const guard = new SsrfGuard({ lookup });
    expect(await guard.resolve("api.internal", 9000)).toMatchObject({
      ok: true,
      target: { origin: "http://10.0.0.7:9000", hostHeader: "api.internal:9000" },
    });
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  test.each([
    ["metadata.evil", ["169.254.169.254"]],
    ["mapped.evil", ["::ffff:169.254.169.254"]],
    ["mixed.evil", ["10.0.0.1", "169.254.169.254"]], // any bad answer refuses the name
    ["v6.evil", ["fd00:ec2::254"]],
  ])("a name resolving to metadata (%s) is refused", async (name, answers) => {
    const guard = new SsrfGuard({ lookup: lookupOf({ [name]: answers }) });
    const decision = await guard.resolve(name, 80);
    expect(decision).toMatchObject({ ok: false, code: "denied_address" });
    expect(decision.ok === false && decision.reason).toContain(`${name} resolves to`);
  });

  test.each(["169.254.169.254", "2852039166", "0xA9FEA9FE", "0251.0376.0251.0376", "169.254.43518", "::ffff:a9fe:a9fe", "[::ffff:169.254.169.254]"])(
    "the metadata literal %s is refused without any DNS lookup",
    async (address) => {
      const lookup = lookupOf({});
      const decision = await new SsrfGuard({ lookup }).resolve(address, 80);
      expect(decision).toMatchObject({ ok: false, code: "denied_address" });
      expect(lookup).not.toHaveBeenCalled();
    },
  );

  test.each([
    ["nowhere.invalid", "resolution_failed"],
    ["bad host!", "invalid_address"],
    ["1.2.3.4.5", "invalid_address"],
  ])("%s → %s", async (address, code) => {
    expect(await new SsrfGuard({ lookup: lookupOf({}) }).resolve(address, 80)).toMatchObject({ ok: false, code });
  });

  test("a name with no answers or a non-address answer is refused", async () => {
    const guard = new SsrfGuard({ lookup: lookupOf({ empty: [], weird: ["not-an-ip"] }) });
    expect(await guard.resolve("empty", 80)).toMatchObject({ ok: false, code: "resolution_failed" });
    expect(await guard.resolve("weird", 80)).toMatchObject({ ok: false, code: "invalid_address" });
  });

  test.each([0, 65_536, 1.5])("port %s is refused", async (port) => {
    expect(await new SsrfGuard().resolve("127.0.0.1", port)).toMatchObject({ ok: false, code: "invalid_address" });
  });

  test("the allow-list is configurable", async () => {
    const guard = new SsrfGuard({ allow: ["127.0.0.0/8"], lookup: lookupOf({ "db.internal": ["10.0.0.5"] }) });
    expect(await guard.resolve("10.0.0.5", 80)).toMatchObject({ ok: false, code: "not_allowed" });
    expect(await guard.resolve("db.internal", 80)).toMatchObject({ ok: false, code: "not_allowed" });
    expect(await guard.resolve("127.0.0.9", 80)).toMatchObject({ ok: true });
  });

  test("the system resolver is the default (localhost is loopback)", async () => {
    const decision = await new SsrfGuard().resolve("localhost", 8080);
    expect(decision).toMatchObject({ ok: true, target: { hostHeader: "localhost:8080" } });
  });
});
