import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { setActor, type Actor } from "../actor";
import { getPrisma } from "../db";
import { ConflictError, limitReached, PreconditionError, RuleError } from "../domain-errors";
import { assertOwnLabels, missingRowError, ownedList, ownedTask } from "../ownership";
import { purgeExpiredTrash } from "../trash/purge";
import { startUserWrite, startUserWriteWithInbox } from "../user-lock";
import { TASKS_PER_USER_MAX } from "./constants";
import { after, encodeCursor, orderBy, sortValue } from "./cursor";
import { validTimeZone } from "../client/relative-date";
import { nextDue, type Due, type Recurrence, type RecurrenceMode } from "../recurrence";
import { dueRange } from "./day-bounds";
import { columnsOfDue, dayText, dueColumns, hasDue, recurrenceDue, type DueColumns } from "./due";
import { completeSubtasks, moveSubtasks, placeTask } from "./placement";
import { iso, taskJson, toTask, type TaskRow } from "./rows";
import type { z } from "zod";
import type { ListQuery, TaskFilters, TaskInput, TaskUpdate, taskCountsSchema, taskPageSchema, taskSchema } from "./schemas";

// Every function takes the verified user id (a write: the actor, lib/actor.ts) first and scopes
// every statement to it, writes included: a write's WHERE names both the task and its owner, and every other row a request
// points at (a list, a parent, labels, a sibling) is checked to be the user's first
// (lib/ownership.ts), so no request can read or change another user's rows. Writes that check
// before they write hold the user's write lock. This module never sees a request and never
// decides who the user is. Tasks in the trash (deletedAt set) are invisible here: only
// lib/trash/service.ts reads them.

/** A task as the API answers it: lib/tasks/schemas.ts taskSchema. */
export type Task = z.output<typeof taskSchema>;
export type TaskCounts = z.output<typeof taskCountsSchema>;
export type TaskPage = z.output<typeof taskPageSchema>;

type Db = Prisma.TransactionClient;

async function readTask(db: Db, userId: string, taskId: string): Promise<Task> {
  const [row] = await db.$queryRaw<TaskRow[]>`
    SELECT ${taskJson("t")} FROM "task" t WHERE t."id" = ${taskId}::uuid AND t."userId" = ${userId} AND t."deletedAt" IS NULL`;
  if (!row) throw await missingRowError(db, userId, "task", taskId);
  return toTask(row);
}

/** Tasks whose title or description contains the text, ignoring case. */
function matching(text: string): Prisma.Sql {
  // A LIKE pattern: escape its wildcards so that "%" finds "100%".
  const pattern = `%${text.replace(/[\\%_]/g, "\\$&")}%`;
  return Prisma.sql`(t."title" ILIKE ${pattern} OR t."description" ILIKE ${pattern})`;
}

/** The user's tasks (the task table under alias "t") that pass every filter. */
function filtered(userId: string, filters: TaskFilters, now: Date): Prisma.Sql[] {
  const where = [Prisma.sql`t."userId" = ${userId}`, Prisma.sql`t."deletedAt" IS NULL`];
  if (filters.q) where.push(matching(filters.q));
  if (filters.listId) where.push(Prisma.sql`t."listId" = ${filters.listId}::uuid`);
  if (filters.labelId) where.push(Prisma.sql`EXISTS (SELECT 1 FROM "task_label" tl WHERE tl."taskId" = t."id" AND tl."labelId" = ${filters.labelId}::uuid)`);
  if (filters.parentId) where.push(filters.parentId === "none" ? Prisma.sql`t."parentId" IS NULL` : Prisma.sql`t."parentId" = ${filters.parentId}::uuid`);
  if (filters.view) {
    // Whole days by their date, moments by their instant: both counted in the user's zone.
    const { from, before } = dueRange(filters.view, filters.day ?? null, now, filters.tz);
    const days = [Prisma.sql`t."dueDate" < ${before.day}::date`, ...(from ? [Prisma.sql`t."dueDate" >= ${from.day}::date`] : [])];
    const moments = [Prisma.sql`t."dueAt" < ${before.instant.toISOString()}::timestamp`, ...(from ? [Prisma.sql`t."dueAt" >= ${from.instant.toISOString()}::timestamp`] : [])];
    where.push(Prisma.sql`((${Prisma.join(days, " AND ")}) OR (${Prisma.join(moments, " AND ")}))`);
  }
  return where;
}

