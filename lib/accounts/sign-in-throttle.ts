import { APIError, isAPIError } from "better-auth/api";
import type { PrismaClient } from "@/generated/prisma/client";
import type { SignInDelaySettings } from "../env";
import { tooManyAttempts } from "./too-many-attempts";

// Sign-in attempts are counted per email, not only per address: an attacker spreading guesses
// over many addresses still slows down. After `failuresBeforeDelay` attempts without a success,
// each further attempt must wait 1 s, then 2 s, 4 s, ... up to `maxDelaySeconds` after the one
// before (OWASP: an exponential delay rather than a lockout, so the owner is kept out for
// minutes at most). An attempt is claimed before the password is checked, in one statement, so
// that guesses sent at once cannot all pass the same open window; a success forgets the count.
// Emails without an account are counted the same way, and a delayed attempt is answered as any
// other "too many attempts", so that the answers never tell whether an account exists.
// Times are the database's clock, the same for every server instance.

/** Attempts older than this are forgotten: the count starts again, and the row may be deleted. */
const FORGET_AFTER_SECONDS = 24 * 60 * 60;

const normalize = (email: string) => email.trim().toLowerCase();

export function createSignInThrottle(prisma: PrismaClient, settings: SignInDelaySettings) {
  const { failuresBeforeDelay, maxDelaySeconds } = settings;
  return {
    /**
     * Claims an attempt for this email, or throws 429 with Retry-After while its attempts must
     * wait. One statement: concurrent attempts queue on the row's lock, and each sees the count
     * and time its predecessor left. It also deletes forgotten rows of other emails, skipping any
     * in use.
     */
    async claimAttempt(email: string): Promise<void> {
      const key = normalize(email);
      const claimed = await prisma.$executeRaw`
        WITH forgotten AS (
          DELETE FROM "signInThrottle" WHERE email IN (
            SELECT email FROM "signInThrottle"
            WHERE "lastFailureAt" < now() - make_interval(secs => ${FORGET_AFTER_SECONDS}) AND email <> ${key}
            FOR UPDATE SKIP LOCKED))
        INSERT INTO "signInThrottle" AS t (email, failures, "lastFailureAt") VALUES (${key}, 1, now())
        ON CONFLICT (email) DO UPDATE SET
          failures = CASE WHEN t."lastFailureAt" < now() - make_interval(secs => ${FORGET_AFTER_SECONDS}) THEN 1 ELSE t.failures + 1 END,
          "lastFailureAt" = now()
        WHERE t.failures < ${failuresBeforeDelay}
          OR t."lastFailureAt" <= now() - make_interval(secs => LEAST(power(2, t.failures - ${failuresBeforeDelay}), ${maxDelaySeconds}))
          OR t."lastFailureAt" < now() - make_interval(secs => ${FORGET_AFTER_SECONDS})`;
      if (claimed > 0) return;
      const [row] = await prisma.$queryRaw<{ wait: number }[]>`
        SELECT EXTRACT(EPOCH FROM "lastFailureAt" + make_interval(secs => LEAST(power(2, failures - ${failuresBeforeDelay}), ${maxDelaySeconds})) - now())::float8 AS wait
        FROM "signInThrottle" WHERE email = ${key}`;
      const { body, headers } = tooManyAttempts(Math.max(1, row?.wait ?? 1));
      throw new APIError("TOO_MANY_REQUESTS", body, headers);
    },

    /** Forgets the attempts after a successful sign-in. */
    async forgetAfterSuccess(email: string, outcome: unknown): Promise<void> {
      if (!isAPIError(outcome)) await prisma.signInThrottle.deleteMany({ where: { email: normalize(email) } });
    },
  };
}
