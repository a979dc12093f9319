import { test as base, expect, type APIRequestContext } from "@playwright/test";

/** An API client with the admin token, for arranging state (and for changing it behind the UI's back). */
export const test = base.extend<{ api: APIRequestContext; unique: (prefix: string) => string }>({
  api: async ({ playwright, baseURL }, use) => {
    const api = await playwright.request.newContext({
      baseURL,
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
});

export { expect };
