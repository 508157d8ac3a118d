import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { ChangeEntry, FeedPage } from "@/lib/changes/service";
import { setUpTestDatabase } from "./support/database";
import { signUpUser, type TestUser } from "./support/http";
import { as, createTask, expectError, expectJson, patchTask, type TaskJson } from "./support/organize";

// The changes feed: a reader following it with since=<its cursor> sees every committed change
// exactly once, in order, while writers race and a slow transaction holds the user's counter.

const db = setUpTestDatabase();
const onPostgres = () => db.url !== undefined;

async function head(user: TestUser): Promise<number> {
  const page = await expectJson<FeedPage>(await as(user).get("/api/changes"));
  expect(page.changes).toEqual([]);
  expect(page.more).toBe(false);
  return Number(page.cursor);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the feed's pages", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await signUpUser("Paged feed");
  });

  it("without since: no changes, and the cursor of the newest change", async () => {
    const start = await head(user);
    expect(start).toBe(1); // the Inbox's creation
    await createTask(user, { title: "one" });
    await createTask(user, { title: "two" });
    expect(await head(user)).toBe(start + 2);
  });

  it("with limit: more while the limit cut the page, then the rest", async () => {
    const start = await head(user);
    for (let i = 0; i < 5; i++) await createTask(user, { title: `paged ${i}` });
    const first = await expectJson<FeedPage>(await as(user).get(`/api/changes?since=${start}&limit=2`));
    expect(first.changes.map((entry) => entry.seq)).toEqual([start + 1, start + 2]);
    expect(first).toMatchObject({ cursor: String(start + 2), more: true });
    const second = await expectJson<FeedPage>(await as(user).get(`/api/changes?since=${first.cursor}&limit=3`));
    expect(second.changes.map((entry) => entry.seq)).toEqual([start + 3, start + 4, start + 5]);
    expect(second).toMatchObject({ cursor: String(start + 5), more: false });
    // Nothing new: the same cursor back.
    expect(await expectJson<FeedPage>(await as(user).get(`/api/changes?since=${second.cursor}`))).toEqual({ changes: [], cursor: second.cursor, more: false });
    // A cursor ahead of the head: nothing, and the same cursor.
    expect(await expectJson<FeedPage>(await as(user).get(`/api/changes?since=${start + 100}`))).toEqual({ changes: [], cursor: String(start + 100), more: false });
  });
});

