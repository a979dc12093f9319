/**
 * Sign-in, sessions and API tokens over the real routes: Argon2id hashes, the failure limit (429 + Retry-After),
 * no user enumeration, cookie attributes, a new session per sign-in, idle and absolute timeouts, sign-out,
 * disabling a user, token expiry, revocation and role ceilings — and that every refusal is audited.
 */
import { beforeEach, describe, expect, test } from "vitest";
import { db } from "@/lib/server/db";
import { call } from "@/lib/testing/api";
import { createTestToken, createTestUser, signInCookie, TEST_PASSWORD } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import * as resources from "../resources/route";
import * as user from "../users/[id]/route";
import * as session from "./route";

beforeEach(resetDatabase);

const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
  call(session.POST, "POST", "/api/v1/session", { token: null, body: { email, password }, headers });
const whoAmI = (cookie: string) => call(session.GET, "GET", "/api/v1/session", { token: null, headers: { cookie } });

describe("passwords", () => {
  test("are stored as Argon2id at OWASP's parameters (m=19 MiB, t=2, p=1), never in the user's output", async () => {
    const u = await createTestUser("viewer");
    const account = await db.account.findFirstOrThrow({ where: { userId: u.id, providerId: "credential" } });
    expect(account.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(JSON.stringify(u)).not.toContain("argon2");
  });
});

describe("POST /api/v1/session (sign in)", () => {
  test("sets an HttpOnly, SameSite=Lax session cookie (Secure on https) and answers who signed in", async () => {
    const u = await createTestUser("operator");
    const res = await signIn(u.email, TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ kind: "user", id: u.id, name: u.name, role: "operator" });
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^stratus\.session_token=[^;]{40,};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toContain("Secure");
    expect(JSON.stringify(res.json)).not.toContain("token");
    const https = await signIn(u.email, TEST_PASSWORD, { "x-forwarded-proto": "https" });
    expect(https.headers.getSetCookie()[0]).toContain("; Secure");
  });

  test("session tokens carry at least 128 bits and every sign-in makes a new one, ending the one the browser had", async () => {
    const u = await createTestUser("viewer");
    const first = await signInCookie(u.email);
    const second = (await signIn(u.email, TEST_PASSWORD, { cookie: first })).headers.getSetCookie()[0]!.split(";")[0]!;
    expect(second).not.toBe(first);
    const tokens = await db.session.findMany({ where: { userId: u.id } });
    expect(tokens).toHaveLength(1); // the first session was ended by the second sign-in
    expect(tokens[0]!.token).toMatch(/^[A-Za-z0-9]{32}$/); // 32 × log2(62) ≈ 190 bits
    expect((await whoAmI(first)).status).toBe(401);
    expect((await whoAmI(second)).status).toBe(200);
  });

  test("the same message for a wrong password, an unknown account and a disabled one (no enumeration)", async () => {
    const u = await createTestUser("viewer");
    const disabled = await createTestUser("viewer");
    await db.user.update({ where: { id: disabled.id }, data: { disabled: true } });
    const answers = [await signIn(u.email, "wrong password!!"), await signIn("nobody@example.com", TEST_PASSWORD), await signIn(disabled.email, TEST_PASSWORD)];
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ detail: "Email or password is incorrect." });
    }
    expect(await db.session.count()).toBe(0);
  });

  test("the 4th rapid failed sign-in is refused with 429 and Retry-After, even with the right password", async () => {
    const u = await createTestUser("admin");
    for (let i = 0; i < 3; i++) expect((await signIn(u.email, `wrong password ${i}`)).status).toBe(401);
    const fourth = await signIn(u.email, TEST_PASSWORD);
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(fourth.headers.get("retry-after"))).toBeLessThanOrEqual(300);
    expect(fourth.json).toMatchObject({ status: 429, title: "Too many requests" });
    // Another account from elsewhere is unaffected.
    const other = await createTestUser("viewer");
    expect((await signIn(other.email, TEST_PASSWORD, { "x-forwarded-for": "203.0.113.9" })).status).toBe(200);
    const audit = await db.auditEvent.findMany({ where: { verb: "sign-in", objectName: u.email }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.outcome)).toEqual(["failed", "failed", "failed", "denied"]);
  });

  test("parallel guesses cannot slip past the limit", async () => {
    const u = await createTestUser("viewer");
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => signIn(u.email, `wrong password ${i}`)));
    expect(answers.filter((a) => a.status === 401)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(5);
  });

  test("a cross-site sign-in form is refused", async () => {
    const u = await createTestUser("viewer");
    const res = await signIn(u.email, TEST_PASSWORD, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
  });
});

