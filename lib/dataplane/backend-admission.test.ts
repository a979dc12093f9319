import { describe, expect, test } from "vitest";
import { SsrfGuard } from "../engine/net";
import { admitBackends, sameTarget } from "./backend-admission";
import type { BackendConfig } from "./types";

const backend = (id: string, address: string): BackendConfig => ({ id, address, port: 8080, weight: 1, maxConnections: 10, health: "healthy" });
const guard = new SsrfGuard({
  lookup: async (name) => {
    if (name === "api.internal") return [{ address: "10.0.0.7" }];
    throw Object.assign(new Error("dns down"), { code: "EAI_AGAIN" });
  },
});

describe("admitBackends", () => {
  test("allowed, denied and resolved addresses", async () => {
    const admissions = await admitBackends(guard, [backend("ok", "127.0.0.1"), backend("meta", "0xA9FEA9FE"), backend("named", "api.internal")], () => null);
    expect(admissions.get("ok")).toMatchObject({ ok: true, target: { origin: "http://127.0.0.1:8080" } });
    expect(admissions.get("meta")).toEqual({ ok: false, reason: "169.254.169.254 is in the denied range 169.254.0.0/16 (link-local or cloud metadata)" });
    expect(admissions.get("named")).toMatchObject({ ok: true, target: { origin: "http://10.0.0.7:8080", hostHeader: "api.internal:8080" } });
  });

  test("a failed lookup keeps the address vetted last time; without one the backend is refused", async () => {
    const previous = { ip: { family: 4 as const, address: "10.0.0.7" }, port: 8080, origin: "http://10.0.0.7:8080", hostHeader: "flaky.internal:8080" };
    const kept = await admitBackends(guard, [backend("b", "flaky.internal")], () => previous);
    expect(kept.get("b")).toEqual({ ok: true, target: previous });
    const refused = await admitBackends(guard, [backend("b", "flaky.internal")], () => null);
    expect(refused.get("b")).toEqual({ ok: false, reason: "cannot resolve flaky.internal (EAI_AGAIN)" });
  });

  test("sameTarget compares origin and Host", () => {
    const t = { ip: { family: 4 as const, address: "127.0.0.1" }, port: 1, origin: "http://127.0.0.1:1", hostHeader: "a:1" };
    expect(sameTarget(t, { ...t })).toBe(true);
    expect(sameTarget(t, { ...t, hostHeader: "b:1" })).toBe(false);
    expect(sameTarget(null, t)).toBe(false);
  });
});
