import { test, expect } from "./fixtures";
import { mailTo } from "./mailbox";
import { newAccount, PASSWORD, signIn, signUp } from "./support";

// The account flows that go through the mail, as a person lives them: the app sends real mail
// over SMTP to the server Playwright started (e2e/mail-server.ts), and the test opens the links.

test("a new account is asked to confirm its address; the mailed link confirms it and the banner goes", async ({ page }) => {
  const account = await signUp(page, newAccount("Confirming"));
  const banner = page.getByRole("complementary", { name: "Confirm your email address" });
  await expect(banner).toContainText(account.email);

  // The first mail might have gone astray: ask again, once.
  await banner.getByRole("button", { name: "Send the link again" }).click();
  await expect(banner.getByRole("alert")).toContainText(`A new link is on its way to ${account.email}`);
  await expect(banner.getByRole("button", { name: "Send the link again" })).toHaveCount(0);

  const mail = await mailTo(account.email, /^Confirm your email address/);
  await page.goto(mail.link);
  await expect(page.getByRole("heading", { name: "Email address confirmed", level: 1 })).toBeVisible();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`${account.email} is your account's confirmed email address.`);
  await page.getByRole("link", { name: "Go to your tasks" }).click();
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  await expect(banner).toHaveCount(0);
});

test("a forgotten password is reset through the mailed link, which then works no more", async ({ page, account }) => {
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password", level: 1 })).toBeVisible();
  await page.getByLabel("Email").fill(account.email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(`If an account uses ${account.email}, a link to choose a new password is on its way.`);

  const mail = await mailTo(account.email, /^Reset your Tasks password$/);
  await page.goto(mail.link);
  await expect(page.getByRole("heading", { name: "Choose a new password", level: 1 })).toBeVisible();
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("at least 8 characters");
  await expect(page.getByLabel("New password")).toBeFocused();
  await page.getByLabel("New password").fill("a brand new secret");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Your password is changed");

  await page.getByRole("link", { name: "Sign in" }).click();
  await signIn(page, account); // the old password
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Wrong email or password.");
  await page.getByLabel("Password").fill("a brand new secret");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();

  // The same link again: used up.
  await page.goto(mail.link);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("This reset link has expired or was already used: ask for a new one.");
  await expect(page.getByRole("link", { name: "Send a new one" })).toBeVisible();
});

test("an unknown address is answered as a known one, and gets no mail", async ({ page }) => {
  const stranger = newAccount("Nobody").email;
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(stranger);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(`If an account uses ${stranger}, a link to choose a new password is on its way.`);
  await expect(mailTo(stranger, /./)).rejects.toThrow();
});

test("a new email address takes effect once its mailed link is opened, and the old one is told", async ({ page, account }) => {
  const newEmail = newAccount("Moved").email;
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Email address" });
  await expect(section).toContainText(account.email);
  await expect(section.getByText("Not confirmed", { exact: true })).toBeVisible();
  await section.getByLabel("New email address").fill(account.email);
  await section.getByRole("button", { name: "Change email" }).click();
  await expect(section.getByRole("alert")).toHaveText("That is already your email address.");
  await section.getByLabel("New email address").fill(newEmail);
  await section.getByRole("button", { name: "Change email" }).click();
  await expect(section.getByRole("alert")).toHaveText("Enter your password to change your email address.");
  await expect(section.getByLabel("Password")).toBeFocused();
  await section.getByLabel("Password").fill(PASSWORD);
  await section.getByRole("button", { name: "Change email" }).click();
  await expect(section.getByRole("alert")).toContainText(`Check ${newEmail}`);

  const notice = await mailTo(account.email, /about to change$/);
  expect(notice.text).toContain(newEmail);
  const confirm = await mailTo(newEmail, /^Confirm your new email address/);
  await page.goto(confirm.link);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`${newEmail} is your account's confirmed email address.`);

  await page.goto("/settings");
  await expect(section).toContainText(newEmail);
  await expect(section.getByText("Confirmed", { exact: true })).toBeVisible();
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await signIn(page, { ...account, email: newEmail });
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
});
