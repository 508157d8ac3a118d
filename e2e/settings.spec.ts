import fs from "node:fs";
import type { Page } from "@playwright/test";
import { NAME_CHANGED } from "../lib/accounts/name-change";
import { PASSWORD_CHANGED } from "../lib/accounts/password-change";
import { THEME_SAVED } from "../lib/accounts/theme";
import { expect, test } from "./fixtures";
import { newAccount, otherDevice, PASSWORD, signIn } from "./support";

// The settings page: changing the password, and the devices the account is signed in on. Other
// devices are browser contexts with their own User-Agent, signed in through the API.

const DEVICES = {
  firefoxWindows: { userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", name: "Firefox on Windows" },
  safariIphone: {
    userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    name: "Safari on iOS",
  },
  chromeAndroid: {
    userAgent: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36",
    name: "Chrome on Android",
  },
};
const NEW_PASSWORD = "a brand new passphrase 42";

async function expectSignedIn(page: Page, signedIn: boolean) {
  // The device's open task page may be leaving for the sign-in page on its own as its session
  // ends, which aborts this navigation (net::ERR_ABORTED, once in CI): go again until one lands.
  await expect(async () => {
    await page.goto("/tasks");
    if (signedIn) await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible({ timeout: 5_000 });
    else await expect(page).toHaveURL(/\/sign-in\?next=%2Ftasks$/, { timeout: 5_000 });
  }).toPass();
}

test("changing the password keeps this device signed in, signs out the others, and only the new password works", async ({ page, account, browser, baseURL }) => {
  const phone = await otherDevice(browser, baseURL!, account, DEVICES.safariIphone.userAgent);
  await page.goto("/tasks");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("region", { name: "Password" }).getByRole("alert")).toHaveText(PASSWORD_CHANGED);
  await expect(page.getByLabel("Current password")).toHaveValue("");

  await expectSignedIn(page, true);
  await expectSignedIn(phone, false);
  const signInWith = (password: string) => phone.request.post("/api/auth/sign-in/email", { data: { email: account.email, password }, headers: { Origin: new URL(baseURL!).origin } });
  expect((await signInWith(NEW_PASSWORD)).status()).toBe(200);
  expect((await signInWith(PASSWORD)).status()).toBe(401);
});

test("a wrong current password or a too short new one is said on its field, and nothing changes", async ({ page, account, browser, baseURL }) => {
  const laptop = await otherDevice(browser, baseURL!, account, DEVICES.firefoxWindows.userAgent);
  await page.goto("/settings");
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("region", { name: "Password" }).getByRole("alert")).toHaveText("That is not your current password.");
  await expect(page.getByLabel("Current password")).toBeFocused();
  await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("region", { name: "Password" }).getByRole("alert")).toHaveText(/at least \d+ characters/);
  await expect(page.getByLabel("New password")).toBeFocused();

  await expectSignedIn(laptop, true);
});

test("the devices list names where the account is signed in, and signs out one or every other", async ({ page, account, browser, baseURL }) => {
  const laptop = await otherDevice(browser, baseURL!, account, DEVICES.firefoxWindows.userAgent);
  const phone = await otherDevice(browser, baseURL!, account, DEVICES.safariIphone.userAgent);
  const tablet = await otherDevice(browser, baseURL!, account, DEVICES.chromeAndroid.userAgent);
  await page.goto("/settings");
  const devices = page.getByRole("list", { name: "Signed-in devices" });
  await expect(devices.getByRole("listitem")).toHaveCount(4);
  await expect(devices.getByRole("listitem").first()).toContainText("This device");
  for (const device of Object.values(DEVICES)) await expect(devices.getByRole("listitem").filter({ hasText: device.name })).toHaveCount(1);

  await devices.getByRole("button", { name: new RegExp(`^Sign out ${DEVICES.firefoxWindows.name}`) }).click();
  await expect(page.getByRole("status")).toHaveText("Signed out 1 other device.");
  await expect(devices.getByRole("listitem")).toHaveCount(3);
  await expectSignedIn(laptop, false);
  await expectSignedIn(phone, true);

  await page.getByRole("button", { name: "Sign out every other device" }).click();
  await expect(page.getByRole("status")).toHaveText("Signed out 2 other devices.");
  await expect(devices.getByRole("listitem")).toHaveCount(1);
  await expectSignedIn(phone, false);
  await expectSignedIn(tablet, false);
  await expectSignedIn(page, true);
});