describe("sessions", () => {
  test("sign-out ends the session; the old cookie no longer works", async () => {
    const u = await createTestUser("viewer");
    const cookie = await signInCookie(u.email);
    expect((await whoAmI(cookie)).status).toBe(200);
    const out = await call(session.DELETE, "DELETE", "/api/v1/session", { token: null, headers: { cookie, origin: "http://localhost" } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^stratus\.session_token=; Max-Age=0/);
    expect((await whoAmI(cookie)).status).toBe(401);
  });

  test("idle timeout (30 min) and absolute timeout (12 h) end a session", async () => {
    const u = await createTestUser("viewer");
    const idle = await signInCookie(u.email);
    await db.session.updateMany({ data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect((await whoAmI(idle)).status).toBe(401);
    expect(await db.session.count()).toBe(0);

    const old = await signInCookie(u.email);
    const created = await db.session.findFirstOrThrow();
    expect(created.expiresAt.getTime() - created.createdAt.getTime()).toBeCloseTo(12 * 3600_000, -4);
    await db.session.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await whoAmI(old)).status).toBe(401);
  });

  test("activity keeps a session alive", async () => {
    const u = await createTestUser("viewer");
    const cookie = await signInCookie(u.email);
    await db.session.updateMany({ data: { lastSeenAt: new Date(Date.now() - 20 * 60_000) } });
    expect((await whoAmI(cookie)).status).toBe(200);
    const s = await db.session.findFirstOrThrow();
    expect(Date.now() - s.lastSeenAt.getTime()).toBeLessThan(5000);
  });

  test("disabling a user ends all their sessions and stops their tokens", async () => {
    const admin = await createTestUser("admin");
    const u = await createTestUser("operator");
    const a = await signInCookie(u.email);
    const b = await signInCookie(u.email);
    const token = await createTestToken(u, "operator");
    const res = await call(user.PATCH, "PATCH", `/api/v1/users/${u.id}`, {
      token: null,
      params: { id: u.id },
      body: { disabled: true },
      headers: { cookie: await signInCookie(admin.email), origin: "http://localhost" },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ disabled: true });
    expect(await db.session.count({ where: { userId: u.id } })).toBe(0);
    expect((await whoAmI(a)).status).toBe(401);
    expect((await whoAmI(b)).status).toBe(401);
    expect((await call(resources.GET, "GET", "/api/v1/resources", { token })).status).toBe(401);
  });

  test("a session cookie does not authorize a cross-site change (CSRF), only same-origin ones", async () => {
    const u = await createTestUser("operator");
    const cookie = await signInCookie(u.email);
    const body = { name: "csrf", kind: "storage", spec: { sizeGiB: 1, class: "ssd" } };
    const cross = await call(resources.POST, "POST", "/api/v1/resources", { token: null, body, headers: { cookie, origin: "https://evil.example" } });
    expect(cross.status).toBe(401);
    const noOrigin = await call(resources.POST, "POST", "/api/v1/resources", { token: null, body, headers: { cookie } });
    expect(noOrigin.status).toBe(401);
    const same = await call(resources.POST, "POST", "/api/v1/resources", { token: null, body, headers: { cookie, origin: "http://localhost" } });
    expect(same.status).toBe(201);
  });
});

describe("API tokens", () => {
  test("expired and revoked tokens are refused; a token acts with no more than its creator's current role", async () => {
    const u = await createTestUser("operator");
    const active = await createTestToken(u, "operator");
    const list = (token: string) => call(resources.GET, "GET", "/api/v1/resources", { token });
    expect((await list(active)).status).toBe(200);
    expect((await list(await createTestToken(u, "operator", "expired"))).status).toBe(401);
    expect((await list(await createTestToken(u, "operator", "revoked"))).status).toBe(401);
    const create = () => call(resources.POST, "POST", "/api/v1/resources", { token: active, body: { name: `t${Date.now()}`, kind: "storage", spec: { sizeGiB: 1, class: "ssd" } } });
    expect((await create()).status).toBe(201);
    await db.user.update({ where: { id: u.id }, data: { role: "viewer" } });
    expect((await create()).status).toBe(403);
    const row = await db.apiToken.findFirstOrThrow({ where: { revokedAt: null, expiresAt: { gt: new Date() } } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.lastUsedAt).not.toBeNull();
    expect(active).not.toContain(row.tokenHash);
  });

  test("STRATUS_ADMIN_TOKEN keeps working", async () => {
    expect((await call(resources.GET, "GET", "/api/v1/resources")).status).toBe(200);
  });
});

describe("denials", () => {
  test("are audited with the actor, the verb, the object and the reason", async () => {
    const u = await createTestUser("viewer");
    const token = await createTestToken(u, "viewer");
    const res = await call(resources.POST, "POST", "/api/v1/resources", { token, body: { name: "nope", kind: "storage", spec: { sizeGiB: 1, class: "ssd" } }, headers: { "x-forwarded-for": "198.51.100.7" } });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ detail: expect.stringContaining("operator") });
    expect(await db.resource.count()).toBe(0);
    const [row] = await db.auditEvent.findMany({ where: { outcome: "denied" } });
    expect(row).toMatchObject({ actorType: "token", verb: "create", objectType: "resource", outcome: "denied", sourceIp: "198.51.100.7", detail: "needs the operator role; has viewer" });
    expect(row!.actorName).toMatch(/viewer token/);
  });

  test("proxy-bypass headers gain nothing", async () => {
    const bypasses: Array<Record<string, string>> = [
      { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
      { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
      { "x-middleware-subrequest": "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware" },
      { "x-middleware-prefetch": "1", "x-nextjs-data": "1", "x-invoke-path": "/", "x-middleware-invoke": "1", "x-now-route-matches": "1" },
      { "x-forwarded-user": "admin", "x-remote-user": "admin", "x-authenticated-user": "admin" },
    ];
    for (const headers of bypasses) {
      const res = await call(resources.POST, "POST", "/api/v1/resources", { token: null, body: { name: "bypass", kind: "storage", spec: { sizeGiB: 1, class: "ssd" } }, headers });
      expect(res.status).toBe(401);
    }
    expect(await db.resource.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { outcome: "denied", actorType: "anonymous" } })).toBe(5);
  });
});
