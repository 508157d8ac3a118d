import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "../db";
import { TASKS_PER_USER_MAX, type Priority } from "./constants";
import { after, encodeCursor, orderBy, sortValue } from "./cursor";
import { TaskIdTakenError, TaskLimitReachedError, TaskNotFoundError, TaskOfAnotherUserError } from "./errors";
import type { CountQuery, ListQuery, TaskInput, TaskUpdate } from "./schemas";

// Every function takes the verified user id first and scopes every statement to it, writes
// included: a write is one statement whose WHERE names both the task and its owner, so no
// request can change another user's row, and concurrent requests cannot lose each other's
// updates. This module never sees a request and never decides who the user is.

export interface Task {
  id: string;
  title: string;
  description: string;
  completed: boolean;
  priority: Priority;
  dueDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TaskCounts {
  all: number;
  active: number;
  completed: number;
}

export interface TaskPage {
  tasks: Task[];
  nextCursor: string | null;
}

const TASK_LOCKS = 727_002; // advisory lock space for per-user task counts

// The columns a task's JSON is made of, and all that a read of tasks selects: not the owner's
// id, which every statement here already names in its WHERE and which no response carries.
const TASK_COLUMNS = {
  id: true,
  title: true,
  description: true,
  completed: true,
  priority: true,
  dueDate: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.TaskSelect;
type TaskRow = Prisma.TaskGetPayload<{ select: typeof TASK_COLUMNS }>;

function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    completed: row.completed,
    priority: row.priority,
    dueDate: row.dueDate?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Why a statement scoped to (user, task) touched nothing: no such task, or someone else's. */
async function missingTaskError(prisma: PrismaClient, taskId: string): Promise<Error> {
  const owner = await prisma.task.findUnique({ where: { id: taskId }, select: { userId: true } });
  return owner ? new TaskOfAnotherUserError() : new TaskNotFoundError();
}

/** Tasks whose title or description contains the text, ignoring case. */
function matching(text: string): Prisma.TaskWhereInput {
  // Prisma's `contains` is a LIKE pattern: escape its wildcards so that "%" finds "100%".
  const pattern = text.replace(/[\\%_]/g, "\\$&");
  return { OR: [{ title: { contains: pattern, mode: "insensitive" } }, { description: { contains: pattern, mode: "insensitive" } }] };
}

export async function listTasksForUser(userId: string, query: ListQuery): Promise<TaskPage> {
  const filters: Prisma.TaskWhereInput[] = [{ userId }];
  if (query.status !== "all") filters.push({ completed: query.status === "completed" });
  if (query.priority) filters.push({ priority: query.priority });
  if (query.q) filters.push(matching(query.q));
  if (query.after) filters.push(after(query.after));
  const rows = await getPrisma().task.findMany({
    where: { AND: filters },
    orderBy: orderBy(query.sort, query.order),
    select: TASK_COLUMNS,
    take: query.limit + 1, // one more tells whether another page follows
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({ sort: query.sort, order: query.order, value: sortValue(last, query.sort), id: last.id })
      : null;
  return { tasks: page.map(toTask), nextCursor };
}

/** How many of the user's tasks (matching the search, if any) are active and completed: one grouped statement. */
export async function countTasksForUser(userId: string, query: CountQuery): Promise<TaskCounts> {
  const groups = await getPrisma().task.groupBy({
    by: ["completed"],
    where: query.q ? { AND: [{ userId }, matching(query.q)] } : { userId },
    _count: { _all: true },
  });
  const completed = groups.find((group) => group.completed)?._count._all ?? 0;
  const active = groups.find((group) => !group.completed)?._count._all ?? 0;
  return { all: active + completed, active, completed };
}

/** Creates the task, with the client's id when it sent one (taken by any user's task: refused). */
export async function createTaskForUser(userId: string, input: TaskInput): Promise<Task> {
  const row = await getPrisma().$transaction(async (tx) => {
    // Serialize this user's creates so that the count check and the insert cannot interleave.
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${TASK_LOCKS}::int, hashtext(${userId}))`;
    if ((await tx.task.count({ where: { userId } })) >= TASKS_PER_USER_MAX) throw new TaskLimitReachedError(TASKS_PER_USER_MAX);
    // INSERT ... ON CONFLICT DO NOTHING: when any user's task has the id (task's only unique key),
    // nothing is written or returned, instead of a unique violation failing the transaction. A
    // concurrent create of the same id (another user's passes the per-user lock above) waits for
    // that one to commit, then inserts nothing.
    const [created] = await tx.task.createManyAndReturn({ data: [{ ...input, userId }], select: TASK_COLUMNS, skipDuplicates: true });
    if (!created) throw new TaskIdTakenError();
    return created;
  });
  return toTask(row);
}

export async function getTaskForUser(userId: string, taskId: string): Promise<Task> {
  const prisma = getPrisma();
  const row = await prisma.task.findFirst({ where: { id: taskId, userId }, select: TASK_COLUMNS });
  if (!row) throw await missingTaskError(prisma, taskId);
  return toTask(row);
}

/** Writes `changes` (all fields for PUT, some for PATCH) to the user's task. */
export async function updateTaskForUser(userId: string, taskId: string, changes: TaskUpdate): Promise<Task> {
  const prisma = getPrisma();
  const [row] = await prisma.task.updateManyAndReturn({ where: { id: taskId, userId }, data: changes, select: TASK_COLUMNS });
  if (!row) throw await missingTaskError(prisma, taskId);
  return toTask(row);
}

/**
 * Flips `completed` in the database itself, so concurrent toggles each count. The time comes
 * from the app, as in every write through Prisma: SQL's CURRENT_TIMESTAMP, stored in a column
 * without a zone, would be the session's local time, shifted unless the session runs in UTC.
 */
export async function toggleTaskForUser(userId: string, taskId: string): Promise<Task> {
  const prisma = getPrisma();
  const [row] = await prisma.$queryRaw<TaskRow[]>`
    UPDATE "task" SET "completed" = NOT "completed", "updatedAt" = ${new Date()}
    WHERE "id" = ${taskId}::uuid AND "userId" = ${userId}
    RETURNING "id", "title", "description", "completed", "priority", "dueDate", "createdAt", "updatedAt"`;
  if (!row) throw await missingTaskError(prisma, taskId);
  return toTask(row);
}

export async function deleteTaskForUser(userId: string, taskId: string): Promise<void> {
  const prisma = getPrisma();
  const { count } = await prisma.task.deleteMany({ where: { id: taskId, userId } });
  if (count === 0) throw await missingTaskError(prisma, taskId);
}
