import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateKeyBetween } from "fractional-indexing";
import { afterAll, describe, expect, it } from "vitest";
import { sessionActor } from "@/lib/actor";
import { setPrismaForTests } from "@/lib/db";
import { createTaskForUser, listTasksForUser, updateTaskForUser } from "@/lib/tasks/service";
import { listQuerySchema } from "@/lib/tasks/schemas";
import { BACKENDS, deploy, type Sql } from "./support/migrations";

// The migration that brought lists, labels and subtasks keeps every task of a database in use:
// a database migrated as production was before it (every earlier migration, by `prisma migrate
// deploy`), holding users and tasks in the old shape, then deployed again with it.

const NEW_MIGRATION = "20261204060000_lists_labels_subtasks";
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "tasks-migration-lists-"));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

// The old shape's rows. Timestamps are UTC wall time without a zone, as Prisma wrote them.
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 1) + seconds * 1000).toISOString().replace("Z", "");
const users = ["busy", "idle", "ties", "one"].map((name) => ({ id: `old-${name}`, name, email: `${name}@example.com`, emailVerified: false, createdAt: at(0), updatedAt: at(0) }));
interface OldTask {
  id: string;
  userId: string;
  title: string;
  description: string;
  completed: boolean;
  priority: "low" | "medium" | "high";
  dueDate: string | null;
  createdAt: string;
  updatedAt: string;
}
const tasks: OldTask[] = [
  // 130 tasks, past the 62 of one base-62 digit; ids not in creation order; some shared times.
  ...Array.from({ length: 130 }, (_, i) => ({
    id: uuid(((i * 37) % 130) + 1),
    userId: "old-busy",
    title: i % 9 === 0 ? `Überprüfen ${i} ✓` : `Task ${i}`,
    description: i % 4 === 0 ? `Line 1\nLine 2 of ${i}` : "",
    completed: i % 3 === 0,
    priority: (["low", "medium", "high"] as const)[i % 3],
    dueDate: i % 5 === 0 ? null : at(86_400 * (i % 20)),
    createdAt: at(Math.floor(i / 2) * 60),
    updatedAt: at(i * 60 + 7),
  })),
  // Three created in the same millisecond: newest first by id, descending.
  ...[500, 502, 501].map((n) => ({ id: uuid(n), userId: "old-ties", title: `Tie ${n}`, description: "", completed: false, priority: "medium" as const, dueDate: null, createdAt: at(5), updatedAt: at(5) })),
  { id: uuid(900), userId: "old-one", title: "Only one", description: "kept", completed: true, priority: "high", dueDate: at(1e6), createdAt: at(9), updatedAt: at(10) },
];

/** A user's tasks as the page showed them before lists: newest first, ties by id, descending. */
const newestFirst = (userId: string) =>
  tasks.filter((task) => task.userId === userId).sort((a, b) => (a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.id < b.id ? 1 : -1));

// Not "dueDate": a later migration turns its instants into days (test/migration-due-times.test.ts).
const OLD_COLUMNS = `"id", "userId", "title", "description", "completed", "priority", "createdAt", "updatedAt"`;
const dumpTasks = async (db: Sql) =>
  (await db.query<{ dump: string }>(`SELECT json_agg(t ORDER BY "id")::text AS dump FROM (SELECT ${OLD_COLUMNS} FROM "task") AS t`)).rows[0].dump;

