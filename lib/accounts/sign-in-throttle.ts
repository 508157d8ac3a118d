import { APIError, isAPIError } from "better-auth/api";
import type { PrismaClient } from "@/generated/prisma/client";
import type { SignInDelaySettings } from "../env";
import { tooManyAttempts } from "./too-many-attempts";

// Failed sign-ins are counted per email, not only per address: an attacker spreading guesses
// over many addresses still slows down. After `failuresBeforeDelay` failures each attempt must
// wait 1 s, then 2 s, 4 s, ... up to `maxDelaySeconds` after the last failure (OWASP: an
// exponential delay rather than a lockout, so the owner is kept out for minutes at most).
// Emails without an account are counted the same way, and a delayed attempt is answered as any
// other "too many attempts", so that the answers never tell whether an account exists.
// Times are the database's clock, the same for every server instance.

/** Failures older than this are forgotten: the count starts again, and the row may be deleted. */
const FORGET_AFTER_SECONDS = 24 * 60 * 60;

const normalize = (email: string) => email.trim().toLowerCase();

/** Seconds an attempt must wait after the last of `failures` failures. */
function delaySeconds(failures: number, settings: SignInDelaySettings): number {
  if (failures < settings.failuresBeforeDelay) return 0;
  return Math.min(2 ** (failures - settings.failuresBeforeDelay), settings.maxDelaySeconds);
}

export function createSignInThrottle(prisma: PrismaClient, settings: SignInDelaySettings) {
  return {
    /** Throws 429 with Retry-After while this email's sign-ins must wait. */
    async refuseWhileDelayed(email: string): Promise<void> {
      const [row] = await prisma.$queryRaw<{ failures: number; secondsSince: number }[]>`
        SELECT failures, EXTRACT(EPOCH FROM now() - "lastFailureAt")::float8 AS "secondsSince"
        FROM "signInThrottle" WHERE email = ${normalize(email)}`;
      const wait = row ? delaySeconds(row.failures, settings) - row.secondsSince : 0;
      if (wait > 0) {
        const { body, headers } = tooManyAttempts(wait);
        throw new APIError("TOO_MANY_REQUESTS", body, headers);
      }
    },

    /** Counts a wrong email or password (401) and forgets the failures after a success. */
    async record(email: string, outcome: unknown): Promise<void> {
      if (!isAPIError(outcome)) {
        await prisma.signInThrottle.deleteMany({ where: { email: normalize(email) } });
      } else if (outcome.statusCode === 401) {
        // One statement, so that concurrent failures count exactly (the row is locked while it
        // is updated). It also deletes forgotten rows of other emails, skipping any in use.
        await prisma.$executeRaw`
          WITH forgotten AS (
            DELETE FROM "signInThrottle" WHERE email IN (
              SELECT email FROM "signInThrottle"
              WHERE "lastFailureAt" < now() - make_interval(secs => ${FORGET_AFTER_SECONDS}) AND email <> ${normalize(email)}
              FOR UPDATE SKIP LOCKED))
          INSERT INTO "signInThrottle" AS t (email, failures, "lastFailureAt") VALUES (${normalize(email)}, 1, now())
          ON CONFLICT (email) DO UPDATE SET
            failures = CASE WHEN t."lastFailureAt" < now() - make_interval(secs => ${FORGET_AFTER_SECONDS}) THEN 1 ELSE t.failures + 1 END,
            "lastFailureAt" = now()`;
      }
    },
  };
}
