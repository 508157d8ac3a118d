import { Prisma, type Change, type Color, type Priority } from "@/generated/prisma/client";
import { refuseUndoOfOthers, type Actor } from "../actor";
import { getPrisma } from "../db";
import { ConflictError, NotFoundError, limitReached } from "../domain-errors";
import { deleteLabelForUser, refuseTakenName } from "../labels/service";
import { LABELS_PER_USER_MAX } from "../labels/constants";
import { deleteListForUser } from "../lists/service";
import { LISTS_PER_USER_MAX } from "../lists/constants";
import { assertOwnLabels, ownedTask } from "../ownership";
import { LABELS_PER_TASK_MAX } from "../tasks/constants";
import { dueColumns } from "../tasks/due";
import { moveSubtasks, placeTask } from "../tasks/placement";
import { deleteTaskForUser } from "../tasks/service";
import { restoreTaskForUser } from "../trash/service";
import { startUserWrite } from "../user-lock";

// Undo of any one change in the user's log, from any device, any time later: the change's
// `before` comes back, as a new change (the log only grows). A field is restored only if it
// still holds what the change wrote; otherwise nothing is written and the answer (409
// changed_since) names the fields, unless the client says to overwrite them. Every undo runs
// through the same checks as the writes it mirrors (ownership, limits, names, nesting).

type Db = Prisma.TransactionClient;
type Json = Record<string, unknown>;

export interface UndoOptions {
  /** Restore fields even where they changed since. */
  overwrite?: boolean;
}

const cannotUndo = (message: string) => new ConflictError("cannot_undo", message);

export async function undoChangeForUser(actor: Actor, seq: bigint, options: UndoOptions = {}): Promise<void> {
  const change = await getPrisma().change.findUnique({ where: { userId_seq: { userId: actor.userId, seq } } });
  if (!change) throw new NotFoundError("change");
  refuseUndoOfOthers(actor, change.actor);
  try {
    await undo(actor, change, options);
  } catch (error) {
    // The change exists; what it changed, or points at, does not any more.
    if (error instanceof NotFoundError) {
      throw cannotUndo(error.inTrash ? "This task is in the trash: restore it first." : `The ${error.resource} it changed, or points at, no longer exists.`);
    }
    throw error;
  }
}

async function undo(actor: Actor, change: Change, options: UndoOptions): Promise<void> {
  const before = (change.before ?? {}) as Json;
  const after = (change.after ?? {}) as Json;
  const id = change.entityId;
  if (change.entity === "task_label") return undoTaskLabel(actor, id, change.op, String((change.op === "create" ? after : before).labelId));
  if (change.op === "create") return undoCreate(actor, change);
  if (change.op === "delete") return undoDelete(actor, change.entity, before);
  if (change.entity === "task" && "deletedAt" in after) {
    // Into the trash, or back from it.
    return after.deletedAt === null ? deleteTaskForUser(actor, id) : void (await restoreTaskForUser(actor, id));
  }
  await getPrisma().$transaction(async (tx) => {
    await startUserWrite(tx, actor);
    const current = await currentRow(tx, change.entity as "task" | "list" | "label", actor.userId, id);
    const changedSince = Object.keys(before).filter((field) => JSON.stringify(current[field]) !== JSON.stringify(after[field]));
    if (changedSince.length > 0 && !options.overwrite) {
      throw new ConflictError("changed_since", `Changed since then: ${changedSince.join(", ")}. Undo anyway to overwrite.`, undefined, { fields: changedSince });
    }
    if (change.entity === "task") await restoreTaskFields(tx, actor.userId, id, before, current);
    else if (change.entity === "list") await tx.list.update({ where: { id }, data: pick(before, ["name", "color", "archived", "position"]) });
    else {
      if (typeof before.name === "string") await refuseTakenName(tx, actor.userId, before.name, id);
      await tx.label.update({ where: { id }, data: pick(before, ["name", "color"]) });
    }
  });
}

/** The row's fields as to_jsonb() writes them, as the log holds them; a task in the trash is not found. */
async function currentRow(tx: Db, table: "task" | "list" | "label", userId: string, id: string): Promise<Json> {
  const [found] = await tx.$queryRaw<{ row: Json; deletedAt: Date | null }[]>`
    SELECT to_jsonb(r) AS "row", ${table === "task" ? Prisma.sql`r."deletedAt"` : Prisma.sql`NULL::timestamptz`} AS "deletedAt"
    FROM ${Prisma.raw(`"${table}"`)} r WHERE r."id" = ${id}::uuid AND r."userId" = ${userId}`;
  if (!found) throw new NotFoundError(table);
  if (found.deletedAt) throw new NotFoundError("task", undefined, true);
  return found.row;
}

