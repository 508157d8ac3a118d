import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { setUpTestDatabase, withAppDatabase } from "./support/database";
import { withHangingServer } from "./support/hanging-server";
import { callAuth, signUpUser, type TestUser } from "./support/http";
import { callApi } from "./support/api";

// A database that does not answer costs a request a few seconds and a 503 with Retry-After:
// never a hung request, never a 500, and nothing half-written.

const db = setUpTestDatabase();
let alice: TestUser;
beforeAll(async () => {
  alice = await signUpUser("Alice");
});

async function expectUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("5");
  expect(await response.json()).toEqual({ error: { code: expect.stringMatching(/unavailable/), message: expect.any(String) } });
}

describe("a database that accepts connections and never answers", () => {
  it("answers every task route 503 with Retry-After within the connect timeout", async () => {
    await withHangingServer((url) =>
      withAppDatabase(createPrismaClient(url, { max: 2, connectTimeoutMs: 1_000, queryTimeoutMs: 1_000 }), db.prisma, async () => {
        for (const [method, path, body] of [
          ["GET", "/api/tasks"],
          ["POST", "/api/tasks", { title: "Lost?" }],
        ] as const) {
          const started = performance.now();
          await expectUnavailable(await callApi(method, path, { token: alice.token, body }));
          expect(performance.now() - started).toBeLessThan(3_000);
        }
      }),
    );
    expect(await db.prisma.task.count({ where: { userId: alice.id } })).toBe(0);
  });
});

describe("the auth endpoints, when the database does not answer", () => {
  it("answer 503 with Retry-After, not 500", async () => {
    await withHangingServer((url) =>
      withAppDatabase(createPrismaClient(url, { max: 2, connectTimeoutMs: 1_000, queryTimeoutMs: 1_000 }), db.prisma, async () => {
        for (const [path, body] of [
          ["/sign-in/email", { email: alice.email, password: "correct horse battery" }],
          ["/sign-up/email", { name: "Bob", email: `bob-${crypto.randomUUID()}@example.com`, password: "correct horse battery" }],
          ["/token", undefined],
        ] as const) {
          const started = performance.now();
          const response = await callAuth(path, { body, cookie: alice.cookie });
          expect(response.status, path).toBe(503);
          expect(response.headers.get("retry-after")).toBe("5");
          expect(performance.now() - started).toBeLessThan(3_000);
        }
      }),
    );
  });
});

describe("a query stuck behind a lock (PostgreSQL)", () => {
  it.runIf(process.env.TEST_DATABASE_URL)("gives up after the query timeout with a 503, and the next request succeeds", async () => {
    const blocker = new pg.Client({ connectionString: db.url });
    await blocker.connect();
    try {
      await withAppDatabase(createPrismaClient(db.url!, { max: 2, connectTimeoutMs: 1_000, queryTimeoutMs: 800 }), db.prisma, async () => {
        await blocker.query("BEGIN; LOCK TABLE task IN ACCESS EXCLUSIVE MODE");
        const started = performance.now();
        await expectUnavailable(await callApi("GET", "/api/tasks", { token: alice.token }));
        expect(performance.now() - started).toBeLessThan(3_000);
        await blocker.query("ROLLBACK");
        expect((await callApi("GET", "/api/tasks", { token: alice.token })).status).toBe(200);
      });
    } finally {
      await blocker.end();
    }
  });
});
