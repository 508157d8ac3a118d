import { expect, test } from "@playwright/test";
import { newAccount, PASSWORD } from "./support";

// Every response names its request (X-Request-Id), for quoting in a bug report and finding the
// request's log lines. The id is the server's own: one a client sends is never echoed back.

const SERVER_MADE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test("every response carries an X-Request-Id of its own: pages, API calls, Better Auth, redirects", async ({ request }) => {
  const account = newAccount();
  const responses = {
    page: await request.get("/"),
    api: await request.get("/api/tasks"),
    health: await request.get("/api/health"),
    auth: await request.post("/api/auth/sign-up/email", { data: { ...account, password: PASSWORD } }),
    redirect: await request.get("/tasks", { maxRedirects: 0, headers: { cookie: "" } }),
    notFound: await request.get("/no-such-page"),
  };
  expect(Object.fromEntries(Object.entries(responses).map(([name, response]) => [name, response.status()]))).toEqual({
    page: 200,
    api: 401,
    health: 200,
    auth: 200,
    redirect: 307,
    notFound: 404,
  });
  const ids = Object.values(responses).map((response) => response.headers()["x-request-id"]);
  for (const id of ids) expect(id).toMatch(SERVER_MADE_ID);
  expect(new Set(ids).size).toBe(ids.length);
});

test("a client's X-Request-Id (or x-vercel-id, off Vercel) is replaced, never echoed", async ({ request }) => {
  for (const path of ["/", "/api/tasks", "/api/health", "/sign-in"]) {
    const response = await request.get(path, { headers: { "X-Request-Id": "evil", "X-Vercel-Id": "evil" } });
    expect(response.headers()["x-request-id"], path).toMatch(SERVER_MADE_ID);
  }
});

test("the browser's requests get different ids", async ({ page }) => {
  const first = await page.goto("/sign-in");
  const second = await page.goto("/sign-up");
  const [a, b] = [first!.headers()["x-request-id"], second!.headers()["x-request-id"]];
  expect(a).toMatch(SERVER_MADE_ID);
  expect(b).toMatch(SERVER_MADE_ID);
  expect(a).not.toBe(b);
});
