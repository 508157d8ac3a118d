import { getPrisma } from "../db";
import { describeDevice } from "./devices";

// A user's signed-in sessions, for the settings page: listed and ended, every statement scoped to
// the user the page's own session belongs to, so a session id from another account ends nothing.
// Ending a session deletes its row; the tokens issued from it stop working within
// SESSION_CHECK_INTERVAL_MS (lib/session-liveness.ts).

export interface SessionSummary {
  id: string;
  device: string;
  signedInAt: Date;
  lastActiveAt: Date;
  current: boolean;
}

/** The most sessions listed: more exist only when someone signs in over and over ("every other" ends them all). */
export const SESSIONS_LISTED_MAX = 100;

const COLUMNS = { id: true, userAgent: true, createdAt: true, updatedAt: true } as const;

/** The user's unexpired sessions: the current one first, then the most recently active. */
export async function listSessionsForUser(userId: string, currentSessionId: string): Promise<SessionSummary[]> {
  const prisma = getPrisma();
  const alive = { userId, expiresAt: { gt: new Date() } };
  const [current, others] = await Promise.all([
    prisma.session.findFirst({ where: { ...alive, id: currentSessionId }, select: COLUMNS }),
    prisma.session.findMany({
      where: { ...alive, id: { not: currentSessionId } },
      select: COLUMNS,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: SESSIONS_LISTED_MAX - 1,
    }),
  ]);
  return [...(current ? [current] : []), ...others].map((row) => ({
    id: row.id,
    device: describeDevice(row.userAgent),
    signedInAt: row.createdAt,
    lastActiveAt: row.updatedAt,
    current: row.id === currentSessionId,
  }));
}

/** Ends one of the user's other sessions; false when the user has no such session. */
export async function endSessionForUser(userId: string, sessionId: string, currentSessionId: string): Promise<boolean> {
  if (sessionId === currentSessionId) return false; // this device signs out with the header's button
  const { count } = await getPrisma().session.deleteMany({ where: { id: sessionId, userId } });
  return count > 0;
}

/** Ends every session of the user but this one; how many unexpired ones were ended (those the list showed). */
export async function endOtherSessionsForUser(userId: string, currentSessionId: string): Promise<number> {
  const others = { userId, id: { not: currentSessionId } };
  const [{ count }] = await getPrisma().$transaction([
    getPrisma().session.deleteMany({ where: { ...others, expiresAt: { gt: new Date() } } }),
    getPrisma().session.deleteMany({ where: others }), // and the expired ones, which sign no one in
  ]);
  return count;
}
