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
