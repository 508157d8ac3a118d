import { Prisma } from "@/generated/prisma/client";
import { RuleError } from "../domain-errors";
import { keyBetween } from "../order";
import { ownedList, ownedTask } from "../ownership";
import { SUBTASK_DEPTH_MAX } from "./constants";

// Where a task sits: its list, its parent (a subtask is in its parent's list, at most
// SUBTASK_DEPTH_MAX levels down, never under itself) and its place among its siblings (the
// tasks of the same list and parent) in the manual order. Runs inside the transaction that
// writes the task, after startUserWrite(): the neighbours a key goes between cannot move.

type Db = Prisma.TransactionClient;

export interface Placement {
  listId: string;
  parentId: string | null;
  position: string;
}

/** What a create or a change asks for; each field left out keeps the task where it is. */
export interface PlacementRequest {
  listId?: string;
  parentId?: string | null;
  /** The sibling to go right after; null: first. Without it, a new place puts top-level tasks first and subtasks last. */
  after?: string | null;
}

/**
 * Where the task goes, with every id the request names checked; null when it stays put. `inboxId`:
 * the user's Inbox when the caller has read it already (startUserWriteWithInbox).
 */
export async function placeTask(db: Db, userId: string, request: PlacementRequest, current: (Placement & { id: string }) | null, inboxId?: string): Promise<Placement | null> {
  if (current && request.listId === undefined && request.parentId === undefined && request.after === undefined) return null;
  let parent = null;
  const parentId = request.parentId !== undefined ? request.parentId : (current?.parentId ?? null);
  if (parentId) {
    parent = await ownedTask(db, userId, parentId, "parentId");
    // Sent to another list without a word about its parent: it leaves the parent.
    if (request.parentId === undefined && request.listId !== undefined && request.listId !== parent.listId) parent = null;
  }
  if (parent && request.listId !== undefined && request.listId !== parent.listId) {
    throw new RuleError("subtask_list", "A subtask is in its parent's list: leave listId out, or send the parent's list.", "listId");
  }
  if (parent && request.parentId !== undefined) await checkNesting(db, userId, parent.id, current?.id ?? null);
  const inbox = parent || request.listId !== undefined || current ? null : (inboxId ?? (await inboxOf(db, userId)));
  const listId = parent?.listId ?? request.listId ?? current?.listId ?? inbox!;
  // The Inbox was just found by its owner, and cannot be archived: no second read.
  if (listId !== current?.listId && listId !== inbox) {
    const list = await ownedList(db, userId, listId, "listId");
    if (list.archived) throw new RuleError("list_archived", "This list is archived: restore it before adding tasks to it.", "listId");
  }
  const place = { listId, parentId: parent?.id ?? null };
  if (current && current.listId === place.listId && current.parentId === place.parentId && request.after === undefined) {
    return { ...place, position: current.position };
  }
  return { ...place, position: await positionAmong(db, userId, place, request.after, current?.id ?? null) };
}

async function inboxOf(db: Db, userId: string): Promise<string> {
  // Every user has one (the "user" table's trigger makes it with the account).
  const inbox = await db.list.findFirstOrThrow({ where: { userId, inbox: true }, select: { id: true } });
  return inbox.id;
}

/** Refuses a parent that would make a cycle or nest the task's subtree too deep. */
async function checkNesting(db: Db, userId: string, parentId: string, taskId: string | null): Promise<void> {
  // The parent and its ancestors, up to one more than can exist.
  const chain = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE up AS (
      SELECT "id", "parentId", 1 AS n FROM "task" WHERE "id" = ${parentId}::uuid AND "userId" = ${userId}
      UNION ALL
      SELECT t."id", t."parentId", up.n + 1 FROM "task" t JOIN up ON t."id" = up."parentId" WHERE up.n <= ${SUBTASK_DEPTH_MAX}
    ) SELECT "id" FROM up`;
  if (taskId && chain.some((row) => row.id === taskId)) {
    throw new RuleError("subtask_cycle", "A task cannot go under itself or one of its own subtasks.", "parentId");
  }
  const height = taskId ? await subtreeHeight(db, userId, taskId) : 0;
  if (chain.length + height > SUBTASK_DEPTH_MAX) {
    throw new RuleError("subtask_too_deep", `Subtasks nest at most ${SUBTASK_DEPTH_MAX} levels deep.`, "parentId");
  }
}

/** How many levels of subtasks the task has under it. */
async function subtreeHeight(db: Db, userId: string, taskId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ height: number }[]>`
    WITH RECURSIVE down AS (
      SELECT "id", 0 AS n FROM "task" WHERE "id" = ${taskId}::uuid AND "userId" = ${userId}
      UNION ALL
      SELECT t."id", down.n + 1 FROM "task" t JOIN down ON t."parentId" = down."id" WHERE down.n < ${SUBTASK_DEPTH_MAX}
    ) SELECT max(n)::int AS height FROM down`;
  return row?.height ?? 0;
}

/** A key for the task among its siblings: after `after`, first (null), or the default for its level. */
async function positionAmong(db: Db, userId: string, place: { listId: string; parentId: string | null }, after: string | null | undefined, self: string | null): Promise<string> {
  const siblings = { userId, ...place, deletedAt: null, ...(self ? { id: { not: self } } : {}) };
  const edge = (order: "asc" | "desc") => db.task.findFirst({ where: siblings, orderBy: [{ position: order }, { id: order }], select: { position: true } });
  if (after === null || (after === undefined && place.parentId === null)) return keyBetween(null, (await edge("asc"))?.position ?? null);
  if (after === undefined) return keyBetween((await edge("desc"))?.position ?? null, null);
  const anchor = await ownedTask(db, userId, after, "after");
  if (anchor.id === self || anchor.listId !== place.listId || anchor.parentId !== place.parentId) {
    throw new RuleError("not_a_sibling", "after must be another task in the same list and under the same parent.", "after");
  }
  const next = await db.task.findFirst({ where: { ...siblings, position: { gt: anchor.position } }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { position: true } });
  return keyBetween(anchor.position, next?.position ?? null);
}

/** The ids of the task's subtasks at every level, as a WITH clause naming them `down`. */
const subtasksOf = (userId: string, taskId: string) => Prisma.sql`
  WITH RECURSIVE down AS (
    SELECT "id" FROM "task" WHERE "parentId" = ${taskId}::uuid AND "userId" = ${userId}
    UNION ALL
    SELECT t."id" FROM "task" t JOIN down ON t."parentId" = down."id"
  )`;

/** Moves the task's subtasks, at every level, into the list it moved to. */
export async function moveSubtasks(db: Db, userId: string, taskId: string, listId: string, now: Date): Promise<void> {
  await db.$executeRaw`${subtasksOf(userId, taskId)}
    UPDATE "task" SET "listId" = ${listId}::uuid, "updatedAt" = ${now} WHERE "id" IN (SELECT "id" FROM down)`;
}

/** Completes the task's open subtasks, at every level. */
export async function completeSubtasks(db: Db, userId: string, taskId: string, now: Date): Promise<void> {
  await db.$executeRaw`${subtasksOf(userId, taskId)}
    UPDATE "task" SET "completed" = true, "updatedAt" = ${now} WHERE "id" IN (SELECT "id" FROM down) AND NOT "completed" AND "deletedAt" IS NULL`;
}
