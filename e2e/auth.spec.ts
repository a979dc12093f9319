import { ADMIN, expect, test } from "./fixtures";

const PASSWORD = "e2e viewer password 42";

test.describe("signing in and out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sign in with the form, land where you were going, sign out", async ({ page }) => {
    await page.goto("/resources?kind=vm");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fresources%3Fkind%3Dvm$/);

    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();

    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/resources\?kind=vm$/);
    await expect(page.getByRole("heading", { name: "Resources" })).toBeVisible();
    const who = page.getByLabel("Signed in as");
    await expect(who).toContainText("Administrator");
    await expect(who).toContainText("admin");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/resources");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fresources$/);
  });
});

test("a viewer sees everything but cannot use the controls that change things", async ({ api, pageAs, unique }) => {
  const email = `${unique("viewer")}@e2e.test`;
  expect((await api.post("/api/v1/users", { data: { name: "Vera Viewer", email, role: "viewer", password: PASSWORD } })).status()).toBe(201);
  const resource = await (await api.post("/api/v1/resources", { data: { name: unique("seen"), kind: "storage", spec: { sizeGiB: 5, class: "ssd" } } })).json();

  const page = await pageAs({ email, password: PASSWORD });
  await page.goto("/resources");
  await expect(page.getByRole("link", { name: resource.name })).toBeVisible();
  const create = page.getByRole("link", { name: "New resource" });
  await expect(create).toHaveAttribute("aria-disabled", "true");
  await expect(create).toHaveAttribute("title", /viewer.*operator/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);

  await page.goto(`/resources/${resource.id}`);
  await expect(page.getByLabel("Size (GiB)")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save changes" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Delete" })).toBeDisabled();
  await expect(page.locator("span[title]").filter({ has: page.getByRole("button", { name: "Delete" }) })).toHaveAttribute("title", /may not make changes/);

  await page.goto("/users");
  await expect(page.getByText("Admins only")).toBeVisible();
});

test("an admin adds a user and creates a token; the audit page shows both", async ({ page, unique }) => {
  const email = `${unique("olivia")}@e2e.test`;
  await page.goto("/users");
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill("Olivia Operator");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("operator");
  await form.getByLabel("Initial password").fill("olivia's long password");
  await form.getByRole("button", { name: "Add user" }).click();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toBeVisible();
  await expect(row.getByLabel("Role of Olivia Operator")).toHaveValue("operator");

  const tokenName = unique("ci-deploy");
  await page.goto("/tokens");
  const tokenForm = page.getByRole("form", { name: "Create an API token" });
  await tokenForm.getByLabel("Name").fill(tokenName);
  await tokenForm.getByLabel("Role").selectOption("operator");
  await tokenForm.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByLabel("Token secret").textContent())!.trim();
  expect(secret).toMatch(/^stratus_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("row").filter({ hasText: tokenName })).toBeVisible();
  // The token works, as itself, with the role it was given.
  const who = await page.request.get("/api/v1/session", { headers: { authorization: `Bearer ${secret}` } });
  expect(await who.json()).toMatchObject({ kind: "token", name: tokenName, role: "operator" });
  // Shown once: after a reload only its prefix is left.
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);

  await page.goto("/audit");
  await page.getByLabel("Object").selectOption("user");
  await expect(page).toHaveURL(/objectType=user/);
  const created = page.getByRole("row").filter({ hasText: email });
  await expect(created).toContainText("create");
  await expect(created).toContainText("Administrator");
  await expect(created).toContainText("operator"); // the diff: role → operator

  await page.getByLabel("Object").selectOption("apiToken");
  await expect(page).toHaveURL(/objectType=apiToken/);
  await expect(page.getByRole("row").filter({ hasText: tokenName })).toContainText("create");
  await page.reload();
  await expect(page.getByLabel("Object")).toHaveValue("apiToken");
});

test("refusals are in the audit trail too", async ({ page, pageAs, api, unique }) => {
  const email = `${unique("nosy")}@e2e.test`;
  await api.post("/api/v1/users", { data: { name: "Nosy Viewer", email, role: "viewer", password: PASSWORD } });
  const viewer = await pageAs({ email, password: PASSWORD });
  await viewer.goto("/users"); // refused in the data layer: "Admins only"
  await expect(viewer.getByText("Admins only")).toBeVisible();

  await page.goto(`/audit?outcome=denied&actor=${encodeURIComponent("Nosy Viewer")}`);
  const row = page.getByRole("row").filter({ hasText: "Nosy Viewer" }).first();
  await expect(row).toContainText("list");
  await expect(row).toContainText("user");
  await expect(row).toContainText("needs the admin role");
});
