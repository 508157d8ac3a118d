import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { expect } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { PRISMA_CLIENT_OPTIONS } from "@/lib/db";
import { createPGlite } from "@/lib/pglite.mjs";
import { databaseUrl, dropDatabase, runSql } from "./postgres";
import { runPrisma } from "./prisma-cli";

// A migration tested as production meets it: a database migrated by `prisma migrate deploy` of
// every older migration, holding rows in the old shape, then deployed again with all of them.

/**
 * `prisma migrate deploy` of the committed migrations older than `migration` ("before"), or of all
 * of them ("with"), from copies in `tempDir`.
 */
export async function deploy(url: string, stage: "before" | "with", migration: string, tempDir: string): Promise<void> {
  const dir = path.join(tempDir, `migrations-${stage}`);
  if (!fs.existsSync(dir)) {
    // Migrations are named by time: "before" is every one older than the new one (later ones may need it).
    const name = (source: string) => path.relative("prisma/migrations", source).split(path.sep)[0];
    fs.cpSync("prisma/migrations", dir, { recursive: true, filter: (source) => stage === "with" || !/^\d/.test(name(source)) || name(source) < migration });
  }
  const config = path.join(tempDir, `prisma-${stage}.config.ts`);
  // A config of its own for the copied migrations: the project's points at prisma/migrations.
  const settings = { schema: path.resolve("prisma/schema.prisma"), migrations: { path: dir }, datasource: { url } };
  fs.writeFileSync(config, `export default ${JSON.stringify(settings)};\n`);
  const result = await runPrisma(["migrate", "deploy", "--config", config], { PRISMA_SCHEMA_ENGINE_BINARY: path.resolve("prisma/schema-engine.mjs") });
  expect(result.code, result.output).toBe(0);
  if (stage === "with") expect(result.output).toContain(migration);
}

export interface Sql {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  close(): Promise<void>;
}

/** Where a test database lives, and how to open it. */
export interface Backend {
  name: string;
  enabled: boolean;
  create(tempDir: string): Promise<{ url: string; open(): Promise<Sql>; prisma(): Promise<{ client: PrismaClient; close(): Promise<void> }>; drop(): Promise<void> }>;
}

const pglite: Backend = {
  name: "embedded PGlite",
  enabled: true,
  async create(tempDir) {
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
  enabled: Boolean(process.env.TEST_DATABASE_URL),
  async create() {
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const name = `tasks_migration_${process.pid}_${Date.now()}`;
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
      drop: () => dropDatabase(serverUrl, name),
    };
  },
};

/** The embedded database always; PostgreSQL when TEST_DATABASE_URL names a server. */
export const BACKENDS = [pglite, postgres];