test("a session id of another account, put into the form, signs nobody out", async ({ page, account, browser, baseURL }) => {
  const laptop = await otherDevice(browser, baseURL!, account, DEVICES.firefoxWindows.userAgent);
  const stranger = await otherDevice(browser, baseURL!, newAccount("Stranger"), DEVICES.safariIphone.userAgent, true);
  const strangerSession = ((await (await stranger.request.get("/api/auth/get-session")).json()) as { session: { id: string } }).session.id;

  await page.goto("/settings");
  await page.locator('input[name="sessionId"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), strangerSession);
  await page.getByRole("button", { name: new RegExp(`^Sign out ${DEVICES.firefoxWindows.name}`) }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("status")).toHaveCount(0);
  await expectSignedIn(stranger, true);
  await expectSignedIn(laptop, true);
});

test("the name is changed for every page, and an empty one is refused on its field", async ({ page, account }) => {
  void account; // signed in, named "Test User"
  await page.goto("/settings");
  const header = page.getByRole("banner");
  await expect(header).toContainText("Test User");

  await page.getByLabel("Name", { exact: true }).fill("   ");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("region", { name: "Profile" }).getByRole("alert")).toHaveText("Name is required.");
  await expect(page.getByLabel("Name", { exact: true })).toBeFocused();

  await page.getByLabel("Name", { exact: true }).fill("Ada Lovelace");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("region", { name: "Profile" }).getByRole("alert")).toHaveText(NAME_CHANGED);
  await expect(header).toContainText("Ada Lovelace");
  await page.goto("/tasks");
  await expect(page.getByRole("banner")).toContainText("Ada Lovelace");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the password form posts and comes back with its answer, and a change keeps this device signed in", async ({ page, account }) => {
    void account; // signed in
    await page.goto("/settings");
    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("That is not your current password.")).toBeVisible();

    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText(PASSWORD_CHANGED)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible(); // still signed in
  });
});

test("signed out, the settings page sends to sign-in, and signing in comes back to it", async ({ page, playwright, baseURL }) => {
  const account = newAccount();
  const api = await playwright.request.newContext({ baseURL });
  expect((await api.post("/api/auth/sign-up/email", { data: { ...account, password: PASSWORD }, headers: { Origin: new URL(baseURL!).origin } })).status()).toBe(200);
  await api.dispose();

  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
  await signIn(page, account);
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
});

