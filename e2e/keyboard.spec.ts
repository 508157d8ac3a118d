import { expect, openTasks, test } from "./fixtures";
import { taskItem } from "./support";

// Keyboard-first: every action has a key, focus always lands somewhere sensible, and each
// action is announced to screen readers.

const announced = (page: import("@playwright/test").Page, text: string) => page.getByRole("status").filter({ hasText: text });

test("new, move, complete, edit, delete and undo by keyboard alone", async ({ page, createTasks }) => {
  await createTasks([{ title: "Third" }, { title: "Second" }, { title: "First" }]); // newest first on screen
  await page.clock.install();
  await openTasks(page);

  await page.keyboard.press("n");
  await expect(page.getByLabel("New task")).toBeFocused();
  await page.keyboard.type("Zeroth");
  await page.keyboard.press("Enter");
  await expect(taskItem(page, "Zeroth")).toBeVisible();
  await expect(announced(page, "Added “Zeroth”.")).toBeAttached();
  await page.getByLabel("New task").blur();

  await page.keyboard.press("j");
  await expect(taskItem(page, "Zeroth")).toBeFocused();
  await page.keyboard.press("j");
  await expect(taskItem(page, "First")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(taskItem(page, "Second")).toBeFocused();
  await page.keyboard.press("k");
  await expect(taskItem(page, "First")).toBeFocused();

  await page.keyboard.press("x");
  await expect(taskItem(page, "First").getByRole("checkbox")).toBeChecked();
  await expect(announced(page, "Completed “First”.")).toBeAttached();

  await page.keyboard.press("e");
  const dialog = page.getByRole("dialog", { name: "Edit task" });
  await expect(dialog.getByLabel("Title", { exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(taskItem(page, "First")).toBeFocused();

  await page.keyboard.press("Delete");
  await expect(taskItem(page, "First")).toHaveCount(0);
  await expect(taskItem(page, "Second")).toBeFocused(); // the next task, not the top of the page
  await expect(announced(page, "Deleted “First”.")).toBeAttached();
  await page.keyboard.press("z");
  await expect(taskItem(page, "First")).toBeFocused();
  await expect(announced(page, "Restored “First”.")).toBeAttached();

  await page.clock.runFor(10_000);
  await page.reload();
  await expect(taskItem(page, "First")).toBeVisible(); // the undone delete was never sent
});

test("? lists the shortcuts and the command palette runs commands", async ({ page, createTasks }) => {
  await createTasks([{ title: "Open one" }, { title: "Done one", completed: true }]);
  await openTasks(page);
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help.getByText("Complete or reopen the task")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await palette.getByRole("combobox", { name: "Command" }).fill("show completed");
  await page.keyboard.press("Enter");
  await expect(palette).toBeHidden();
  await expect(page).toHaveURL(/\?status=completed$/);
  await expect(taskItem(page, "Done one")).toBeVisible();
  await expect(taskItem(page, "Open one")).toHaveCount(0);
});
