import { Prisma } from "@/generated/prisma/client";
import type { z } from "zod";
import type { Actor } from "../actor";
import { getPrisma } from "../db";
import { ConflictError, NotFoundError, OfAnotherUserError, limitReached } from "../domain-errors";
import { startUserWrite } from "../user-lock";
import { TASKS_PER_USER_MAX } from "../tasks/constants";
import { getTaskForUser, type Task } from "../tasks/service";
import { DAY_MS, TRASH_DAYS } from "./constants";
import { purgeExpiredTrash } from "./purge";
import { encodeTrashCursor, type TrashQuery, type trashedTaskSchema, type trashPageSchema } from "./schemas";

// The trash: tasks deleted in the last TRASH_DAYS days (lib/tasks/service.ts deleteTaskForUser
// sets deletedAt on a task and its live subtasks). A task deleted together with its parent is
// listed and restored with it; one deleted on its own, alone. Scoped like tasks: every
// statement names the user.

/** A task in the trash, and a page of them, as the API answers them: lib/trash/schemas.ts. */
export type TrashedTask = z.output<typeof trashedTaskSchema>;
export type TrashPage = z.output<typeof trashPageSchema>;

/** The user's trash, newest first: tasks deleted on their own or with their list, with their subtasks counted. */
export async function listTrashForUser(userId: string, query: TrashQuery): Promise<TrashPage> {
  const prisma = getPrisma();
  await purgeExpiredTrash(prisma, userId);
  const { after } = query;
  const rows = await prisma.$queryRaw<(Omit<TrashedTask, "dueAt" | "deletedAt" | "purgeAt"> & { dueAt: Date | null; deletedAt: Date })[]>`
    SELECT t."id", t."title", t."description", t."completed", t."priority"::text AS "priority", t."dueDate"::text AS "dueDate", t."dueAt", t."dueTimeZone", t."listId", t."parentId", t."deletedAt",
      (WITH RECURSIVE down AS (
         SELECT s."id" FROM "task" s WHERE s."parentId" = t."id" AND s."deletedAt" = t."deletedAt"
         UNION ALL
         SELECT s."id" FROM "task" s JOIN down ON s."parentId" = down."id" WHERE s."deletedAt" = t."deletedAt"
       ) SELECT count(*)::int FROM down) AS "subtaskCount"
    FROM "task" t
    LEFT JOIN "task" p ON p."id" = t."parentId"
    WHERE t."userId" = ${userId} AND t."deletedAt" IS NOT NULL
      AND (p."deletedAt" IS NULL OR p."deletedAt" <> t."deletedAt")
      ${after ? Prisma.sql`AND (t."deletedAt", t."id") < (${after.deletedAt}, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY t."deletedAt" DESC, t."id" DESC
    LIMIT ${query.limit + 1}`;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    tasks: page.map((row) => ({
      ...row,
      dueAt: row.dueAt?.toISOString() ?? null,
      deletedAt: row.deletedAt.toISOString(),
      purgeAt: new Date(row.deletedAt.getTime() + TRASH_DAYS * DAY_MS).toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeTrashCursor({ deletedAt: last.deletedAt, id: last.id }) : null,
  };
}

/**
 * Brings the task back where it was (list, parent, position, labels), with the subtasks that
 * went to the trash with it. A task that is not in the trash is answered as it is.
 */
export async function restoreTaskForUser(actor: Actor, taskId: string): Promise<Task> {
  const { userId } = actor;
  await getPrisma().$transaction(async (tx) => {
    await startUserWrite(tx, actor);
    const task = await tx.task.findUnique({ where: { id: taskId }, select: { userId: true, deletedAt: true, parentId: true } });
    if (!task) throw new NotFoundError("task");
    if (task.userId !== userId) throw new OfAnotherUserError("task");
    if (!task.deletedAt) return;
    if (task.parentId) {
      const parent = await tx.task.findUnique({ where: { id: task.parentId }, select: { deletedAt: true } });
      if (parent?.deletedAt) throw new ConflictError("parent_in_trash", "Its parent task is in the trash: restore the parent first.");
    }
    const tree = Prisma.sql`
      WITH RECURSIVE tree AS (
        SELECT "id" FROM "task" WHERE "id" = ${taskId}::uuid AND "userId" = ${userId}
        UNION ALL
        SELECT t."id" FROM "task" t JOIN tree ON t."parentId" = tree."id" WHERE t."deletedAt" = ${task.deletedAt}
      )`;
    const [{ coming }] = await tx.$queryRaw<{ coming: number }[]>`${tree} SELECT count(*)::int AS coming FROM tree`;
    const live = await tx.task.count({ where: { userId, deletedAt: null } });
    if (live + coming > TASKS_PER_USER_MAX) throw limitReached("task_limit_reached", TASKS_PER_USER_MAX, "tasks");
    await tx.$executeRaw`${tree} UPDATE "task" SET "deletedAt" = NULL, "updatedAt" = ${new Date()} WHERE "id" IN (SELECT "id" FROM tree)`;
  });
  return getTaskForUser(userId, taskId);
}

/** Deletes every task in the user's trash for good; answers how many (subtasks included). */
export async function emptyTrashForUser(actor: Actor): Promise<number> {
  return getPrisma().$transaction(async (tx) => {
    await startUserWrite(tx, actor);
    return tx.$executeRaw`DELETE FROM "task" WHERE "userId" = ${actor.userId} AND "deletedAt" IS NOT NULL`;
  });
}
