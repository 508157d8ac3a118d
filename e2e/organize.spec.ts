import { expect, openTasks, test } from "./fixtures";
import { addTask, otherDevice, taskItem } from "./support";

// Lists, labels, subtasks, manual order and the Today and Upcoming views, as a person uses them.

/** The titles of the rows shown, top to bottom. */
const rowTitles = (page: import("@playwright/test").Page) => page.locator(".task-list .task .title").allTextContents();

const sidebar = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: "Lists and labels" });

async function createListOrLabel(page: import("@playwright/test").Page, kind: "list" | "label", name: string) {
  await sidebar(page).getByRole("button", { name: `New ${kind}` }).click();
  await sidebar(page).getByLabel(kind === "list" ? "List name" : "Label name").fill(name);
  await sidebar(page).getByRole("button", { name: `Add ${kind}` }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
}

test("a list with labelled tasks and subtasks, and a second user sees none of it", async ({ page, account, browser, baseURL }) => {
  void account; // signed in
  test.slow(); // a whole session of a person's work, and a second user
  await openTasks(page);
  await createListOrLabel(page, "label", "Errand");
  await createListOrLabel(page, "list", "Groceries");
  await expect(page).toHaveURL(/\/tasks\?list=[0-9a-f-]{36}$/);
  const groceriesUrl = page.url();

  await addTask(page, "Milk");
  await addTask(page, "Bread");
  await expect(sidebar(page).getByRole("link", { name: /Groceries/ })).toContainText("2");

  // A label through the edit dialog.
  await taskItem(page, "Milk").getByRole("button", { name: "Edit Milk" }).click();
  await page.getByRole("dialog", { name: "Edit task" }).getByRole("checkbox", { name: "Errand" }).check();
  const saved = page.waitForResponse((r) => r.request().method() === "PATCH" && r.ok());
  await page.getByRole("button", { name: "Save" }).click();
  await saved;
  await expect(taskItem(page, "Milk")).toContainText("Label: Errand");

  // A subtask from the row's menu; it opens under its parent, which counts it.
  await taskItem(page, "Bread").getByRole("button", { name: "More actions for Bread" }).click();
  await page.getByRole("menuitem", { name: "Add subtask" }).click();
  await page.getByLabel("Subtask", { exact: true }).fill("Whole wheat");
  const created = page.waitForResponse((r) => r.url().endsWith("/api/tasks") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Add subtask" }).click();
  expect((await created).status()).toBe(201);
  await expect(page.getByRole("button", { name: "Subtasks of Bread: 0 of 1 done" })).toHaveAttribute("aria-expanded", "true");
  await expect(taskItem(page, "Whole wheat")).toHaveAttribute("aria-level", "2");
  expect(await rowTitles(page)).toEqual(["Bread", "Whole wheat", "Milk"]);

  // Completing the parent asks about its open subtask.
  await taskItem(page, "Bread").getByRole("checkbox", { name: "Bread" }).click(); // asks first: not checked yet
  const question = page.getByRole("dialog", { name: "Complete “Bread”?" });
  await expect(question).toContainText("1 open subtask");
  await question.getByRole("button", { name: "Complete all" }).click();
  await expect(taskItem(page, "Whole wheat").getByRole("checkbox")).toBeChecked();
  await expect(page.getByRole("button", { name: "Subtasks of Bread: 1 of 1 done" })).toBeVisible();

  // Deleting the parent takes its subtask with it, and Undo brings both back.
  await taskItem(page, "Bread").getByRole("button", { name: "Delete Bread" }).click();
  await expect(taskItem(page, "Whole wheat")).toHaveCount(0);
  await page.getByRole("button", { name: "Undo delete of Bread" }).click();
  await expect(taskItem(page, "Bread")).toBeVisible();
  await page.reload();
  await page.getByRole("button", { name: "Subtasks of Bread: 1 of 1 done" }).click();
  await expect(taskItem(page, "Whole wheat")).toBeVisible();

  // The label's view holds the labelled task only, and says which list it is in.
  await sidebar(page).getByRole("link", { name: /Errand/ }).click();
  await expect(page.getByRole("heading", { name: "Errand", level: 1 })).toBeVisible();
  await expect(taskItem(page, "Milk")).toContainText("List: Groceries");
  expect(await rowTitles(page)).toEqual(["Milk"]);

  // All of it stays after a reload.
  await page.goto(groceriesUrl);
  await expect(page.getByRole("heading", { name: "Groceries", level: 1 })).toBeVisible();
  expect(await rowTitles(page)).toEqual(["Bread", "Milk"]);

  // Another user has an empty Inbox, no such list or label, and cannot open this one.
  const other = await otherDevice(browser, baseURL!, { name: "Other", email: `other-${Date.now()}@example.com` }, undefined, true);
  await other.goto("/tasks");
  await expect(other.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  await expect(other.getByText("No tasks yet")).toBeVisible();
  await expect(sidebar(other).getByRole("link", { name: /Groceries|Errand/ })).toHaveCount(0);
  await other.goto(new URL(groceriesUrl).pathname + new URL(groceriesUrl).search);
  await expect(other.getByText("That list belongs to another account.")).toBeVisible();
  await expect(other.locator(".task-list .task")).toHaveCount(0);
  await other.context().close();
});

test("tasks reorder by keyboard and by mouse, and keep their order", async ({ page, createTasks }) => {
  await createTasks([{ title: "Alpha" }, { title: "Bravo" }, { title: "Charlie" }]);
  await openTasks(page);
  expect(await rowTitles(page)).toEqual(["Charlie", "Bravo", "Alpha"]); // new tasks come first

  // Keyboard: Alt+↑ on a row moves it up, and says so.
  await taskItem(page, "Alpha").focus();
  const moved = page.waitForResponse((r) => r.request().method() === "PATCH" && r.ok());
  await page.keyboard.press("Alt+ArrowUp");
  await moved;
  expect(await rowTitles(page)).toEqual(["Charlie", "Alpha", "Bravo"]);
  await expect(page.getByRole("status").filter({ hasText: "Moved “Alpha” to position 2 of 3." })).toBeAttached();
  await expect(taskItem(page, "Alpha")).toBeFocused();

  // Mouse: drag Charlie by its handle below Bravo (drag and drop loads as the pointer comes near).
  await page.getByRole("list", { name: "Your tasks" }).hover();
  await expect(page.getByRole("list", { name: "Your tasks" })).toHaveAttribute("data-drag", "ready");
  const handle = taskItem(page, "Charlie").locator(".handle");
  const target = taskItem(page, "Bravo");
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  const dropped = page.waitForResponse((r) => r.request().method() === "PATCH" && r.ok());
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + 20, { steps: 5 });
  await page.mouse.move(from.x + from.width / 2, to.y + to.height * 0.75, { steps: 15 });
  await page.mouse.up();
  await dropped;
  expect(await rowTitles(page)).toEqual(["Alpha", "Bravo", "Charlie"]);

  await page.reload();
  await expect(taskItem(page, "Alpha")).toBeVisible();
  expect(await rowTitles(page)).toEqual(["Alpha", "Bravo", "Charlie"]);
});

test.describe("Today and Upcoming follow the user's calendar across midnight", () => {
  test.use({ timezoneId: "Asia/Kolkata" }); // UTC+5:30

  test("a task due just after midnight moves into Today when midnight passes", async ({ page, createTasks }) => {
    // 23:30 in Kolkata on 10 December 2030 is 18:00 UTC.
    await page.clock.install({ time: new Date("2030-12-10T18:00:00Z") });
    await createTasks([
      { title: "Overdue report", dueDate: "2030-12-08" },
      { title: "Late call", dueAt: "2030-12-10T17:00:00Z", dueTimeZone: "Asia/Kolkata" }, // 10 Dec, 22:30 local
      { title: "Early run", dueAt: "2030-12-10T19:00:00Z", dueTimeZone: "Asia/Kolkata" }, // 11 Dec, 00:30 local
      { title: "Next month", dueDate: "2031-01-20" },
      { title: "Someday" },
    ]);
    await page.goto("/tasks?view=today");
    await expect(page.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();
    await expect.poll(() => rowTitles(page).then((titles) => titles.sort())).toEqual(["Late call", "Overdue report"]);

    await page.goto("/tasks?view=upcoming");
    await expect(page.getByRole("heading", { name: "Upcoming", level: 1 })).toBeVisible();
    await expect.poll(() => rowTitles(page)).toEqual(["Late call", "Early run"]);
    await expect(page.getByRole("heading", { name: "Today", level: 2 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Tomorrow", level: 2 })).toBeVisible();

    // 00:10 on 11 December in Kolkata.
    await page.clock.setSystemTime(new Date("2030-12-10T18:40:00Z"));
    await page.goto("/tasks?view=today");
    await expect.poll(() => rowTitles(page).then((titles) => titles.sort())).toEqual(["Early run", "Late call", "Overdue report"]);
    await expect(taskItem(page, "Late call")).toContainText("Overdue");
  });
});

test("a button pressed while drag and drop is still loading clicks all the same", async ({ page, createTasks }) => {
  // Drag and drop loads as the pointer first comes onto the list, and then every row is rendered
  // anew. If that lands between a press and its release, the browser sends no click: the first
  // click on a row did nothing now and then. Hold the load until the button is pressed.
  await createTasks([{ title: "Stay" }, { title: "Press me" }]);
  await openTasks(page);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const heldChunks: Array<Promise<void>> = [];
  await page.route("**/_next/static/chunks/**", async (route) => {
    const loaded = held.then(() => route.continue());
    heldChunks.push(loaded);
    await loaded;
  });
  const button = taskItem(page, "Press me").getByRole("button", { name: "Delete Press me" });
  const box = (await button.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => heldChunks.length).toBeGreaterThan(0);
  await page.mouse.down();
  release();
  await Promise.all(heldChunks);
  // Time for the chunk to run and the list to render, as it did when the click was lost.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  await page.mouse.up();
  await expect(taskItem(page, "Press me")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Undo/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "Your tasks" })).toHaveAttribute("data-drag", "ready");
});

test("lists reorder, archive, and delete with their tasks moved to the Inbox", async ({ page, account }) => {
  void account;
  test.slow();
  await openTasks(page);
  await createListOrLabel(page, "list", "Home");
  await createListOrLabel(page, "list", "Work");
  await addTask(page, "Email Bob");
  const listLinks = sidebar(page).getByRole("list", { name: "Lists" }).getByRole("link");

  const settings = page.getByRole("dialog", { name: "List settings" });
  await page.getByRole("button", { name: "List settings" }).click();
  await settings.getByRole("button", { name: "Move list up" }).click();
  await expect(listLinks).toHaveText([/Work/, /Home/]);
  await expect(settings.getByRole("button", { name: "Move list up" })).toBeDisabled();

  await settings.getByRole("button", { name: "Archive list" }).click();
  await expect(settings).toBeHidden();
  await expect(listLinks).toHaveText([/Home/]);
  await sidebar(page).getByText("Archived lists (1)").click();
  await expect(sidebar(page).getByRole("link", { name: "Work" })).toBeVisible();

  await page.getByRole("button", { name: "List settings" }).click();
  await settings.getByRole("button", { name: "Delete list…" }).click();
  await expect(settings.getByRole("radio", { name: "Move its tasks to the Inbox" })).toBeChecked();
  await settings.getByRole("button", { name: "Delete list" }).click();
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  await expect(taskItem(page, "Email Bob")).toBeVisible();
  await expect(sidebar(page).getByText(/Archived lists/)).toHaveCount(0);
});
