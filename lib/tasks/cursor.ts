import type { Prisma } from "@/generated/prisma/client";
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

/** The value of a task that a cursor records for `sort`. */
export function sortValue(task: { createdAt: Date; dueSort: Date | null; priority: Priority; title: string; position: string }, sort: TaskSort): SortValue {
  if (sort === "createdAt") return task.createdAt.toISOString();
  if (sort === "dueDate") return task.dueSort?.toISOString() ?? null;
  return task[sort];
}

/** Order of a list: the sort field (tasks without a due date last; by due: its wall-clock time, lib/tasks/due.ts), then id. */
export function orderBy(sort: TaskSort, order: "asc" | "desc"): Prisma.TaskOrderByWithRelationInput[] {
  const field = sort === "dueDate" ? { dueSort: { sort: order, nulls: "last" as const } } : { [sort]: order };
  return [field, { id: order }];
}

/** The tasks that come after `cursor` in that order. */
export function after(cursor: Cursor): Prisma.TaskWhereInput {
  const { sort, order, value, id } = cursor;
  const beyond = order === "asc" ? "gt" : "lt";
  const sameValueLaterId = { id: { [beyond]: id } };
  if (sort === "priority") {
    const rank = PRIORITIES.indexOf(value as Priority);
    const later = PRIORITIES.filter((_, i) => (order === "asc" ? i > rank : i < rank));
    return { OR: [{ priority: { in: later } }, { priority: value as Priority, ...sameValueLaterId }] };
  }
  if (sort === "dueDate") {
    if (value === null) return { dueSort: null, ...sameValueLaterId };
    const due = new Date(value);
    return { OR: [{ dueSort: { [beyond]: due } }, { dueSort: due, ...sameValueLaterId }, { dueSort: null }] };
  }
  const typed = sort === "createdAt" ? new Date(value as string) : (value as string);
  return { OR: [{ [sort]: { [beyond]: typed } }, { [sort]: typed, ...sameValueLaterId }] };
}
