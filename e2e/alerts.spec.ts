import { expect, test } from "./fixtures";

/**
 * Alerting on the demo (a worker runs beside these journeys): a rule made in the console on a metric the demo
 * certainly produces fires; its one-click remediation scales the web workload, and the audit trail names the
 * alert as the cause.
 */
test("an alert rule fires on the demo and its remediation scales the workload, audited with the alert as cause", async ({ page, api, unique }) => {
  test.setTimeout(120_000);
  const web = ((await (await api.get("/api/v1/resources?kind=container&q=web")).json()) as { items: Array<{ id: string; name: string; spec: { replicas: number } }> }).items.find(
    (r) => r.name === "web",
  )!;
  const before = web.spec.replicas;
  const name = unique("web-traffic");

  try {
    // The rule, through the form: the web pool has served requests (the demo's load generator) → fires at once.
    await page.goto("/alerts/rules/new");
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Severity").selectOption("critical");
    await page.getByLabel("Metric", { exact: true }).fill("stratus_pool_requests_total");
    await page.getByLabel("Matchers").fill("pool=web");
    await page.getByLabel("Aggregation").selectOption("last");
    await page.getByLabel("Fires when").selectOption("gt");
    await page.getByLabel("Threshold").fill("0");
    await page.getByLabel("For (s)").fill("0");
    await page.getByLabel("Action", { exact: true }).selectOption("scale");
    await page.getByLabel("Workload").selectOption({ label: "web" });
    await page.getByLabel("Count").fill("1");
    await page.getByRole("button", { name: "Create rule" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);

    // Firing on the alerts page (live: it polls), grouped under its rule.
    await page.goto("/alerts");
    const group = page.getByRole("region", { name: `Rule ${name}` });
    await expect(group.getByText("firing", { exact: true })).toBeVisible({ timeout: 60_000 });
    await expect(group.getByText(/^last of stratus_pool_requests_total\{pool=web\} over 60 s = \d+ > 0$/)).toBeVisible();

    // Remediate, confirm.
    await group.getByRole("button", { name: "Remediate: Scale web +1" }).click();
    await page.getByRole("dialog", { name: "Scale web +1?" }).getByRole("button", { name: "Scale web +1" }).click();
    await expect(page.getByText(`Done: scaled web from ${before} to ${before + 1} replicas.`)).toBeVisible();
    await expect(group.getByText(/^Remediated: scale web \+1/)).toBeVisible();

    // The workload has one more replica…
    await page.goto(`/resources/${web.id}`);
    await expect(page.getByLabel("Replicas")).toHaveValue(String(before + 1));

    // …and the audit trail says the alert caused it.
    const alerts = (await (await api.get("/api/v1/alerts?state=firing")).json()) as { items: Array<{ id: string; ruleName: string }> };
    const alert = alerts.items.find((a) => a.ruleName === name)!;
    await page.goto("/audit?objectType=resource&verb=update");
    const row = page.getByRole("row").filter({ hasText: `alert:${alert.id}` });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("web");
    await page.goto("/audit?objectType=alert&verb=remediate");
    await expect(page.getByRole("row").filter({ hasText: `alert:${alert.id}` })).toContainText(`scaled web from ${before} to ${before + 1} replicas`);
  } finally {
    // Leave the demo as the other journeys expect it: the rule gone, web at its seeded size.
    const rules = (await (await api.get(`/api/v1/alert-rules?q=${name}`)).json()) as { items: Array<{ id: string }> };
    for (const r of rules.items) await api.delete(`/api/v1/alert-rules/${r.id}`);
    const current = (await (await api.get(`/api/v1/resources/${web.id}`)).json()) as { version: number; spec: { replicas: number } };
    if (current.spec.replicas !== before) await api.patch(`/api/v1/resources/${web.id}`, { data: { version: current.version, spec: { replicas: before } } });
  }
});
