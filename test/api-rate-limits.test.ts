import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { API_RATE_LIMITS } from "@/lib/api/rate-limit";
import { createPrismaClient } from "@/lib/db";
import { setUpTestDatabase, withAppDatabase } from "./support/database";
import { signUpUser, type TestUser } from "./support/http";
import { callApi } from "./support/api";

// Per-user limits on the task API: past the limit, 429 with Retry-After and nothing done.

const db = setUpTestDatabase();

/** Sends `count` requests, 25 at a time, and returns their statuses. */
async function send(count: number, request: (i: number) => Promise<Response>): Promise<number[]> {
  const statuses: number[] = [];
  for (let start = 0; start < count; start += 25) {
    const batch = Array.from({ length: Math.min(25, count - start) }, (_, i) => request(start + i).then((r) => r.status));
    statuses.push(...(await Promise.all(batch)));
  }
  return statuses;
}

const deleteSomething = (user: TestUser) => () => callApi("DELETE", `/api/tasks/${crypto.randomUUID()}`, { token: user.token });

async function expectLimited(response: Response) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(await response.json()).toEqual({ error: { code: "rate_limited", message: expect.stringMatching(/Too many requests: try again in \d+ seconds?\./) } });
}

describe("per-user API limits", () => {
  it("refuse writes past the limit with 429 and write nothing, without touching other users", async () => {
    const [user, other] = await Promise.all([signUpUser(), signUpUser()]);
    const statuses = await send(API_RATE_LIMITS.write.max, deleteSomething(user));
    expect(statuses.every((status) => status === 404)).toBe(true);
    await expectLimited(await callApi("POST", "/api/tasks", { token: user.token, body: { title: "one too many" } }));
    expect(await db.prisma.task.count({ where: { userId: user.id } })).toBe(0);
    expect((await callApi("POST", "/api/tasks", { token: other.token, body: { title: "someone else" } })).status).toBe(201);
    // Reads have their own limit.
    expect((await callApi("GET", "/api/tasks", { token: user.token })).status).toBe(200);
  });

  it("count searches apart from plain list reads", async () => {
    const user = await signUpUser();
    const statuses = await send(API_RATE_LIMITS.search.max, (i) => callApi("GET", `/api/tasks?q=milk${i}`, { token: user.token }));
    expect(statuses.every((status) => status === 200)).toBe(true);
    await expectLimited(await callApi("GET", "/api/tasks?q=milk", { token: user.token }));
    expect((await callApi("GET", "/api/tasks", { token: user.token })).status).toBe(200);
  });

  it("limit plain list reads too", async () => {
    const user = await signUpUser();
    const statuses = await send(API_RATE_LIMITS.read.max, () => callApi("GET", "/api/tasks?limit=1", { token: user.token }));
    expect(statuses.every((status) => status === 200)).toBe(true);
    await expectLimited(await callApi("GET", "/api/tasks", { token: user.token }));
  });

  it("are the numbers README states", () => {
    const readme = fs.readFileSync("README.md", "utf8").replace(/\s+/g, " ");
    expect(readme).toContain(`Plain list reads: ${API_RATE_LIMITS.read.max} a minute`);
    expect(readme).toContain(`Searches (\`q=\`): ${API_RATE_LIMITS.search.max} a minute`);
    expect(readme).toContain(`writes: ${API_RATE_LIMITS.write.max} a minute`);
  });

  it.runIf(process.env.TEST_DATABASE_URL)("hold across server instances for writes (PostgreSQL)", async () => {
    const user = await signUpUser();
    const half = Math.ceil(API_RATE_LIMITS.write.max / 2);
    await send(half, deleteSomething(user));
    // A second instance: its own connection pool, the same database.
    await withAppDatabase(createPrismaClient(db.url!), db.prisma, async () => {
      const statuses = await send(API_RATE_LIMITS.write.max - half, deleteSomething(user));
      expect(statuses.every((status) => status === 404)).toBe(true);
      await expectLimited(await deleteSomething(user)());
    });
  });
});
