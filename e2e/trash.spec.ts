import type { Page } from "@playwright/test";
import { expect, openTasks, test } from "./fixtures";
import { taskItem } from "./support";

// The trash, a task's history with undo, and two tabs of one browser keeping each other current.

const sidebar = (page: Page) => page.getByRole("navigation", { name: "Lists and labels" });

async function openTrash(page: Page) {
  await sidebar(page).getByRole("link", { name: "Trash" }).click();
  await expect(page.getByRole("heading", { name: "Trash", level: 1 })).toBeVisible();
}

/** Renames a task through its edit dialog and waits until the server has stored it. */
async function rename(page: Page, from: string, to: string) {
  await taskItem(page, from).getByRole("button", { name: `Edit ${from}` }).click();
  await page.getByLabel("Title", { exact: true }).fill(to);
  const saved = page.waitForResponse((r) => r.request().method() === "PATCH" && r.ok());
  await page.getByRole("button", { name: "Save" }).click();
  await saved;
  await expect(taskItem(page, to)).toBeVisible();
}

async function openHistory(page: Page, title: string) {
  await taskItem(page, title).getByRole("button", { name: `More actions for ${title}` }).click();
  await page.getByRole("menuitem", { name: "History" }).click();
  return page.getByRole("dialog", { name: `History of “${title}”` });
}

test("a task deleted in one tab is restored from the trash in another, and comes back in the first without a reload", async ({ page, createTasks }) => {
  await createTasks([{ title: "Water the plants" }, { title: "Pay rent" }]);
  await page.clock.install(); // the context's clock: the undo time runs only when the test says
  const tabA = page;
  const tabB = await page.context().newPage();
  await openTasks(tabA);
  await openTasks(tabB);

  await taskItem(tabA, "Pay rent").getByRole("button", { name: "Delete Pay rent" }).click();
  const deleted = tabA.waitForResponse((r) => r.request().method() === "DELETE");
  await tabA.clock.runFor(5_000);
  expect((await deleted).status()).toBe(204);
  await expect(taskItem(tabA, "Pay rent")).toHaveCount(0);
  // Tab B hears of it from tab A: it no longer shows the task either.
  await expect(taskItem(tabB, "Pay rent")).toHaveCount(0);

  await openTrash(tabB);
  const trash = tabB.getByRole("list", { name: "Deleted tasks" });
  await expect(trash.getByRole("listitem")).toHaveCount(1);
  await expect(trash).toContainText("Pay rent");
  await expect(trash).toContainText("Deleted just now");
  await tabB.getByRole("button", { name: "Restore Pay rent" }).click();
  await expect(tabB.getByRole("status").filter({ hasText: "Restored “Pay rent”." })).toBeAttached();
  await expect(tabB.getByText("Trash is empty. Deleted tasks stay here for 30 days.")).toBeVisible();

  await tabA.bringToFront();
  await expect(taskItem(tabA, "Pay rent")).toBeVisible();
  await expect(taskItem(tabA, "Water the plants")).toBeVisible();
});

