import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "./support/database";

// What the migrations create beyond what test/migrations.test.ts can compare: Prisma's diff does
// not see extensions or column collations (a later generated `ALTER COLUMN ... TYPE` would drop
// a collation silently), so these read the catalog of a database migrated as a deploy does. And
// facts about the schema that code relies on without saying so in the schema.

const db = setUpTestDatabase();

/** A user inserted by plain SQL, as no code of ours would: only the database's own rules apply. */
async function insertUser(): Promise<string> {
  const id = `schema-user-${crypto.randomUUID()}`;
  await db.prisma.$executeRaw`
    INSERT INTO "user" ("id", "name", "email", "emailVerified", "createdAt", "updatedAt")
    VALUES (${id}, 'Schema', ${`${id}@example.com`}, false, now(), now())`;
  return id;
}

describe("the migrated database", () => {
  it("has pg_trgm and trigram indexes on task title and description, for search", async () => {
    const extensions = await db.prisma.$queryRaw<{ extname: string }[]>`SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'`;
    expect(extensions).toEqual([{ extname: "pg_trgm" }]);
    const indexes = await db.prisma.$queryRaw<{ indexdef: string }[]>`
      SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'task'`;
    expect(indexes.map((index) => index.indexdef)).toEqual(
      expect.arrayContaining([expect.stringMatching(/USING gin \(title gin_trgm_ops\)$/), expect.stringMatching(/USING gin \(description gin_trgm_ops\)$/)]),
    );
  });

  it("has no unique key on task but its id: a create reads any conflict as a taken id (lib/tasks/service.ts)", async () => {
    const unique = await db.prisma.$queryRaw<{ indexdef: string }[]>`
      SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'task' AND indexdef LIKE 'CREATE UNIQUE%'`;
    expect(unique.map((index) => index.indexdef)).toEqual([expect.stringMatching(/USING btree \(id\)$/)]);
  });

  it("keeps the title column in the ICU collation, for the order people expect", async () => {
    const columns = await db.prisma.$queryRaw<{ collation_name: string | null }[]>`
      SELECT collation_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'task' AND column_name = 'title'`;
    expect(columns).toEqual([{ collation_name: "und-x-icu" }]);
  });

  it("keeps task.position and list.position in the C collation: order keys compare byte by byte (lib/order.ts)", async () => {
    const columns = await db.prisma.$queryRaw<{ table_name: string; collation_name: string | null }[]>`
      SELECT table_name, collation_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = 'position' ORDER BY table_name`;
    expect(columns).toEqual([
      { table_name: "list", collation_name: "C" },
      { table_name: "task", collation_name: "C" },
    ]);
    // What it means for the rows: digits before capitals before small letters, as fractional-indexing compares keys.
    const userId = await insertUser();
    const keys = ["a0V", "aA", "Zz", "a0a", "a", "a0"];
    await db.prisma.list.createMany({ data: keys.map((position, i) => ({ userId, name: `List ${i}`, position })) });
    const lists = await db.prisma.list.findMany({ where: { userId, inbox: null }, orderBy: { position: "asc" }, select: { position: true } });
    expect(lists.map((list) => list.position)).toEqual(["Zz", "a", "a0", "a0V", "a0a", "aA"]);
  });

  it("gives every new user exactly one Inbox, in the same statement that creates the user", async () => {
    const id = await insertUser();
    const lists = await db.prisma.list.findMany({ where: { userId: id } });
    expect(lists).toEqual([expect.objectContaining({ name: "Inbox", inbox: true, archived: false, color: "grey", position: "a0" })]);
    // Stamped in UTC wall time, as Prisma writes and reads timestamps without a zone.
    expect(Math.abs(lists[0].createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    // The unique (userId, inbox) key allows no second Inbox.
    await expect(db.prisma.list.create({ data: { userId: id, name: "Inbox 2", inbox: true, position: "a1" } })).rejects.toThrow();
    // The Inbox goes with its user.
    await db.prisma.user.delete({ where: { id } });
    expect(await db.prisma.list.count({ where: { userId: id } })).toBe(0);
  });

  it("logs every write of tasks, lists, labels and task labels by trigger, and keeps the log append-only", async () => {
    const triggers = await db.prisma.$queryRaw<{ table: string; trigger: string }[]>`
      SELECT c.relname AS "table", t.tgname AS "trigger" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND t.tgname LIKE '%_log' ORDER BY 1`;
    expect(triggers).toEqual([
      { table: "label", trigger: "label_log" },
      { table: "list", trigger: "list_log" },
      { table: "task", trigger: "task_log" },
      { table: "task_label", trigger: "task_label_log" },
    ]);
    // Even a write no code of ours makes is logged, as the system's (no actor).
    const userId = await insertUser();
    const inbox = await db.prisma.list.findFirstOrThrow({ where: { userId, inbox: true } });
    await db.prisma.$executeRaw`INSERT INTO "task" ("id", "userId", "title", "listId", "position", "updatedAt") VALUES (gen_random_uuid(), ${userId}, 'By SQL', ${inbox.id}::uuid, 'a0', now())`;
    const log = await db.prisma.change.findMany({ where: { userId }, orderBy: { seq: "asc" }, select: { seq: true, entity: true, op: true, actor: true } });
    expect(log).toEqual([
      { seq: 1n, entity: "list", op: "create", actor: null },
      { seq: 2n, entity: "task", op: "create", actor: null },
    ]);
    // Nobody rewrites it; only deleting the account takes it away.
    await expect(db.prisma.$executeRaw`UPDATE "change" SET "actor" = 'forged' WHERE "userId" = ${userId}`).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRaw`DELETE FROM "change" WHERE "userId" = ${userId}`).rejects.toThrow(/append-only/);
    expect(await db.prisma.change.count({ where: { userId } })).toBe(2);
    await db.prisma.$executeRaw`DELETE FROM "user" WHERE "id" = ${userId}`;
    expect(await db.prisma.change.count({ where: { userId } })).toBe(0);
    expect(await db.prisma.userSync.count({ where: { userId } })).toBe(0);
  });
});
