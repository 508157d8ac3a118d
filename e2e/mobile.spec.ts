import { expect, test } from "@playwright/test";
import { addTask, signUp, taskItem } from "./support";

test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

test("the dashboard works on a 375 px phone without sideways scrolling", async ({ page }) => {
  await signUp(page);
  await addTask(page, "A task with a rather long title that must wrap on a narrow phone screen", { priority: "High", due: "2030-01-01" });
  const item = taskItem(page, "A task with a rather long title that must wrap on a narrow phone screen");
  await expect(item).toBeVisible();
  await item.getByRole("checkbox").check();
  await expect(item.getByRole("checkbox")).toBeChecked();
  await expect(item.getByRole("button", { name: /^Delete/ })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
