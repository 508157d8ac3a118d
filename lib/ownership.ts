import type { Prisma } from "@/generated/prisma/client";
import { NotFoundError, OfAnotherUserError, type Resource } from "./domain-errors";

// Every id a request names, in its path or in a field (listId, parentId, labelIds, after), is
// the user's or refused: 404 when no such row exists, 403 when it is another user's, before
// anything is written. A write scoped to (user, id) that touched nothing asks missingRowError()
// which of the two it was; a write that points at other rows reads them through owned*() first.

type Db = Prisma.TransactionClient;

async function ownerOf(db: Db, resource: Resource, id: string): Promise<{ userId: string; deletedAt?: Date | null } | null> {
  if (resource === "task") return db.task.findUnique({ where: { id }, select: { userId: true, deletedAt: true } });
  const where = { where: { id }, select: { userId: true } } as const;
  if (resource === "access token") return db.apiToken.findUnique(where);
  if (resource === "reminder") return db.reminder.findUnique(where);
  if (resource === "notification") return db.notification.findUnique(where);
  if (resource === "calendar feed") return db.calendarFeed.findUnique(where);
  return resource === "list" ? db.list.findUnique(where) : db.label.findUnique(where);
}

/**
 * Why a statement scoped to (user, id), and to live tasks, found nothing: no such row, another
 * user's, or a task of the user's in the trash.
 */
export async function missingRowError(db: Db, userId: string, resource: Resource, id: string, field?: string): Promise<Error> {
  const row = await ownerOf(db, resource, id);
  if (!row) return new NotFoundError(resource, field);
  return row.userId === userId ? new NotFoundError(resource, field, Boolean(row.deletedAt)) : new OfAnotherUserError(resource, field);
}

/** The row, when it is the user's (and, for a task, not in the trash); otherwise the 403 or 404 for `field`. */
function owned<Row extends { userId: string; deletedAt?: Date | null }>(row: Row | null, userId: string, resource: Resource, field: string): Row {
  if (!row) throw new NotFoundError(resource, field);
  if (row.userId !== userId) throw new OfAnotherUserError(resource, field);
  if (row.deletedAt) throw new NotFoundError(resource, field, true);
  return row;
}

const PLACE = { id: true, userId: true, listId: true, parentId: true, position: true, deletedAt: true } as const;

/** A task another field points at (parentId, after). */
export async function ownedTask(db: Db, userId: string, id: string, field: string) {
  return owned(await db.task.findUnique({ where: { id }, select: PLACE }), userId, "task", field);
}

export async function ownedList(db: Db, userId: string, id: string, field: string) {
  const select = { id: true, userId: true, inbox: true, archived: true, position: true } as const;
  return owned(await db.list.findUnique({ where: { id }, select }), userId, "list", field);
}

/** Checks that every label id is the user's. */
export async function assertOwnLabels(db: Db, userId: string, ids: string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db.label.findMany({ where: { id: { in: ids } }, select: { userId: true } });
  if (rows.some((row) => row.userId !== userId)) throw new OfAnotherUserError("label", field);
  if (rows.length < ids.length) throw new NotFoundError("label", field);
}
