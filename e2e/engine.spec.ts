import { expect, test } from "./fixtures";

/**
 * The engine at work (a worker runs beside these journeys): the demo pool serves traffic from the load generator,
 * and a pod killed from the console turns failed, its backend unhealthy, and is replaced by a new one that becomes a backend.
 */
test("the demo pool's stats move; a pod killed from the UI turns unhealthy and is replaced", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/pools");
  await page.getByRole("link", { name: "web", exact: true }).first().click(); // the pool (its owner, also "web", follows)
  const counters = page.getByRole("definition").first(); // "Requests"
  await expect(counters).toBeVisible({ timeout: 30_000 });
  const requests = async () => Number((await counters.textContent())!.replaceAll(",", ""));
  const first = await requests();
  await expect.poll(requests, { timeout: 20_000 }).toBeGreaterThan(first);

  await page.goto("/pods?phase=running&q=web");
  const row = page.getByRole("row").filter({ hasText: "Yes" }).first();
  const victim = (await row.getByRole("link").first().textContent())!;
  await row.getByRole("button", { name: `Kill the process of ${victim}` }).click();
  await page.getByRole("dialog", { name: `Kill the process of ${victim}?` }).getByRole("button", { name: "Kill process" }).click();

  // The pod fails, the replicas loop removes it and makes a new one, which runs and turns ready.
  await page.goto("/pods?q=web");
  await expect(page.getByRole("link", { name: victim, exact: true })).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(async () => page.getByRole("row").filter({ hasText: "running" }).filter({ hasText: "Yes" }).count(), { timeout: 30_000 }).toBe(3);

  // The audit trail tells the story: the kill, the failure the runtime observed, the replacement.
  await page.goto(`/audit?objectType=pod`);
  await expect(page.getByText(victim).first()).toBeVisible();
  // …and the backend's side: marked unhealthy because its pod was not ready, then deregistered with it.
  await page.goto(`/audit?objectType=backend&verb=health`);
  await expect(page.getByRole("row").filter({ hasText: "pod-not-ready" }).filter({ hasText: "unhealthy" }).first()).toBeVisible();
});
