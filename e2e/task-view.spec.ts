import { expect, openTasks, test } from "./fixtures";
import { addTask, taskItem } from "./support";

const listRequests = (page: import("@playwright/test").Page) => {
  const urls: string[] = [];
  page.on("request", (request) => new URL(request.url()).pathname === "/api/tasks" && urls.push(request.url()));
  return urls;
};

test("the first page of tasks comes with the page: no list request after loading", async ({ page, createTasks }) => {
  await createTasks([{ title: "Rendered on the server" }]);
  const requests = listRequests(page);
  await openTasks(page);
  await expect(taskItem(page, "Rendered on the server")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(requests).toEqual([]);
});

test("the view lives in the URL: shared links, Back and Forward, reload", async ({ page, createTasks }) => {
  await createTasks([{ title: "Buy milk" }, { title: "Buy bread", completed: true }, { title: "Call mum" }]);
  await openTasks(page, "/tasks?status=active&q=buy", "Search");
  await expect(page.getByRole("button", { name: "Active" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("Search tasks")).toHaveValue("buy");
  await expect(taskItem(page, "Buy milk")).toBeVisible();
  await expect(taskItem(page, "Buy bread")).toHaveCount(0);
  await expect(taskItem(page, "Call mum")).toHaveCount(0);
  await expect(page.getByText("1 task left matching “buy”")).toBeVisible();

  await page.getByRole("button", { name: "Completed" }).click();
  await expect(page).toHaveURL(/status=completed/);
  await expect(taskItem(page, "Buy bread")).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/status=active/);
  await expect(taskItem(page, "Buy milk")).toBeVisible();
  await expect(taskItem(page, "Buy bread")).toHaveCount(0);
  await page.goForward();
  await expect(taskItem(page, "Buy bread")).toBeVisible();

  await page.getByLabel("Search tasks").fill("");
  await expect(page).toHaveURL(/\/tasks\?status=completed$/);
  await page.reload();
  await expect(page.getByRole("button", { name: "Completed" })).toHaveAttribute("aria-pressed", "true");
});

test("counts per view come from the server, and a task added where the view hides it says so", async ({ page, createTasks }) => {
  await createTasks([{ title: "One", completed: true }, { title: "Two" }, { title: "Three" }]);
  await openTasks(page, "/tasks?status=completed");
  await expect(page.getByRole("button", { name: "All 3" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Active 2" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Completed 1" })).toBeVisible();
  await addTask(page, "Four");
  await expect(page.getByRole("status").filter({ hasText: "Added “Four”, but this view hides it." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Active 3" })).toBeVisible();
  await page.getByRole("button", { name: "Show all tasks" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(taskItem(page, "Four")).toBeVisible();
});

test("a long list is not drawn all at once: the page holds a few dozen rows, and every task is reachable by scrolling", async ({ page, createTasks }) => {
  test.slow(); // creates 230 tasks through the API
  await createTasks(Array.from({ length: 230 }, (_, i) => ({ title: `Row ${String(i).padStart(3, "0")}` })), { inAnyOrder: true });
  await openTasks(page);
  const rows = page.getByRole("list", { name: "Your tasks" }).getByRole("listitem");
  expect(await rows.count()).toBeLessThan(40);
  await expect(rows.first()).toHaveAttribute("aria-setsize", "230");
  // Scroll to the end, loading pages as a person scrolling would.
  await expect(async () => {
    await page.mouse.wheel(0, 50_000);
    await expect(rows.last()).toHaveAttribute("aria-posinset", "230", { timeout: 500 }); // the oldest, last
    await expect(rows.last()).toBeInViewport({ timeout: 500 });
  }).toPass();
  expect(await rows.count()).toBeLessThan(40);
});
