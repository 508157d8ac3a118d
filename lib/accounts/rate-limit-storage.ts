import crypto from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";

// Better Auth's per-address limits (rateLimit.customStorage), counted in its "rateLimit" table
// with the rule Better Auth's own database storage applies: a window starts with the first
// request and moves on with each allowed one; a request past `max` is refused until the window
// has passed since the last allowed one. Ours because the sign-in and sign-up server actions call
// Better Auth's API directly (auth.api), which skips its rate limiter: they count their attempts
// here, under the key Better Auth would use, so the form and the JSON endpoint share one limit.
// One statement per request, on the database's clock, the same for every server instance.

/** Rows idle this long are deleted: longer than any window (AUTH_RATE_LIMIT_WINDOW_SECONDS is at most a day). */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/** Better Auth's key for a client address and an endpoint path (createRateLimitKey in @better-auth/core). */
export const rateLimitKey = (ip: string, path: string) => `${ip}|${path}`;

/** The buckets of mails to an address: per client address (`perClient`), and over all clients. */
export const mailLimitKey = (email: string, perClient?: string) => `email:${email.trim().toLowerCase()}${perClient === undefined ? "" : ` from ${perClient}`}`;
/** Prefixes of every key counting mails to `email` (erased with its account). */
export const mailLimitKeys = (email: string) => [`${mailLimitKey(email)}|`, `${mailLimitKey(email)} from `];

/** Better Auth's bucket for requests whose client address cannot be trusted (see lib/client-address.ts). */
export const UNKNOWN_ADDRESS = "no-trusted-ip";

export interface RateLimitRule {
  /** seconds */
  window: number;
  max: number;
}

export function createRateLimitStorage(prisma: PrismaClient) {
  return {
    async consume(key: string, rule: RateLimitRule): Promise<{ allowed: boolean; retryAfter: number | null }> {
      const windowMs = rule.window * 1000;
      const counted = await prisma.$queryRaw<{ count: number }[]>`
        INSERT INTO "rateLimit" AS r (id, key, count, "lastRequest")
        VALUES (${crypto.randomUUID()}, ${key}, 1, (extract(epoch FROM now()) * 1000)::bigint)
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN r."lastRequest" <= EXCLUDED."lastRequest" - ${windowMs} THEN 1 ELSE r.count + 1 END,
          "lastRequest" = EXCLUDED."lastRequest"
        WHERE r."lastRequest" <= EXCLUDED."lastRequest" - ${windowMs} OR r.count < ${rule.max}
        RETURNING count`;
      if (counted.length > 0) {
        // A window began: a good moment to forget idle addresses, as Better Auth's storage does.
        if (counted[0].count === 1) await prisma.$executeRaw`DELETE FROM "rateLimit" WHERE "lastRequest" < (extract(epoch FROM now()) * 1000)::bigint - ${FORGET_AFTER_MS}`;
        return { allowed: true, retryAfter: null };
      }
      const [row] = await prisma.$queryRaw<{ wait: number }[]>`
        SELECT ("lastRequest" + ${windowMs} - extract(epoch FROM now()) * 1000)::float8 / 1000 AS wait FROM "rateLimit" WHERE key = ${key}`;
      return { allowed: false, retryAfter: Math.max(1, Math.ceil(row?.wait ?? rule.window)) };
    },
    /** Forgets a key's count, as if it had never been consumed. */
    async forget(key: string): Promise<void> {
      await prisma.rateLimit.deleteMany({ where: { key } });
    },
  };
}