/**
 * Nothing matched: when a filter named a list, label or parent task, it must be the user's
 * (403 or 404 otherwise). Asked only then, so a list request that finds tasks stays one statement.
 */
async function checkFilterIds(userId: string, filters: TaskFilters): Promise<void> {
  const db = getPrisma();
  if (filters.listId) await ownedList(db, userId, filters.listId, "listId");
  if (filters.labelId) await assertOwnLabels(db, userId, [filters.labelId], "labelId");
  if (filters.parentId && filters.parentId !== "none") await ownedTask(db, userId, filters.parentId, "parentId");
}

export async function listTasksForUser(userId: string, query: ListQuery): Promise<TaskPage> {
  return JSON.parse(await taskPageJson(userId, query)) as TaskPage;
}

/**
 * A page of the user's tasks as the API answers it (taskPageSchema), as JSON text: the rows'
 * texts joined as they come from the database, neither parsed nor serialized again here.
 */
export async function taskPageJson(userId: string, query: ListQuery): Promise<string> {
  const where = filtered(userId, query, new Date());
  if (query.status !== "all") where.push(Prisma.sql`t."completed" = ${query.status === "completed"}`);
  if (query.priority) where.push(Prisma.sql`t."priority" = ${query.priority}::"Priority"`);
  if (query.after) where.push(after(query.after));
  const order = orderBy(query.sort, query.order);
  // The page first (one more tells whether another page follows), then each of its tasks' labels
  // and subtasks: the planner then never joins them for rows the page leaves out (a label's
  // tasks, say, which it cannot know are all its owner's).
  const rows = await getPrisma().$queryRaw<(TaskRow & { dueSort: string | null })[]>`
    SELECT ${taskJson("t")}, ${iso(Prisma.raw(`t."dueSort"`))} AS "dueSort" FROM (
      SELECT t.* FROM "task" t WHERE ${Prisma.join(where, " AND ")} ORDER BY ${order} LIMIT ${query.limit + 1}
    ) t ORDER BY ${order}`;
  if (rows.length === 0) await checkFilterIds(userId, query);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > query.limit && last) {
    const task = { ...toTask(last), dueSort: last.dueSort };
    nextCursor = encodeCursor({ sort: query.sort, order: query.order, value: sortValue(task, query.sort), id: task.id });
  }
  return `{"tasks":[${page.map((row) => row.task).join(",")}],"nextCursor":${JSON.stringify(nextCursor)}}`;
}

/** How many of the user's tasks (passing the filters) are active and completed: one grouped statement. */
export async function countTasksForUser(userId: string, filters: TaskFilters): Promise<TaskCounts> {
  const groups = await getPrisma().$queryRaw<{ completed: boolean; count: number }[]>`
    SELECT t."completed", count(*)::int AS "count" FROM "task" t WHERE ${Prisma.join(filtered(userId, filters, new Date()), " AND ")} GROUP BY t."completed"`;
  if (groups.length === 0) await checkFilterIds(userId, filters);
  const completed = groups.find((group) => group.completed)?.count ?? 0;
  const active = groups.find((group) => !group.completed)?.count ?? 0;
  return { all: active + completed, active, completed };
}

