import { expect, openTasks, test } from "./fixtures";
import { E2E_CRON_SECRET } from "./reminders-secret";
import { taskItem } from "./support";

// A reminder added in the Edit dialog, sent by the scheduler's call to the sender, shows on the
// task page as an in-app notice until dismissed.

test("a reminder added in the Edit dialog is sent by the scheduler and shown in the app", async ({ page, createTasks }) => {
  const dueAt = new Date(Date.now() + 20 * 60_000);
  await createTasks([{ title: "Call the plumber", dueAt: dueAt.toISOString(), dueTimeZone: "Europe/Berlin" }]);
  await openTasks(page);
  const task = taskItem(page, "Call the plumber");
  await task.getByRole("button", { name: "Edit Call the plumber" }).click();

  const reminders = page.getByRole("group", { name: "Reminders" });
  // Due in 20 minutes: 30 minutes before is already past, so the next run sends it.
  await reminders.getByLabel("Minutes before").fill("30");
  await reminders.getByRole("button", { name: "Add reminder" }).click();
  await expect(reminders.getByText("30 min before the due time")).toBeVisible();

  // A second one, removed again.
  await reminders.getByLabel("Minutes before").fill("5");
  await reminders.getByRole("button", { name: "Add reminder" }).click();
  await reminders.getByRole("button", { name: "Remove reminder 5 min before" }).click();
  await expect(reminders.getByText("5 min before the due time")).toHaveCount(0);
  await page.getByRole("button", { name: "Cancel" }).click();

  expect((await page.request.get("/api/cron/reminders")).status()).toBe(401);
  const run = await page.request.get("/api/cron/reminders", { headers: { Authorization: `Bearer ${E2E_CRON_SECRET}` } });
  expect(run.status(), await run.text()).toBe(200);
  expect(await run.json()).toMatchObject({ sent: 1 });

  await page.reload();
  const notices = page.getByRole("complementary", { name: "Reminders" });
  await expect(notices.getByText("Reminder: Call the plumber")).toBeVisible();
  await notices.getByRole("button", { name: "Dismiss reminder Call the plumber" }).click();
  await expect(notices).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Reminders" })).toHaveCount(0);
});

test("Settings says when push is not configured on the server", async ({ page, account }) => {
  void account;
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Notifications" });
  await expect(section.getByText("Push notifications are not configured on this server")).toBeVisible();
});
