import { expect, openTasks, test } from "./fixtures";
import { taskItem } from "./support";

// One line of typing: "Take out the bins every mon #Home !1" is a weekly task in Home, high
// priority, first due next Monday; what was recognised shows as it is typed, and one key keeps
// a part as plain text.

test.use({ timezoneId: "Europe/Berlin" });

test("a quick-add line is highlighted as typed, saves into its list with its date, and a weekly task moves on when completed", async ({ page, account, playwright, baseURL }) => {
  void account;
  await page.clock.install({ time: new Date("2030-12-04T09:00:00Z") }); // Wednesday 4 December 2030, 10:00 in Berlin
  const api = await playwright.request.newContext({ baseURL, storageState: await page.context().storageState() });
  const { token } = await (await api.get("/api/auth/token")).json();
  expect((await api.post("/api/lists", { data: { name: "Home" }, headers: { Authorization: `Bearer ${token}` } })).status()).toBe(201);
  await api.dispose();
  await openTasks(page);

  const field = page.getByLabel("New task");
  await field.fill("Take out the bins every mon #Home !1");
  const recognised = page.locator("#new-task-recognised");
  await expect(recognised.getByRole("listitem")).toHaveText([/every mon/i, /List Home/, /Priority high/]);
  await expect(page.locator("mark")).toHaveText(["every mon", "#Home", "!1"]);

  // A date that is part of the title: Backspace right after it keeps it as text.
  await field.fill("Buy milk tomorrow");
  await expect(page.locator("mark")).toHaveText(["tomorrow"]);
  await field.press("End");
  await field.press("Backspace");
  await expect(page.locator("mark")).toHaveCount(0);
  await expect(field).toHaveValue("Buy milk tomorrow");
  await page.getByRole("button", { name: "Add task" }).click();
  await expect(taskItem(page, "Buy milk tomorrow")).toBeVisible();
  await expect(taskItem(page, "Buy milk tomorrow").locator("time")).toHaveCount(0);

  await field.fill("Take out the bins every mon #Home !1");
  await page.getByRole("button", { name: "Add task" }).click();
  await page.getByRole("link", { name: "Home" }).click();
  await expect(page.getByRole("heading", { name: "Home", level: 1 })).toBeVisible();
  const bins = taskItem(page, "Take out the bins");
  await expect(bins.getByText("High")).toBeVisible();
  await expect(bins.locator("time")).toHaveText("Monday");
  await expect(bins.getByText("every Monday")).toBeVisible();

  // Completing it keeps it open, due the Monday after.
  await bins.getByRole("checkbox", { name: "Take out the bins" }).click();
  await expect(bins.locator("time")).toHaveText("Mon, Dec 16");
  await expect(bins.getByRole("checkbox", { name: "Take out the bins" })).not.toBeChecked();
});
