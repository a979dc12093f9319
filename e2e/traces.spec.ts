import { expect, test } from "./fixtures";

/**
 * Traces: the demo pool's traffic (the worker's load generator through the data plane) is traced; the list shows
 * it, and one trace opens as a waterfall whose spans show their attributes.
 */
test("a trace of the demo pool's traffic opens as a waterfall with its spans' attributes", async ({ page, api }) => {
  test.setTimeout(90_000);
  // The demo pods start with the worker: wait until the data plane has recorded (and the worker written) a trace.
  await expect
    .poll(async () => ((await (await api.get("/api/v1/traces?limit=1")).json()) as { items: unknown[] }).items.length, { timeout: 60_000, intervals: [1000] })
    .toBeGreaterThan(0);

  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "Traces" }).click();
  await expect(page).toHaveURL(/\/traces$/);
  const table = page.getByRole("table", { name: "Traces" });
  await expect(table).toBeVisible();
  // The data plane's server spans are named "<method> <path>" and carry the pool's name as their service.
  const row = table.getByRole("row").filter({ hasText: "web" }).first();
  await expect(row).toBeVisible();

  // Filters live in the URL: asking for slow traces only narrows the list and survives a reload.
  await page.getByLabel("Min duration (ms)").fill("100000");
  await expect(page).toHaveURL(/minDurationMs=100000/);
  await expect(page.getByText("No traces match these filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/traces$/);
  // The shared time range: the last hour unless picked; the pick lives in the URL.
  const range = page.getByRole("group", { name: "Time range" }).getByRole("combobox", { name: "Range" });
  await expect(range).toHaveValue("1h");
  await range.selectOption("15m");
  await expect(page).toHaveURL(/[?&]range=15m/);
  await expect(row).toBeVisible();
  // A request that reached a backend (the first ones, before the pods were ready, were refused: kept as errors).
  await page.getByLabel("Status").selectOption("ok");
  await expect(page).toHaveURL(/status=ok/);
  await expect(table.getByRole("row").nth(1).getByText("failed")).toHaveCount(0);

  await table.getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}$/);
  const traceId = page.url().split("/").at(-1)!;

  // The waterfall: the proxy's SERVER span and, under it, the attempt that reached a backend pod.
  const spans = page.getByRole("list", { name: "Spans" }).getByRole("listitem");
  await expect.poll(() => spans.count()).toBeGreaterThanOrEqual(2); // three when the first attempt was retried
  const foldRoot = page.getByRole("button", { name: /^Hide the \d+ child spans? of GET/ });
  await expect(foldRoot).toBeVisible();
  await expect(page.getByRole("link", { name: "Logs of this trace" })).toHaveAttribute("href", `/logs?traceId=${traceId}`);

  // The root is selected first; picking the attempt shows its attributes, with links to its pool and pod.
  const details = page.getByRole("complementary", { name: "Span details" });
  await expect(details.getByRole("table", { name: "Attributes" })).toContainText("stratus.pool.name");
  await spans.nth(1).getByRole("button", { name: /^GET web-/ }).click();
  await expect(details.getByRole("table", { name: "Attributes" })).toContainText("server.port");
  await expect(details.getByRole("table", { name: "Resource" })).toContainText("stratus-dataplane");
  await expect(details.getByRole("link", { name: "web", exact: true })).toHaveAttribute("href", /^\/pools\/[0-9a-f-]{36}$/);
  const pod = details.getByRole("link", { name: /^web-/ });
  await expect(pod).toHaveAttribute("href", /^\/pods\/[0-9a-f-]{36}$/);

  // Folding the root hides its child.
  await foldRoot.click();
  await expect(spans).toHaveCount(1);
});
