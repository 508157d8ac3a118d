import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPGlite } from "../../lib/pglite.mjs";
import { databaseUrl, dropDatabase, runSql } from "./postgres";
import { runPrisma } from "./prisma-cli";

// Once per test run: build one database migrated by `prisma migrate deploy` (as a deploy does,
// _prisma_migrations included), which every test file then copies (much faster than migrating
// per file). Embedded PGlite by default; a PostgreSQL server when TEST_DATABASE_URL is set.

async function migrateDeploy(databaseUrl: string): Promise<void> {
  const result = await runPrisma(["migrate", "deploy"], { DATABASE_URL: databaseUrl });
  if (result.code !== 0) throw new Error(`prisma migrate deploy failed for the test template:\n${result.output}`);
}

declare module "vitest" {
  export interface ProvidedContext {
    /** A dump of a migrated PGlite, or the name of a migrated PostgreSQL template database */
    testDatabaseTemplate: string;
  }
}

async function pgliteTemplate(): Promise<{ template: string; cleanUp: () => void }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tasks-test-template-"));
  await migrateDeploy(`pglite:${dataDir}`);
  const db = await createPGlite({ dataDir });
  const dump = await db.dumpDataDir("none");
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const file = `${dataDir}.tar`;
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return { template: file, cleanUp: () => fs.rmSync(file, { force: true }) };
}

async function postgresTemplate(serverUrl: string): Promise<{ template: string; cleanUp: () => Promise<void> }> {
  const name = `tasks_test_template_${process.pid}`;
  await runSql(serverUrl, `DROP DATABASE IF EXISTS ${name}`, `CREATE DATABASE ${name}`);
  await migrateDeploy(databaseUrl(serverUrl, name));
  return {
    template: name,
    cleanUp: () => dropDatabase(serverUrl, name),
  };
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const { template, cleanUp } = serverUrl ? await postgresTemplate(serverUrl) : await pgliteTemplate();
  project.provide("testDatabaseTemplate", template);
  return cleanUp;
}
