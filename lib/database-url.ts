// Where the database lives, shared by the app (lib/env.ts) and the Prisma CLI (prisma.config.ts).
// Unset: embedded PostgreSQL (PGlite) in ./.data/. `pglite:<dir>` or `pglite:memory` name another
// embedded database; `postgres://` / `postgresql://` a PostgreSQL server.
const EMBEDDED_DATABASE_URL = "pglite:./.data/pglite";

export function resolveDatabaseUrl(env: { DATABASE_URL?: string | undefined } | NodeJS.ProcessEnv): string {
  return env.DATABASE_URL?.trim() || EMBEDDED_DATABASE_URL;
}

export function isEmbeddedDatabaseUrl(url: string): boolean {
  return url.startsWith("pglite:");
}
