import { expect, test } from "@playwright/test";
import { addTask, signUp, taskItem } from "./support";

test("from a signed-in page, the API refuses calls without the token or with a tampered one", async ({ page }) => {
  await signUp(page);
  const statuses = await page.evaluate(async () => {
    const withoutToken = await fetch("/api/tasks");
    const { token } = await (await fetch("/api/auth/token")).json();
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/")));
    const forged = btoa(JSON.stringify({ ...claims, sub: "someone-else" })).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
    const tampered = await fetch("/api/tasks", { headers: { Authorization: `Bearer ${header}.${forged}.${signature}` } });
    const valid = await fetch("/api/tasks", { headers: { Authorization: `Bearer ${token}` } });
    return [withoutToken.status, tampered.status, valid.status];
  });
  expect(statuses).toEqual([401, 401, 200]);
});

test("a task title with markup is shown as text and runs nothing", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signUp(page);
  const title = "<img src=x onerror=alert(1)>";
  await addTask(page, title);
  await page.reload();
  await expect(taskItem(page, title)).toBeVisible();
  await expect(page.getByText(title, { exact: true })).toBeVisible();
  await expect(page.locator("main img")).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test("every response carries the security headers", async ({ page }) => {
  const response = await page.goto("/");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"]).toContain("max-age=");
});
