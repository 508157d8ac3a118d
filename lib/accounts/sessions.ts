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

/** The user's unexpired sessions, the current one first, then the most recently active. */
export async function listSessionsForUser(userId: string, currentSessionId: string): Promise<SessionSummary[]> {
  const rows = await getPrisma().session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    select: { id: true, userAgent: true, createdAt: true, updatedAt: true },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
  const sessions = rows.map((row) => ({
    id: row.id,
    device: describeDevice(row.userAgent),
    signedInAt: row.createdAt,
    lastActiveAt: row.updatedAt,
    current: row.id === currentSessionId,
  }));
  return [...sessions.filter((session) => session.current), ...sessions.filter((session) => !session.current)];
}

/** Ends one of the user's other sessions; false when the user has no such session. */
export async function endSessionForUser(userId: string, sessionId: string, currentSessionId: string): Promise<boolean> {
  if (sessionId === currentSessionId) return false; // this device signs out with the header's button
  const { count } = await getPrisma().session.deleteMany({ where: { id: sessionId, userId } });
  return count > 0;
}

/** Ends every session of the user but this one; how many were ended. */
export async function endOtherSessionsForUser(userId: string, currentSessionId: string): Promise<number> {
  const { count } = await getPrisma().session.deleteMany({ where: { userId, id: { not: currentSessionId } } });
  return count;
}
