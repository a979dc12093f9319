import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";

/** The id Next.js gave a server action in this build (from its server reference manifest). */
function actionId(file: string, exportName: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.filename?.endsWith(file) && a.exportedName === exportName);
  if (!found) throw new Error(`no server action ${file}#${exportName} in this build`);
  return found[0];
}

/** Headers that have skipped Next.js middleware/proxy in the past (CVE-2025-29927 and since), or might. */
const BYPASS_HEADERS: Array<Record<string, string>> = [
  {},
  { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
  { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
  { "x-middleware-subrequest": "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy" },
  { "x-nextjs-data": "1", "x-invoke-path": "/resources", "x-middleware-invoke": "1", "x-now-route-matches": "1" },
  { "x-middleware-prefetch": "1" },
];

/** Next.js answers a middleware prefetch with an empty `{}` and runs nothing: no data, no action. */
const isNoOp = async (res: { status(): number; text(): Promise<string> }) => res.status() === 200 && (await res.text()) === "{}";

test.describe("without a session", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a server action POSTed directly is refused, with or without proxy-bypass headers, and the refusal is audited", async ({ request, api, unique }) => {
    const victim = await (await api.post("/api/v1/resources", { data: { name: unique("victim"), kind: "storage", spec: { sizeGiB: 1, class: "ssd" } } })).json();
    const id = actionId("app/(console)/resources/actions.ts", "deleteResourceAction");
    let reached = 0;
    for (const headers of BYPASS_HEADERS) {
      const res = await request.post("/resources", {
        headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", ...headers },
        data: JSON.stringify([victim.id, 1]),
        maxRedirects: 0,
      });
      if (await isNoOp(res)) continue;
      expect(await res.text(), JSON.stringify(headers)).toContain("UNAUTHORIZED"); // the action's own answer
      reached++;
    }
    expect(reached).toBeGreaterThanOrEqual(BYPASS_HEADERS.length - 1);
    expect((await api.get(`/api/v1/resources/${victim.id}`)).status()).toBe(200); // still there
    const audit = await (await api.get(`/api/v1/audit?outcome=denied&objectType=resource&verb=delete&actor=anonymous`)).json();
    expect(audit.items.filter((e: { objectId: string }) => e.objectId === victim.id)).toHaveLength(reached);
  });

  test("a page asked for with proxy-bypass headers still needs a session", async ({ request }) => {
    for (const headers of BYPASS_HEADERS) {
      const res = await request.get("/resources", { headers, maxRedirects: 0 });
      if (await isNoOp(res)) continue;
      expect(res.status(), JSON.stringify(headers)).toBe(307);
      expect(res.headers().location).toMatch(/\/sign-in/);
    }
  });

  test("the REST API refuses them too", async ({ request }) => {
    for (const headers of BYPASS_HEADERS) {
      const res = await request.get("/api/v1/resources", { headers });
      if (await isNoOp(res)) continue;
      expect(res.status(), JSON.stringify(headers)).toBe(401);
      expect(res.headers()["content-type"]).toBe("application/problem+json");
    }
  });

  test("the session cookie is HttpOnly and SameSite=Lax", async ({ request }) => {
    const res = await request.post("/api/v1/session", { data: { email: process.env.STRATUS_ADMIN_EMAIL, password: process.env.STRATUS_ADMIN_PASSWORD } });
    expect(res.status()).toBe(200);
    const cookie = res.headers()["set-cookie"]!;
    expect(cookie).toMatch(/^stratus\.session_token=/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
  });
});

test("pages carry a nonce-based CSP (no inline scripts), frame-ancestors 'none', nosniff and a referrer policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto("/resources");
  const headers = res!.headers();
  const csp = headers["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  // The page works under that policy: hydrated (the theme toggle responds) with no CSP violations reported.
  await page.getByRole("button", { name: "Toggle dark mode" }).click();
  await expect(page.locator("html")).toHaveClass(/dark|light/);
  expect(violations).toEqual([]);
});
