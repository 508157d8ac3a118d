import type { Prisma } from "@/generated/prisma/client";
import { getPrisma } from "../db";
import { limitReached, RuleError } from "../domain-errors";
import { keyBetween, keysAfter } from "../order";
import { missingRowError, ownedList } from "../ownership";
import type { Actor } from "../actor";
import { startUserWrite } from "../user-lock";
import { LISTS_PER_USER_MAX } from "./constants";
import type { z } from "zod";
import type { ListInput, ListUpdate, listSchema } from "./schemas";

// A user's lists, scoped like tasks (lib/tasks/service.ts). The Inbox comes first and stays: it
// cannot be renamed, archived, moved or deleted; the other lists follow in their manual order.

/** A list as the API answers it: lib/lists/schemas.ts listSchema. */
export type List = z.output<typeof listSchema>;

const LIST_SELECT = {
  id: true,
  name: true,
  color: true,
  inbox: true,
  archived: true,
  position: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { tasks: { where: { completed: false, deletedAt: null } } } },
} as const satisfies Prisma.ListSelect;

function toList(row: Prisma.ListGetPayload<{ select: typeof LIST_SELECT }>): List {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    inbox: row.inbox === true,
    archived: row.archived,
    position: row.position,
    openTasks: row._count.tasks,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type Db = Prisma.TransactionClient;

async function readList(db: Db, userId: string, listId: string): Promise<List> {
  const row = await db.list.findFirst({ where: { id: listId, userId }, select: LIST_SELECT });
  if (!row) throw await missingRowError(db, userId, "list", listId);
  return toList(row);
}

/** The user's lists, archived ones included: the Inbox, then the manual order. */
export async function listListsForUser(userId: string): Promise<List[]> {
  const rows = await getPrisma().list.findMany({
    where: { userId },
    orderBy: [{ inbox: { sort: "asc", nulls: "last" } }, { position: "asc" }, { id: "asc" }],
    select: LIST_SELECT,
  });
  return rows.map(toList);
}

export async function getListForUser(userId: string, listId: string): Promise<List> {
  return readList(getPrisma(), userId, listId);
}

/** The key of the list that comes last, or of the one right after `after` (null: before all). */
async function listNeighbour(db: Db, userId: string, after: string | null, self: string | null, direction: "last" | "next") {
  const others = { userId, inbox: null, ...(self ? { id: { not: self } } : {}) };
  const order = direction === "last" ? "desc" : "asc";
  const row = await db.list.findFirst({
    where: after === null ? others : { ...others, position: { gt: after } },
    orderBy: [{ position: order }, { id: order }],
    select: { position: true },
  });
  return row?.position ?? null;
}

export async function createListForUser(actor: Actor, input: ListInput): Promise<List> {
  const { userId } = actor;
  return getPrisma().$transaction(async (tx) => {
    await startUserWrite(tx, actor);
    if ((await tx.list.count({ where: { userId } })) >= LISTS_PER_USER_MAX) throw limitReached("list_limit_reached", LISTS_PER_USER_MAX, "lists");
    const position = keyBetween(await listNeighbour(tx, userId, null, null, "last"), null);
    const { id } = await tx.list.create({ data: { ...input, userId, position }, select: { id: true } });
    return readList(tx, userId, id);
  });
}

/** Renames, recolours, archives or restores, and moves (`after`) one of the user's lists. */
export async function updateListForUser(actor: Actor, listId: string, changes: ListUpdate): Promise<List> {
  const { userId } = actor;
  const { after, ...fields } = changes;
  return getPrisma().$transaction(async (tx) => {
    await startUserWrite(tx, actor);
    const list = await ownedListOrMissing(tx, userId, listId);
    if (list.inbox && (fields.name !== undefined || fields.archived !== undefined || after !== undefined)) {
      throw new RuleError("inbox_fixed", "Your Inbox cannot be renamed, archived or moved; only its colour can change.");
    }
    let position: string | undefined;
    if (after !== undefined) {
      const anchor = after === null ? null : await ownedList(tx, userId, after, "after");
      if (anchor?.id === listId) throw new RuleError("not_a_sibling", "after must be another list.", "after");
      // After the Inbox is first among the others: the Inbox itself always leads.
      const from = anchor && !anchor.inbox ? anchor.position : null;
      position = keyBetween(from, await listNeighbour(tx, userId, from, listId, "next"));
    }
    await tx.list.update({ where: { id: listId }, data: { ...fields, ...(position ? { position } : {}) } });
    return readList(tx, userId, listId);
  });
}

async function ownedListOrMissing(db: Db, userId: string, listId: string) {
  const list = await db.list.findFirst({ where: { id: listId, userId }, select: { id: true, inbox: true } });
  if (!list) throw await missingRowError(db, userId, "list", listId);
  return list;
}

/**
 * Deletes one of the user's lists. Its tasks move to the end of the Inbox in their order,
 * subtasks under their parents, and with `delete` they go to the trash (from where they are
 * restored into the Inbox, the list being gone). All or nothing.
 */
export async function deleteListForUser(actor: Actor, listId: string, tasks: "inbox" | "delete"): Promise<void> {
  const { userId } = actor;
  await getPrisma().$transaction(async (tx) => {
    await startUserWrite(tx, actor);
    const list = await ownedListOrMissing(tx, userId, listId);
    if (list.inbox) throw new RuleError("inbox_fixed", "Your Inbox cannot be deleted.");
    if (tasks === "delete") await tx.task.updateMany({ where: { userId, listId, deletedAt: null }, data: { deletedAt: new Date() } });
    // Every task, those in the trash included: a trashed task outlives its list.
    await moveTasksToInbox(tx, userId, listId);
    await tx.list.delete({ where: { id: listId } });
  });
}

async function moveTasksToInbox(tx: Db, userId: string, listId: string): Promise<void> {
  const inbox = await tx.list.findFirstOrThrow({ where: { userId, inbox: true }, select: { id: true } });
  const now = new Date();
  // Top-level tasks join the Inbox's after its last one, with new keys; subtasks keep theirs,
  // as their siblings all move with them.
  const moving = await tx.task.findMany({ where: { userId, listId, parentId: null }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } });
  if (moving.length > 0) {
    const last = await tx.task.findFirst({ where: { userId, listId: inbox.id, parentId: null }, orderBy: [{ position: "desc" }, { id: "desc" }], select: { position: true } });
    const keys = keysAfter(last?.position ?? null, moving.length);
    await tx.$executeRaw`
      UPDATE "task" SET "listId" = ${inbox.id}::uuid, "position" = moved."position", "updatedAt" = ${now}
      FROM unnest(${moving.map((task) => task.id)}::uuid[], ${keys}::text[]) AS moved("id", "position")
      WHERE "task"."id" = moved."id" AND "task"."userId" = ${userId}`;
  }
  await tx.task.updateMany({ where: { userId, listId }, data: { listId: inbox.id, updatedAt: now } });
}
