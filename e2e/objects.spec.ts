import { expect, test } from "./fixtures";

/** Create, edit and delete every kind of object through the console (resources have their own spec). */

test("nodes: register, cordon, edit labels, delete", async ({ page, unique }) => {
  const name = unique("node");
  await page.goto("/nodes/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.locator('[name="capacity.cpuMillis:number"]').fill("2000");
  await page.locator('[name="capacity.memoryMiB:number"]').fill("4096");
  await page.locator('[name="capacity.pods:number"]').fill("16");
  await page.getByRole("button", { name: "Register node" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();

  await page.getByRole("button", { name: "Cordon" }).click();
  await expect(page.getByRole("button", { name: "Uncordon" })).toBeVisible();

  await page.getByLabel("Labels").fill("zone=e2e");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/^Saved /).first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Labels")).toHaveValue("zone=e2e");

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("dialog", { name: /^Delete / }).getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/nodes$/);
  await expect(page.getByRole("link", { name })).toHaveCount(0);
});

test("pods: create, edit, delete", async ({ page, unique }) => {
  const name = unique("pod");
  await page.goto("/pods/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Image").fill("stratus/demo-http");
  // A selector no node matches keeps it pending, so the engine (running beside the journeys) leaves it alone.
  await page.getByLabel("Node selector").fill("stratus.io/e2e=nowhere");
  await page.getByRole("button", { name: "Create pod" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();

  await page.getByLabel("Labels").fill("tier=e2e");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/^Saved /).first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Labels")).toHaveValue("tier=e2e");

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("dialog", { name: /^Delete / }).getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/pods$/);
});

test("pools and backends: create a pool, add, edit and remove a backend, delete the pool", async ({ page, unique }) => {
  const name = unique("pool");
  await page.goto("/pools/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create pool" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();

  const add = page.getByRole("form", { name: "Add backend" });
  await add.getByLabel("Address").fill("127.0.0.1");
  await add.getByLabel("Port").fill("9555");
  await add.getByLabel("Weight").fill("3");
  await add.getByRole("button", { name: "Add" }).click();
  const backends = page.getByRole("table", { name: "Backends" });
  await expect(backends.getByRole("cell", { name: "127.0.0.1:9555", exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Edit 127.0.0.1:9555" }).click();
  await page.getByLabel("Weight for 127.0.0.1:9555").fill("5");
  await page.getByRole("button", { name: "Save 127.0.0.1:9555" }).click();
  await expect(backends.getByRole("cell", { name: "5", exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Remove 127.0.0.1:9555" }).click();
  await page.getByRole("dialog", { name: /Remove backend/ }).getByRole("button", { name: "Remove" }).click();
  await expect(backends.getByRole("cell", { name: "127.0.0.1:9555", exact: true })).toHaveCount(0);

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("dialog", { name: /^Delete / }).getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/pools$/);
});

test("a field error on a pool's health check is shown on that field", async ({ page, unique }) => {
  await page.goto("/pools/new");
  await page.getByLabel("Name", { exact: true }).fill(unique("badpool"));
  await page.locator('[name="healthCheck.timeoutMs:number"]').fill("60000");
  await page.getByRole("button", { name: "Create pool" }).click();
  await expect(page.locator("#field-healthCheck-timeoutMs-number-error")).toContainText("shorter than the interval");
});
