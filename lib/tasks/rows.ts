import { Prisma } from "@/generated/prisma/client";
import type { Task } from "./service";

// A task as the API answers it, built by PostgreSQL: the one place that names the columns a
// task's JSON is made of, for every statement that returns tasks (the list, a single read, a
// write's RETURNING). Each row comes back as one column, the task's JSON text (json_build_object),
// rather than as its seventeen columns for Prisma to map one by one and for the route to
// serialize again: a page of tasks is the rows' texts joined (taskPageJson() in service.ts).
// Instants are the API's ISO text (to_char: PostgreSQL's own JSON of a timestamp has no "Z" and
// drops trailing zeros), the labels and subtask counts come from one correlated subquery each.
// Not the owner's id, which every statement names in its WHERE and which no response carries.

/** An instant column (timestamp(3), UTC) as ISO 8601 text, as Date.toISOString() writes it. */
export const iso = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The select list of a task's JSON text as column "task", for the task table under `alias` (a plain identifier). */
export function taskJson(alias: string): Prisma.Sql {
  const t = (column: string) => Prisma.raw(`${alias}."${column}"`);
  return Prisma.sql`json_build_object('id', ${t("id")}, 'title', ${t("title")}, 'description', ${t("description")},
    'completed', ${t("completed")}, 'priority', ${t("priority")}, 'dueDate', ${t("dueDate")},
    'dueAt', ${iso(t("dueAt"))}, 'dueTimeZone', ${t("dueTimeZone")},
    'recurrence', CASE WHEN ${t("recurrence")} IS NULL THEN NULL ELSE json_build_object('rule', ${t("recurrence")}, 'mode', ${t("recurrenceMode")}) END,
    'createdAt', ${iso(t("createdAt"))}, 'updatedAt', ${iso(t("updatedAt"))}, 'listId', ${t("listId")},
    'parentId', ${t("parentId")}, 'position', ${t("position")},
    'labelIds', ARRAY(SELECT tl."labelId" FROM "task_label" tl WHERE tl."taskId" = ${t("id")} ORDER BY tl."labelId"),
    'subtasks', (SELECT json_build_object('total', count(*), 'completed', count(*) FILTER (WHERE s."completed")) FROM "task" s
      WHERE s."parentId" = ${t("id")} AND s."deletedAt" IS NULL))::text AS "task"`;
}

/** A row of taskJson(). */
export type TaskRow = { task: string };

export const toTask = (row: TaskRow): Task => JSON.parse(row.task) as Task;
