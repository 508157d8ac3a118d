import { test as base, expect, type Page } from "@playwright/test";
import { newAccount, PASSWORD, type Account } from "./support";

// Playwright fixtures: each test gets its own user, created through the API (not the sign-up
// form, which e2e/auth.spec.ts covers), signed in in the test's browser context.

interface Fixtures {
  /** A new user, signed in; the page is not opened yet. */
  account: Account;
  /** Creates tasks through the API as the signed-in user; returns their ids in order. */
  createTasks: (tasks: Array<{ title: string; completed?: boolean; dueDate?: string | null }>) => Promise<string[]>;
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
    await provide(async (tasks) => {
      const ids: string[] = [];
      for (const task of tasks) {
        const response = await page.request.post("/api/tasks", { data: task, headers: { Authorization: `Bearer ${token}` } });
        expect(response.status(), await response.text()).toBe(201);
        ids.push(((await response.json()) as { id: string }).id);
      }
      return ids;
    });
  },
});

export { expect };

/** Opens the task page and waits until the list (or its empty state) is on screen. */
export async function openTasks(page: Page, path = "/tasks"): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Tasks", level: 1 })).toBeVisible();
}
