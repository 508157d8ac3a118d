import type { Page } from "@playwright/test";
import { secretOf, totpCode, wrongCode } from "../test/support/totp";
import { expect, test } from "./fixtures";
import { PASSWORD, signIn, type Account } from "./support";

// Two-step sign-in as a person lives it: set up on the settings page with the key an
// authenticator app would take (the test computes the app's codes), then signing in asks for a
// code, takes a backup code once, and can trust this device.

const section = (page: Page) => page.getByRole("region", { name: "Two-step sign-in" });

async function signOutAndIn(page: Page, account: Account) {
  await page.goto("/tasks");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, account);
}

test("set up with the app's key, then signing in asks for a code: a wrong one is said, a backup code works once", async ({ page, account }) => {
  await page.goto("/settings");
  await section(page).getByLabel("Password").fill("not my password");
  await section(page).getByRole("button", { name: "Set up two-step sign-in" }).click();
  await expect(section(page).getByRole("alert")).toHaveText("That is not your password.");
  await section(page).getByLabel("Password").fill(PASSWORD);
  await section(page).getByRole("button", { name: "Set up two-step sign-in" }).click();

  await expect(section(page).getByRole("img", { name: /QR code/ })).toBeVisible();
  const key = (await section(page).getByText(/Enter this key in the app instead/).textContent())!.split("instead:")[1].trim();
  const secret = secretOf(key);
  const backupCodes = await section(page).getByRole("list", { name: "Backup codes" }).getByRole("listitem").allTextContents();
  expect(backupCodes).toHaveLength(10);

  await section(page).getByLabel("Code from the app").fill(wrongCode(secret));
  await section(page).getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(section(page).getByRole("alert")).toContainText("That code is not right");
  await expect(section(page).getByRole("img", { name: /QR code/ })).toBeVisible(); // the key stays on screen
  await section(page).getByLabel("Code from the app").fill(totpCode(secret));
  await section(page).getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(section(page).getByRole("status")).toHaveText("Two-step sign-in is on. Keep your backup codes safe.");
  await expect(section(page)).toContainText("10 backup codes left.");

  // The password alone no longer signs in.
  await signOutAndIn(page, account);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await expect(page.getByRole("heading", { name: "Two-step sign-in", level: 1 })).toBeVisible();
  await page.goto("/tasks");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftasks$/);

  await signIn(page, account);
  await page.getByLabel("Code").fill(wrongCode(secret));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("That code is not right");
  await expect(page.getByLabel("Code")).toBeFocused();
  await page.getByLabel("Code").fill(backupCodes[0]);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();

  await page.goto("/settings");
  await expect(section(page)).toContainText("9 backup codes left.");

  // A used backup code opens nothing.
  await signOutAndIn(page, account);
  await page.getByLabel("Code").fill(backupCodes[0]);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That backup code is not right, or was used already.");
});

test("a trusted device is not asked again; turning it off needs the password", async ({ page, account }) => {
  await page.goto("/settings");
  await section(page).getByLabel("Password").fill(PASSWORD);
  await section(page).getByRole("button", { name: "Set up two-step sign-in" }).click();
  const key = (await section(page).getByText(/Enter this key in the app instead/).textContent())!.split("instead:")[1].trim();
  const secret = secretOf(key);
  await section(page).getByLabel("Code from the app").fill(totpCode(secret));
  await section(page).getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(section(page).getByRole("status")).toContainText("Two-step sign-in is on.");

  await signOutAndIn(page, account);
  // A code works once, and set-up used the current one: the app's next code is accepted too.
  await page.getByLabel("Code").fill(totpCode(secret, Date.now() + 30_000));
  await page.getByLabel(/Don't ask again on this device/).check();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();

  await signOutAndIn(page, account);
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();

  await page.goto("/settings");
  const turnOff = section(page).getByRole("form", { name: "Turn off" });
  await turnOff.getByLabel("Password").fill("not my password");
  await turnOff.getByRole("button", { name: "Turn off two-step sign-in" }).click();
  await expect(turnOff.getByRole("alert")).toHaveText("That is not your password.");
  await turnOff.getByLabel("Password").fill(PASSWORD);
  await turnOff.getByRole("button", { name: "Turn off two-step sign-in" }).click();
  await expect(section(page).getByRole("status")).toHaveText("Two-step sign-in is off: signing in asks for your password only.");
  await expect(section(page).getByRole("button", { name: "Set up two-step sign-in" })).toBeVisible();
});