describe("concurrent writers and readers", () => {
  let user: TestUser;
  let slowTarget: TaskJson;
  beforeAll(async () => {
    user = await signUpUser("Busy feed");
    slowTarget = await createTask(user, { title: "slow 0" });
  });

  it("each reader sees every committed change exactly once, in order, with no gaps", async () => {
    const WRITERS = 4;
    const WRITES = onPostgres() ? 25 : 8;
    const READERS = 3;
    const SLOW = 2;
    const start = await head(user);
    let writing = true;
    let slowOpen = false;
    let pollsWhileSlowOpen = 0;

    async function writer(w: number): Promise<number> {
      let mine: TaskJson | undefined;
      for (let i = 0; i < WRITES; i++) {
        if (!mine || i % 3 === 0) mine = await createTask(user, { title: `w${w} ${i}` });
        else mine = await patchTask(user, mine.id, { title: `w${w} ${i}` });
      }
      return WRITES;
    }

    // A change whose transaction stays open for a while after it took its number.
    async function slowChange(n: number): Promise<number> {
      await sleep(onPostgres() ? 100 + 200 * n : 20);
      await db.prisma.$transaction(
        async (tx) => {
          await tx.$executeRaw`UPDATE "task" SET "title" = ${`slow ${n + 1}`} WHERE "id" = ${slowTarget.id}::uuid AND "userId" = ${user.id}`;
          slowOpen = true;
          await tx.$executeRaw`SELECT pg_sleep(0.5)`;
          slowOpen = false;
        },
        { timeout: 20_000, maxWait: 20_000 },
      );
      return 1;
    }

    async function reader(r: number): Promise<{ from: number; seen: ChangeEntry[] }> {
      // Each reader joins at its own moment, from the head it sees then.
      await sleep(r * 30);
      const from = await head(user);
      const seen: ChangeEntry[] = [];
      let cursor = String(from);
      const poll = async () => {
        const page = await expectJson<FeedPage>(await as(user).get(`/api/changes?since=${cursor}&limit=${5 + r}`));
        if (slowOpen) pollsWhileSlowOpen++;
        seen.push(...page.changes);
        if (page.changes.length > 0) expect(page.cursor).toBe(String(page.changes.at(-1)!.seq));
        else expect(page.cursor).toBe(cursor);
        cursor = page.cursor;
        return page.more;
      };
      while (writing) if (!(await poll())) await sleep(onPostgres() ? 25 : 60);
      while (await poll());
      return { from, seen };
    }

    const readers = Array.from({ length: READERS }, (_, r) => reader(r));
    const writes = await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), ...Array.from({ length: SLOW }, (_, n) => slowChange(n))]);
    writing = false;
    const results = await Promise.all(readers);

    const total = writes.reduce((sum, count) => sum + count, 0);
    const end = await head(user);
    expect(end).toBe(start + total);
    const committed = await db.prisma.change.findMany({ where: { userId: user.id, seq: { gt: start } }, orderBy: { seq: "asc" }, select: { seq: true } });
    expect(committed.map((row) => Number(row.seq))).toEqual(Array.from({ length: total }, (_, i) => start + 1 + i));
    // Every slow change committed, and was logged with the others.
    const slowTitles = (await db.prisma.change.findMany({ where: { userId: user.id, entityId: slowTarget.id, seq: { gt: start } } })).map(
      (row) => (row.after as { title?: string } | null)?.title,
    );
    expect(slowTitles.sort()).toEqual(Array.from({ length: SLOW }, (_, n) => `slow ${n + 1}`));

    for (const { from, seen } of results) {
      expect(from).toBeGreaterThanOrEqual(start);
      expect(seen.map((entry) => entry.seq)).toEqual(Array.from({ length: end - from }, (_, i) => from + 1 + i));
    }
    // On PostgreSQL the readers ran while a change's transaction was open (PGlite runs one statement at a time).
    if (onPostgres()) expect(pollsWhileSlowOpen).toBeGreaterThan(0);
  });
});

describe("query parameters, arbitrary strings", () => {
  let user: TestUser;
  let taskId: string;
  beforeAll(async () => {
    user = await signUpUser("Fuzzed feed");
    const task = await createTask(user, { title: "fuzzed" });
    await patchTask(user, task.id, { title: "fuzzed again" });
    taskId = task.id;
  });

  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.constantFrom("", "0", "-1", "1e3", "1.5", "0x10", "NaN", "Infinity", "99999999999999999999", "9223372036854775807", "9223372036854775808", " 1", "1 ", "\u0000", "%", "'; DROP TABLE change; --", "x".repeat(500)),
  );

  for (const [path, params] of [
    ["/api/changes", ["since", "limit"]],
    ["/api/trash", ["cursor", "limit"]],
    ["history", ["cursor", "limit"]],
  ] as const) {
    for (const param of params) {
      it(`${path} ?${param}=<anything>: 200, or 4xx naming ${param}, never 5xx`, async () => {
        const base = path === "history" ? `/api/tasks/${taskId}/history` : path;
        await fc.assert(
          fc.asyncProperty(text, async (value) => {
            const response = await as(user).get(`${base}?${new URLSearchParams({ [param]: value })}`);
            expect(response.status, value).toBeLessThan(500);
            if (response.status === 200) return;
            const error = await expectError(response, 422, "validation_failed");
            expect(Object.keys(error.details ?? {}), value).toEqual([param]);
          }),
          { numRuns: 40 },
        );
      });
    }
  }
});
