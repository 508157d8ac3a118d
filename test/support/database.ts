import crypto from "node:crypto";
import fs from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, inject } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { PRISMA_CLIENT_OPTIONS, setPrismaForTests } from "@/lib/db";
import { keysAfter } from "@/lib/order";
import { createPGlite } from "@/lib/pglite.mjs";
import { databaseUrl, dropDatabase, runSql } from "./postgres";

export interface TestDatabase {
  prisma: PrismaClient;
  /** postgres:// URL of this database on a PostgreSQL server; undefined on embedded PGlite */
  url?: string;
  close(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** The time zone of every session (an IANA name); the server's default otherwise */
  timeZone?: string;
}

/** A fresh, migrated database of its own, copied from the run's template. */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const template = inject("testDatabaseTemplate");
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const pglite = await createPGlite({ loadDataDir: new Blob([fs.readFileSync(template)]) });
    // PGlite is a single session, so a session setting holds for every query.
    if (options.timeZone) await pglite.query("SELECT set_config('TimeZone', $1, false)", [options.timeZone]);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), ...PRISMA_CLIENT_OPTIONS });
    return {
      prisma,
      async close() {
        await prisma.$disconnect();
        await pglite.close();
      },
    };
  }
  const name = `tasks_test_${crypto.randomUUID().replaceAll("-", "")}`;
  await runSql(
    serverUrl,
    `CREATE DATABASE ${name} TEMPLATE ${template}`,
    // Before the first connection, so that every connection of the pool starts in this zone.
    ...(options.timeZone ? [`ALTER DATABASE ${name} SET timezone TO ${pg.escapeLiteral(options.timeZone)}`] : []),
  );
  const url = new URL(databaseUrl(serverUrl, name));
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }), ...PRISMA_CLIENT_OPTIONS });
  return {
    prisma,
    url: url.toString(),
    async close() {
      await prisma.$disconnect();
      await dropDatabase(serverUrl, name);
    },
  };
}

/** Gives this test file its own fresh database and makes the app use it. */
export function setUpTestDatabase(options: TestDatabaseOptions = {}): { readonly prisma: PrismaClient; readonly url: string | undefined } {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(options);
    setPrismaForTests(db.prisma);
  });
  afterAll(async () => {
    setPrismaForTests(undefined);
    await db?.close();
  });
  return {
    get prisma() {
      if (!db) throw new Error("setUpTestDatabase(): the database is created in beforeAll");
      return db.prisma;
    },
    get url() {
      return db?.url;
    },
  };
}

/** Runs `work` with the app on another database (disconnected afterwards), then gives the app `restore` back. */
export async function withAppDatabase<T>(prisma: PrismaClient, restore: PrismaClient, work: () => Promise<T>): Promise<T> {
  setPrismaForTests(prisma);
  try {
    return await work();
  } finally {
    setPrismaForTests(restore);
    await prisma.$disconnect();
  }
}

/** Rows for prisma.task.createMany: the user's tasks in their Inbox, in manual order as given. */
export async function inInbox<T extends object>(prisma: PrismaClient, userId: string, tasks: T[]) {
  const inbox = await prisma.list.findFirstOrThrow({ where: { userId, inbox: true }, select: { id: true } });
  const keys = keysAfter(null, tasks.length);
  return tasks.map((task, i) => ({ ...task, userId, listId: inbox.id, position: keys[i] }));
}
