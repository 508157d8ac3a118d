import { Prisma } from "@/generated/prisma/client";
import { DUE_DATE_MAX, DUE_DATE_MIN, PRIORITIES, type Priority, type TaskSort } from "./constants";
import { idSchema } from "../ids";
import { isOrderKey } from "../order";

// Keyset paging: a cursor is the sort value and id of the last task of a page, and the next page
// holds the tasks strictly after it in (sort value, id) order. Unlike offsets, this returns every
// task exactly once even while tasks are added or removed between pages.

type SortValue = string | null;
export interface Cursor {
  sort: TaskSort;
  order: "asc" | "desc";
  value: SortValue;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.order, cursor.value, cursor.id])).toString("base64url");
}

/** The cursor `text` stands for, or null when it is not one encodeCursor() made for this sort and order. */
export function decodeCursor(text: string, sort: TaskSort, order: "asc" | "desc"): Cursor | null {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(parts) || parts.length !== 4) return null;
  const [cursorSort, cursorOrder, value, id] = parts as unknown[];
  const validValue =
    value === null
      ? sort === "dueDate"
      : typeof value === "string" &&
        (sort === "priority"
          ? PRIORITIES.includes(value as Priority)
          : sort === "title"
            ? !value.includes("\u0000")
            : sort === "position"
              ? isOrderKey(value)
              : isStorableDate(value));
  const validId = idSchema.safeParse(id).success;
  if (cursorSort !== sort || cursorOrder !== order || !validValue || !validId) return null;
  return { sort, order, value: value as SortValue, id: id as string };
}

// Dates a cursor may carry: any the database can hold and compare (createdAt and due dates alike).
const isStorableDate = (text: string) => {
  const time = Date.parse(text);
  return time >= DUE_DATE_MIN.getTime() && time <= DUE_DATE_MAX.getTime();
};

/** The value of a task (as lib/tasks/rows.ts reads it) that a cursor records for `sort`. */
export function sortValue(task: { createdAt: string; dueSort: string | null; priority: Priority; title: string; position: string }, sort: TaskSort): SortValue {
  return sort === "dueDate" ? task.dueSort : task[sort];
}

// The SQL below names the sort column of the task table under alias "t"; by due date it is the
// due's wall-clock time (lib/tasks/due.ts).
const column = (sort: TaskSort) => Prisma.raw(sort === "dueDate" ? `t."dueSort"` : `t."${sort}"`);
/** A cursor's value as the column's type: instants are timestamp(3) in UTC, which ignores the text's "Z". */
const typed = (sort: TaskSort, value: string) =>
  sort === "createdAt" || sort === "dueDate" ? Prisma.sql`${value}::timestamp` : sort === "priority" ? Prisma.sql`${value}::"Priority"` : Prisma.sql`${value}`;

/** ORDER BY of a list: the sort field (tasks without a due date last), then id. */
export function orderBy(sort: TaskSort, order: "asc" | "desc"): Prisma.Sql {
  const direction = Prisma.raw(order === "asc" ? "ASC" : "DESC");
  return Prisma.sql`${column(sort)} ${direction}${sort === "dueDate" ? Prisma.raw(" NULLS LAST") : Prisma.empty}, t."id" ${direction}`;
}

/** The tasks that come after `cursor` in that order (a row comparison, which the sort's index can seek to). */
export function after(cursor: Cursor): Prisma.Sql {
  const { sort, order, value, id } = cursor;
  const beyond = Prisma.raw(order === "asc" ? ">" : "<");
  if (value === null) return Prisma.sql`(t."dueSort" IS NULL AND t."id" ${beyond} ${id}::uuid)`;
  const later = Prisma.sql`(${column(sort)}, t."id") ${beyond} (${typed(sort, value)}, ${id}::uuid)`;
  return sort === "dueDate" ? Prisma.sql`(${later} OR t."dueSort" IS NULL)` : later;
}
