import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, openTasks, test } from "./fixtures";
import { otherDevice, taskItem } from "./support";

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

const SCREENS = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 375, height: 740 } },
] as const;

for (const colorScheme of ["light", "dark"] as const) {
  for (const screen of SCREENS) {
    test(`the task page, its dialogs and menus have no accessibility violations (${colorScheme}, ${screen.name})`, async ({ page, createTasks }) => {
      test.slow(); // several full axe scans
      await page.setViewportSize(screen.viewport);
      await page.emulateMedia({ colorScheme });
      await openTasks(page);
      await expect(page.getByText("No tasks yet")).toBeVisible();
      await expectNoViolations(page); // the empty state

      await createTasks([{ title: "Overdue thing", dueDate: "2020-01-01" }, { title: "Done thing", completed: true }, { title: "Plain thing" }]);
      await page.reload();
      await expect(page.getByText("2 tasks left")).toBeVisible();
      await expectNoViolations(page);

      await taskItem(page, "Overdue thing").getByRole("button", { name: "More actions for Overdue thing" }).click();
      await expect(page.getByRole("menu")).toBeVisible();
      await expectNoViolations(page);
      await page.keyboard.press("Escape");

      await taskItem(page, "Overdue thing").getByRole("button", { name: "More actions for Overdue thing" }).click();
      await page.getByRole("menuitem", { name: "Edit" }).click();
      await expect(page.getByRole("dialog", { name: "Edit task" })).toBeVisible();
      await expectNoViolations(page);
      await page.keyboard.press("Escape");

      await taskItem(page, "Done thing").getByRole("button", { name: "More actions for Done thing" }).click();
      await page.getByRole("menuitem", { name: "Delete" }).click();
      await expect(page.getByRole("button", { name: /Undo/ })).toBeVisible();
      await expectNoViolations(page);

      await page.keyboard.press("?");
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
      await expectNoViolations(page);
      await page.keyboard.press("Escape");

      // The Trash, with the task deleted above (sent as the page is left).
      await page.goto("/tasks?view=trash");
      await expect(page.getByRole("button", { name: "Restore Done thing" })).toBeVisible();
      await expectNoViolations(page);
    });
  }
}

test("keyboard focus is visible", async ({ page }) => {
  await page.goto("/sign-in");
  await page.keyboard.press("Tab"); // skip link
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe("none");
});

for (const colorScheme of ["light", "dark"] as const) {
  for (const screen of SCREENS) {
    test(`the settings page has no accessibility violations (${colorScheme}, ${screen.name})`, async ({ page, account, browser, baseURL }) => {
      // Two other devices, so that the list has sign-out buttons and the "every other" one.
      for (let i = 0; i < 2; i++) await otherDevice(browser, baseURL!, account);
      await page.setViewportSize(screen.viewport);
      await page.emulateMedia({ colorScheme });
      await page.goto("/settings");
      await expect(page.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem")).toHaveCount(3);
      await expectNoViolations(page);

      await page.getByRole("button", { name: "Change password" }).click();
      await expect(page.getByRole("region", { name: "Password" }).getByRole("alert")).toHaveText("Enter your current password.");
      await expectNoViolations(page);
    });
  }
}