/** Creates the task, with the client's id when it sent one (taken by any user's task: refused). */
export async function createTaskForUser(actor: Actor, input: TaskInput): Promise<Task> {
  const { userId } = actor;
  const { id = randomUUID(), listId, parentId, after: sibling, labelIds, dueDate, dueAt, dueTimeZone, recurrence, ...fields } = input;
  const due = dueColumns({ dueDate, dueAt, dueTimeZone });
  const repeat = repeatColumns(recurrence, due, false);
  const now = new Date();
  if (parentId == null && sibling == null && !labelIds?.length) {
    const created = await createFirstInList(actor, { id, listId, now, fields, due, repeat });
    if (created) return created;
  }
  return getPrisma().$transaction(async (tx) => {
    // Serializes this user's creates, so that the count and the insert cannot interleave.
    const inboxId = await startUserWriteWithInbox(tx, actor);
    const place = (await placeTask(tx, userId, { listId, parentId, after: sibling }, null, inboxId))!;
    if (labelIds) await assertOwnLabels(tx, userId, labelIds, "labelIds");
    const columns: [Prisma.Sql, Prisma.Sql][] = [
      [Prisma.raw(`"id"`), Prisma.sql`${id}::uuid`],
      [Prisma.raw(`"userId"`), Prisma.sql`${userId}::text`],
      [Prisma.raw(`"listId"`), Prisma.sql`${place.listId}::uuid`],
      [Prisma.raw(`"parentId"`), Prisma.sql`${place.parentId}::uuid`],
      [Prisma.raw(`"position"`), Prisma.sql`${place.position}::text`],
      [Prisma.raw(`"createdAt"`), Prisma.sql`${now}::timestamp`],
      [Prisma.raw(`"updatedAt"`), Prisma.sql`${now}::timestamp`],
      ...ownFieldValues(fields, due, repeat),
    ];
    // One statement checks the limit (a statement after the lock sees every create before it),
    // inserts and returns the task. ON CONFLICT DO NOTHING: when any user's task has the id
    // (task's only unique key), nothing is written or returned, instead of a unique violation
    // failing the transaction. A concurrent create of the same id (another user's passes the
    // per-user lock above) waits for that one to commit, then inserts nothing.
    const [row] = await tx.$queryRaw<TaskRow[]>`
      INSERT INTO "task" AS t (${Prisma.join(columns.map(([column]) => column))})
      SELECT ${Prisma.join(columns.map(([, value]) => value))}
      WHERE (SELECT count(*) FROM "task" WHERE "userId" = ${userId} AND "deletedAt" IS NULL) < ${TASKS_PER_USER_MAX}
      ON CONFLICT ("id") DO NOTHING RETURNING ${taskJson("t")}`;
    if (!row) {
      if ((await tx.task.count({ where: { userId, deletedAt: null } })) >= TASKS_PER_USER_MAX) throw limitReached("task_limit_reached", TASKS_PER_USER_MAX, "tasks");
      throw new ConflictError("conflict", "A task with this id already exists.");
    }
    if (!labelIds?.length) return toTask(row);
    await tx.taskLabel.createMany({ data: labelIds.map((labelId) => ({ taskId: id, labelId })) });
    return readTask(tx, userId, id);
  });
}

/**
 * The common create, a top-level task first in the Inbox or a named list with no labels, in one
 * statement: the database function create_task_fast (its migration,
 * 20261206150000_create_task_one_statement) does what the transaction of createTaskForUser() does,
 * step by step, under the same lock. Null when it wrote nothing: a list not the user's or
 * archived, the limit reached, the id taken. The transaction then finds which, and says so.
 */
async function createFirstInList(
  actor: Actor,
  task: { id: string; listId: string | undefined; now: Date; fields: Pick<TaskInput, "title" | "description" | "completed" | "priority">; due: DueColumns | undefined; repeat: ReturnType<typeof repeatColumns> },
): Promise<Task | null> {
  const { id, listId, now, fields, due, repeat } = task;
  // The columns' defaults (prisma/schema.prisma) where the request leaves a field out.
  const [row] = await getPrisma().$queryRaw<TaskRow[]>`
    SELECT ${taskJson("t")} FROM "create_task_fast"(
      ${actor.via}::text, ${actor.userId}::text, ${listId ?? null}::uuid, ${id}::uuid, ${TASKS_PER_USER_MAX}::int, ${now}::timestamp,
      ${fields.title}::text, ${fields.description ?? ""}::text, ${fields.completed ?? false}::boolean, ${fields.priority ?? "medium"}::"Priority",
      ${dayText(due?.dueDate ?? null)}::date, ${due?.dueAt ?? null}::timestamp, ${due?.dueTimeZone ?? null}::text, ${due?.dueSort ?? null}::timestamp,
      ${repeat.recurrence ?? null}::text, ${repeat.recurrenceMode ?? null}::"RecurrenceMode"
    ) t`;
  return row ? toTask(row) : null;
}

export async function getTaskForUser(userId: string, taskId: string): Promise<Task> {
  return readTask(getPrisma(), userId, taskId);
}

/**
 * Writes `changes` (all content fields for PUT, some for PATCH) to the user's task. With
 * `completeSubtasks`, completing it completes its open subtasks too.
 */
