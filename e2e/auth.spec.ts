import { expect, test } from "@playwright/test";
import { ACCOUNT_EXISTS } from "../lib/accounts/existing-account";
import { PASSWORD_MIN } from "../lib/accounts/limits";
import { PASSWORD_TOO_COMMON } from "../lib/accounts/password-policy";
import { addTask, newAccount, PASSWORD, signIn, signUp, taskItem } from "./support";

test("sign up lands on /tasks; signed out, /tasks goes to sign-in; signing in again shows the same tasks", async ({ page }) => {
  const account = await signUp(page);
  await expect(page.getByText(`Signed in as ${account.name}`)).toBeVisible();
  await addTask(page, "Remember the milk");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/tasks");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftasks$/);

  await signIn(page, account);
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(taskItem(page, "Remember the milk")).toBeVisible();
});

test("a signed-out visitor sees what the app is, with links to sign up and sign in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("A calm, fast to-do list");
  await expect(page.getByRole("img", { name: /The Tasks dashboard/ })).toBeVisible();
  await page.getByRole("link", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await page.goto("/");
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a signed-in visitor goes from /sign-in and /sign-up to /tasks, and finds the way there from /", async ({ page }) => {
  await signUp(page);
  for (const path of ["/sign-in", "/sign-up"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/tasks$/);
  }
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Sign up" })).toHaveCount(0);
  await page.getByRole("link", { name: "Open your tasks" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
});

test("a session cookie that outlived its session leads to the sign-in form, not round in circles", async ({ page, context }) => {
  await signUp(page);
  const cookies = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await context.addCookies(cookies); // the ended session's cookie, back in the browser
  await page.goto("/tasks");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftasks$/);
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
});

test("sign-in and sign-up errors are shown and announced", async ({ page }) => {
  const account = await signUp(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Someone Else");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: ACCOUNT_EXISTS.message })).toBeVisible();

  await page.getByLabel("Email").fill(newAccount().email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: `Passwords must be at least ${PASSWORD_MIN} characters.` })).toBeVisible();

  await page.getByLabel("Password").fill("Password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: PASSWORD_TOO_COMMON.message })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("after signing in, the user is taken back to the page they were sent away from", async ({ page }) => {
  const account = await signUp(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/tasks?from=bookmark");
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await signIn(page, account);
  await expect(page).toHaveURL(/\/tasks\?from=bookmark$/);
});

test("too many attempts are explained, with how long to wait", async ({ page }) => {
  // Wrong passwords for one email through the JSON endpoint, waiting out each delay, until the
  // form's attempt must wait 8 s (the per-email delay starts after 5 failures and doubles).
  const account = newAccount();
  for (let failures = 0; failures < 8; ) {
    const answer = await page.request.post("/api/auth/sign-in/email", { data: { email: account.email, password: "wrong password" } });
    expect([401, 429]).toContain(answer.status());
    if (answer.status() === 401) failures++;
    else await page.waitForTimeout(Number(answer.headers()["retry-after"]) * 1000);
  }
  await page.goto("/sign-in");
  await signIn(page, account);
  await expect(page.getByRole("alert").filter({ hasText: /^Too many attempts: try again in \d+ seconds?\.$/ })).toBeVisible();
});

// As an attacker would write them in a link: tab, CR/LF, backslash, encoded once and twice.
const HOSTILE_NEXT = ["//evil.example/phish", "/%09/evil.example/", "%2F%5Cevil.example", "/%0d%0a/evil.example", "/%252F%252Fevil.example", "https://evil.example/tasks", "javascript:alert(1)"];

test("signing in never sends the user to another site, however `next` is crafted", async ({ page, baseURL }) => {
  test.setTimeout(60_000); // seven sign-ins, each a deliberately slow password check
  const origin = new URL(baseURL!).origin;
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).origin !== origin) elsewhere.push(request.url());
  });
  page.on("dialog", (dialog) => void dialog.dismiss().then(() => elsewhere.push(`dialog: ${dialog.message()}`)));
  const account = await signUp(page);
  for (const next of HOSTILE_NEXT) {
    // Off the task page first: signed out under it, its next poll would go to sign-in itself.
    await page.goto("about:blank");
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${next}`);
    await signIn(page, account);
    await expect(page, next).toHaveURL(`${origin}/tasks`);
    await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  }
  expect(elsewhere).toEqual([]);
});

test("a request still on its way when signing out leaves the sign-in form alone", async ({ page }) => {
  const account = await signUp(page);
  // Hold the changes feed's next poll until the page has been left. Wait for the route to hold
  // one, not for a request: a poll sent between page.route and page.waitForRequest was held
  // unseen, and no other came (once in a repeated run).
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let holding!: () => void;
  const oneHeld = new Promise<void>((resolve) => (holding = resolve));
  await page.route(/\/api\/changes(\?|$)/, async (route) => {
    holding();
    await held;
    await route.fulfill({ status: 401, json: { error: { code: "unauthorized", message: "Sign in first." } } });
  });
  await oneHeld;
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel("Email").fill(account.email);

  // The held poll now answers 401, and the token it asks for again is refused: the session is gone.
  const signOuts: string[] = [];
  page.on("request", (request) => void (request.url().endsWith("/api/auth/sign-out") && signOuts.push(request.url())));
  const tokenRefused = page.waitForResponse((response) => response.url().endsWith("/api/auth/token") && response.status() === 401);
  release();
  await tokenRefused;
  // Let the page handle that answer (a sign-out and a page load would start at once).
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  expect(signOuts).toEqual([]);
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel("Email")).toHaveValue(account.email);
});
