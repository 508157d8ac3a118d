import crypto from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";

export const PASSWORD = "correct horse battery";

export interface Account {
  name: string;
  email: string;
}

export function newAccount(name = "Test User"): Account {
  return { name, email: `${name.toLowerCase().replace(/\W+/g, "-")}-${crypto.randomUUID().slice(0, 8)}@example.com` };
}

/** Signs up through the form, as a person would, and waits for the dashboard. */
export async function signUp(page: Page, account = newAccount()): Promise<Account> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  await expect(page.getByText("No tasks yet")).toBeVisible();
  return account;
}

export async function signIn(page: Page, account: Account): Promise<void> {
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Adds a task through the form and waits until the server has stored it. */
export async function addTask(page: Page, title: string, options: { priority?: "Low" | "Medium" | "High"; due?: string } = {}): Promise<void> {
  await page.getByLabel("New task").fill(title);
  if (options.priority) await page.getByLabel("Priority").selectOption(options.priority);
  if (options.due) await page.getByLabel("Due date").fill(options.due);
  const stored = page.waitForResponse((r) => r.url().endsWith("/api/tasks") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Add task" }).click();
  expect((await stored).status()).toBe(201);
  // Until the page has taken the answer in, it would ask before a reload (unsaved work).
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

export const taskItem = (page: Page, title: string) => page.getByRole("listitem").filter({ has: page.getByRole("checkbox", { name: title, exact: true }) });

/** Another device signed in to `account` (or signing it up) through the API, as a page of its own browser context. */
export async function otherDevice(browser: Browser, baseURL: string, account: Account, userAgent?: string, signUp = false): Promise<Page> {
  const context = await browser.newContext({ baseURL, userAgent });
  const page = await context.newPage();
  const path = signUp ? "/api/auth/sign-up/email" : "/api/auth/sign-in/email";
  const response = await page.request.post(path, { data: { ...account, password: PASSWORD }, headers: { Origin: new URL(baseURL).origin } });
  expect(response.status(), await response.text()).toBe(200);
  return page;
}