export async function updateTaskForUser(actor: Actor, taskId: string, changes: TaskUpdate, options: { completeSubtasks?: boolean } = {}): Promise<Task> {
  const { userId } = actor;
  const { listId, parentId, after: sibling, labelIds, dueDate, dueAt, dueTimeZone, recurrence, occurrence, ...fields } = changes;
  const due = dueColumns({ dueDate, dueAt, dueTimeZone });
  const prisma = getPrisma();
  // One read, only when the write depends on the stored repeat or due.
  const stored = fields.completed === true || (recurrence && !due) ? await storedRepeat(prisma, userId, taskId) : null;
  if (fields.completed === true && stored?.open) {
    // Completing a repeating task moves it to its next occurrence; the rest of the change first.
    if (occurrence === undefined) throw occurrenceRequired();
    const rest = Object.fromEntries(Object.entries(changes).filter(([field]) => field !== "completed" && field !== "occurrence")) as TaskUpdate;
    if (Object.keys(rest).length > 0) await updateTaskForUser(actor, taskId, rest, options);
    return completeOccurrence(actor, taskId, occurrence);
  }
  // A rule needs a due: the one sent, or the task's own.
  // A missing task fails in the write, with its 403 or 404.
  const repeat = repeatColumns(recurrence, due, stored === null || stored.hasDue);
  const now = new Date();
  const cascade = options.completeSubtasks === true && fields.completed === true;
  if (listId === undefined && parentId === undefined && sibling === undefined && labelIds === undefined && !cascade) {
    // Only the task's own fields: one scoped statement, which names the actor too and returns the task.
    const [row] = await prisma.$queryRaw<TaskRow[]>`
      UPDATE "task" t SET ${Prisma.join([...ownFieldAssignments(fields, due, repeat), Prisma.sql`"updatedAt" = ${now}`])}
      FROM (SELECT ${setActor(actor)}) AS actor
      WHERE t."id" = ${taskId}::uuid AND t."userId" = ${userId} AND t."deletedAt" IS NULL RETURNING ${taskJson("t")}`;
    if (!row) throw await missingRowError(prisma, userId, "task", taskId);
    return toTask(row);
  }
  return prisma.$transaction(async (tx) => {
    await startUserWrite(tx, actor);
    const current = await tx.task.findFirst({ where: { id: taskId, userId, deletedAt: null }, select: { id: true, listId: true, parentId: true, position: true } });
    if (!current) throw await missingRowError(tx, userId, "task", taskId);
    const place = await placeTask(tx, userId, { listId, parentId, after: sibling }, current);
    if (labelIds) await assertOwnLabels(tx, userId, labelIds, "labelIds");
    await tx.task.update({ where: { id: taskId }, data: { ...fields, ...due, ...repeat, ...place, updatedAt: now } });
    if (place && place.listId !== current.listId) await moveSubtasks(tx, userId, taskId, place.listId, now);
    if (labelIds) {
      await tx.taskLabel.deleteMany({ where: { taskId, labelId: { notIn: labelIds } } });
      await tx.taskLabel.createMany({ data: labelIds.map((labelId) => ({ taskId, labelId })), skipDuplicates: true });
    }
    if (cascade) await completeSubtasks(tx, userId, taskId, now);
    return readTask(tx, userId, taskId);
  });
}

/**
 * Flips `completed` in the database itself, so concurrent toggles each count. The time comes
 * from the app, as in every write through Prisma: SQL's CURRENT_TIMESTAMP, stored in a column
 * without a zone, would be the session's local time, shifted unless the session runs in UTC.
 */
export async function toggleTaskForUser(actor: Actor, taskId: string, options: { completeSubtasks?: boolean; occurrence?: string } = {}): Promise<Task> {
  const { userId } = actor;
  const toggle = async (db: Db) => {
    const now = new Date();
    // Not an open repeating task: completing one moves it to its next occurrence instead.
    const [row] = await db.$queryRaw<TaskRow[]>`
      UPDATE "task" t SET "completed" = NOT "completed", "updatedAt" = ${now}
      FROM (SELECT ${setActor(actor)}) AS actor
      WHERE t."id" = ${taskId}::uuid AND t."userId" = ${userId} AND t."deletedAt" IS NULL AND (t."recurrence" IS NULL OR t."completed") RETURNING ${taskJson("t")}`;
    // No row: an open repeating task, or none of this user's (403/404 from there).
    if (!row) return completeOccurrence(actor, taskId, options.occurrence);
    const task = toTask(row);
    if (!task.completed || !options.completeSubtasks) return task;
    await completeSubtasks(db, userId, taskId, now);
    return readTask(db, userId, taskId);
  };
  // A transaction only when the subtasks change with it: a plain toggle is one statement, which returns the task.
  return options.completeSubtasks ? getPrisma().$transaction(toggle) : toggle(getPrisma());
}

