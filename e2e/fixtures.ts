import { test as base, expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";

export const ADMIN = { email: process.env.STRATUS_ADMIN_EMAIL ?? "admin@e2e.test", password: process.env.STRATUS_ADMIN_PASSWORD ?? "" };

/**
 * Request contexts made inside a test inherit that test's storage state (its session cookie) unless told otherwise;
 * a sign-in that carries someone's session ends it (a new session per sign-in), so these start empty.
 */
const NO_COOKIES = { cookies: [], origins: [] };

/** Sign in through the API (not the form) and return the browser storage state holding the session cookie. */
async function sessionState(request: APIRequestContext, who: { email: string; password: string }) {
  const res = await request.post("/api/v1/session", { data: who });
  expect(res.status(), `sign-in as ${who.email}`).toBe(200);
  return request.storageState();
}

interface Fixtures {
  /** An API client with the admin token, for arranging state (and for changing it behind the UI's back). */
  api: APIRequestContext;
  unique: (prefix: string) => string;
  /** A page in a fresh browser context signed in (through the API) as someone else. */
  pageAs: (who: { email: string; password: string }) => Promise<Page>;
}

/**
 * Every journey's `page` is signed in as the first admin, once per worker, through POST /api/v1/session.
 * A journey about signing in starts signed out with `test.use({ storageState: { cookies: [], origins: [] } })`.
 */
export const test = base.extend<Fixtures, { adminState: Awaited<ReturnType<APIRequestContext["storageState"]>> }>({
  adminState: [
    async ({ playwright }, use, workerInfo) => {
      const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL, storageState: NO_COOKIES });
      await use(await sessionState(request, ADMIN));
      await request.dispose();
    },
    { scope: "worker" },
  ],
  storageState: async ({ adminState }, use) => use(adminState),
  api: async ({ playwright, baseURL }, use) => {
    const api = await playwright.request.newContext({
      baseURL,
      storageState: NO_COOKIES,
      extraHTTPHeaders: { authorization: `Bearer ${process.env.STRATUS_ADMIN_TOKEN}` },
    });
    await use(api);
    await api.dispose();
  },
  // Names unique per test run, so journeys never collide with the demo estate or each other.
  unique: async ({}, use, testInfo) => {
    const run = `${Date.now().toString(36)}${testInfo.workerIndex}`;
    await use((prefix: string) => `${prefix}-${run}`);
  },
  pageAs: async ({ browser, playwright, baseURL }, use) => {
    const contexts: Array<Awaited<ReturnType<Browser["newContext"]>>> = [];
    await use(async (who) => {
      const request = await playwright.request.newContext({ baseURL, storageState: NO_COOKIES });
      const storageState = await sessionState(request, who);
      await request.dispose();
      const context = await browser.newContext({ baseURL, storageState, viewport: { width: 1280, height: 800 } });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

export { expect };
