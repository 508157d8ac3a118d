import { test as base, expect, type Page } from "@playwright/test";
import { newAccount, PASSWORD, type Account } from "./support";

// Playwright fixtures: each test gets its own user, created through the API (not the sign-up
// form, which e2e/auth.spec.ts covers), signed in in the test's browser context.

interface Fixtures {
  /** A new user, signed in; the page is not opened yet. */
  account: Account;
  /**
   * Creates tasks through the API as the signed-in user, one after another (so the last is the
   * newest), or `inAnyOrder` several at a time for long lists; returns their ids in order.
   */
  createTasks: (tasks: Array<{ title: string; completed?: boolean; dueDate?: string | null; dueAt?: string; dueTimeZone?: string }>, options?: { inAnyOrder?: boolean }) => Promise<string[]>;
}

export const test = base.extend<Fixtures>({
  account: async ({ page, baseURL }, provide) => {
    const account = newAccount();
    const origin = new URL(baseURL!).origin;
    // page.request shares the browser context's cookies: the session cookie lands in the browser.
    const response = await page.request.post("/api/auth/sign-up/email", { data: { ...account, password: PASSWORD }, headers: { Origin: origin } });
    expect(response.status(), await response.text()).toBe(200);
    await provide(account);
  },
  createTasks: async ({ page, baseURL, account }, provide) => {
    void account; // the tasks belong to the fixture's user
    const origin = new URL(baseURL!).origin;
    const tokenResponse = await page.request.get("/api/auth/token", { headers: { Origin: origin } });
    const { token } = (await tokenResponse.json()) as { token: string };
    const create = async (task: object) => {
      const response = await page.request.post("/api/tasks", { data: task, headers: { Authorization: `Bearer ${token}` } });
      expect(response.status(), await response.text()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    await provide(async (tasks, { inAnyOrder = false } = {}) => {
      const ids: string[] = [];
      const batch = inAnyOrder ? 10 : 1;
      for (let start = 0; start < tasks.length; start += batch) ids.push(...(await Promise.all(tasks.slice(start, start + batch).map(create))));
      return ids;
    });
  },
});

export { expect };

/** Opens the task page and waits until the view's heading (the Inbox, a search...) is on screen. */
export async function openTasks(page: Page, path = "/tasks", heading = "Inbox"): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
}
