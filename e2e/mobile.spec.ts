import { expect, openTasks, test } from "./fixtures";
import { addTask, taskItem } from "./support";

test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

const LONG_TITLE = "A task with a rather long title that must not push the page sideways on a narrow phone";

test("the task page works on a 375 px phone: controls behind one button, row menu, 44 px targets", async ({ page, account }) => {
  void account;
  await openTasks(page);
  // The view controls start folded away, behind one button.
  await expect(page.getByLabel("Search tasks")).toBeHidden();
  await page.getByRole("button", { name: "Filter, search and sort" }).click();
  await expect(page.getByLabel("Search tasks")).toBeVisible();

  await addTask(page, LONG_TITLE, { priority: "High", due: "2030-01-01" });
  const item = taskItem(page, LONG_TITLE);
  await item.getByRole("checkbox").check();
  await expect(item.getByRole("checkbox")).toBeChecked();

  // Touch screens have no hover: Edit and Delete live in the row's menu.
  await item.getByRole("button", { name: `More actions for ${LONG_TITLE}` }).click();
  const menu = page.getByRole("menu", { name: `Actions for ${LONG_TITLE}` });
  await expect(menu.getByRole("menuitem", { name: "Delete" })).toBeInViewport();
  await menu.getByRole("menuitem", { name: "Delete" }).click();
  await expect(item).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Undo/ })).toBeVisible();

  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("main button, main input, main select")]
      .filter((element) => element.offsetParent !== null)
      // A checkbox's target is the 44 px label around it.
      .map((element) => (element.matches("[type=checkbox]") ? element.closest("label")! : element))
      .map((element) => ({ name: element.getAttribute("aria-label") ?? element.textContent ?? element.id, width: element.offsetWidth, height: element.offsetHeight }))
      .filter(({ width, height }) => width < 44 || height < 44),
  );
  expect(small).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test("on a phone the lists and labels are a drawer that closes once a place is chosen", async ({ page, account }) => {
  void account;
  await openTasks(page);
  const drawer = page.getByRole("navigation", { name: "Lists and labels" });
  await expect(drawer).toBeHidden();
  await page.getByRole("button", { name: "Lists" }).click();
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole("link", { name: /Inbox/ })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();

  await page.getByRole("button", { name: "Lists" }).click();
  await drawer.getByRole("link", { name: "Upcoming" }).click();
  await expect(page.getByRole("heading", { name: "Upcoming", level: 1 })).toBeVisible();
  await expect(drawer).toBeHidden();

  await page.getByRole("button", { name: "Lists" }).click();
  await drawer.getByRole("link", { name: "Trash" }).click();
  await expect(page.getByRole("heading", { name: "Trash", level: 1 })).toBeVisible();
  await expect(page.getByText("Trash is empty.")).toBeVisible();
  await expect(drawer).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
