import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { databaseUrl, dropDatabase, runSql } from "./support/postgres";
import { runPrisma } from "./support/prisma-cli";

// The committed migrations and prisma/schema.prisma must describe the same database.

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "tasks-migrations-"));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

const diffAgainst = (schema: string) =>
  runPrisma(["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", schema, "--exit-code"], {
    DATABASE_URL: "pglite:memory",
  });

describe("migrations", () => {
  it("apply to an empty embedded database and leave nothing pending", async () => {
    const url = `pglite:${path.join(tempDir, "db")}`;
    const deploy = await runPrisma(["migrate", "deploy"], { DATABASE_URL: url });
    expect(deploy.output).toContain("All migrations have been successfully applied");
    expect(deploy.code).toBe(0);
    const status = await runPrisma(["migrate", "status"], { DATABASE_URL: url });
    expect(status.output).toContain("Database schema is up to date");
    expect(status.code).toBe(0);
  });

  it("agree with prisma/schema.prisma", async () => {
    const result = await diffAgainst("prisma/schema.prisma");
    expect(result.output).toContain("No difference detected");
    expect(result.code).toBe(0);
  });

  it("are reported as out of step when a model field has no migration", async () => {
    const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
    const withNewField = schema.replace(/(model Task \{\n)/, "$1  archived Boolean @default(false)\n");
    expect(withNewField).not.toBe(schema);
    const file = path.join(tempDir, "schema.prisma");
    fs.writeFileSync(file, withNewField.replace('output   = "../generated/prisma"', `output   = "${path.resolve("generated/prisma")}"`));
    const result = await diffAgainst(file);
    expect(result.output).toMatch(/Added column `archived`/);
    expect(result.code).toBe(2);
  });

  // The deploy step runs on every build, previews included, so two builds may migrate at once.
  it.runIf(process.env.TEST_DATABASE_URL)("deploy is safe to run twice at once, and again (PostgreSQL)", async () => {
    const name = `tasks_deploy_${process.pid}_${Date.now()}`;
    const serverUrl = process.env.TEST_DATABASE_URL!;
    await runSql(serverUrl, `CREATE DATABASE ${name}`);
    try {
      const url = databaseUrl(serverUrl, name);
      // The direct URL wins over DATABASE_URL, as it does on Vercel with a pooled DATABASE_URL.
      const env = { DATABASE_URL: "postgres://nobody:nothing@127.0.0.1:9/pooled", DATABASE_URL_UNPOOLED: url };
      const runs = await Promise.all([runPrisma(["migrate", "deploy"], env), runPrisma(["migrate", "deploy"], env)]);
      for (const run of runs) expect(run.code, run.output).toBe(0);
      const again = await runPrisma(["migrate", "deploy"], env);
      expect(again.output).toContain("No pending migrations to apply");
      const [{ rows }] = await runSql(url, "SELECT migration_name, count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL GROUP BY 1");
      expect(rows.map((row) => row.n)).toEqual(fs.readdirSync("prisma/migrations", { withFileTypes: true }).filter((e) => e.isDirectory()).map(() => 1));
    } finally {
      await dropDatabase(serverUrl, name);
    }
  });
});
