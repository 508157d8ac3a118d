import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "./support/database";

// What the migrations create beyond what test/migrations.test.ts can compare: Prisma's diff does
// not see extensions or column collations (a later generated `ALTER COLUMN ... TYPE` would drop
// a collation silently), so these read the catalog of a database migrated as a deploy does. And
// facts about the schema that code relies on without saying so in the schema.

const db = setUpTestDatabase();

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
});
