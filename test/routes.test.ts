import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { ENDPOINT_INFO, HTTP_METHODS } from "@/lib/api/route";
import { SCOPES } from "@/lib/tokens/scopes";
import { fillPattern, loadApiRoutes } from "./support/api-routes";
import { setUpTestDatabase } from "./support/database";
import { APP_URL } from "./support/http";

// Walks every route module under app/api: each exported method goes through the one route
// wrapper (so it states its auth), and every method that is not public answers 401 to a request
// without a token, before reading anything, and writes nothing.

const db = setUpTestDatabase();
const HANDLER_NAMES = [...HTTP_METHODS, "OPTIONS"];

const routes = await loadApiRoutes();
// Well-formed values for the dynamic segments, so that a 401 cannot hide behind a 404.
const paramsFor = (pattern: string) => fillPattern(pattern, (name) => (name === "all" ? "session" : crypto.randomUUID()));

describe("every API route", () => {
  it("is found (the walk is not empty)", () => {
    expect(routes.map((r) => r.pattern)).toEqual(expect.arrayContaining(["/api/tasks", "/api/tasks/[id]", "/api/tasks/[id]/complete", "/api/auth/[...all]", "/api/health"]));
  });

  for (const { file, pattern, exports } of routes) {
    describe(file, () => {
      it("exports only handlers made by the route wrapper, each stating its auth", () => {
        for (const [name, handler] of Object.entries(exports)) {
          expect(HANDLER_NAMES, `${file} exports ${name}`).toContain(name);
          const info = handler[ENDPOINT_INFO];
          expect(info, `${file} ${name} does not go through routeHandlers()`).toBeDefined();
          expect(info!.route).toBe(pattern);
          expect(["user", "session", "personal-token", "cron", "public"]).toContain(info!.auth.kind);
          if (info!.auth.kind === "user") expect([...SCOPES, null], `${file} ${name}: a known scope`).toContain(info!.auth.scope);
          if (info!.auth.kind === "public") expect(info!.auth.reason.length, `${file} ${name}: say why it is public`).toBeGreaterThan(10);
        }
        expect(Object.keys(exports).sort()).toEqual([...HANDLER_NAMES].sort());
      });

      const protectedMethods = Object.entries(exports).filter(([, handler]) => handler[ENDPOINT_INFO]?.auth.kind !== "public");
      for (const [method, handler] of protectedMethods) {
        it(`${method} answers 401 without a token and writes nothing`, async () => {
          const before = await db.prisma.task.count();
          const { url, params } = paramsFor(pattern);
          const hasBody = !["GET", "DELETE"].includes(method);
          const request = new Request(`${APP_URL}${url}`, {
            method,
            headers: hasBody ? { "content-type": "application/json" } : {},
            body: hasBody ? JSON.stringify({ title: "Written without a token?" }) : undefined,
          });
          const response = await handler(request, { params: Promise.resolve(params) });
          expect(response.status).toBe(401);
          expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
          expect(await db.prisma.task.count()).toBe(before);
        });
      }

      it("answers OPTIONS with exactly the methods that do not answer 405", async () => {
        const { url, params } = paramsFor(pattern);
        const response = await exports.OPTIONS(new Request(`${APP_URL}${url}`, { method: "OPTIONS" }), { params: Promise.resolve(params) });
        expect(response.status).toBe(204);
        const allowed = response.headers.get("allow")!.split(", ");
        for (const method of HTTP_METHODS) {
          const { served } = exports[method][ENDPOINT_INFO]!;
          expect(allowed.includes(method), `${method} in Allow`).toBe(served);
          if (!served) {
            const refused = await exports[method](new Request(`${APP_URL}${url}`, { method }), { params: Promise.resolve(params) });
            expect(refused.status).toBe(405);
            expect(refused.headers.get("allow")).toBe(response.headers.get("allow"));
          }
        }
      });
    });
  }
});
