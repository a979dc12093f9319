import { expect, test } from "./fixtures";

/**
 * The log viewer: a search filters by a label and by text; a log line carrying markup is shown as the text it is
 * and runs nothing; an invalid regex says why; and the demo workload's pods' own output is there, by label.
 */
const PAYLOAD = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>`;

test("a log search filters by label and text; an XSS payload in a log line is shown as text and runs nothing", async ({ page, api, unique }) => {
  const service = unique("checkout");
  const attr = (key: string, value: string) => ({ key, value: { stringValue: value } });
  const now = BigInt(Date.now()) * 1_000_000n;
  const res = await api.post("/v1/logs", {
    data: {
      resourceLogs: [
        {
          resource: { attributes: [attr("service.name", service)] },
          scopeLogs: [
            {
              logRecords: [
                { timeUnixNano: String(now - 2_000_000_000n), severityText: "INFO", body: { stringValue: "payment accepted" } },
                { timeUnixNano: String(now - 1_000_000_000n), severityText: "ERROR", body: { stringValue: `${PAYLOAD} payment rejected` } },
              ],
            },
          ],
        },
        // Same text, another service: the label filter must leave it out.
        { resource: { attributes: [attr("service.name", `${service}-other`)] }, scopeLogs: [{ logRecords: [{ body: { stringValue: "payment rejected elsewhere" } }] }] },
      ],
    },
  });
  expect(res.status()).toBe(200);

  await page.goto("/logs");
  const records = page.getByRole("list", { name: "Log records" }).getByRole("listitem");
  await page.getByRole("combobox", { name: "Service" }).fill(service);
  await expect(records).toHaveCount(2);
  await expect(page).toHaveURL(new RegExp(`service=${service}`));

  await page.getByRole("searchbox", { name: "Search text" }).fill("REJECTED");
  await expect(records).toHaveCount(1);
  await expect(page).toHaveURL(/q=REJECTED/);
  const line = records.first();
  await expect(line).toContainText(`${PAYLOAD} payment rejected`); // the markup, literally
  await expect(line).toContainText("error");
  await expect(line).toContainText(`service=${service}`);

  // Nothing of it became markup, and nothing ran.
  await expect(page.getByRole("list", { name: "Log records" }).locator("img, script")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();

  // A reload keeps the filters (they live in the URL).
  await page.reload();
  await expect(records).toHaveCount(1);

  // The shared time range: the pick lives in the URL, reaches the API as a span back from now, and survives a reload.
  const range = page.getByRole("group", { name: "Time range" }).getByRole("combobox", { name: "Range" });
  await expect(range).toHaveValue("15m");
  const asked = page.waitForRequest((r) => r.url().includes("/api/v1/logs?") && new URL(r.url()).searchParams.get("from") === "6h");
  await range.selectOption("6h");
  await asked;
  await expect(page).toHaveURL(/[?&]range=6h/);
  await page.reload();
  await expect(range).toHaveValue("6h");
  await expect(records).toHaveCount(1);

  // A regex that is not one says why, beside the box.
  await page.getByRole("checkbox", { name: "Regex" }).check();
  await page.getByRole("searchbox", { name: "Regular expression" }).fill("payment (rejected");
  await expect(page.getByText(/Not a valid RE2 pattern/)).toBeVisible();
  await page.getByRole("searchbox", { name: "Regular expression" }).fill("payment (rejected|accepted)$");
  await expect(records).toHaveCount(2);
});

test("the demo workload's pods' output, filtered by label, followed live", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/logs?from=1h&source=pod");
  // A link's span back from now (as the pod and backend pages write them) opens the range control on it.
  await expect(page.getByRole("combobox", { name: "Range" })).toHaveValue("1h");
  await page.getByRole("combobox", { name: "Workload" }).fill("web");
  await expect(page).toHaveURL(/workload=web/);
  await page.getByRole("button", { name: "Follow" }).click();
  await expect(page.getByRole("button", { name: "Following" })).toHaveAttribute("aria-pressed", "true");

  // The demo service logs a start line and sampled access lines carrying their trace id.
  const records = page.getByRole("list", { name: "Log records" }).getByRole("listitem");
  await expect(records.filter({ hasText: '"msg":"listening"' }).first()).toBeVisible({ timeout: 30_000 });
  const first = records.first();
  await expect(first).toContainText("workload=web");
  await expect(first).toContainText("pod/stdout");
  await expect(first.getByRole("link", { name: /^pod=web-/ })).toHaveAttribute("href", /^\/pods\/web-/);
  await expect(records.filter({ hasText: /"msg":"GET \/ 200"/ }).first().getByRole("link", { name: /^trace / })).toHaveAttribute("href", /^\/traces\/[0-9a-f]{32}$/, {
    timeout: 30_000,
  });
  for (const text of await records.allTextContents()) expect(text).toContain("workload=web");
});
