import type { Prisma } from "@/generated/prisma/client";
import { setActor, type Actor } from "./actor";

const USER_WRITE_LOCKS = 727_002; // advisory lock space, unique among this app's locks

/**
 * Starts a write transaction for the actor, in one statement: names the actor for the change
 * log, and serializes the user's writes that check before they write (limits, ownership of the
 * rows a change points at, the neighbours a new order key goes between) until the transaction
 * ends. Other users never wait on it.
 */
export async function startUserWrite(tx: Prisma.TransactionClient, actor: Actor): Promise<void> {
  await tx.$queryRaw`SELECT ${setActor(actor)} AS actor FROM pg_advisory_xact_lock(${USER_WRITE_LOCKS}::int, hashtext(${actor.userId}))`;
}

/**
 * startUserWrite() for a new task: the same one statement also reads the user's Inbox, which never
 * changes, so reading it under the snapshot taken before the lock is safe (unlike anything the
 * lock serializes). Where a new task goes by default, for one round trip less.
 */
export async function startUserWriteWithInbox(tx: Prisma.TransactionClient, actor: Actor): Promise<string> {
  // The lock is the outer side of the join: it is taken whatever the join finds.
  const [row] = await tx.$queryRaw<{ inbox: string | null }[]>`
    SELECT ${setActor(actor)} AS actor, l."id"::text AS inbox FROM pg_advisory_xact_lock(${USER_WRITE_LOCKS}::int, hashtext(${actor.userId}))
    LEFT JOIN "list" l ON l."userId" = ${actor.userId} AND l."inbox"`;
  // Every user has one (the "user" table's trigger makes it with the account).
  if (!row?.inbox) throw new Error("the user has no Inbox");
  return row.inbox;
}
