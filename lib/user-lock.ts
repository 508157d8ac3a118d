import type { Prisma } from "@/generated/prisma/client";

const USER_WRITE_LOCKS = 727_002; // advisory lock space, unique among this app's locks

/**
 * Serializes one user's writes that check before they write (limits, ownership of the rows a
 * change points at, the neighbours a new order key goes between) until the transaction ends.
 * Other users never wait on it.
 */
export async function lockUserWrites(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${USER_WRITE_LOCKS}::int, hashtext(${userId}))`;
}
