import type { Page, Route } from "@playwright/test";
import { expect, openTasks, test } from "./fixtures";
import { addTask, taskItem } from "./support";

const titles = async (page: Page) => page.getByRole("list", { name: "Your tasks" }).getByRole("checkbox").evaluateAll((boxes) =>
  boxes.map((box) => document.getElementById(box.getAttribute("aria-labelledby")!)!.textContent),
);

test.beforeEach(async ({ page, account }) => {
  void account; // signed in through the API
  await openTasks(page);
});

test("add, edit, complete, un-complete and delete with undo, all surviving a reload", async ({ page }) => {
  await page.clock.install(); // the undo time runs only when the test says
  await addTask(page, "Buy milk", { priority: "High", due: "2030-05-01" });
  const milk = taskItem(page, "Buy milk");
  await expect(milk.getByText("High")).toBeVisible();
  await expect(milk.getByText(/Due .*2030/)).toBeVisible();
  await expect(page.getByText("1 task left")).toBeVisible();

  // Edit: Enter saves, and focus goes back to the task.
  await milk.getByRole("button", { name: "Edit Buy milk" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Buy oat milk");
  await page.getByLabel("Description").fill("The barista kind");
  await page.getByLabel("Title", { exact: true }).press("Enter");
  const oat = taskItem(page, "Buy oat milk");
  await expect(oat.getByText("The barista kind")).toBeVisible();
  await expect(oat).toBeFocused();

  // Edit: Escape cancels.
  await oat.getByRole("button", { name: "Edit Buy oat milk" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Something else");
  await page.getByLabel("Title", { exact: true }).press("Escape");
  await expect(taskItem(page, "Buy oat milk")).toBeVisible();
  await expect(page.getByText("Something else")).toHaveCount(0);

  // Complete, reload, un-complete, reload.
  await oat.getByRole("checkbox", { name: "Buy oat milk" }).check();
  await expect(page.getByText("0 tasks left")).toBeVisible();
  await page.reload();
  await expect(taskItem(page, "Buy oat milk").getByRole("checkbox")).toBeChecked();
  await taskItem(page, "Buy oat milk").getByRole("checkbox").uncheck();
  await expect(page.getByText("1 task left")).toBeVisible();
  await page.reload();
  await expect(taskItem(page, "Buy oat milk").getByRole("checkbox")).not.toBeChecked();
  await expect(taskItem(page, "Buy oat milk").getByText("The barista kind")).toBeVisible();

  // Delete, undo: still there after a reload.
  await taskItem(page, "Buy oat milk").getByRole("button", { name: "Delete Buy oat milk" }).click();
  await expect(taskItem(page, "Buy oat milk")).toHaveCount(0);
  await page.getByRole("button", { name: /Undo/ }).click();
  await expect(taskItem(page, "Buy oat milk")).toBeVisible();
  await page.reload();
  await expect(taskItem(page, "Buy oat milk")).toBeVisible();

  // Delete for real once the undo time is up: gone after a reload.
  await taskItem(page, "Buy oat milk").getByRole("button", { name: "Delete Buy oat milk" }).click();
  const deleted = page.waitForResponse((r) => r.request().method() === "DELETE");
  await page.clock.runFor(5_000);
  expect((await deleted).status()).toBe(204);
  await page.reload();
  await expect(page.getByText("No tasks yet")).toBeVisible();
});

test("a delete still waiting for undo is not lost when the page is left", async ({ page }) => {
  await addTask(page, "Leave me");
  await taskItem(page, "Leave me").getByRole("button", { name: "Delete Leave me" }).click();
  await page.goto("/tasks");
  await expect(page.getByText("No tasks yet")).toBeVisible();
});

test("filter, search and sort", async ({ page }) => {
  await addTask(page, "Banana bread", { priority: "Low" });
  await addTask(page, "Apple pie", { priority: "High" });
  await addTask(page, "Cherry tart");
  await taskItem(page, "Apple pie").getByRole("checkbox").check();
  await expect(page.getByText("2 tasks left")).toBeVisible();

  await page.getByRole("button", { name: "Active" }).click();
  await expect.poll(() => titles(page)).toEqual(["Cherry tart", "Banana bread"]);
  await page.getByRole("button", { name: "Completed" }).click();
  await expect.poll(() => titles(page)).toEqual(["Apple pie"]);
  await page.getByRole("button", { name: "All" }).click();
  await expect.poll(() => titles(page)).toEqual(["Cherry tart", "Apple pie", "Banana bread"]);

  await page.getByLabel("Search tasks").fill("BREAD");
  await expect.poll(() => titles(page)).toEqual(["Banana bread"]);
  await page.getByLabel("Search tasks").fill("nothing like this");
  await expect(page.getByText("No tasks match")).toBeVisible();
  await page.getByLabel("Search tasks").fill("");

  await page.getByLabel("Sort by").selectOption("Title (A to Z)");
  await expect.poll(() => titles(page)).toEqual(["Apple pie", "Banana bread", "Cherry tart"]);
  await page.getByLabel("Sort by").selectOption("Priority");
  await expect.poll(() => titles(page)).toEqual(["Apple pie", "Cherry tart", "Banana bread"]);
  await page.reload(); // the view is in the URL: the reload keeps it
  await expect.poll(() => titles(page)).toEqual(["Apple pie", "Cherry tart", "Banana bread"]);
  await expect(page.getByLabel("Sort by")).toHaveValue("priority");
});

test("overdue tasks stand out", async ({ page }) => {
  await addTask(page, "Late", { due: "2020-01-01" });
  await addTask(page, "Later", { due: "2099-01-01" });
  await expect(taskItem(page, "Late").getByText(/Overdue/)).toBeVisible();
  await expect(taskItem(page, "Later").getByText(/Overdue/)).toHaveCount(0);
});

test("a change the server refuses is rolled back with a message", async ({ page }) => {
  await addTask(page, "Stubborn");
  // Hold the refusal until the optimistic tick has been seen, so the test does not race it.
  let refuse!: () => void;
  const refused = new Promise<void>((resolve) => (refuse = resolve));
  await page.route("**/api/tasks/*", async (route) => {
    if (route.request().method() !== "PATCH") return route.continue();
    await refused;
    await route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ error: { code: "internal_error", message: "The server failed." } }) });
  });
  const checkbox = taskItem(page, "Stubborn").getByRole("checkbox");
  await checkbox.check();
  await expect(checkbox).toBeChecked();
  refuse();
  await expect(page.getByRole("alert").filter({ hasText: "The server failed. Your change was not saved." })).toBeVisible();
  await expect(checkbox).not.toBeChecked();
});

