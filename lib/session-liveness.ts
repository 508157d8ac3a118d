import type { PrismaClient } from "@/generated/prisma/client";
import { setNewest } from "./bounded-map";
import { getPrisma } from "./db";

// Whether the session a token was issued from still exists: how revocation reaches JWTs that
// are already out (sign-out, "sign out everywhere", a password change that ends other sessions,
// a deleted account: each deletes session rows). Answers are cached per instance for
// SESSION_CHECK_INTERVAL_MS, so a busy API pays no database round trip per request, and a
// revoked session's tokens stop working on every instance within that interval.

export const SESSION_CHECK_INTERVAL_MS = 30_000;
const MAX_CACHED_SESSIONS = 10_000;

interface Checked {
  /** The session's user, or null when the session no longer exists */
  userId: string | null;
  sessionExpiresAt: number;
  checkedAt: number;
}

// Per database client (tests swap databases); on globalThis: Next.js loads route modules as
// separate module graphs.
const holder = globalThis as unknown as { tasksSessionChecks?: WeakMap<PrismaClient, Map<string, Checked>> };
const checksByClient = (holder.tasksSessionChecks ??= new WeakMap());

/** Whether session `sessionId` of user `userId` is alive; throws when the database cannot say. */
export async function isSessionAlive(sessionId: string, userId: string): Promise<boolean> {
  const prisma = getPrisma();
  let checks = checksByClient.get(prisma);
  if (!checks) checksByClient.set(prisma, (checks = new Map()));
  const now = Date.now();
  let checked = checks.get(sessionId);
  if (!checked || now - checked.checkedAt >= SESSION_CHECK_INTERVAL_MS) {
    const session = await prisma.session.findUnique({ where: { id: sessionId }, select: { userId: true, expiresAt: true } });
    checked = { userId: session?.userId ?? null, sessionExpiresAt: session?.expiresAt.getTime() ?? 0, checkedAt: now };
    setNewest(checks, sessionId, checked, MAX_CACHED_SESSIONS);
  }
  return checked.userId === userId && checked.sessionExpiresAt > now;
}
