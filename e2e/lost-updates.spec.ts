import type { Page, Route } from "@playwright/test";
import { expect, openTasks, test } from "./fixtures";
import { addTask, taskItem } from "./support";

// Each case is a way the task page once lost a change on screen: a response that left the server
// before the change landed after it. The tests hold such a response (page.route) while the user
// acts, then let it land.

/** Holds the first request matching `url`: it is sent to the server at once, its answer delivered on release(). */
async function holdResponse(page: Page, url: string | ((url: URL) => boolean)) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let read!: () => void;
  const serverAnswered = new Promise<void>((resolve) => (read = resolve));
  let delivered = false;
  let held = false;
  await page.route(url, async (route: Route) => {
    if (held) return route.continue();
    held = true;
    const response = await route.fetch();
    read();
    await released;
    await route.fulfill({ response }).catch(() => {}); // the page may have cancelled it meanwhile
    delivered = true;
  });
  return {
    /** Resolves once the server has answered the held request (its data is from before anything done next). */
    serverAnswered,
    release: async () => {
      release();
      await expect.poll(() => delivered).toBe(true);
    },
  };
}

const listOf = (status: string) => (url: URL) => url.pathname === "/api/tasks" && url.searchParams.get("status") === status;

test("a task added while a list is loading stays when that older list arrives", async ({ page, createTasks }) => {
  await createTasks([{ title: "Older task" }]);
  await openTasks(page);
  const activeList = await holdResponse(page, listOf("active"));
  await page.getByRole("button", { name: "Active" }).click();
  await activeList.serverAnswered;
  await addTask(page, "Added meanwhile");
  await activeList.release();
  await expect(taskItem(page, "Older task")).toBeVisible();
  await expect(taskItem(page, "Added meanwhile")).toBeVisible();
  await page.reload();
  await expect(taskItem(page, "Added meanwhile")).toBeVisible();
});

test("a task deleted and then hidden by a filter change stays deleted, and is deleted once the undo time is up", async ({ page, createTasks }) => {
  await createTasks([{ title: "Keep me" }, { title: "Delete me" }]);
  await page.clock.install();
  await openTasks(page);
  await taskItem(page, "Delete me").getByRole("button", { name: "Delete Delete me" }).click();
  await expect(page.getByRole("button", { name: /Undo/ })).toBeVisible();
  await page.getByRole("button", { name: "Active" }).click(); // read from the server before the delete was sent
  await expect(taskItem(page, "Keep me")).toBeVisible();
  await expect(taskItem(page, "Delete me")).toHaveCount(0);
  await page.getByRole("button", { name: "All" }).click();
  await expect(taskItem(page, "Delete me")).toHaveCount(0);

  const deleted = page.waitForResponse((r) => r.request().method() === "DELETE");
  await page.clock.runFor(6_000);
  expect((await deleted).status()).toBe(204);
  await page.reload();
  await expect(taskItem(page, "Keep me")).toBeVisible();
  await expect(taskItem(page, "Delete me")).toHaveCount(0);
});

test("more tasks asked for under one filter never land in another", async ({ page, createTasks }) => {
  await createTasks(Array.from({ length: 105 }, (_, i) => ({ title: `Task ${String(i).padStart(3, "0")}`, completed: i < 3 })), { inAnyOrder: true });
  const refused: string[] = [];
  page.on("response", (response) => response.status() >= 400 && refused.push(`${response.status()} ${response.url()}`));
  await openTasks(page);
  const secondPage = await holdResponse(page, (url) => url.pathname === "/api/tasks" && url.searchParams.has("cursor"));
  await loadMore(page);
  await secondPage.serverAnswered;
  await page.getByRole("button", { name: "Completed" }).click();
  await secondPage.release();
  await expect(page.getByRole("list", { name: "Your tasks" }).getByRole("checkbox")).toHaveCount(3);
  for (const title of ["Task 000", "Task 001", "Task 002"]) await expect(taskItem(page, title).getByRole("checkbox")).toBeChecked();
  expect(refused).toEqual([]);
});

test("an edit and a tick made while the edit is on its way are both kept", async ({ page, createTasks }) => {
  await createTasks([{ title: "Write report" }]);
  await openTasks(page);
  const edit = await holdResponse(page, (url) => url.pathname.startsWith("/api/tasks/") && !url.pathname.endsWith("/complete"));
  await taskItem(page, "Write report").getByRole("button", { name: "Edit Write report" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Write the report");
  await page.getByRole("button", { name: "Save" }).click();
  const tickSaved = page.waitForResponse((response) => response.request().method() === "PATCH" && response.request().postDataJSON()?.completed === true);
  await taskItem(page, "Write the report").getByRole("checkbox").check();
  await edit.release();
  await expect(taskItem(page, "Write the report").getByRole("checkbox")).toBeChecked();
  expect((await tickSaved).status()).toBe(200); // sent after the edit, in the order they were made
  await page.reload();
  await expect(taskItem(page, "Write the report").getByRole("checkbox")).toBeChecked();
});

test("a tick made while a search is on its way is not undone by the search's answer", async ({ page, createTasks }) => {
  await createTasks([{ title: "Call the bank" }, { title: "Call mum" }]);
  await openTasks(page);
  const search = await holdResponse(page, (url) => url.pathname === "/api/tasks" && url.searchParams.get("q") === "call");
  await page.getByLabel("Search tasks").fill("call");
  await search.serverAnswered;
  await taskItem(page, "Call mum").getByRole("checkbox").check();
  await search.release();
  await expect(taskItem(page, "Call mum").getByRole("checkbox")).toBeChecked();
  await expect(taskItem(page, "Call the bank").getByRole("checkbox")).not.toBeChecked();
});

/** Asks for the next page as a person would: the button where there is one, else scrolling down. */
async function loadMore(page: Page) {
  const button = page.getByRole("button", { name: "Load more tasks" });
  if (await button.isVisible()) await button.click();
  else await page.mouse.wheel(0, 20_000);
}

test("leaving while a new task is still on its way asks first, and staying keeps it", async ({ page, account }) => {
  void account; // signed in
  await openTasks(page);
  const create = await holdResponse(page, (url) => url.pathname === "/api/tasks" && url.search === "");
  await page.getByLabel("New task").fill("Not lost on the way out");
  await page.getByRole("button", { name: "Add task" }).click();
  await create.serverAnswered;
  const row = taskItem(page, "Not lost on the way out");
  await expect(row).toHaveAttribute("aria-busy", "true"); // told to screen readers as well

  const asked = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss(); // stay
  expect(page.isClosed()).toBe(false);

  await create.release();
  await expect(row).not.toHaveAttribute("aria-busy", "true");
  // Stored and acknowledged: nothing left to lose, so the page closes without asking.
  page.on("dialog", (unexpected) => void unexpected.dismiss());
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
});
