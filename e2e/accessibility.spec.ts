import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { addTask, signUp, taskItem } from "./support";

async function expectNoSeriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`every page has no serious accessibility violations (${colorScheme})`, async ({ page }) => {
    test.slow(); // a dozen full axe scans: about 20 s alone, more on a busy 2-core machine
    await page.emulateMedia({ colorScheme });
    for (const path of ["/", "/sign-in", "/sign-up"]) {
      await page.goto(path);
      await expectNoSeriousViolations(page);
    }
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Fill in every field." })).toBeVisible();
    await expectNoSeriousViolations(page);

    await signUp(page);
    await expectNoSeriousViolations(page); // the empty state
    await addTask(page, "Overdue thing", { priority: "High", due: "2020-01-01" });
    await addTask(page, "Done thing", { priority: "Low" });
    await taskItem(page, "Done thing").getByRole("checkbox").check();
    await expect(page.getByText("1 task left")).toBeVisible();
    await expectNoSeriousViolations(page);
    await taskItem(page, "Overdue thing").getByRole("button", { name: "Edit Overdue thing" }).click();
    await expectNoSeriousViolations(page);
    await page.keyboard.press("Escape");
    await taskItem(page, "Done thing").getByRole("button", { name: "Delete Done thing" }).click();
    await expect(page.getByRole("button", { name: /Undo/ })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
}

test("keyboard focus is visible", async ({ page }) => {
  await page.goto("/sign-in");
  await page.keyboard.press("Tab"); // skip link
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe("none");
});