test("a rename is undone from the task's history, and an undo over a later change asks first", async ({ page, createTasks }) => {
  await createTasks([{ title: "Draft" }]);
  await openTasks(page);
  await rename(page, "Draft", "Final draft");

  let history = await openHistory(page, "Final draft");
  await expect(history.getByRole("listitem").first()).toContainText("Renamed from “Draft” to “Final draft”");
  await expect(history.getByRole("listitem").first()).toContainText("by this device");
  await expect(history.getByRole("listitem").last()).toContainText("Created");
  await history.getByRole("button", { name: "Undo: Renamed from “Draft” to “Final draft”" }).click();
  await expect(history.getByRole("listitem").first()).toContainText("Renamed from “Final draft” to “Draft”");
  await history.getByRole("button", { name: "Close" }).click();
  await expect(taskItem(page, "Draft")).toBeVisible();

  // A later rename: undoing the first one now would overwrite it, so the page asks.
  await rename(page, "Draft", "Second thoughts");
  history = await openHistory(page, "Second thoughts");
  const refused = page.waitForResponse((r) => r.url().includes("/undo"));
  await history.getByRole("button", { name: "Undo: Renamed from “Draft” to “Final draft”" }).click();
  expect((await refused).status()).toBe(409);
  const ask = page.getByRole("dialog", { name: "Undo anyway?" });
  await expect(ask).toContainText("Changed since then: title. Undo anyway?");
  await ask.getByRole("button", { name: "Undo anyway" }).click();
  await expect(ask).toBeHidden();
  await expect(history.getByRole("listitem").first()).toContainText("Renamed from “Second thoughts” to “Draft”");
  await history.getByRole("button", { name: "Close" }).click();
  await expect(taskItem(page, "Draft")).toBeVisible();
  await page.reload();
  await expect(taskItem(page, "Draft")).toBeVisible();
});

/** The signed-in user's API, as another device would use it: `call(method, path, data?)` answers the response. */
async function api(page: Page, baseURL: string) {
  const { token } = (await (await page.request.get("/api/auth/token", { headers: { Origin: new URL(baseURL).origin } })).json()) as { token: string };
  return (method: "post" | "delete", path: string, data?: object) => page.request[method](path, { data, headers: { Authorization: `Bearer ${token}` } });
}

test("emptying the trash asks first, then leaves it empty", async ({ page, createTasks, baseURL }) => {
  const ids = await createTasks([{ title: "Old idea" }, { title: "Older idea" }]);
  const call = await api(page, baseURL!);
  for (const id of ids) expect((await call("delete", `/api/tasks/${id}`)).status()).toBe(204);

  await openTasks(page, "/tasks?view=trash", "Trash");
  const trash = page.getByRole("list", { name: "Deleted tasks" });
  await expect(trash.getByRole("listitem")).toHaveCount(2);
  await expect(trash.getByRole("listitem").first()).toContainText("Older idea"); // newest first

  await page.getByRole("button", { name: "Empty trash" }).click();
  const ask = page.getByRole("dialog", { name: "Empty the trash?" });
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(trash.getByRole("listitem")).toHaveCount(2);

  await page.getByRole("button", { name: "Empty trash" }).click();
  const emptied = page.waitForResponse((r) => r.url().endsWith("/api/trash") && r.request().method() === "DELETE");
  await ask.getByRole("button", { name: "Delete for good" }).click();
  expect((await emptied).status()).toBe(200);
  await expect(page.getByText("Trash is empty. Deleted tasks stay here for 30 days.")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Emptied the trash: 2 tasks deleted for good." })).toBeAttached();
  await page.reload();
  await expect(page.getByText("Trash is empty. Deleted tasks stay here for 30 days.")).toBeVisible();
});

test("a restore the server refuses says why", async ({ page, createTasks, baseURL }) => {
  const [parentId] = await createTasks([{ title: "Move house" }]);
  const call = await api(page, baseURL!);
  const subtask = await call("post", "/api/tasks", { title: "Pack books", parentId });
  expect(subtask.status()).toBe(201);
  // The subtask first, on its own, then its parent: each is in the trash by itself.
  expect((await call("delete", `/api/tasks/${((await subtask.json()) as { id: string }).id}`)).status()).toBe(204);
  expect((await call("delete", `/api/tasks/${parentId}`)).status()).toBe(204);

  await openTasks(page, "/tasks?view=trash", "Trash");
  await page.getByRole("button", { name: "Restore Pack books" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Its parent task is in the trash: restore the parent first." })).toBeVisible();
  await page.getByRole("button", { name: "Restore Move house" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Restored “Move house”." })).toBeAttached();
  await page.getByRole("button", { name: "Restore Pack books" }).click();
  await expect(page.getByText("Trash is empty.")).toBeVisible();
});
