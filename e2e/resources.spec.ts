import { expect, test } from "./fixtures";

test.describe("resources", () => {
  test("create, edit and delete a VM through the console", async ({ page, unique }) => {
    const name = unique("vm");
    await page.goto("/resources/new");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Kind").selectOption("vm");
    await page.getByLabel("vCPUs").fill("4");
    await page.getByLabel("Labels").fill("app=e2e");
    await page.getByRole("button", { name: "Create resource" }).click();

    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.getByText(`Created ${name}.`)).toBeVisible();

    await page.getByLabel("vCPUs").fill("8");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText(/version 2/).first()).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("vCPUs")).toHaveValue("8");

    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(/\/resources$/);
    await expect(page.getByRole("link", { name })).toHaveCount(0);
  });

  test("an invalid field shows its error inline, and nothing is created", async ({ page }) => {
    await page.goto("/resources/new");
    await page.getByLabel("Name").fill("Not Valid!");
    await page.getByLabel("Image").fill("");
    await page.getByRole("button", { name: "Create resource" }).click();
    await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#field-name-error")).toContainText("lower-case");
    await expect(page.locator("#field-spec-image-error")).toContainText("Image is required");
    await expect(page).toHaveURL(/\/resources\/new$/);
  });

  test("a version conflict is shown, then the user can overwrite on purpose", async ({ page, api, unique }) => {
    const name = unique("conflict");
    const created = await api.post("/api/v1/resources", {
      data: { name, kind: "storage", spec: { sizeGiB: 10, class: "ssd" } },
    });
    const { id } = (await created.json()) as { id: string };
    await page.goto(`/resources/${id}`);
    // Someone else changes it after the page loaded.
    await api.patch(`/api/v1/resources/${id}`, { data: { version: 1, spec: { sizeGiB: 20 } } });

    await page.getByLabel("Size (GiB)").fill("30");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /\w/ })).toContainText("changed by someone else");
    await page.getByRole("button", { name: "Overwrite with my changes" }).click();
    await expect(page.getByText(/Saved .* \(version 3\)/)).toBeVisible();
    const after = await (await api.get(`/api/v1/resources/${id}`)).json();
    expect(after).toMatchObject({ version: 3, spec: { sizeGiB: 30 } });
  });

  test("a quota refusal is shown on the form", async ({ page, api, unique }) => {
    const quota = (await (await api.get("/api/v1/quota")).json()) as { used: number; maxInstances: number };
    await api.put("/api/v1/quota", { data: { maxInstances: quota.used } });
    try {
      await page.goto("/resources/new");
      await page.getByLabel("Name").fill(unique("over"));
      await page.getByLabel("Image").fill("stratus/demo-http");
      await page.getByRole("button", { name: "Create resource" }).click();
      await expect(page.getByRole("alert").filter({ hasText: /\w/ })).toContainText("Quota exceeded");
    } finally {
      await api.put("/api/v1/quota", { data: { maxInstances: quota.maxInstances } });
    }
  });

  test("search, filter and sort live in the URL and survive a reload", async ({ page }) => {
    await page.goto("/resources");
    await page.getByLabel("Kind").selectOption("container");
    await page.getByLabel("Sort").selectOption("name");
    await page.getByPlaceholder("Search by name").fill("we");
    await expect(page).toHaveURL(/kind=container/);
    await expect(page).toHaveURL(/q=we/);
    await expect(page).toHaveURL(/sort=name/);
    await page.reload();
    await expect(page.getByLabel("Kind")).toHaveValue("container");
    await expect(page.getByLabel("Sort")).toHaveValue("name");
    await expect(page.getByPlaceholder("Search by name")).toHaveValue("we");
    await expect(page.getByRole("link", { name: "web", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "bastion" })).toHaveCount(0);
  });
});
