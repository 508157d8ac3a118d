import { describe, expect, it } from "vitest";
import * as openApiRoute from "@/app/api/openapi.json/route";
import { EXCLUDED_ROUTES, openApiPath, UNDOCUMENTED_METHODS } from "@/lib/api/openapi";
import { ENDPOINT_INFO, HTTP_METHODS } from "@/lib/api/route";
import { loadApiRoutes } from "./support/api-routes";
import { callRoute } from "./support/http";

// The OpenAPI document against the route modules under app/api, walked as test/routes.test.ts
// walks them: every method a route serves is an operation of the document, documented from its
// own spec, and every operation is a method some route serves. Only the routes in EXCLUDED_ROUTES
// are left out, and only OPTIONS (answered alike everywhere). Real responses are checked against
// the document by every API test (test/support/contract.ts).

interface Operation {
  operationId: string;
  summary: string;
  security: Record<string, string[]>[];
  responses: Record<string, unknown>;
}

const routes = await loadApiRoutes();
const response = await callRoute(openApiRoute.GET, new Request("http://localhost:3000/api/openapi.json"));
const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, unknown> } };

describe("GET /api/openapi.json", () => {
  it("serves an OpenAPI 3.1 document as JSON, to anyone", () => {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer", bearerFormat: "JWT" });
  });
});

describe("the document and the routes", () => {
  it("leaves out exactly the routes it names, and each exists", () => {
    expect(Object.keys(EXCLUDED_ROUTES)).toEqual(["/api/auth/[...all]"]);
    for (const pattern of Object.keys(EXCLUDED_ROUTES)) expect(routes.map((route) => route.pattern)).toContain(pattern);
    expect(Object.keys(document.paths).filter((path) => path.startsWith("/api/auth"))).toEqual([]);
  });

  const served = routes
    .filter((route) => !(route.pattern in EXCLUDED_ROUTES))
    .flatMap(({ pattern, exports }) =>
      Object.entries(exports)
        .filter(([method, handler]) => handler[ENDPOINT_INFO]?.served && !UNDOCUMENTED_METHODS.includes(method))
        .map(([method, handler]) => ({ pattern, method, info: handler[ENDPOINT_INFO]! })),
    );

  it("finds the routes (the walk is not empty)", () => {
    expect(served.length).toBeGreaterThan(25);
    expect(served.map(({ pattern, method }) => `${method} ${pattern}`)).toEqual(expect.arrayContaining(["GET /api/tasks", "PATCH /api/tasks/[id]", "GET /api/openapi.json"]));
  });

  for (const { pattern, method, info } of served) {
    it(`documents ${method} ${pattern} from its own spec`, () => {
      const operation = document.paths[openApiPath(pattern)]?.[method.toLowerCase()];
      expect(operation, `${method} ${pattern} is missing from the document: add its module to app/api/openapi.json/routes.ts`).toBeDefined();
      expect(info.docs, `${method} ${pattern}: give endpoint() its docs (lib/api/endpoint-docs.ts)`).toBeDefined();
      expect(operation.summary).toBe(info.docs!.summary);
      expect(Object.keys(operation.responses).some((status) => status.startsWith("2")), "a success response").toBe(true);
      expect(Object.keys(operation.responses)).toContain("500");
      // Who may call it, as the route states it.
      if (info.auth.kind === "public") expect(operation.security).toEqual([]);
      else expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["401", "403", "429"]));
      if (info.auth.kind === "user") expect(operation.security).toEqual([{ bearer: info.auth.scope === null ? [] : [info.auth.scope] }]);
      if (info.auth.kind === "session") expect(operation.security).toEqual([{ bearer: [] }]);
      if (info.auth.kind === "personal-token") expect(operation.security).toEqual([{ personalToken: [] }]);
    });
  }

  it("has no operation that no route serves", () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    const servedOperations = served.map(({ pattern, method }) => `${method} ${openApiPath(pattern)}`);
    expect(operations.sort()).toEqual(servedOperations.sort());
    for (const method of Object.values(document.paths).flatMap(Object.keys)) expect(HTTP_METHODS).toContain(method.toUpperCase());
  });

  it("documents the headers clients rely on: WWW-Authenticate on 401, Retry-After on 429, Location on 201", () => {
    const responses = (document as unknown as { components: { responses: Record<string, { headers: Record<string, { required: boolean }> }> } }).components.responses;
    expect(responses.Unauthorized.headers["WWW-Authenticate"].required).toBe(true);
    expect(responses.RateLimited.headers["Retry-After"].required).toBe(true);
    expect(document.paths["/api/tasks"].post.responses["201"]).toMatchObject({ headers: { Location: { required: true } } });
  });

  it("names every operation once (operationId, for generated clients)", () => {
    const ids = Object.values(document.paths).flatMap((methods) => Object.values(methods).map((operation) => operation.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
