import { expect, test } from "./fixtures";

// A calendar feed end to end: made in Settings, its address shown once and copied, read as a
// calendar app would (no cookies: the secret in the URL is the only credential), then revoked.

test("a feed made in Settings serves the tasks to a calendar app and stops once revoked", async ({ page, createTasks, playwright, baseURL }) => {
  await createTasks([{ title: "Renew passport", dueDate: "2026-12-24" }, { title: "No date" }]);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Calendar feeds" });
  await expect(section.getByText("No calendar feeds yet.")).toBeVisible();
  await section.getByLabel("Feed name").fill("My tasks");
  await expect(section.getByLabel("Tasks in it")).toHaveValue("");
  await section.getByRole("button", { name: "Create feed" }).click();

  const address = section.getByRole("textbox", { name: "The address of My tasks" });
  await expect(address).toHaveValue(/\/feeds\/[A-Za-z0-9_-]{43}$/);
  const url = await address.inputValue();
  await expect(section.getByRole("status")).toContainText("Google Calendar refreshes subscriptions on its own schedule");
  await section.getByRole("button", { name: "Copy" }).click();
  await expect(section.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(section.getByRole("listitem").filter({ hasText: "My tasks" })).toContainText("never read");

  // A calendar app: no cookies, only the address.
  const calendarApp = await playwright.request.newContext({ baseURL });
  const feedPath = new URL(url).pathname;
  const feed = await calendarApp.get(feedPath);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const text = await feed.text();
  expect(text).toContain("SUMMARY:Renew passport");
  expect(text).toContain("DTSTART;VALUE=DATE:20261224");
  expect(text).not.toContain("No date");
  // The page's own request context reads it the same
  expect((await page.request.get(feedPath)).status()).toBe(200);

  await page.reload();
  await expect(section.getByRole("textbox", { name: "The address of My tasks" })).toHaveCount(0); // shown once
  await expect(section.getByRole("listitem").filter({ hasText: "My tasks" })).toContainText("last read today");
  await section.getByRole("button", { name: "Revoke feed My tasks" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke “My tasks”?" });
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Revoke feed" }).click();
  await expect(section.getByText("No calendar feeds yet.")).toBeVisible();
  const revoked = await calendarApp.get(feedPath);
  expect(revoked.status()).toBe(404);
  expect(await revoked.text()).toBe("");
  await calendarApp.dispose();
});
