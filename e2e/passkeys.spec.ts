import { expect, test } from "./fixtures";
import { mailTo } from "./mailbox";
import { PASSWORD } from "./support";

// Passkeys end to end, with Chromium's virtual authenticator (through the DevTools protocol; a
// platform authenticator that keeps discoverable credentials and always verifies the user):
// added in Settings, signing in on /sign-in with no email or password, deleted in Settings.

test("a passkey added in Settings signs in, and once deleted it no longer does", async ({ page, account, baseURL }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Passkeys" });
  await expect(section.getByText("No passkeys yet.")).toBeVisible();
  await section.getByLabel("Name (optional)").fill("Test laptop");
  // The password comes first: a wrong one adds nothing.
  await section.getByLabel("Password").fill("not my password");
  await section.getByRole("button", { name: "Add a passkey" }).click();
  await expect(section.getByRole("alert")).toHaveText("That is not your password.");
  await section.getByLabel("Password").fill(PASSWORD);
  await section.getByRole("button", { name: "Add a passkey" }).click();
  await expect(section.getByRole("alert")).toHaveText("Passkey added. You can now sign in with it.");
  await expect(mailTo(account.email, /^A passkey was added to your Tasks account$/)).resolves.toBeTruthy();
  await expect(section.getByRole("listitem")).toHaveCount(1);
  await expect(section.getByRole("listitem")).toContainText("Test laptop");
  await expect(section.getByRole("listitem")).toContainText(/Added today/i);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  // A full session: the API token comes from it as after a password sign-in.
  const token = await page.request.get("/api/auth/token", { headers: { Origin: new URL(baseURL!).origin } });
  expect(token.status()).toBe(200);

  await page.goto("/settings");
  await section.getByRole("button", { name: "Delete passkey Test laptop" }).click();
  await expect(section.getByRole("status")).toContainText("Passkey deleted.");
  await expect(section.getByText("No passkeys yet.")).toBeVisible();

  // The device still holds the key, but the account no longer knows it.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That passkey is not registered for any account here. Sign in with your password." })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
});
