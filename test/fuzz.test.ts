import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ENDPOINT_INFO, HTTP_METHODS } from "@/lib/api/route";
import { encodeCursor } from "@/lib/tasks/cursor";
import { SORTS } from "@/lib/tasks/constants";
import { fillPattern, loadApiRoutes } from "./support/api-routes";
import { setUpTestDatabase } from "./support/database";
import { APP_URL, callAuth, randomIp, signUpUser, type TestUser } from "./support/http";
import { callApi } from "./support/api";

// Every API route driven with generated hostile input, as an attacker would send it: the answer
// is never a 5xx, and a 4xx changes nothing.

const db = setUpTestDatabase();
const RUNS = 50; // per endpoint: the five write endpoints stay under the per-user write limit

// The user's tasks, under ids known before they exist, so that generated bodies can name them.
const taskIds = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
let user: TestUser;
beforeAll(async () => {
  user = await signUpUser("Fuzzed");
  for (const [i, title] of ["first", "second", "third"].entries()) {
    const response = await callApi("POST", "/api/tasks", { token: user.token, body: { id: taskIds[i], title, dueDate: "2026-12-24T17:00:00Z" } });
    expect(response.status).toBe(201);
  }
});

// Text that has broken parsers and databases before.
const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.string({ minLength: 190, maxLength: 2100 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "%",
    "_",
    "\\",
    "' OR '1'='1",
    "<script>alert(1)</script>",
    "__proto__",
    "constructor",
    "toString",
    "9999-12-31T23:59:59.999Z",
    "10000-01-01T00:00:00Z",
    "+275760-09-13T00:00:00.000Z",
    "-000001-01-01T00:00:00Z",
    "0000-01-01T00:00:00Z",
    "1899-12-31T23:59:59Z",
    "2026-02-30T00:00:00Z",
    "2026-12-24",
    "NaN",
    "Infinity",
    "-1",
    "1e309",
    "\ud800",
    "x".repeat(20_000),
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(hostileText, fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(null, true, 0, -1, 1e308, [], {}));
const taskField = fc.constantFrom("title", "description", "priority", "dueDate", "completed", "id", "userId", "createdAt", "__proto__", "constructor", "toString");
// Ids a create may name (taken ones, fresh ones, UUIDs of any version or case), with a title
// that often passes, so that creates reach the database.
const taskIdAndTitle = fc.record({
  id: fc.oneof(fc.constantFrom(...taskIds), fc.uuid(), fc.uuid().map((id) => id.toUpperCase())),
  title: fc.string({ maxLength: 30 }),
});
const hostileObject = fc
  .tuple(fc.dictionary(taskField, hostileValue, { maxKeys: 6 }), fc.option(taskIdAndTitle))
  .map(([object, named]) => ({ ...object, ...named }));

// Raw body text: JSON objects (prototype keys written literally), JSON of other kinds, non-JSON.
const hostileBody = fc.oneof(
  hostileObject.map((object) => JSON.stringify(object)),
  fc.tuple(fc.constantFrom("__proto__", "constructor", "prototype"), hostileValue).map(([key, value]) => `{"title":"x","${key}":${JSON.stringify(value ?? null)}}`),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  hostileText,
);

const cursorText = fc.oneof(
  hostileText,
  fc.tuple(fc.constantFrom(...SORTS), fc.constantFrom("asc", "desc"), fc.oneof(hostileText, fc.constant(null)), fc.uuid()).map(([sort, order, value, id]) =>
    encodeCursor({ sort, order, value, id }),
  ),
);
const hostileQuery = fc.dictionary(
  fc.constantFrom("status", "q", "priority", "sort", "order", "limit", "cursor", "userId", "__proto__"),
  fc.oneof(hostileText, cursorText, fc.constantFrom(...SORTS, "asc", "desc", "all", "active", "completed", "low", "high", "100", "101", "0")),
  { maxKeys: 5 },
);
const pathId = fc.oneof(fc.constantFrom(...["0", "x"]), hostileText, fc.uuid(), fc.constant("TASK"));

/** Everything the user owns, to compare before and after a refused request. */
async function snapshot(): Promise<string> {
  const [tasks, profile] = await Promise.all([
    db.prisma.task.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } }),
    db.prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, email: true, image: true } }),
  ]);
  return JSON.stringify({ tasks, profile });
}

async function expectNoServerErrorAndNoWriteOnRefusal(send: () => Promise<Response>, describe: () => string) {
  const before = await snapshot();
  const response = await send();
  expect(response.status, describe()).toBeLessThan(500);
  if (response.status >= 400) expect(await snapshot(), `${describe()} answered ${response.status} but changed data`).toBe(before);
}

const routes = await loadApiRoutes();

describe("hostile input to every task API endpoint", () => {
  for (const { pattern, exports } of routes) {
    for (const method of HTTP_METHODS) {
      const info = exports[method][ENDPOINT_INFO];
      if (info?.auth.kind !== "user") continue;
      it(`${method} ${pattern}: never a 5xx, never a write on a 4xx`, async () => {
        await fc.assert(
          fc.asyncProperty(pathId, fc.nat(), hostileQuery, hostileBody, fc.boolean(), async (id, pick, query, body, jsonType) => {
            const { url, params } = fillPattern(pattern, () => (pick % 3 === 0 ? taskIds[pick % taskIds.length] : id));
            const search = new URLSearchParams(query as Record<string, string>).toString();
            const hasBody = method !== "GET" && method !== "DELETE";
            const request = new Request(`${APP_URL}${url}${search ? `?${search}` : ""}`, {
              method,
              headers: { authorization: `Bearer ${user.token}`, ...(jsonType ? { "content-type": "application/json" } : {}) },
              body: hasBody ? body : undefined,
            });
            await expectNoServerErrorAndNoWriteOnRefusal(
              () => exports[method](request, { params: Promise.resolve(params) }),
              () => `${method} ${url}?${search} ${hasBody ? body.slice(0, 200) : ""}`,
            );
          }),
          { numRuns: RUNS },
        );
      });
    }
  }
});

describe("hostile input to the account endpoints", () => {
  it("sign-up, sign-in, profile, password and session endpoints: never a 5xx, never a write on a 4xx", async () => {
    const accountField = fc.constantFrom("name", "email", "password", "newPassword", "currentPassword", "token", "image", "callbackURL", "rememberMe", "__proto__", "constructor");
    const paths = ["/sign-up/email", "/sign-in/email", "/update-user", "/change-password", "/reset-password", "/revoke-session", "/request-password-reset"];
    const signedIn = new Set(["/update-user", "/change-password", "/revoke-session"]);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.dictionary(accountField, hostileValue, { maxKeys: 5 }), async (path, body) => {
        await expectNoServerErrorAndNoWriteOnRefusal(
          () => callAuth(path, { body, cookie: signedIn.has(path) ? user.cookie : undefined, ip: randomIp() }),
          () => `POST ${path} ${JSON.stringify(body).slice(0, 200)}`,
        );
      }),
      { numRuns: RUNS },
    );
  });
});
