import type { z } from "zod";
import { getPrisma } from "../db";
import { REMINDER_SELECT, toReminder } from "../reminders/service";
import { dayText, wallClock } from "../tasks/due";
import type { exportDocumentSchema } from "./schemas";

// "Download your data": everything live of the user's, as one versioned JSON document, or the
// tasks as CSV (one row per task, for a spreadsheet). Tasks in the trash are not live data and
// are left out, with their reminders; so is the change log, which the changes feed serves.

export const EXPORT_FORMAT = "tasks-export";
// Version 2: a due is a whole day (dueDate) or a moment (dueAt, dueTimeZone), and may repeat.
// Reminders joined it later: a version 2 file without them imports with none.
// Version 1's dueDate was an instant; the import still reads it (lib/import/schemas.ts).
export const EXPORT_VERSION = 2;

export type ExportDocument = z.output<typeof exportDocumentSchema>;

/** The user's live data, read in one snapshot (a repeatable-read transaction), so lists, labels and tasks agree. */
export async function exportForUser(userId: string): Promise<ExportDocument> {
  const prisma = getPrisma();
  const [user, lists, labels, tasks, reminders] = await prisma.$transaction(
    [
      prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true, createdAt: true } }),
      prisma.list.findMany({ where: { userId }, orderBy: [{ inbox: { sort: "asc", nulls: "last" } }, { position: "asc" }, { id: "asc" }] }),
      prisma.label.findMany({ where: { userId }, orderBy: { name: "asc" } }),
      prisma.task.findMany({
        where: { userId, deletedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { labels: { select: { labelId: true }, orderBy: { labelId: "asc" } } },
      }),
      prisma.reminder.findMany({ where: { userId, task: { deletedAt: null } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: REMINDER_SELECT }),
    ],
    { isolationLevel: "RepeatableRead" },
  );
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    account: { name: user.name, email: user.email, createdAt: user.createdAt.toISOString() },
    lists: lists.map((list) => ({
      id: list.id,
      name: list.name,
      color: list.color,
      inbox: list.inbox === true,
      archived: list.archived,
      position: list.position,
      createdAt: list.createdAt.toISOString(),
    })),
    labels: labels.map((label) => ({ id: label.id, name: label.name, color: label.color, createdAt: label.createdAt.toISOString() })),
    tasks: tasks.map((task) => ({
      id: task.id,
      title: task.title,
      description: task.description,
      completed: task.completed,
      priority: task.priority,
      dueDate: dayText(task.dueDate),
      dueAt: task.dueAt?.toISOString() ?? null,
      dueTimeZone: task.dueTimeZone,
      recurrence: task.recurrence && task.recurrenceMode ? { rule: task.recurrence, mode: task.recurrenceMode } : null,
      listId: task.listId,
      parentId: task.parentId,
      position: task.position,
      labelIds: task.labels.map((link) => link.labelId),
      createdAt: task.createdAt.toISOString(),
      updatedAt: task.updatedAt.toISOString(),
    })),
    reminders: reminders.map(toReminder),
  };
}

const CSV_COLUMNS = ["Title", "Description", "Completed", "Priority", "Due date", "Due time", "Time zone", "List", "Labels", "Parent task", "Created", "Id"] as const;

/**
 * One cell, quoted as RFC 4180 says. A cell that a spreadsheet would read as a formula (it
 * starts with = + - @, a tab or a carriage return) gets a leading apostrophe: a title is never run.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The document's tasks as CSV: names instead of ids for lists, labels and parents. */
export function tasksAsCsv(document: ExportDocument): string {
  const listNames = new Map(document.lists.map((list) => [list.id, list.name]));
  const labelNames = new Map(document.labels.map((label) => [label.id, label.name]));
  const titles = new Map(document.tasks.map((task) => [task.id, task.title]));
  const rows = document.tasks.map((task) => {
    // A moment as its zone's clock reads it: the day and the time there.
    const local = task.dueAt && task.dueTimeZone ? wallClock(new Date(task.dueAt), task.dueTimeZone).toISOString() : null;
    return [
      task.title,
      task.description,
      task.completed ? "yes" : "no",
      task.priority,
      task.dueDate ?? local?.slice(0, 10) ?? "",
      local?.slice(11, 16) ?? "",
      task.dueTimeZone ?? "",
      listNames.get(task.listId) ?? "",
      task.labelIds.map((id) => labelNames.get(id) ?? "").join(", "),
      task.parentId ? (titles.get(task.parentId) ?? "") : "",
      task.createdAt,
      task.id,
    ].map(cell);
  });
  return [CSV_COLUMNS.join(","), ...rows.map((row) => row.join(","))].join("\r\n") + "\r\n";
}
