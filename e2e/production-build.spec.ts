import { expect, test } from "@playwright/test";
import { nextRouteTraces, nextTracedFiles, problemsOf, summarize } from "./server-functions.mjs";

// The production build that the other specs run against (playwright.config.ts builds it) must
// keep each API function lean: no embedded database, and well under the size limit.
test("every API function leaves the embedded database out and stays small", () => {
  const routes = nextRouteTraces(process.cwd());
  expect(routes.map((r) => r.route)).toEqual(expect.arrayContaining(["/api/tasks", "/api/auth/[...all]", "/api/health/ready"]));
  for (const { route, traceFile } of routes) {
    const files = nextTracedFiles(process.cwd(), traceFile);
    expect(summarize(files).count, route).toBeGreaterThan(0);
    expect(problemsOf(files), route).toEqual([]);
  }
});

test("the readiness function ships the migrations it compares against", () => {
  const ready = nextRouteTraces(process.cwd()).find((r) => r.route === "/api/health/ready")!;
  expect(nextTracedFiles(process.cwd(), ready.traceFile).some((file) => file.endsWith("migration.sql"))).toBe(true);
});
