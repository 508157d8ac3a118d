import { Prisma } from "@/generated/prisma/client";
import type { Task } from "./service";

// A task as SQL reads it and as the API answers it: the one place that names the columns a
// task's JSON is made of, for every statement that returns tasks (the list, a single read, a
// write's RETURNING). Raw SQL rather than Prisma's select: instants come back as the API's ISO
// text (to_char), not as Date objects made and formatted again for each of a page's tasks,
// and the labels and subtask counts come from one correlated subquery each. Not the owner's
// id, which every statement names in its WHERE and which no response carries.

/** An instant column (timestamp(3), UTC) as ISO 8601 text, as Date.toISOString() writes it. */
const iso = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The select list of a task's JSON, for the task table under `alias` (a plain identifier). */
export function taskColumns(alias: string): Prisma.Sql {
  const t = (column: string) => Prisma.raw(`${alias}."${column}"`);
  return Prisma.sql`${t("id")}::text AS "id", ${t("title")} AS "title", ${t("description")} AS "description",
    ${t("completed")} AS "completed", ${t("priority")}::text AS "priority", ${t("dueDate")}::text AS "dueDate",
    ${iso(t("dueAt"))} AS "dueAt", ${t("dueTimeZone")} AS "dueTimeZone", ${iso(t("dueSort"))} AS "dueSort",
    CASE WHEN ${t("recurrence")} IS NULL THEN NULL ELSE json_build_object('rule', ${t("recurrence")}, 'mode', ${t("recurrenceMode")}) END AS "recurrence",
    ${iso(t("createdAt"))} AS "createdAt", ${iso(t("updatedAt"))} AS "updatedAt", ${t("listId")}::text AS "listId",
    ${t("parentId")}::text AS "parentId", ${t("position")} AS "position",
    ARRAY(SELECT tl."labelId"::text FROM "task_label" tl WHERE tl."taskId" = ${t("id")} ORDER BY tl."labelId") AS "labelIds",
    (SELECT ARRAY[count(*), count(*) FILTER (WHERE s."completed")]::int[] FROM "task" s
      WHERE s."parentId" = ${t("id")} AND s."deletedAt" IS NULL) AS "subtasks"`;
}

/** A row of taskColumns(): the task, its subtask counts as a pair, and the order "by due date" keeps (lib/tasks/due.ts). */
export type TaskRow = Omit<Task, "subtasks"> & { subtasks: [number, number]; dueSort: string | null };

export function toTask(row: TaskRow): Task {
  const { subtasks, ...task } = row;
  delete (task as Partial<TaskRow>).dueSort; // the order's key, not the task's
  return { ...task, subtasks: { total: subtasks[0], completed: subtasks[1] } };
}
