import { Prisma } from "@/generated/prisma/client";
import { InsufficientScopeError } from "./auth";
import type { Credential } from "./session-liveness";

/**
 * Who makes a change: the user, and what acts for them, `session:<id>` (a signed-in device) or,
 * later, `token:<id>` (a personal access token). Every write service takes one; the change log's trigger
 * records `via` with each change, read from the transaction's `tasks.actor` setting.
 */
export interface Actor {
  userId: string;
  via: string;
}

export const sessionActor = (userId: string, sessionId: string): Actor => credentialActor(userId, { kind: "session", id: sessionId });

/** The actor for a verified request: the session or access token its JWT was issued from. */
export const credentialActor = (userId: string, credential: Credential): Actor => ({ userId, via: `${credential.kind}:${credential.id}` });

/**
 * Sets the actor for the rest of the transaction (a single statement is one). As an expression
 * it costs no round trip of its own: it goes in the first statement of a write.
 */
export const setActor = (actor: Actor) => Prisma.sql`set_config('tasks.actor', ${actor.via}, true)`;

/**
 * A personal access token may undo only what it did itself: undoing another's change can write or
 * delete anything, which its scopes may not allow. A browser session may undo any change.
 */
export function refuseUndoOfOthers(actor: Actor, changedBy: string | null): void {
  if (actor.via.startsWith("token:") && changedBy !== actor.via) {
    throw new InsufficientScopeError(null, "An access token may undo only its own changes: undo others' in Tasks, signed in.");
  }
}
