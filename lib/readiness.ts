import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { getPrisma } from "./db";
import { getEnv } from "./env";

// Whether this instance can serve traffic: the database answers (within a bounded time), every
// migration shipped with this build has been applied, and a JWT signing key exists. Read-only:
// a readiness probe never creates or migrates anything.

const checkResultSchema = z.object({ ok: z.boolean(), message: z.string() });
export type CheckResult = z.output<typeof checkResultSchema>;

/** What GET /api/health/ready answers, 200 or 503 (lib/api/openapi.ts documents it). */
export const readinessSchema = z
  .object({
    status: z.enum(["ready", "not_ready"]),
    checks: z.object({ database: checkResultSchema, migrations: checkResultSchema, signingKey: checkResultSchema }),
  })
  .meta({ id: "Readiness" });

export type CheckName = keyof z.output<typeof readinessSchema>["checks"];
export interface Readiness {
  ready: boolean;
  checks: Record<CheckName, CheckResult>;
}

/** The migrations this build ships (prisma/migrations, traced into the function by next.config.ts). */
export function shippedMigrations(): string[] {
  // A path the build can see as a fixed folder: a variable one would trace the whole project.
  const dir = path.join(process.cwd(), "prisma", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

class CheckTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new CheckTimeout()), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const ok = (message: string): CheckResult => ({ ok: true, message });
const failed = (message: string): CheckResult => ({ ok: false, message });

interface MigrationRow {
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

async function checkMigrations(): Promise<CheckResult> {
  let rows: MigrationRow[];
  try {
    rows = await getPrisma().$queryRaw<MigrationRow[]>`SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations`;
  } catch {
    return failed("No migrations have been applied: run `npm run db:deploy`.");
  }
  const live = rows.filter((row) => row.rolled_back_at === null);
  const failedNames = live.filter((row) => row.finished_at === null).map((row) => row.migration_name);
  if (failedNames.length) return failed(`${failedNames.length} migration(s) failed or are still running; see \`prisma migrate status\`.`);
  const applied = new Set(live.map((row) => row.migration_name));
  const shipped = shippedMigrations();
  const pending = shipped.filter((name) => !applied.has(name));
  if (pending.length) return failed(`${pending.length} of ${shipped.length} migration(s) are not applied yet: run \`npm run db:deploy\`.`);
  return ok(`${shipped.length} migration(s) applied.`);
}

async function checkSigningKey(): Promise<CheckResult> {
  const usable = await getPrisma().jwks.count({ where: { OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } });
  return usable > 0 ? ok("A signing key is ready.") : failed("No JWT signing key yet: it is created when the server starts.");
}

export async function checkReadiness(): Promise<Readiness> {
  const limitMs = getEnv().databasePool.connectTimeoutMs + 1_000;
  const bounded = async (check: () => Promise<CheckResult>): Promise<CheckResult> => {
    try {
      return await withTimeout(check(), limitMs);
    } catch (error) {
      if (error instanceof CheckTimeout) return failed(`The database did not answer within ${limitMs} ms.`);
      return failed("The database could not be reached.");
    }
  };
  const database = await bounded(async () => {
    await getPrisma().$queryRaw`SELECT 1`;
    return ok("The database answers.");
  });
  if (!database.ok) {
    const skipped = failed("Not checked: the database is unavailable.");
    return { ready: false, checks: { database, migrations: skipped, signingKey: skipped } };
  }
  const migrations = await bounded(checkMigrations);
  const signingKey = migrations.ok ? await bounded(checkSigningKey) : failed("Not checked: migrations are missing.");
  return { ready: migrations.ok && signingKey.ok, checks: { database, migrations, signingKey } };
}
