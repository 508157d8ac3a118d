import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Env } from "../env";
import { refuseExistingAccount } from "./existing-account";
import { PASSWORD_CHANGE_LIMIT } from "./limits";
import { createMailHooks } from "./mail-hooks";
import { createPasskeyHooks } from "./passkey-hooks";
import { passkeyInputProblem } from "./passkey-input";
import { refuseWeakPassword } from "./password-policy";
import { profileProblem } from "./profile";
import { createRateLimitStorage, rateLimitKey, type RateLimitRule } from "./rate-limit-storage";
import { createSignInThrottle } from "./sign-in-throttle";
import { createTwoFactorHooks } from "./two-factor-hooks";
import { tooManyAttempts } from "./too-many-attempts";

// What the app adds to Better Auth's endpoints, before and after they run: bounds on the profile
// fields, the per-email sign-in delay, the password policy, sign-up's answer for an existing
// account, a password change that is limited per account and always ends every session, and
// the mail flows' rules (mail-hooks.ts), two-step sign-in's (two-factor-hooks.ts), and the
// passkeys' (what their endpoints take: passkey-input.ts; adding one: passkey-hooks.ts).

// Endpoints whose body carries account fields (name, email, image).
const PROFILE_PATHS = new Set(["/sign-up/email", "/sign-in/email", "/update-user"]);

export function createAuthHooks(prisma: PrismaClient, env: Env) {
  const signInThrottle = createSignInThrottle(prisma, env.signInDelay);
  const attempts = createRateLimitStorage(prisma);
  const count = async (key: string, path: string, rule: RateLimitRule) => {
    const { allowed, retryAfter } = await attempts.consume(rateLimitKey(key, path), rule);
    if (!allowed) {
      const { body, headers } = tooManyAttempts(retryAfter ?? rule.window);
      throw new APIError("TOO_MANY_REQUESTS", body, headers);
    }
  };
  const mailHooks = createMailHooks(prisma, env, count);
  const twoFactorHooks = createTwoFactorHooks(prisma, count);
  const passkeyHooks = createPasskeyHooks(prisma, env.appUrl);
  return {
    before: createAuthMiddleware(async (ctx) => {
      if (PROFILE_PATHS.has(ctx.path)) {
        const problem = profileProblem(ctx.body);
        if (problem) throw new APIError("BAD_REQUEST", { code: "INVALID_PROFILE", message: problem });
      }
      const passkeyProblem = passkeyInputProblem(ctx.path, ctx.body);
      if (passkeyProblem) throw new APIError("BAD_REQUEST", { code: "INVALID_PASSKEY_INPUT", message: passkeyProblem });
      await passkeyHooks.before(ctx);
      await mailHooks.before(ctx);
      const twoFactorChange = await twoFactorHooks.before(ctx);
      if (twoFactorChange) return twoFactorChange;
      const { email, password, newPassword, name } = ctx.body ?? {};
      if (ctx.path === "/sign-in/email" && typeof email === "string") await signInThrottle.claimAttempt(email);
      if (ctx.path === "/sign-up/email" && typeof email === "string" && typeof password === "string") {
        // A password Better Auth refuses for its length is refused alike for every email.
        const { minPasswordLength, maxPasswordLength } = ctx.context.password.config;
        if (password.length < minPasswordLength || password.length > maxPasswordLength) return;
        refuseWeakPassword(password, { email, name });
        await refuseExistingAccount(prisma, email, password, ctx.context.password.hash);
      }
      if (ctx.path === "/change-password") {
        const session = await getSessionFromCtx(ctx);
        // Per account, whatever the address and whether through the JSON endpoint or the settings
        // page: guessing the current password from a session left open is what this limit is for.
        if (session) await count(`user:${session.user.id}`, "/change-password", PASSWORD_CHANGE_LIMIT);
        if (typeof newPassword === "string") refuseWeakPassword(newPassword, session ? { email: session.user.email, name: session.user.name } : undefined);
      }
      // A changed password ends every session, and so every token already issued from them
      // (verifyRequest() checks the token's session); the changing device gets a new one.
      if (ctx.path === "/change-password") return { context: { body: { ...ctx.body, revokeOtherSessions: true } } };
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (ctx.path === "/sign-in/email" && typeof ctx.body?.email === "string") await signInThrottle.forgetAfterSuccess(ctx.body.email, ctx.context.returned);
      await mailHooks.after(ctx);
      await twoFactorHooks.after(ctx);
      await passkeyHooks.after(ctx);
    }),
  };
}
