import { beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/tasks/cursor";
import { setUpTestDatabase } from "./support/database";
import { callAuth, signUpUser, type TestUser } from "./support/http";
import { callApi } from "./support/api";

// Each input the security review found answered 500 (or stored and then broke every read) gets a
// clear 4xx with a JSON body naming the problem, and writes nothing. fuzz.test.ts generates more.

const db = setUpTestDatabase();
let user: TestUser;
beforeAll(async () => {
  user = await signUpUser("Hostile");
});

/** The API answers { error: { message, details } }; Better Auth's endpoints { code, message }. */
async function expectRefused(response: Response, status: number, problem: RegExp) {
  expect(response.status).toBe(status);
  const body = await response.json();
  const error = body.error ?? body;
  const details = Object.values(error.details ?? {}).flat();
  expect([error.message, ...details].join(" ")).toMatch(problem);
}

const listStillWorks = async () => expect((await callApi("GET", "/api/tasks?sort=dueDate", { token: user.token })).status).toBe(200);

describe("task input", () => {
  it("refuses due dates outside 1900–9999 that are valid ISO text, and the account stays readable", async () => {
    for (const dueAt of ["+275760-09-13T00:00:00.000Z", "10000-01-01T00:00:00Z", "-000001-01-01T00:00:00Z", "1899-12-31T23:59:59Z"]) {
      await expectRefused(await callApi("POST", "/api/tasks", { token: user.token, body: { title: "Poison", dueAt, dueTimeZone: "UTC" } }), 422, /dueAt must be/);
    }
    for (const dueDate of ["+275760-09-13", "10000-01-01", "-000001-01-01", "1899-12-31"]) {
      await expectRefused(await callApi("POST", "/api/tasks", { token: user.token, body: { title: "Poison", dueDate } }), 422, /dueDate must be/);
    }
    expect(await db.prisma.task.count({ where: { userId: user.id } })).toBe(0);
    await listStillWorks();
  });

  it("accepts the first and last instants of the range", async () => {
    for (const dueAt of ["1900-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z"]) {
      expect((await callApi("POST", "/api/tasks", { token: user.token, body: { title: `Edge ${dueAt}`, dueAt, dueTimeZone: "UTC" } })).status).toBe(201);
    }
    for (const dueDate of ["1900-01-01", "9999-12-31"]) {
      expect((await callApi("POST", "/api/tasks", { token: user.token, body: { title: `Edge ${dueDate}`, dueDate } })).status).toBe(201);
    }
    await listStillWorks();
  });

  it("refuses prototype keys and names other unknown keys", async () => {
    for (const key of ["__proto__", "constructor", "prototype"]) {
      await expectRefused(await callApi("POST", "/api/tasks", { token: user.token, body: `{"title":"x","${key}":{"admin":true}}` }), 400, new RegExp(key));
    }
    await expectRefused(await callApi("POST", "/api/tasks", { token: user.token, body: { title: "x", toString: "y" } }), 422, /"toString" is not a field/);
  });

  it("refuses NUL characters in text and in search", async () => {
    await expectRefused(await callApi("POST", "/api/tasks", { token: user.token, body: { title: "a\u0000b" } }), 400, /NUL/);
    await expectRefused(await callApi("GET", "/api/tasks?q=a%00b", { token: user.token }), 422, /NUL/);
  });

  it("refuses paging cursors carrying dates the database cannot hold", async () => {
    for (const value of ["+275760-09-13T00:00:00.000Z", "0000-01-01T00:00:00Z"]) {
      const cursor = encodeCursor({ sort: "createdAt", order: "desc", value, id: crypto.randomUUID() });
      await expectRefused(await callApi("GET", `/api/tasks?cursor=${cursor}`, { token: user.token }), 422, /cursor/);
    }
  });
});

describe("account input", () => {
  it("refuses a profile update with name: null, a NUL or an over-long name, and changes nothing", async () => {
    for (const name of [null, "a\u0000b", "n".repeat(101), ""]) {
      await expectRefused(await callAuth("/update-user", { body: { name }, cookie: user.cookie }), 400, /Name|NUL/);
    }
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Hostile");
  });

  it("refuses sign-up with an over-long name or a non-http image", async () => {
    const email = `long-${crypto.randomUUID()}@example.com`;
    await expectRefused(await callAuth("/sign-up/email", { body: { name: "n".repeat(101), email, password: "correct horse battery" } }), 400, /Name must be at most 100/);
    await expectRefused(
      await callAuth("/sign-up/email", { body: { name: "Img", email, password: "correct horse battery", image: "javascript:alert(1)" } }),
      400,
      /Image must be an http\(s\) URL/,
    );
    expect(await db.prisma.user.count({ where: { email } })).toBe(0);
  });

  it("refuses NUL characters and prototype keys in every auth request, signed in or not", async () => {
    for (const [path, body] of [
      ["/sign-in/email", { email: "a\u0000@example.com", password: "correct horse battery" }],
      ["/sign-up/email", { name: "Nul", email: "b\u0000@example.com", password: "correct horse battery" }],
      ["/reset-password", { token: "a\u0000b", newPassword: "a fresh passphrase" }],
      ["/update-user", { image: "https://example.com/a\u0000b" }],
      ["/revoke-session", { token: "a\u0000b" }],
    ] as const) {
      await expectRefused(await callAuth(path, { body, cookie: user.cookie }), 400, /NUL/);
    }
    await expectRefused(await callAuth("/sign-in/email", { body: '{"email":"x@example.com","password":"p","__proto__":{}}' }), 400, /__proto__/);
  });

  it("counts a name's length as sent: spaces do not pad past the limit", async () => {
    await expectRefused(await callAuth("/update-user", { body: { name: `a${" ".repeat(200)}` }, cookie: user.cookie }), 400, /Name must be at most 100/);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Hostile");
  });

  it("refuses an over-long email at sign-in before it is counted anywhere", async () => {
    const email = `${"e".repeat(300)}@example.com`;
    await expectRefused(await callAuth("/sign-in/email", { body: { email, password: "correct horse battery" } }), 400, /Email must be at most 254/);
    expect(await db.prisma.signInThrottle.count({ where: { email } })).toBe(0);
  });

  it("reads no more than 8 KB of an auth request: a megabyte name is refused with 413", async () => {
    const response = await callAuth("/sign-up/email", { body: { name: "n".repeat(1024 * 1024), email: `big-${crypto.randomUUID()}@example.com`, password: "correct horse battery" } });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
  });
});
