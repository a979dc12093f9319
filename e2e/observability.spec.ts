import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * Charts and the backend pane against the live worker: the explorer draws pushed samples, a pool's traffic charts
 * hold their time range in the URL across a reload, and a backend of the demo pool opens with its pod, node and
 * health history.
 */

/** The points of the first drawn line in a chart (its SVG path's segments), 0 when nothing is drawn. */
async function drawnPoints(chart: Locator): Promise<number> {
  const d = await chart.locator("path.recharts-line-curve").first().getAttribute("d", { timeout: 1_000 }).catch(() => null);
  return d ? (d.match(/[MLC]/g) ?? []).length : 0;
}

test("the metric explorer draws a series from pushed samples", async ({ page, api, unique }) => {
  const run = unique("run");
  const now = Date.now();
  const samples = Array.from({ length: 12 }, (_, i) => ({ name: "e2e_explorer_gauge", labels: { run }, value: 10 + (i % 4), at: now - i * 30_000 }));
  expect((await api.post("/api/v1/metrics", { data: { samples } })).status()).toBe(202);

  await page.goto(`/metrics/explore?name=e2e_explorer_gauge&labels=${encodeURIComponent(`run="${run}"`)}&range=15m`);
  const chart = page.getByRole("img", { name: /^e2e_explorer_gauge over the last 15 min/ });
  await expect(chart).toBeVisible();
  // One point per sample (30 s apart, all inside the window): a line through all twelve.
  await expect.poll(() => drawnPoints(chart)).toBeGreaterThanOrEqual(12);
  await expect(chart.getByText(`{run="${run}"}`)).toBeVisible(); // the legend names the series by its labels
});

test("a pool's traffic charts keep their time range across a reload", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/pools");
  await page.getByRole("link", { name: "web", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: /^web/ })).toBeVisible();

  const range = page.getByRole("combobox", { name: "Range" });
  await range.selectOption("1h");
  await page.getByRole("combobox", { name: "Refresh" }).selectOption("5s");
  await expect(page).toHaveURL(/[?&]range=1h/);
  await expect(page).toHaveURL(/[?&]refresh=5s/);

  await page.reload();
  await expect(range).toHaveValue("1h");
  await expect(page.getByRole("combobox", { name: "Refresh" })).toHaveValue("5s");
  const chart = page.getByRole("img", { name: /^Requests and errors per second through pool web over the last 1 hour/ });
  await expect(chart).toBeVisible();
  // The worker records every 10 s and the demo's load generator sends traffic: a rate needs two recordings.
  await expect.poll(() => drawnPoints(chart), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole("img", { name: /^Response time percentiles of pool web/ })).toBeVisible();
});

test("a backend of the demo pool opens its pane: pod, node and health history together", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/pools");
  await page.getByRole("link", { name: "web", exact: true }).first().click();
  const backends = page.getByRole("table", { name: "Backends" });
  const first = backends.getByRole("link").first();
  await expect(first).toBeVisible({ timeout: 30_000 });
  const address = (await first.textContent())!.trim();
  await first.click();

  await expect(page).toHaveURL(/\/pools\/[0-9a-f-]+\/backends\/[0-9a-f-]+$/);
  await expect(page.getByRole("heading", { name: address })).toBeVisible();
  const pod = page.getByRole("definition").filter({ has: page.getByRole("link", { name: /^web-/ }) });
  await expect(pod).toBeVisible();
  await expect(page.getByRole("list", { name: "Node conditions" }).getByText("Ready", { exact: true }).first()).toBeVisible();
  // The health checker's first verdict is a transition out of "unknown".
  const history = page.getByRole("table", { name: "Health history" });
  await expect(history.getByRole("row").filter({ hasText: "unknown" }).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Recent logs" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Recent traces" })).toBeVisible();
  await expect(page.getByRole("img", { name: `Response time percentiles of backend ${address} over the last 15 min` })).toBeVisible();

  // The pod and node links lead to their pages.
  const podName = (await pod.getByRole("link").textContent())!;
  await pod.getByRole("link").click();
  await expect(page.getByRole("heading", { name: podName })).toBeVisible();
});
