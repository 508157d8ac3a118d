import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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
});
