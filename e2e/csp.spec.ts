import { expect, test } from "@playwright/test";
import { watchViolations } from "./csp-violations";
import { addTask, signUp } from "./support";

// The Content-Security-Policy runs only the scripts the server sent with this response's nonce
// (and the chunks they load): no 'unsafe-inline'. The pages must still work with nothing refused.

type CspWindow = { injected?: string };

const directive = (csp: string, name: string) =>
  csp
    .split(";")
    .map((part) => part.trim().split(/\s+/))
    .find(([key]) => key === name)
    ?.slice(1) ?? [];

const nonceOf = (csp: string) => directive(csp, "script-src").find((source) => source.startsWith("'nonce-"));

test("every page allows only its own nonced scripts, and works with nothing refused", async ({ page }) => {
  const violations = await watchViolations(page);
  const policies = new Map<string, string[]>();
  page.on("response", (response) => {
    if (response.request().resourceType() !== "document") return;
    const path = new URL(response.url()).pathname;
    policies.set(path, [...(policies.get(path) ?? []), response.headers()["content-security-policy"]]);
  });

  await page.goto("/");
  await page.getByRole("link", { name: "Sign up" }).click(); // a client-side navigation: Next loads more chunks
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in", exact: true }).click(); // answered by the page's own script
  await expect(page.getByRole("alert").filter({ hasText: "Fill in every field." })).toBeVisible();
  await signUp(page); // /sign-up, then /tasks, which renders its list only with its scripts running
  await addTask(page, "Checked under the policy");
  await page.goto("/tasks");
  await expect(page.getByRole("checkbox", { name: "Checked under the policy" })).toBeVisible();
  const notFound = await page.goto("/no-such-page");
  expect(notFound!.status()).toBe(404);

  expect([...policies.keys()].sort()).toEqual(["/", "/no-such-page", "/sign-in", "/sign-up", "/tasks"]);
  const all = [...policies.values()].flat();
  for (const csp of all) {
    const scripts = directive(csp, "script-src");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts).toContain("'strict-dynamic'");
    expect(nonceOf(csp)).toMatch(/^'nonce-[A-Za-z0-9+/]{22}==?'$/);
    expect(directive(csp, "frame-ancestors")).toEqual(["'none'"]);
  }
  expect(new Set(all.map(nonceOf)).size).toBe(all.length); // a fresh nonce for every response
  expect(violations).toEqual([]);
});

test("a script injected into the page without this response's nonce does not run", async ({ page, request }) => {
  const violations = await watchViolations(page);
  const earlierNonce = nonceOf((await request.get("/sign-in")).headers()["content-security-policy"])!.slice(7, -1);
  const injected = [
    `<script>window.injected = "inline script"</script>`,
    `<script nonce="${earlierNonce}">window.injected = "another response's nonce"</script>`,
    `<img alt="" src="/no-such-image" onerror="window.injected = 'event handler'">`,
  ].join("");
  // As if stored markup reached the HTML: the server's own response, headers kept, markup added.
  await page.route("**/sign-in", async (route) => {
    const response = await route.fetch();
    const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => !["content-length", "content-encoding"].includes(name)));
    await route.fulfill({ response, headers, body: (await response.text()).replace("</body>", `${injected}</body>`) });
  });

  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in", exact: true }).click(); // the page's own scripts still run
  await expect(page.getByRole("alert").filter({ hasText: "Fill in every field." })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as CspWindow).injected)).toBeUndefined();
  expect(violations.filter((violation) => violation.startsWith("event: "))).toEqual([
    "event: script-src-elem inline",
    "event: script-src-elem inline",
    "event: script-src-attr inline",
  ]);
});
