import { expect, test } from "@playwright/test";
import { watchViolations } from "./csp-violations";

// The API reference: /docs/api renders the OpenAPI document with Scalar, bundled with the app,
// under the app's Content-Security-Policy: no error, nothing refused, nothing fetched elsewhere.

test("/docs/api shows the API's operations, with no error and nothing refused", async ({ page, baseURL }) => {
  const violations = await watchViolations(page);
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).origin !== new URL(baseURL!).origin) elsewhere.push(request.url());
  });

  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "Tasks API", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "List tasks" })).toBeVisible();
  // Scalar renders further operations as they are reached: by the sidebar here.
  await page.getByRole("link", { name: /^Create a task/ }).click();
  await expect(page.getByRole("heading", { name: "Create a task" })).toBeVisible();
  // Let late work (fonts, lazy chunks, anything that would call home) happen before counting.
  await page.waitForLoadState("networkidle");

  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
  expect(elsewhere).toEqual([]);
});

test("GET /api/openapi.json is an OpenAPI 3.1 document", async ({ request }) => {
  const response = await request.get("/api/openapi.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/json");
  const document = JSON.parse(await response.text());
  expect(document.openapi).toMatch(/^3\.1\.\d+$/);
  expect(document.paths["/api/tasks"].get.summary).toBe("List tasks");
});
