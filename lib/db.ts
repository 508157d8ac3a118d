import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/generated/prisma/client";
import { isEmbeddedDatabaseUrl } from "./database-url";
import { getEnv } from "./env";
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
    const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import("@electric-sql/pglite"), import("pglite-prisma-adapter")]);
    return new PrismaPGlite(await PGlite.create({ dataDir })) as unknown as SqlDriverAdapterFactory;
  };
  return {
    provider: "postgres",
    adapterName: "pglite-prisma-adapter",
    connect: async () => (await (opened ??= open())).connect(),
  };
}

// PGlite is a single connection, so interactive transactions queue behind each other: give them
// longer than Prisma's default 2 s to start.
export const PRISMA_CLIENT_OPTIONS = { transactionOptions: { maxWait: 10_000, timeout: 10_000 } } as const;

export function createPrismaClient(url: string): PrismaClient {
  const adapter = isEmbeddedDatabaseUrl(url) ? pgliteAdapterFactory(url) : new PrismaPg({ connectionString: url });
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