/**
 * Moves the task, with its subtasks at every level, to the trash: all of them get the same
 * deletedAt, which is how restoring it brings back the subtasks that went with it.
 */
export async function deleteTaskForUser(actor: Actor, taskId: string): Promise<void> {
  const { userId } = actor;
  // Under the user's write lock, as the writes that check a task before pointing at it (a new
  // subtask's parent): otherwise such a write, having found the task live, would put a live
  // subtask under it after this.
  await getPrisma().$transaction(async (tx) => {
    // First, as the system's doing (the actor is named after it): what has been there too long.
    await purgeExpiredTrash(tx, userId);
    await startUserWrite(tx, actor);
    const now = new Date();
    const count = await tx.$executeRaw`
      WITH RECURSIVE tree AS (
        SELECT "id" FROM "task" WHERE "id" = ${taskId}::uuid AND "userId" = ${userId} AND "deletedAt" IS NULL
        UNION ALL
        SELECT t."id" FROM "task" t JOIN tree ON t."parentId" = tree."id" WHERE t."deletedAt" IS NULL
      )
      UPDATE "task" SET "deletedAt" = ${now}, "updatedAt" = ${now} WHERE "id" IN (SELECT "id" FROM tree)`;
    if (count === 0) throw await missingRowError(tx, userId, "task", taskId);
  });
}

const occurrenceRequired = () =>
  new PreconditionError(
    "occurrence_required",
    "This task repeats: send occurrence, the due you are completing (its dueDate or dueAt), so that a repeated request cannot complete two occurrences.",
    "occurrence",
  );

/** Of the user's task: whether it repeats and is open, and whether it has a due; null when it is missing. */
async function storedRepeat(db: Db, userId: string, taskId: string): Promise<{ open: boolean; hasDue: boolean } | null> {
  const row = await db.task.findFirst({ where: { id: taskId, userId, deletedAt: null }, select: { recurrence: true, completed: true, dueDate: true, dueAt: true } });
  return row && { open: row.recurrence !== null && !row.completed, hasDue: row.dueDate !== null || row.dueAt !== null };
}

/**
 * The repeat columns a write sets: its rule, which needs a due (sent in the same write, or
 * `storedDue`); clearing the due clears the rule too, as nothing would be left to repeat.
 */
function repeatColumns(recurrence: Recurrence | null | undefined, due: DueColumns | undefined, storedDue: boolean): { recurrence?: string | null; recurrenceMode?: RecurrenceMode | null } {
  if (recurrence === null || (recurrence === undefined && due && !hasDue(due))) return { recurrence: null, recurrenceMode: null };
  if (recurrence === undefined) return {};
  if (due ? !hasDue(due) : !storedDue) throw new RuleError("recurrence_needs_due", "A repeating task needs a due date: send dueDate or dueAt with recurrence.", "recurrence");
  return { recurrence: recurrence.rule, recurrenceMode: recurrence.mode };
}

/**
 * Completes one occurrence of a repeating task: the task stays open, due at the rule's next
 * occurrence (counted in the user's zone), and records the occurrence it completed (the change
 * log's entry is the completion's record). Only if its due is still `occurrence`: a second request
 * for the same occurrence, or two at once, finds it moved on and changes nothing. A rule with no
 * occurrence left completes the task for good. No `occurrence`: 428, if the task is open and repeats.
 */
