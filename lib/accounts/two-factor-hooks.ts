import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import type { PrismaClient } from "@/generated/prisma/client";
import { SECOND_STEP_ACCOUNT_LIMIT, TOTP_CODE_REUSE_SECONDS, TOTP_ISSUER, TWO_FACTOR_SETTINGS_LIMIT } from "./limits";
import { createRateLimitStorage, rateLimitKey, type RateLimitRule } from "./rate-limit-storage";

// What the app adds to Better Auth's twoFactor plugin (hooks.ts runs these before and after it):
// - its settings (on, off, new backup codes) check the password: limited per account;
// - set-up takes no issuer or method from the client (an issuer it cannot encode was a 500);
// - codes are limited per account, counted atomically before each check (the plugin's own lock
//   reads the failure count before checking, so guesses sent at once all got through);
// - a code from the app works once (the plugin accepts it for its whole 90-second window);
// - a backup code always signs in when it is spent (the plugin's disableSession would spend it
//   and answer the account's details without a session);
// - a change of password or of two-step sign-in forgets every trusted device (the plugin forgets
//   only the one making the change), so that no device skips the second step on an old trust.

type Context = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];
type Count = (key: string, path: string, rule: RateLimitRule) => Promise<void>;

const SETTINGS_PATHS = new Set(["/two-factor/enable", "/two-factor/disable", "/two-factor/generate-backup-codes", "/two-factor/get-totp-uri"]);
const CODE_PATHS = new Set(["/two-factor/verify-totp", "/two-factor/verify-backup-code", "/two-factor/verify-otp"]);
const TRUST_ENDING_PATHS = new Set(["/two-factor/enable", "/two-factor/disable", "/change-password"]);
/** The plugin's identifiers of trusted devices in the verification table (its verify-two-factor.mjs). */
const TRUSTED_DEVICE_PREFIX = "trust-device-";
/** The plugin's challenge cookie, set by the password step (its constant.mjs). */
const CHALLENGE_COOKIE = "two_factor";

export const CODE_ALREADY_USED = { code: "CODE_ALREADY_USED", message: "That code was just used. Wait for your app's next code and enter it." } as const;

/** Every trusted device of the user: the next sign-in on each asks for a code again. */
export const forgetTrustedDevices = (prisma: PrismaClient, userId: string) => prisma.verification.deleteMany({ where: { value: userId, identifier: { startsWith: TRUSTED_DEVICE_PREFIX } } });

export function createTwoFactorHooks(prisma: PrismaClient, count: Count) {
  const codes = createRateLimitStorage(prisma);

  /** Whose code this is: the signed-in user's (set-up), else that of the sign-in the challenge cookie names. */
  async function userOfCode(ctx: Context): Promise<string | undefined> {
    const session = await getSessionFromCtx(ctx);
    if (session) return session.user.id;
    const challenge = await ctx.getSignedCookie(ctx.context.createAuthCookie(CHALLENGE_COOKIE).name, ctx.context.secret);
    if (!challenge) return undefined; // the plugin answers 401
    return (await ctx.context.internalAdapter.findVerificationValue(challenge))?.value;
  }

  /** The key that marks a code from the app as used by the user; undefined for anything else. */
  function appCodeKey(ctx: Context, userId: string): string | undefined {
    const code = ctx.body?.code;
    if (ctx.path !== "/two-factor/verify-totp" || typeof code !== "string" || !/^\d{6}$/.test(code)) return undefined;
    return rateLimitKey(`user:${userId}`, `/two-factor/code/${code}`);
  }

  return {
    async before(ctx: Context): Promise<{ context: { body: Record<string, unknown> } } | undefined> {
      if (SETTINGS_PATHS.has(ctx.path)) {
        const session = await getSessionFromCtx(ctx);
        if (session) await count(`user:${session.user.id}`, "/two-factor/settings", TWO_FACTOR_SETTINGS_LIMIT);
      }
      // Replaced, not removed: Better Auth merges a hook's body into the client's.
      if (ctx.path === "/two-factor/enable") return { context: { body: { password: ctx.body?.password, issuer: TOTP_ISSUER, method: "totp" } } };
      if (!CODE_PATHS.has(ctx.path)) return undefined;
      const userId = await userOfCode(ctx);
      if (userId !== undefined) {
        await count(`user:${userId}`, "/two-factor/verify", SECOND_STEP_ACCOUNT_LIMIT);
        const claim = appCodeKey(ctx, userId);
        // Claimed before the check, so that two requests with one code cannot both pass it; a code
        // that turns out wrong is given back after (a mistyped code can be typed again).
        if (claim && !(await codes.consume(claim, { window: TOTP_CODE_REUSE_SECONDS, max: 1 })).allowed) throw new APIError("UNAUTHORIZED", CODE_ALREADY_USED);
      }
      if (ctx.path === "/two-factor/verify-backup-code") return { context: { body: { ...ctx.body, disableSession: false } } };
      return undefined;
    },
    async after(ctx: Context): Promise<void> {
      const refused = isAPIError(ctx.context.returned);
      if (ctx.path === "/two-factor/verify-totp" && refused) {
        const userId = await userOfCode(ctx);
        const claim = userId === undefined ? undefined : appCodeKey(ctx, userId);
        if (claim) await codes.forget(claim);
      }
      if (!TRUST_ENDING_PATHS.has(ctx.path) || refused) return;
      const session = await getSessionFromCtx(ctx);
      if (session) await forgetTrustedDevices(prisma, session.user.id);
    },
  };
}