describe.each(BACKENDS)("the lists migration on $name", (backend) => {
  it.runIf(backend.enabled)("puts every task in its owner's new Inbox, newest first, changing nothing else", { timeout: 180_000 }, async () => {
    const database = await backend.create(tempDir);
    try {
      await deploy(database.url, "before", NEW_MIGRATION, tempDir);
      let db = await database.open();
      let before: string;
      try {
        await db.query(`INSERT INTO "user" SELECT * FROM json_populate_recordset(NULL::"user", $1)`, [JSON.stringify(users)]);
        await db.query(`INSERT INTO "task" SELECT * FROM json_populate_recordset(NULL::"task", $1)`, [JSON.stringify(tasks)]);
        before = await dumpTasks(db);
      } finally {
        await db.close();
      }

      await deploy(database.url, "with", NEW_MIGRATION, tempDir);
      db = await database.open();
      try {
        // Nothing lost or changed.
        expect(await dumpTasks(db)).toBe(before);
        expect(JSON.parse(before)).toHaveLength(tasks.length);

        // Exactly one Inbox per user, the one with no tasks included.
        const lists = (await db.query<{ id: string; userId: string; name: string; inbox: boolean; position: string; archived: boolean; createdAt: Date }>(`SELECT * FROM "list"`)).rows;
        expect(lists.map((list) => list.userId).sort()).toEqual(users.map((user) => user.id).sort());
        for (const list of lists) expect(list).toMatchObject({ name: "Inbox", inbox: true, position: "a0", archived: false });
        const inboxOf = new Map(lists.map((list) => [list.userId, list.id]));

        // Each task in its owner's Inbox, at the top level, with a key that orders it newest first.
        const rows = (await db.query<{ id: string; userId: string; listId: string; parentId: string | null; position: string }>(
          `SELECT "id", "userId", "listId", "parentId", "position" FROM "task"`,
        )).rows;
        for (const row of rows) expect(row).toMatchObject({ listId: inboxOf.get(row.userId), parentId: null });
        for (const user of users) {
          const mine = rows.filter((row) => row.userId === user.id).sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
          expect(mine.map((row) => row.id), user.id).toEqual(newestFirst(user.id).map((task) => task.id));
          const keys = mine.map((row) => row.position);
          expect(new Set(keys).size).toBe(keys.length);
          // Valid keys: fractional-indexing makes one before, between and after them.
          for (let i = 0; i <= keys.length; i++) expect(() => generateKeyBetween(keys[i - 1] ?? null, keys[i] ?? null), keys.join()).not.toThrow();
        }
        // The migrated database orders them so too (the column's "C" collation).
        const ordered = await db.query<{ id: string }>(`SELECT "id" FROM "task" WHERE "userId" = 'old-busy' ORDER BY "position"`);
        expect(ordered.rows.map((row) => row.id)).toEqual(
          rows.filter((row) => row.userId === "old-busy").sort((a, b) => (a.position < b.position ? -1 : 1)).map((row) => row.id),
        );

        // Accounts made from now on get their Inbox from the trigger.
        await db.query(`INSERT INTO "user" ("id", "name", "email", "updatedAt") VALUES ('new-user', 'New', 'new@example.com', now())`);
        expect((await db.query(`SELECT 1 FROM "list" WHERE "userId" = 'new-user' AND "inbox"`)).rows).toHaveLength(1);
      } finally {
        await db.close();
      }

      // And the app works with the keys it found: a new task goes first, a move goes between two.
      const { client, close } = await database.prisma();
      setPrismaForTests(client);
      try {
        const actor = sessionActor("old-busy", "a-session");
        const created = await createTaskForUser(actor, { title: "New after the migration" });
        const page = await listTasksForUser("old-busy", listQuerySchema.parse({ sort: "position", limit: "3" }));
        expect(page.tasks.map((task) => task.id)).toEqual([created.id, ...newestFirst("old-busy").slice(0, 2).map((task) => task.id)]);
        const [, first, second] = page.tasks;
        const last = (await listTasksForUser("old-busy", listQuerySchema.parse({ sort: "position", order: "desc", limit: "1" }))).tasks[0];
        const moved = await updateTaskForUser(actor, last.id, { after: first.id });
        expect(moved.position > first.position && moved.position < second.position).toBe(true);
      } finally {
        setPrismaForTests(undefined);
        await close();
      }
    } finally {
      await database.drop();
    }
  });
});
