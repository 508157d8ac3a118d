import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { generateKeyBetween } from "fractional-indexing";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { sessionActor } from "@/lib/actor";
import { PRISMA_CLIENT_OPTIONS, setPrismaForTests } from "@/lib/db";
import { createPGlite } from "@/lib/pglite.mjs";
import { createTaskForUser, listTasksForUser, updateTaskForUser } from "@/lib/tasks/service";
import { listQuerySchema } from "@/lib/tasks/schemas";
import { databaseUrl, runSql } from "./support/postgres";
import { runPrisma } from "./support/prisma-cli";

// The migration that brought lists, labels and subtasks keeps every task of a database in use:
// a database migrated as production was before it (every earlier migration, by `prisma migrate
// deploy`), holding users and tasks in the old shape, then deployed again with it.

const NEW_MIGRATION = "20261204060000_lists_labels_subtasks";
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "tasks-migration-lists-"));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

/** `prisma migrate deploy` of the committed migrations up to (`before`) or including the new one. */
async function deploy(url: string, stage: "before" | "with"): Promise<void> {
  const dir = path.join(tempDir, `migrations-${stage}`);
  if (!fs.existsSync(dir)) {
    // Migrations are named by time: "before" is every one older than the new one (later ones may need it).
    const migration = (source: string) => path.relative("prisma/migrations", source).split(path.sep)[0];
    fs.cpSync("prisma/migrations", dir, { recursive: true, filter: (source) => stage === "with" || !/^\d/.test(migration(source)) || migration(source) < NEW_MIGRATION });
  }
  const config = path.join(tempDir, `prisma-${stage}.config.ts`);
  // A config of its own for the copied migrations: the project's points at prisma/migrations.
  const settings = { schema: path.resolve("prisma/schema.prisma"), migrations: { path: dir }, datasource: { url } };
  fs.writeFileSync(config, `export default ${JSON.stringify(settings)};\n`);
  const result = await runPrisma(["migrate", "deploy", "--config", config], { PRISMA_SCHEMA_ENGINE_BINARY: path.resolve("prisma/schema-engine.mjs") });
  expect(result.code, result.output).toBe(0);
  expect(result.output).toContain(stage === "before" ? "20261125203206_api_rate_limit" : NEW_MIGRATION);
}

interface Sql {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  close(): Promise<void>;
}

/** Where the test database lives, and how to open it. */
interface Backend {
  name: string;
  create(): Promise<{ url: string; open(): Promise<Sql>; prisma(): Promise<{ client: PrismaClient; close(): Promise<void> }>; drop(): Promise<void> }>;
}

const pglite: Backend = {
  name: "embedded PGlite",
  async create() {
    const dataDir = path.join(tempDir, `db-${Date.now()}`);
    return {
      url: `pglite:${dataDir}`,
      async open() {
        const db = await createPGlite({ dataDir });
        return { query: <Row,>(sql: string, params?: unknown[]) => db.query<Row>(sql, params), close: () => db.close() };
      },
      async prisma() {
        const db = await createPGlite({ dataDir });
        const client = new PrismaClient({ adapter: new PrismaPGlite(db), ...PRISMA_CLIENT_OPTIONS });
        return { client, close: async () => (await client.$disconnect(), await db.close()) };
      },
      async drop() {},
    };
  },
};

const postgres: Backend = {
  name: "PostgreSQL",
  async create() {
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const name = `tasks_migration_lists_${process.pid}_${Date.now()}`;
    await runSql(serverUrl, `CREATE DATABASE ${name}`);
    const url = databaseUrl(serverUrl, name);
    return {
      url,
      async open() {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        return { query: <Row,>(sql: string, params?: unknown[]) => client.query<Row & pg.QueryResultRow>(sql, params), close: () => client.end() };
      },
      async prisma() {
        const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), ...PRISMA_CLIENT_OPTIONS });
        return { client, close: () => client.$disconnect() };
      },
      drop: async () => void (await runSql(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
    };
  },
};

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

const OLD_COLUMNS = `"id", "userId", "title", "description", "completed", "priority", "dueDate", "createdAt", "updatedAt"`;
const dumpTasks = async (db: Sql) =>
  (await db.query<{ dump: string }>(`SELECT json_agg(t ORDER BY "id")::text AS dump FROM (SELECT ${OLD_COLUMNS} FROM "task") AS t`)).rows[0].dump;

describe.each([
  { backend: pglite, enabled: true },
  { backend: postgres, enabled: Boolean(process.env.TEST_DATABASE_URL) },
])("the lists migration on $backend.name", ({ backend, enabled }) => {
  it.runIf(enabled)("puts every task in its owner's new Inbox, newest first, changing nothing else", { timeout: 180_000 }, async () => {
    const database = await backend.create();
    try {
      await deploy(database.url, "before");
      let db = await database.open();
      let before: string;
      try {
        await db.query(`INSERT INTO "user" SELECT * FROM json_populate_recordset(NULL::"user", $1)`, [JSON.stringify(users)]);
        await db.query(`INSERT INTO "task" SELECT * FROM json_populate_recordset(NULL::"task", $1)`, [JSON.stringify(tasks)]);
        before = await dumpTasks(db);
      } finally {
        await db.close();
      }

      await deploy(database.url, "with");
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