async function completeOccurrence(actor: Actor, taskId: string, occurrence: string | undefined): Promise<Task> {
  const { userId } = actor;
  const prisma = getPrisma();
  const [row] = await prisma.$queryRaw<{ dueDate: string | null; dueAt: Date | null; dueTimeZone: string | null; recurrence: string; recurrenceMode: RecurrenceMode; completedOccurrence: string | null; timeZone: string | null }[]>`
    SELECT t."dueDate"::text AS "dueDate", t."dueAt", t."dueTimeZone", t."recurrence", t."recurrenceMode"::text AS "recurrenceMode", t."completedOccurrence", u."timeZone"
    FROM "task" t JOIN "user" u ON u."id" = t."userId"
    WHERE t."id" = ${taskId}::uuid AND t."userId" = ${userId} AND t."deletedAt" IS NULL AND t."recurrence" IS NOT NULL AND NOT t."completed"`;
  if (!row) return readTask(prisma, userId, taskId); // completed meanwhile, or none of this user's (403/404)
  if (occurrence === undefined) throw occurrenceRequired();
  const current = recurrenceDue(row);
  if (!current || !sameOccurrence(current, occurrence)) return readTask(prisma, userId, taskId);
  const now = new Date();
  const next = nextDue({ recurrence: { rule: row.recurrence, mode: row.recurrenceMode }, due: current, completedAt: now, timeZone: validTimeZone(row.timeZone ?? undefined), previous: row.completedOccurrence });
  const stillDue = "date" in current ? Prisma.sql`"dueDate" = ${current.date}::date` : Prisma.sql`"dueAt" = ${row.dueAt}`;
  await prisma.$executeRaw`
    UPDATE "task" SET ${Prisma.join([
      ...(next ? ownFieldAssignments({}, columnsOfDue(next), {}) : [Prisma.sql`"completed" = true`]),
      Prisma.sql`"completedOccurrence" = ${"date" in current ? current.date : current.at}`,
      Prisma.sql`"updatedAt" = ${now}`,
    ])}
    FROM (SELECT ${setActor(actor)}) AS actor
    WHERE "id" = ${taskId}::uuid AND "userId" = ${userId} AND "deletedAt" IS NULL AND NOT "completed" AND ${stillDue}`;
  return readTask(prisma, userId, taskId);
}

/** Whether a client's occurrence names the due: the same day, or the same instant however written. */
function sameOccurrence(due: Due, occurrence: string): boolean {
  return "date" in due ? due.date === occurrence : occurrence.includes("T") && Date.parse(occurrence) === Date.parse(due.at);
}

/**
 * The columns and SQL values of a task's own fields that `fields` names (never its owner, place or
 * labels). Typed: an INSERT ... SELECT does not type its parameters from the columns. Prisma sends
 * a Date as UTC text without a zone, which ::timestamp keeps as it is.
 */
function ownFieldValues(
  fields: Pick<TaskUpdate, "title" | "description" | "completed" | "priority">,
  due: DueColumns | undefined,
  repeat: ReturnType<typeof repeatColumns>,
): [Prisma.Sql, Prisma.Sql][] {
  const { title, description, completed, priority } = fields;
  const values: [string, Prisma.Sql | false][] = [
    ["title", title !== undefined && Prisma.sql`${title}::text`],
    ["description", description !== undefined && Prisma.sql`${description}::text`],
    ["completed", completed !== undefined && Prisma.sql`${completed}::boolean`],
    ["priority", priority !== undefined && Prisma.sql`${priority}::"Priority"`],
    ["dueDate", due !== undefined && Prisma.sql`${dayText(due.dueDate)}::date`],
    ["dueAt", due !== undefined && Prisma.sql`${due.dueAt}::timestamp`],
    ["dueTimeZone", due !== undefined && Prisma.sql`${due.dueTimeZone}::text`],
    ["dueSort", due !== undefined && Prisma.sql`${due.dueSort}::timestamp`],
    ["recurrence", repeat.recurrence !== undefined && Prisma.sql`${repeat.recurrence}::text`],
    ["recurrenceMode", repeat.recurrenceMode !== undefined && Prisma.sql`${repeat.recurrenceMode}::"RecurrenceMode"`],
  ];
  return values.flatMap(([column, value]) => (value === false ? [] : [[Prisma.raw(`"${column}"`), value]]));
}

/** The SET items for a task's own fields. */
const ownFieldAssignments = (...args: Parameters<typeof ownFieldValues>): Prisma.Sql[] => ownFieldValues(...args).map(([column, value]) => Prisma.sql`${column} = ${value}`);
