import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { PASSWORD_MIN } from "../lib/accounts/limits";
import { newAccount, PASSWORD } from "./support";

// The pages anyone can reach: landing, sign-in, sign-up, the 404 page, and what installs the app.

async function fillSignUp(page: Page, account: { name: string; email: string }, password = PASSWORD) {
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** The form's problem (Next's route announcer, outside main, is an alert too). */
const problem = (page: Page) => page.getByRole("main").getByRole("alert");

async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign up, sign out and sign in through the forms, landing on /tasks", async ({ page }) => {
    const account = newAccount("No Script");
    await page.goto("/sign-up");
    await fillSignUp(page, account);
    await expect(page).toHaveURL(/\/tasks$/);
    await expect(page.getByRole("banner")).toContainText(account.email);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/tasks");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Ftasks$/);

    await fillSignIn(page, account.email, "not the password");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Ftasks$/);
    await expect(problem(page)).toHaveText("Wrong email or password.");
    await expect(page.getByLabel("Email")).toHaveValue(account.email);

    await fillSignIn(page, account.email, PASSWORD);
    await expect(page).toHaveURL(/\/tasks$/);
    await expect(page.getByRole("banner")).toContainText(account.name);
  });

  test("a sign-in form posted from another site is refused (Next.js checks an action's Origin)", async ({ page, request, baseURL }) => {
    const account = newAccount("Cross Site");
    expect((await request.post("/api/auth/sign-up/email", { data: { ...account, password: PASSWORD } })).status()).toBe(200);
    await page.goto("/sign-in");
    // What the browser would post: the form's hidden fields (the action's reference) and the account's.
    const fields = Object.fromEntries(await page.locator("form input[type=hidden]").evaluateAll((inputs) => inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value])));
    const post = (origin: string) => request.post("/sign-in", { multipart: { ...fields, email: account.email, password: PASSWORD }, headers: { Origin: origin }, maxRedirects: 0 });
    const sessionCookie = (response: { headers(): Record<string, string> }) => (response.headers()["set-cookie"] ?? "").includes("session_token=");

    const forged = await post("https://evil.example");
    expect(forged.status()).not.toBe(303);
    expect(sessionCookie(forged)).toBe(false);
    const own = await post(new URL(baseURL!).origin);
    expect(own.status()).toBe(303);
    expect(own.headers()["location"]).toBe("/tasks");
    expect(sessionCookie(own)).toBe(true);
  });

  test("a problem comes back with the page: the field marked, pointed at its message and focused", async ({ page }) => {
    await page.goto("/sign-up");
    await fillSignUp(page, { name: "No Script", email: "name@" });
    const email = page.getByLabel("Email");
    await expect(problem(page)).toHaveText("Enter an email address like name@example.com.");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAttribute("aria-describedby", "auth-error");
    await expect(email).toBeFocused();
    await expect(page.getByLabel("Name")).toHaveValue("No Script");
  });
});

test("with JavaScript, problems are sentences about the field concerned, never validation text", async ({ page }) => {
  await page.goto("/sign-up");
  await fillSignUp(page, { name: "Script", email: "name@" });
  await expect(problem(page)).toHaveText("Enter an email address like name@example.com.");
  await expect(page.getByLabel("Email")).toBeFocused();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  await fillSignUp(page, newAccount(), "short");
  await expect(problem(page)).toHaveText(`Passwords must be at least ${PASSWORD_MIN} characters.`);
  await expect(page.getByLabel("Password")).toBeFocused();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-describedby", "password-hint auth-error");
  await expect(page.getByLabel("Email")).not.toHaveAttribute("aria-invalid");

  await page.goto("/sign-in");
  await fillSignIn(page, "not an address", "whatever it is");
  await expect(problem(page)).toHaveText("Enter an email address like name@example.com.");
  await expect(page.locator("body")).not.toContainText("[body.");
});

test("an unknown address shows the branded 404 page, with status 404", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response!.status()).toBe(404);
  await expect(page).toHaveTitle("Page not found · Tasks");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("link", { name: "Go to your tasks" })).toHaveAttribute("href", "/tasks");
  await expect(page.getByRole("link", { name: "Home page" })).toHaveAttribute("href", "/");
});

test("the web app manifest is served, and every icon it and the pages name is a PNG", async ({ page, request }) => {
  await page.goto("/sign-in");
  const manifestUrl = await page.locator('link[rel="manifest"]').getAttribute("href");
  const response = await request.get(manifestUrl!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: "Tasks", short_name: "Tasks", start_url: "/tasks", display: "standalone" });
  expect(manifest.icons.map((icon: { sizes: string; purpose: string }) => `${icon.sizes} ${icon.purpose}`)).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
  const appleIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  for (const src of [...manifest.icons.map((icon: { src: string }) => icon.src), appleIcon]) {
    const icon = await request.get(src);
    expect(icon.status(), src).toBe(200);
    expect(icon.headers()["content-type"], src).toBe("image/png");
  }
});

async function expectNoSeriousViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), what).toEqual([]);
}

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`the public pages pass axe, on a ${device} in ${colorScheme} colours`, async ({ page }) => {
      test.slow(); // five axe scans
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      for (const path of ["/", "/sign-in", "/sign-up", "/no-such-page"]) {
        await page.goto(path);
        await expectNoSeriousViolations(page, path);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} scrolls sideways`).toBeLessThanOrEqual(viewport.width);
      }
      await page.goto("/sign-up");
      await fillSignUp(page, newAccount(), "short");
      await expect(problem(page)).not.toBeEmpty();
      await expectNoSeriousViolations(page, "/sign-up with a problem");
    });
  }
}

test("on a phone, every button and field of the public pages is at least 44 px tall", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  for (const path of ["/", "/sign-in", "/sign-up", "/no-such-page"]) {
    await page.goto(path);
    const heights = await page.locator(".button, input:not([type=hidden]), .brand").evaluateAll((elements) =>
      elements.map((element) => `${element.textContent || element.id} ${Math.round(element.getBoundingClientRect().height)}`),
    );
    expect(heights.length, path).toBeGreaterThan(0);
    for (const entry of heights) expect(Number(entry.split(" ").at(-1)), `${path}: ${entry}`).toBeGreaterThanOrEqual(44);
  }
});
