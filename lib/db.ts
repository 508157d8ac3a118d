import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { attachDatabasePool } from "@vercel/functions/db-connections";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { isEmbeddedDatabaseUrl } from "./database-url";
import { getEnv, type DatabasePoolSettings } from "./env";
import { getLogger } from "./log";
import { createPGlite } from "./pglite.mjs";
import { claimPGliteDataDir } from "./pglite-lock.mjs";

// One Prisma client per process, created on first use: nothing opens a database at import time
// or during `next build`.

/**
 * Embedded PostgreSQL (PGlite), opened when Prisma runs its first query. PGlite is a single
 * connection owned by this process; the lock turns a second opener into a clear error.
 */
function pgliteAdapterFactory(url: string): SqlDriverAdapterFactory {
  let opened: Promise<SqlDriverAdapterFactory> | undefined;
  const open = async (): Promise<SqlDriverAdapterFactory> => {
    const dataDir = claimPGliteDataDir(url, `tasks app (${process.env.NODE_ENV ?? "development"})`);
    // The adapter is imported at run time, outside the bundler, as PGlite is (lib/pglite.mjs):
    // no server function then ships either. `next dev` and `next start` resolve them from
    // node_modules.
    const [{ PrismaPGlite }, pglite] = await Promise.all([
      import(/* webpackIgnore: true */ "pglite-prisma-adapter"),
      createPGlite({ dataDir }),
    ]);
    return new PrismaPGlite(pglite) as unknown as SqlDriverAdapterFactory;
  };
  return {
    provider: "postgres",
    adapterName: "pglite-prisma-adapter",
    connect: async () => (await (opened ??= open())).connect(),
  };
}

/**
 * A PostgreSQL server through a small pool per instance. Every wait is bounded, so a database
 * that does not answer costs a request a few seconds and a 503 (lib/database-errors.ts), never a
 * hung request. The query timeout is pg's client-side `query_timeout`, not `statement_timeout`:
 * that one is a startup parameter, which PgBouncer and Neon's pooler refuse or ignore. The
 * server-side limit belongs on the role (README, "Deploying").
 */
function postgresAdapterFactory(url: string, settings: DatabasePoolSettings): SqlDriverAdapterFactory {
  const pool = new pg.Pool({
    connectionString: url,
    max: settings.max,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    query_timeout: settings.queryTimeoutMs,
    // Serverless instances are frozen between requests: close idle connections soon, before
    // the platform or the server drops them under us.
    idleTimeoutMillis: 5_000,
  });
  // A connection that breaks while idle (server restart) is dropped from the pool; without a
  // listener the error would crash the process.
  pool.on("error", (error) => getLogger().warn({ err: error }, "an idle database connection failed"));
  // On Vercel, keeps a suspended function alive until idle connections are closed cleanly.
  if (process.env.VERCEL) attachDatabasePool(pool);
  return new PrismaPg(pool);
}

// PGlite is a single connection, so interactive transactions queue behind each other: give them
// longer than Prisma's default 2 s to start.
export const PRISMA_CLIENT_OPTIONS = { transactionOptions: { maxWait: 10_000, timeout: 10_000 } } as const;

export function createPrismaClient(url: string, poolSettings: DatabasePoolSettings = getEnv().databasePool): PrismaClient {
  const adapter = isEmbeddedDatabaseUrl(url) ? pgliteAdapterFactory(url) : postgresAdapterFactory(url, poolSettings);
  return new PrismaClient({ adapter, ...PRISMA_CLIENT_OPTIONS });
}

// Kept on globalThis, not in a module variable: Next.js loads instrumentation and routes as
// separate module graphs, and dev hot reloads re-run this module; each copy would otherwise
// open the database again.
const holder = globalThis as unknown as { tasksPrisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  return (holder.tasksPrisma ??= createPrismaClient(getEnv().databaseUrl));
}

/** Test seam: make the app use another client (a fresh test database); undefined resets it. */
export function setPrismaForTests(client: PrismaClient | undefined): void {
  holder.tasksPrisma = client;
}