test("when a list cannot load, an error is shown with a retry that works", async ({ page }) => {
  await addTask(page, "Still here");
  const down = (route: Route) =>
    route.fulfill({ status: 503, contentType: "application/json", headers: { "Retry-After": "1" }, body: '{"error":{"code":"service_unavailable","message":"Down for a moment."}}' });
  await page.route("**/api/tasks?*", down);
  await page.getByRole("button", { name: "Active" }).click(); // a view not loaded yet
  await expect(page.getByRole("alert").filter({ hasText: "Could not load your tasks. The server is busy right now." })).toBeVisible();
  await page.unroute("**/api/tasks?*", down);
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(taskItem(page, "Still here")).toBeVisible();
});

test("a 401 from the API renews the token once and retries", async ({ page }) => {
  await addTask(page, "Kept");
  let refused = false;
  await page.route("**/api/tasks?*", (route) => {
    if (refused) return route.continue();
    refused = true;
    return route.fulfill({ status: 401, contentType: "application/json", body: '{"error":{"code":"unauthorized","message":"expired"}}' });
  });
  const renewed = page.waitForResponse((r) => r.url().endsWith("/api/auth/token"));
  await page.getByLabel("Sort by").selectOption("Oldest first");
  expect((await renewed).status()).toBe(200);
  await expect(taskItem(page, "Kept")).toBeVisible();
  await expect(page).toHaveURL(/\/tasks\?sort=oldest$/); // still here, not sent to sign in
});

test("an empty title is refused with a message, by keyboard alone", async ({ page }) => {
  await page.getByLabel("New task").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Type what you need to do first." })).toBeVisible();
  await page.keyboard.type("Typed by keyboard");
  await page.keyboard.press("Enter");
  await expect(taskItem(page, "Typed by keyboard")).toBeVisible();
});
