import { APIError, createAuthMiddleware, getIP, getSessionFromCtx, isAPIError } from "better-auth/api";
import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { verifyEmailLinkToken } from "../auth";
import type { Env } from "../env";
import { MAIL_NOT_CONFIGURED, mailConfigured } from "../mail/send";
import { EMAIL_CONFIRMED_PATH, noticeEmailChangeRequested } from "./account-mail";
import { WRONG_PASSWORD_MESSAGE } from "./auth-errors";
import { EMAIL_CHANGE_LIMIT, EMAIL_MAX, MAIL_PER_ADDRESS_LIMIT, MAIL_PER_ADDRESS_TOTAL_LIMIT } from "./limits";
import { isPasswordOf } from "./password-check";
import { refuseWeakPassword } from "./password-policy";
import { profileProblem } from "./profile";
import { mailLimitKey, UNKNOWN_ADDRESS, type RateLimitRule } from "./rate-limit-storage";

// What the app adds to Better Auth's mail flows (hooks.ts runs these before and after them):
// - no mail can go out (production without SMTP_URL): 503 before anything is done;
// - a mail to an address is limited per asking client and in all, account or not;
// - an email change needs the password, and the old address is told;
// - a link to a new address stops working once the password changes (a reset by the owner of
//   the address in use must win over a change asked before), or once another account has taken
//   the address meanwhile;
// - a reset's new password is checked against the account's own name and address.

type Context = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];
type Count = (key: string, path: string, rule: RateLimitRule) => Promise<void>;

const MAIL_PATHS = new Set(["/request-password-reset", "/send-verification-email", "/change-email"]);
const isAddress = (value: unknown): value is string => typeof value === "string" && value.length <= EMAIL_MAX && z.email().safeParse(value.trim()).success;

export const WRONG_PASSWORD = { code: "INVALID_PASSWORD", message: WRONG_PASSWORD_MESSAGE } as const;

export function createMailHooks(prisma: PrismaClient, env: Env, count: Count) {
  /** Counts a mail to `email` against the per-client and the overall limit. */
  const countMailTo = async (ctx: Context, email: string) => {
    const client = getIP(ctx.request ?? ctx.headers ?? new Headers(), ctx.context.options) ?? UNKNOWN_ADDRESS;
    await count(mailLimitKey(email, client), ctx.path, MAIL_PER_ADDRESS_LIMIT);
    await count(mailLimitKey(email), ctx.path, MAIL_PER_ADDRESS_TOTAL_LIMIT);
  };

  /** The link of a change of address no longer holds: to the page that says so. */
  const refuseLink = (ctx: Context, error: string) => {
    throw ctx.redirect(`${EMAIL_CONFIRMED_PATH}?error=${error}`);
  };

  return {
    async before(ctx: Context): Promise<void> {
      if (MAIL_PATHS.has(ctx.path) && !mailConfigured()) throw new APIError("SERVICE_UNAVAILABLE", MAIL_NOT_CONFIGURED);
      const body = ctx.body ?? {};
      // Only well-formed addresses are counted: Better Auth refuses the rest anyway.
      if ((ctx.path === "/request-password-reset" || ctx.path === "/send-verification-email") && isAddress(body.email)) await countMailTo(ctx, body.email);

      if (ctx.path === "/change-email") {
        const problem = profileProblem({ email: body.newEmail });
        if (problem) throw new APIError("BAD_REQUEST", { code: "INVALID_PROFILE", message: problem });
        // Refused before it counts as an attempt.
        if (!isAddress(body.newEmail)) throw new APIError("BAD_REQUEST", { code: "INVALID_EMAIL", message: "newEmail must be an email address like name@example.com." });
        const session = await getSessionFromCtx(ctx);
        if (!session) return; // Better Auth answers 401
        await count(`user:${session.user.id}`, ctx.path, EMAIL_CHANGE_LIMIT);
        // A session alone (a device left open, a stolen cookie) cannot move the account away.
        const password = body.password;
        if (typeof password !== "string" || password.length > 1024 || !(await isPasswordOf(prisma, session.user.id, password))) {
          throw new APIError("BAD_REQUEST", WRONG_PASSWORD);
        }
        await countMailTo(ctx, body.newEmail);
      }

      if (ctx.path === "/verify-email" && typeof ctx.query?.token === "string") {
        const claims = await verifyEmailLinkToken(ctx.query.token);
        if (!claims?.updateTo || !claims.userId) return; // not a change of address, or Better Auth refuses it
        const { updateTo, userId, issuedAt } = claims;
        const account = await prisma.account.findFirst({ where: { userId, providerId: "credential" }, select: { updatedAt: true } });
        // The token's time is in whole seconds: a password changed in the second after it was
        // made is not told apart from one changed just before (the account's creation, say).
        if (account && account.updatedAt.getTime() > (issuedAt + 1) * 1000) refuseLink(ctx, "PASSWORD_CHANGED");
        const holder = await prisma.user.findUnique({ where: { email: updateTo.toLowerCase() }, select: { id: true } });
        if (holder && holder.id !== userId) refuseLink(ctx, "EMAIL_TAKEN");
      }

      if (ctx.path === "/reset-password" && typeof body.newPassword === "string") {
        const token = body.token ?? ctx.query?.token;
        const reset = typeof token === "string" && token.length <= 100 ? await prisma.verification.findFirst({ where: { identifier: `reset-password:${token}` }, select: { value: true } }) : null;
        const user = reset ? await prisma.user.findUnique({ where: { id: reset.value }, select: { email: true, name: true } }) : null;
        refuseWeakPassword(body.newPassword, user ?? undefined);
      }
    },

    async after(ctx: Context): Promise<void> {
      // Told even when the new address has an account already (Better Auth then sends it
      // nothing): the answer is the same either way, and the owner should know someone tried.
      if (ctx.path === "/change-email" && !isAPIError(ctx.context.returned) && typeof ctx.body?.newEmail === "string") {
        const session = await getSessionFromCtx(ctx);
        if (session) noticeEmailChangeRequested(session.user, ctx.body.newEmail.toLowerCase(), env.appUrl);
      }
    },
  };
}
