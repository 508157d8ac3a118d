import type { Prisma } from "@/generated/prisma/client";
import { DAY_MS, TRASH_DAYS } from "./constants";

/**
 * Deletes for good the user's tasks that have been in the trash longer than TRASH_DAYS. Run
 * before the user's trash is read and when a task goes to the trash, before the actor is named:
 * the log records it as the system's doing.
 */
export async function purgeExpiredTrash(db: Prisma.TransactionClient, userId: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "task" WHERE "userId" = ${userId} AND "deletedAt" < ${new Date(Date.now() - TRASH_DAYS * DAY_MS)}`;
}