function pick(fields: Json, names: string[]): Json {
  return Object.fromEntries(names.filter((name) => name in fields).map((name) => [name, fields[name]]));
}

/** A task's fields as they were, its place checked as a move would be (the list may be archived or gone). */
async function restoreTaskFields(tx: Db, userId: string, id: string, before: Json, current: Json): Promise<void> {
  const now = new Date();
  const data: Prisma.TaskUncheckedUpdateInput = { ...pick(before, ["title", "description", "completed", "position", "recurrence", "recurrenceMode", "completedOccurrence"]), updatedAt: now };
  if ("priority" in before) data.priority = before.priority as Priority;
  // The due as it was, its columns taken together (a change logs only those it changed). A log
  // entry from before whole days and moments holds an instant in dueDate: its UTC date.
  if ("dueDate" in before || "dueAt" in before || "dueTimeZone" in before) {
    const due = { ...current, ...before };
    Object.assign(
      data,
      dueColumns({
        dueDate: typeof due.dueDate === "string" ? due.dueDate.slice(0, 10) : null,
        dueAt: typeof due.dueAt === "string" ? new Date(`${due.dueAt}Z`) : null,
        dueTimeZone: typeof due.dueTimeZone === "string" ? due.dueTimeZone : undefined,
      }),
    );
  }
  if ("listId" in before || "parentId" in before) {
    const place = await placeTask(
      tx,
      userId,
      { listId: "listId" in before ? String(before.listId) : undefined, parentId: "parentId" in before ? (before.parentId as string | null) : undefined },
      { id, listId: String(current.listId), parentId: current.parentId as string | null, position: String(current.position) },
    );
    if (place) Object.assign(data, { listId: place.listId, parentId: place.parentId, position: (before.position as string | undefined) ?? place.position });
    if (place && place.listId !== current.listId) await moveSubtasks(tx, userId, id, place.listId, now);
  }
  await tx.task.update({ where: { id }, data });
}

async function undoCreate(actor: Actor, change: Change): Promise<void> {
  const id = change.entityId;
  if (change.entity === "task") return deleteTaskForUser(actor, id);
  if (change.entity === "label") return deleteLabelForUser(actor, id);
  const tasks = await getPrisma().task.count({ where: { userId: actor.userId, listId: id, deletedAt: null } });
  if (tasks > 0) throw cannotUndo("This list has tasks now: delete it from its settings, choosing what happens to them.");
  await deleteListForUser(actor, id, "inbox");
}

/** Brings a deleted list or label back, with its id; a task deleted for good cannot come back. */
async function undoDelete(actor: Actor, entity: Change["entity"], before: Json): Promise<void> {
  if (entity === "task") throw cannotUndo("This task was deleted for good (the trash was emptied, or it expired).");
  const { userId } = actor;
  const id = String(before.id);
  await getPrisma().$transaction(async (tx) => {
    await startUserWrite(tx, actor);
    const name = String(before.name);
    const color = before.color as Color;
    if (entity === "list") {
      if (await tx.list.findUnique({ where: { id }, select: { id: true } })) throw cannotUndo("This list is back already.");
      if ((await tx.list.count({ where: { userId } })) >= LISTS_PER_USER_MAX) throw limitReached("list_limit_reached", LISTS_PER_USER_MAX, "lists");
      await tx.list.create({ data: { id, userId, name, color, archived: before.archived === true, position: String(before.position) } });
    } else {
      if (await tx.label.findUnique({ where: { id }, select: { id: true } })) throw cannotUndo("This label is back already.");
      if ((await tx.label.count({ where: { userId } })) >= LABELS_PER_USER_MAX) throw limitReached("label_limit_reached", LABELS_PER_USER_MAX, "labels");
      await refuseTakenName(tx, userId, name, null);
      await tx.label.create({ data: { id, userId, name, color } });
    }
  });
}

/** Takes a label off a task again, or puts it back on. */
async function undoTaskLabel(actor: Actor, taskId: string, op: Change["op"], labelId: string): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    await startUserWrite(tx, actor);
    await ownedTask(tx, actor.userId, taskId, "taskId");
    if (op === "create") {
      const { count } = await tx.taskLabel.deleteMany({ where: { taskId, labelId } });
      if (count === 0) throw cannotUndo("The label is no longer on this task.");
      return;
    }
    await assertOwnLabels(tx, actor.userId, [labelId], "labelId");
    if ((await tx.taskLabel.count({ where: { taskId } })) >= LABELS_PER_TASK_MAX) throw cannotUndo(`A task can have at most ${LABELS_PER_TASK_MAX} labels.`);
    const { count } = await tx.taskLabel.createMany({ data: [{ taskId, labelId }], skipDuplicates: true });
    if (count === 0) throw cannotUndo("The label is on this task already.");
  });
}
