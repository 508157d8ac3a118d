import crypto from "node:crypto";
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import type { PrismaClient } from "@/generated/prisma/client";
import { noticePasskeyAdded } from "./account-mail";
import { PASSKEY_ADD_WINDOW_SECONDS } from "./limits";

// Adding a passkey asks for the password first, as two-step sign-in's settings do: a session
// alone (a device left open, a stolen cookie) must not be able to plant a way in that outlives a
// password reset. The settings page checks the password (passkey-add.ts) and allows this session
// to add one within 5 minutes; the plugin's two registration endpoints refuse a session without
// that allowance, and a passkey added is announced by mail to the account's address.

type Context = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

const REGISTRATION_PATHS = new Set(["/passkey/generate-register-options", "/passkey/verify-registration"]);
const allowanceOf = (sessionId: string) => `passkey-add:${sessionId}`;

export const PASSWORD_NEEDED = { code: "PASSWORD_NEEDED", message: "Confirm your password to add a passkey." } as const;

/** Lets the session add a passkey for the next few minutes (its password has just been checked). */
export async function allowPasskeyAdd(prisma: PrismaClient, session: { id: string; userId: string }): Promise<void> {
  const identifier = allowanceOf(session.id);
  await prisma.$transaction([
    prisma.verification.deleteMany({ where: { identifier } }),
    prisma.verification.create({ data: { id: crypto.randomUUID(), identifier, value: session.userId, expiresAt: new Date(Date.now() + PASSKEY_ADD_WINDOW_SECONDS * 1000) } }),
  ]);
}

export function createPasskeyHooks(prisma: PrismaClient, appUrl: string) {
  return {
    async before(ctx: Context): Promise<void> {
      if (!REGISTRATION_PATHS.has(ctx.path)) return;
      const session = await getSessionFromCtx(ctx);
      if (!session) return; // the plugin answers 401
      const allowed = await prisma.verification.count({ where: { identifier: allowanceOf(session.session.id), value: session.user.id, expiresAt: { gt: new Date() } } });
      if (allowed === 0) throw new APIError("FORBIDDEN", PASSWORD_NEEDED);
    },
    async after(ctx: Context): Promise<void> {
      if (ctx.path !== "/passkey/verify-registration" || isAPIError(ctx.context.returned)) return;
      const session = await getSessionFromCtx(ctx);
      if (!session) return;
      await prisma.verification.deleteMany({ where: { identifier: allowanceOf(session.session.id) } }); // one passkey per password
      const name = typeof ctx.body?.name === "string" && ctx.body.name.trim() ? ctx.body.name.trim() : "without a name";
      noticePasskeyAdded(session.user, name, appUrl);
    },
  };
}
