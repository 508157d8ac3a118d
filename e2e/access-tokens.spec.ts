import { expect, test } from "./fixtures";
import { mailTo } from "./mailbox";
import { PASSWORD } from "./support";

// Personal access tokens end to end: made in Settings with a chosen scope, the secret shown once,
// used by a "program" (plain HTTP, no cookies) through the exchange, and revoked in Settings.

test("a read-only token made in Settings reads tasks, cannot write, and stops once revoked", async ({ page, account, playwright, baseURL }) => {
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Access tokens" });
  await expect(section.getByText("No access tokens yet.")).toBeVisible();
  await section.getByLabel("Token name").fill("Read-only script");
  await expect(section.getByRole("checkbox", { name: /tasks:read/ })).toBeChecked();
  await section.getByLabel("Expires after").selectOption("7");
  await section.getByLabel("Password").fill("not my password");
  await section.getByRole("button", { name: "Create token" }).click();
  await expect(section.getByRole("alert")).toHaveText("That is not your password.");
  await section.getByLabel("Password").fill(PASSWORD);
  await section.getByRole("button", { name: "Create token" }).click();

  const secretField = section.getByRole("textbox", { name: "The token Read-only script" });
  await expect(secretField).toHaveValue(/^tsk_[A-Za-z0-9_-]{43}$/);
  const secret = await secretField.inputValue();
  await expect(section.getByRole("status")).toContainText("it will not be shown again");
  const row = section.getByRole("listitem").filter({ hasText: "Read-only script" });
  await expect(row).toContainText("tasks:read");
  await expect(row).toContainText("never used");
  await expect(mailTo(account.email, /^An access token was made for your Tasks account$/)).resolves.toBeTruthy();

  // A program: no cookies, only the token.
  const program = await playwright.request.newContext({ baseURL });
  const exchanged = await program.post("/api/tokens/exchange", { headers: { Authorization: `Bearer ${secret}` } });
  expect(exchanged.status()).toBe(200);
  const { accessToken } = await exchanged.json();
  const auth = { Authorization: `Bearer ${accessToken}` };
  expect((await program.get("/api/tasks", { headers: auth })).status()).toBe(200);
  const write = await program.post("/api/tasks", { headers: auth, data: { title: "From the script" } });
  expect(write.status()).toBe(403);
  expect(write.headers()["www-authenticate"]).toBe('Bearer error="insufficient_scope", scope="tasks:write"');

  await page.reload();
  await expect(row).toContainText("last used today");
  await expect(section.getByRole("textbox", { name: "The token Read-only script" })).toHaveCount(0); // shown once
  await section.getByRole("button", { name: "Revoke token Read-only script" }).click();
  await expect(section.getByText("No access tokens yet.")).toBeVisible();
  expect((await program.post("/api/tokens/exchange", { headers: { Authorization: `Bearer ${secret}` } })).status()).toBe(401);
  await program.dispose();
});
