import { describe, expect, it } from "vitest";
import { GET as live } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { ensureSigningKey } from "@/lib/better-auth";
import { createPrismaClient } from "@/lib/db";
import { shippedMigrations } from "@/lib/readiness";
import { setUpTestDatabase, withAppDatabase } from "./support/database";
import { withHangingServer } from "./support/hanging-server";
import { apiRequest, callRoute } from "./support/http";

const db = setUpTestDatabase();

async function readiness() {
  const response = await callRoute(ready, apiRequest("/api/health/ready"));
  const body = await response.json();
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body };
}


describe("GET /api/health (liveness)", () => {
  it("answers 200 ok without touching the database", async () => {
    await withAppDatabase(createPrismaClient("postgres://nobody:nothing@127.0.0.1:9/none"), db.prisma, async () => {
      const response = await callRoute(live, apiRequest("/api/health"));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: "ok" });
    });
  });
});

describe("GET /api/health/ready (readiness)", () => {
  it("is ready on a migrated database with a signing key", async () => {
    await ensureSigningKey();
    const { status, body } = await readiness();
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "ready", checks: { database: { ok: true }, migrations: { ok: true }, signingKey: { ok: true } } });
    expect(body.checks.migrations.message).toBe(`${shippedMigrations().length} migration(s) applied.`);
  });

  it("is not ready on a database that was never migrated, and says what to run", async () => {
    const empty = createPrismaClient("pglite:memory");
    await empty.$queryRaw`SELECT 1`; // opened first: creating a PGlite can take longer than the check may
    await withAppDatabase(empty, db.prisma, async () => {
      const { status, retryAfter, body } = await readiness();
      expect(status).toBe(503);
      expect(retryAfter).toBe("5");
      expect(body).toMatchObject({ status: "not_ready", checks: { database: { ok: true }, migrations: { ok: false }, signingKey: { ok: false } } });
      expect(body.checks.migrations.message).toMatch(/npm run db:deploy/);
    });
  });

  it("is not ready while a shipped migration is pending or failed", async () => {
    const [latest] = shippedMigrations().slice(-1);
    const removed = await db.prisma.$queryRaw<object[]>`DELETE FROM _prisma_migrations WHERE migration_name = ${latest} RETURNING *`;
    try {
      const pending = await readiness();
      expect(pending.status).toBe(503);
      expect(pending.body.checks.migrations).toEqual({ ok: false, message: expect.stringMatching(/1 of \d+ migration\(s\) are not applied/) });
      await db.prisma.$executeRaw`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (gen_random_uuid()::text, 'x', ${latest}, now(), 0)`;
      const failed = await readiness();
      expect(failed.status).toBe(503);
      expect(failed.body.checks.migrations.message).toMatch(/failed or are still running/);
    } finally {
      await db.prisma.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${latest}`;
      await db.prisma.$executeRaw`INSERT INTO _prisma_migrations SELECT * FROM json_populate_recordset(NULL::_prisma_migrations, ${JSON.stringify(removed)}::json)`;
    }
    expect((await readiness()).status).toBe(200);
  });

  it("is not ready without a usable signing key", async () => {
    await ensureSigningKey();
    await db.prisma.jwks.updateMany({ data: { expiresAt: new Date(Date.now() - 86_400_000) } });
    const { status, body } = await readiness();
    expect(status).toBe(503);
    expect(body.checks.signingKey).toEqual({ ok: false, message: expect.stringMatching(/No JWT signing key/) });
    await db.prisma.$executeRaw`UPDATE jwks SET "expiresAt" = NULL`;
  });

  it("is not ready within a few seconds when the database accepts connections but never answers", async () => {
    await withHangingServer(async (url) => {
      await withAppDatabase(createPrismaClient(url, { max: 2, connectTimeoutMs: 1_000, queryTimeoutMs: 1_000 }), db.prisma, async () => {
        const started = performance.now();
        const { status, retryAfter, body } = await readiness();
        expect(performance.now() - started).toBeLessThan(2_500);
        expect(status).toBe(503);
        expect(retryAfter).toBe("5");
        expect(body.checks.database.ok).toBe(false);
      });
    });
  });
});