test("an action called with something other than a form is answered without a server error", async ({ page, account, browser, baseURL }) => {
  await otherDevice(browser, baseURL!, account, DEVICES.firefoxWindows.userAgent); // so that the page has a device's Sign out form
  const html = await (await page.request.get("/settings")).text();
  const forms = html.split("</form>").filter((form) => form.includes('name="sessionId"'));
  const actionId = forms[0]?.match(/\$ACTION_ID_([0-9a-f]+)/)?.[1];
  expect(actionId).toBeDefined();
  // What React sends for a call with a string argument: the action receives "not a form".
  const response = await page.request.post("/settings", {
    headers: { "Next-Action": actionId!, "Content-Type": "text/plain;charset=UTF-8", Origin: new URL(baseURL!).origin },
    data: JSON.stringify(["not a form"]),
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(500);
  await expectSignedIn(page, true);
});

test("undoing a device's changes shows what it did, then puts back what it changed and takes away what it made", async ({ page, account, browser, baseURL, createTasks }) => {
  const [mine] = await createTasks([{ title: "Water the plants" }]);
  const phone = await otherDevice(browser, baseURL!, account, DEVICES.safariIphone.userAgent);
  const { token } = (await (await phone.request.get("/api/auth/token")).json()) as { token: string };
  const asPhone = { Authorization: `Bearer ${token}` };
  expect((await phone.request.patch(`/api/tasks/${mine}`, { data: { title: "Sell the plants" }, headers: asPhone })).status()).toBe(200);
  expect((await phone.request.post("/api/tasks", { data: { title: "Buy a cactus" }, headers: asPhone })).status()).toBe(201);

  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Undo a device's changes" });
  await section.getByLabel("Device").selectOption({ label: (await section.getByRole("option", { name: /^Safari on iOS: 2 changes/ }).textContent())! });
  await section.getByRole("button", { name: "Show what would be undone" }).click();
  const changes = section.getByRole("list");
  await expect(changes.getByRole("listitem")).toHaveText([/^Task “Buy a cactus”: Created/, /^Task “Sell the plants”: Renamed from “Water the plants” to “Sell the plants”/]);
  await section.getByRole("button", { name: "Undo these 2 changes" }).click();
  await expect(section.getByRole("status")).toHaveText("Undid 2 changes.");

  await page.goto("/tasks");
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  await expect(page.getByText("Water the plants")).toBeVisible();
  await expect(page.getByText("Sell the plants")).toHaveCount(0);
  await expect(page.getByText("Buy a cactus")).toHaveCount(0);
});

test("deleting the account needs the password, then removes it everywhere and says so", async ({ page, account, browser, baseURL, createTasks }) => {
  await createTasks([{ title: "Something to lose" }]);
  const phone = await otherDevice(browser, baseURL!, account, DEVICES.safariIphone.userAgent);
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Delete account" });
  await section.getByLabel("Your password").fill("not my password");
  await section.getByRole("button", { name: "Delete my account" }).click();
  await expect(section.getByRole("alert")).toHaveText("That is not your password.");
  await expect(section.getByLabel("Your password")).toBeFocused();

  await section.getByLabel("Your password").fill(PASSWORD);
  await section.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/\?deleted=1$/);
  await expect(page.getByRole("status")).toHaveText("Your account and everything in it were deleted.");
  await expect(page.getByRole("link", { name: "Sign up" })).toBeVisible();
  await expectSignedIn(phone, false);
  await page.goto("/sign-in");
  await signIn(page, account);
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("your data downloads as a JSON file and as a CSV file", async ({ page, createTasks }) => {
  await createTasks([{ title: "Pack, then post" }]);
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Your data" });
  for (const [button, pattern] of [["Download everything (JSON)", /^tasks-\d{4}-\d\d-\d\d\.json$/], ["Download tasks (CSV)", /^tasks-\d{4}-\d\d-\d\d\.csv$/]] as const) {
    const download = page.waitForEvent("download");
    await section.getByRole("button", { name: button }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(pattern);
    expect(fs.readFileSync((await file.path())!, "utf8")).toContain(button.includes("CSV") ? '"Pack, then post"' : '"title": "Pack, then post"');
  }
});

test("a downloaded file imports into another account, all or nothing, saying what it added", async ({ page, createTasks, browser, baseURL }) => {
  await createTasks([{ title: "Carried over" }, { title: "Also carried", completed: true }]);
  await page.goto("/settings");
  const download = page.waitForEvent("download");
  await page.getByRole("region", { name: "Your data" }).getByRole("button", { name: "Download everything (JSON)" }).click();
  const exported = fs.readFileSync((await (await download).path())!, "utf8");

  const other = await otherDevice(browser, baseURL!, newAccount("Importer"), undefined, true);
  await other.goto("/settings");
  const section = other.getByRole("region", { name: "Import" });
  // A broken file: refused, naming the problem, and nothing added.
  await section.getByLabel("File to import").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(exported.replace('"title": "Carried over"', '"title": ""')) });
  await section.getByRole("button", { name: "Import", exact: true }).click();
  await expect(section.getByRole("alert")).toHaveText("Nothing was imported. Task 1: Title is required.");
  await section.getByLabel("File to import").setInputFiles({ name: "tasks.json", mimeType: "application/json", buffer: Buffer.from(exported) });
  await section.getByRole("button", { name: "Import", exact: true }).click();
  await expect(section.getByRole("alert")).toHaveText("Imported 2 tasks, 0 lists and 0 labels.");
  await other.goto("/tasks?status=all");
  await expect(other.getByRole("checkbox", { name: "Carried over", exact: true })).not.toBeChecked();
  await expect(other.getByRole("checkbox", { name: "Also carried", exact: true })).toBeChecked();
  await other.close();
});

test("a Todoist project exported as CSV becomes a list, its rows' problems are named, and what has no field is kept", async ({ page, account }) => {
  void account; // signed in
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Import" });
  const file = (rows: string[]) => ({ name: "Groceries.csv", mimeType: "text/csv", buffer: Buffer.from(["TYPE,CONTENT,PRIORITY,INDENT,DATE", ...rows].join("\r\n")) });
  await section.getByLabel("File to import").setInputFiles(file(["task,Buy milk @dairy,1,1,every week", "task,Oat milk,7,2,"]));
  // Refused by a rate limit first (as the server answers one): said as such, not as the file's fault.
  await page.route("**/api/import?*", (route) =>
    route.fulfill({ status: 429, headers: { "Retry-After": "30" }, json: { error: { code: "rate_limited", message: "Too many requests." } } }),
  );
  await section.getByRole("button", { name: "Import", exact: true }).click();
  await expect(section.getByRole("alert")).toHaveText("Nothing was imported: too many requests just now. Try again in 30 seconds.");
  await page.unroute("**/api/import?*");
  await section.getByRole("button", { name: "Import", exact: true }).click();
  await expect(section.getByRole("alert")).toHaveText("Nothing was imported. Row 3: PRIORITY must be 1, 2, 3 or 4 (1 is the highest).");

  await section.getByLabel("File to import").setInputFiles(file(["task,Buy milk @dairy,1,1,every week", "task,Oat milk,4,2,"]));
  await section.getByRole("button", { name: "Import", exact: true }).click();
  await expect(section.getByRole("alert")).toHaveText(
    "Imported 2 tasks, 1 list and 1 label. 1 date Tasks cannot read yet (such as a repeating one) was kept in the task's description.",
  );
  await page.goto("/tasks");
  await page.getByRole("link", { name: /^Groceries/ }).click();
  await expect(page.getByRole("heading", { name: "Groceries", level: 1 })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Buy milk", exact: true })).toBeVisible();
});

test("a large import is told as it goes and ends with what it added", async ({ page, account }) => {
  void account; // signed in
  const tasks = Array.from({ length: 2_500 }, (_, i) => ({
    id: `t${i}`, title: `Imported ${i}`, description: "", completed: false, priority: "low", dueDate: null, listId: "inbox", parentId: null,
    position: String(i).padStart(6, "0"), labelIds: [], createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z",
  }));
  const document = { format: "tasks-export", version: 1, lists: [{ id: "inbox", name: "Inbox", color: "grey", inbox: true, archived: false, position: "a0", createdAt: "2026-01-01T00:00:00Z" }], labels: [], tasks };
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Import" });
  await section.getByLabel("File to import").setInputFiles({ name: "big.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(document)) });
  const answer = page.waitForResponse((response) => response.url().endsWith("/api/import"));
  await section.getByRole("button", { name: "Import", exact: true }).click();
  expect((await answer).headers()["content-type"]).toBe("application/x-ndjson");
  await expect(section.getByRole("alert")).toHaveText("Imported 2,500 tasks, 0 lists and 0 labels.", { timeout: 30_000 });
  await expect(section.getByRole("progressbar")).toHaveCount(0);
});

test("the theme is saved for every device: dark on a light system, then back to following the system", async ({ page, account, browser, baseURL }) => {
  await page.emulateMedia({ colorScheme: "light" });
  const background = (on: Page) => on.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.goto("/settings");
  expect(await background(page)).toBe("rgb(246, 247, 249)");
  const appearance = page.getByRole("region", { name: "Appearance" });
  await appearance.getByLabel("Dark").check();
  await appearance.getByRole("button", { name: "Save theme" }).click();
  await expect(appearance.getByRole("alert")).toHaveText(THEME_SAVED);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await background(page)).toBe("rgb(17, 20, 24)");

  // Another device, on a light system: its first page follows the profile, and the next one is painted dark from the server.
  const phone = await otherDevice(browser, baseURL!, account);
  await phone.emulateMedia({ colorScheme: "light" });
  await phone.goto("/tasks");
  await expect(phone.locator("html")).toHaveAttribute("data-theme", "dark");
  const served = await phone.request.get("/settings");
  expect(await served.text()).toContain('<html lang="en" data-theme="dark"');
  await phone.close();

  await appearance.getByLabel("System (follow this device)").check();
  await appearance.getByRole("button", { name: "Save theme" }).click();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme");
  expect(await background(page)).toBe("rgb(246, 247, 249)");
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await background(page)).toBe("rgb(17, 20, 24)");
});
