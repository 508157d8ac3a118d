import { expect, test } from "@playwright/test";
import { PAGE_POST_MAX_BYTES } from "../lib/page-posts";
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

test("a form post too large or of no declared length is refused with a 4xx that says why, not a 500", async ({ request }) => {
  const tooLarge = await request.post("/sign-in", { multipart: { email: "someone@example.com", password: "x".repeat(PAGE_POST_MAX_BYTES) } });
  expect(tooLarge.status()).toBe(413);
  expect((await tooLarge.json()).error).toMatchObject({ code: "payload_too_large", message: expect.stringContaining(`${PAGE_POST_MAX_BYTES / 1024} KB`) });

  // A body streamed without a declared length, as no browser sends a form.
  const unsized = await fetch(new URL("/sign-in", test.info().project.use.baseURL), {
    method: "POST",
    body: new ReadableStream({ start: (controller) => (controller.enqueue(new TextEncoder().encode("email=a%40b.co")), controller.close()) }),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    duplex: "half",
  } as RequestInit);
  expect(unsized.status).toBe(411);
  expect((await unsized.json()).error.code).toBe("length_required");
});
