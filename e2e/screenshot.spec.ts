import { expect, test } from "@playwright/test";
import { addTask, signUp, taskItem } from "./support";

// Not a test: `npm run screenshot` makes docs/dashboard.png for the README from the running app.

test.use({ viewport: { width: 1100, height: 760 }, colorScheme: "light" });

test("dashboard screenshot", async ({ page }) => {
  await signUp(page, { name: "Ada Lovelace", email: `ada-${Date.now()}@example.com` });
  await addTask(page, "Renew passport", { priority: "High", due: "2026-11-02" });
  await addTask(page, "Book dentist appointment", { priority: "Low" });
  await addTask(page, "Draft the quarterly report", { priority: "High", due: "2030-01-15" });
  await addTask(page, "Buy birthday present for Sam", { priority: "Medium", due: "2030-02-03" });
  await taskItem(page, "Book dentist appointment").getByRole("checkbox").check();
  await expect(page.getByText("3 tasks left")).toBeVisible();
  await page.getByLabel("New task").blur();
  await page.screenshot({ path: "docs/dashboard.png", fullPage: true });
});
