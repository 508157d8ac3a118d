import { Prisma } from "@/generated/prisma/client";

/**
 * Who makes a change: the user, and what acts for them, `session:<id>` (a signed-in device) or,
 * later, `token:<id>` (an access token). Every write service takes one; the change log's trigger
 * records `via` with each change, read from the transaction's `tasks.actor` setting.
 */
export interface Actor {
  userId: string;
  via: string;
}

export const sessionActor = (userId: string, sessionId: string): Actor => ({ userId, via: `session:${sessionId}` });

/**
 * Sets the actor for the rest of the transaction (a single statement is one). As an expression
 * it costs no round trip of its own: it goes in the first statement of a write.
 */
export const setActor = (actor: Actor) => Prisma.sql`set_config('tasks.actor', ${actor.via}, true)`;
