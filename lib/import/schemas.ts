import { z } from "zod";
import { EXPORT_FORMAT, EXPORT_VERSION } from "../export/service";
import { colorSchema, nameSchema } from "../field-schemas";
import { LABEL_NAME_MAX, LABELS_PER_USER_MAX } from "../labels/constants";
import { LIST_NAME_MAX, LISTS_PER_USER_MAX } from "../lists/constants";
import { MINUTES_BEFORE_MAX, REMINDERS_PER_TASK_MAX } from "../reminders/constants";
import { isTimeZone } from "../tasks/day-bounds";
import { recurrenceSchema } from "../tasks/schemas";
import {
  DESCRIPTION_MAX,
  DUE_DATE_FORMAT,
  DUE_DATE_MAX,
  DUE_DATE_MIN,
  DUE_DAY_MAX,
  DUE_DAY_MIN,
  DUE_TIME_ZONE_FORMAT,
  LABELS_PER_TASK_MAX,
  PRIORITIES,
  SUBTASK_DEPTH_MAX,
  TASKS_PER_USER_MAX,
  TITLE_MAX,
} from "../tasks/constants";

// POST /api/import: a document as GET /api/export makes it (format "tasks-export", version 1 or 2).
// Every field is checked as the API checks it, and every reference inside the document (a
// task's list, parent and labels) must name a row of the same document: the import is all or
// nothing, so a problem anywhere is found here, before anything is written, and named by its path.

/** The ids of a document only tie its rows together; the import gives every row a new one. */
const ref = z.string("Must be the id of a row of this document.").min(1).max(100);
const instant = (name: string) =>
  z.iso
    .datetime({ offset: true, error: `${name} must be an ISO 8601 date-time.` })
    .transform((text) => new Date(text))
    .refine((date) => !Number.isNaN(date.getTime()) && date >= DUE_DATE_MIN && date <= DUE_DATE_MAX, `${name} must be a date between 1900 and 9999.`);
const position = z.string("position must be text.").max(500);
const dueDay = z.iso.date(DUE_DATE_FORMAT).refine((day) => day >= DUE_DAY_MIN && day <= DUE_DAY_MAX, `dueDate must be between ${DUE_DAY_MIN.slice(0, 4)} and ${DUE_DAY_MAX.slice(0, 4)}.`);

const listSchema = z.object({
  id: ref,
  name: nameSchema(LIST_NAME_MAX),
  color: colorSchema,
  inbox: z.boolean("inbox must be true or false."),
  archived: z.boolean("archived must be true or false."),
  position,
  createdAt: instant("createdAt"),
});

const labelSchema = z.object({ id: ref, name: nameSchema(LABEL_NAME_MAX), color: colorSchema, createdAt: instant("createdAt") });

const taskSchema = z.object({
  id: ref,
  title: z.string("Title must be text.").trim().min(1, "Title is required.").max(TITLE_MAX, `Title must be at most ${TITLE_MAX} characters.`),
  description: z.string("Description must be text.").max(DESCRIPTION_MAX, `Description must be at most ${DESCRIPTION_MAX} characters.`),
  completed: z.boolean("completed must be true or false."),
  priority: z.enum(PRIORITIES, "Priority must be low, medium or high."),
  // A whole day, or (an export of version 1) an instant, read as lib/tasks/due.ts legacyDue says.
  dueDate: z.union([dueDay, instant("dueDate"), z.null()], "dueDate must be a date such as 2026-12-24, or null."),
  dueAt: z.union([instant("dueAt"), z.null()], "dueAt must be an ISO 8601 date-time or null.").optional(),
  dueTimeZone: z.union([z.string().refine(isTimeZone, DUE_TIME_ZONE_FORMAT), z.null()], DUE_TIME_ZONE_FORMAT).optional(),
  recurrence: recurrenceSchema.optional(),
  listId: ref,
  parentId: z.union([ref, z.null()], "parentId must be the id of a task of this document, or null."),
  position,
  labelIds: z.array(ref, "labelIds must be a list of label ids.").max(LABELS_PER_TASK_MAX, `A task can have at most ${LABELS_PER_TASK_MAX} labels.`),
  createdAt: instant("createdAt"),
  updatedAt: instant("updatedAt"),
});

const MINUTES_BEFORE_FORMAT = `minutesBefore must be a whole number of minutes from 0 to ${MINUTES_BEFORE_MAX} (a week), or null.`;

const reminderSchema = z.object({
  taskId: ref,
  at: z.union([instant("at"), z.null()], "at must be an ISO 8601 date-time or null."),
  minutesBefore: z.union([z.int(MINUTES_BEFORE_FORMAT).min(0, MINUTES_BEFORE_FORMAT).max(MINUTES_BEFORE_MAX, MINUTES_BEFORE_FORMAT), z.null()], MINUTES_BEFORE_FORMAT),
  sentAt: z.union([instant("sentAt"), z.null()], "sentAt must be an ISO 8601 date-time or null.").optional(),
  createdAt: instant("createdAt").optional(),
});

export type ImportedList = z.output<typeof listSchema>;
export type ImportedLabel = z.output<typeof labelSchema>;
export type ImportedTask = z.output<typeof taskSchema>;
export type ImportedReminder = z.output<typeof reminderSchema>;

type Issue = { path: (string | number)[]; message: string };

/** The references inside the document: each problem with its path. */
function referenceIssues(lists: ImportedList[], labels: ImportedLabel[], tasks: ImportedTask[], reminders: ImportedReminder[]): Issue[] {
  const issues: Issue[] = [];
  const unique = <T extends { id: string }>(rows: T[], kind: "lists" | "labels" | "tasks") => {
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      if (seen.has(row.id)) issues.push({ path: [kind, index, "id"], message: `Another of the document's ${kind} has the id "${row.id}".` });
      seen.add(row.id);
    });
    return seen;
  };
  const listIds = unique(lists, "lists");
  const labelIds = unique(labels, "labels");
  unique(tasks, "tasks");
  if (lists.filter((list) => list.inbox).length > 1) issues.push({ path: ["lists"], message: "Only one list can be the Inbox." });
  const labelNames = new Set<string>();
  labels.forEach((label, index) => {
    const key = label.name.toLowerCase();
    if (labelNames.has(key)) issues.push({ path: ["labels", index, "name"], message: `Two labels are named "${label.name}".` });
    labelNames.add(key);
  });

  const byId = new Map(tasks.map((task) => [task.id, task]));
  tasks.forEach((task, index) => {
    if (!listIds.has(task.listId)) issues.push({ path: ["tasks", index, "listId"], message: "listId names no list of this document." });
    const unknownLabel = task.labelIds.find((id) => !labelIds.has(id));
    if (unknownLabel !== undefined) issues.push({ path: ["tasks", index, "labelIds"], message: `labelIds names "${unknownLabel}", no label of this document.` });
    if (task.dueAt && task.dueDate !== null) issues.push({ path: ["tasks", index, "dueAt"], message: "A task is due on a whole day (dueDate) or at a moment (dueAt), not both." });
    if (task.recurrence && task.dueDate === null && !task.dueAt) issues.push({ path: ["tasks", index, "recurrence"], message: "A repeating task needs a due date." });
    if (task.dueAt && !task.dueTimeZone) issues.push({ path: ["tasks", index, "dueTimeZone"], message: `dueAt needs dueTimeZone: ${DUE_TIME_ZONE_FORMAT}` });
    if (new Set(task.labelIds).size !== task.labelIds.length) issues.push({ path: ["tasks", index, "labelIds"], message: "labelIds must not repeat a label." });
    if (task.parentId === null) return;
    const parent = byId.get(task.parentId);
    if (!parent) return void issues.push({ path: ["tasks", index, "parentId"], message: "parentId names no task of this document." });
    if (parent.listId !== task.listId) issues.push({ path: ["tasks", index, "parentId"], message: "A subtask must be in its parent's list." });
    // Up the chain: a cycle comes back to the task, a long chain is too deep.
    let depth = 1;
    for (let up = parent; up.parentId !== null; depth++) {
      const next = byId.get(up.parentId);
      if (!next) break; // reported on that task
      if (next === task) return void issues.push({ path: ["tasks", index, "parentId"], message: "The subtasks form a cycle." });
      if (depth > SUBTASK_DEPTH_MAX) break;
      up = next;
    }
    if (depth > SUBTASK_DEPTH_MAX) issues.push({ path: ["tasks", index, "parentId"], message: `Subtasks can be nested at most ${SUBTASK_DEPTH_MAX} levels deep.` });
  });

  const remindersOf = new Map<string, number>();
  reminders.forEach((reminder, index) => {
    const task = byId.get(reminder.taskId);
    if (!task) return void issues.push({ path: ["reminders", index, "taskId"], message: "taskId names no task of this document." });
    const count = (remindersOf.get(task.id) ?? 0) + 1;
    remindersOf.set(task.id, count);
    if (count === REMINDERS_PER_TASK_MAX + 1) issues.push({ path: ["reminders", index, "taskId"], message: `A task can have at most ${REMINDERS_PER_TASK_MAX} reminders.` });
    if ((reminder.at === null) === (reminder.minutesBefore === null)) {
      issues.push({ path: ["reminders", index, "at"], message: "A reminder is at a moment (at) or some minutes before its task's due moment (minutesBefore): exactly one." });
    } else if (reminder.minutesBefore !== null && !task.dueAt) {
      issues.push({ path: ["reminders", index, "minutesBefore"], message: "A reminder before the due time needs its task due at a time (dueAt)." });
    }
  });
  return issues;
}

export const importDocumentSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT, `format must be "${EXPORT_FORMAT}": a file made by Download your data (GET /api/export).`),
    version: z.union([z.literal(1), z.literal(EXPORT_VERSION)], `version must be 1 or ${EXPORT_VERSION}: a file made by Download your data.`),
    lists: z.array(listSchema, "lists must be a list.").max(LISTS_PER_USER_MAX, `An account holds at most ${LISTS_PER_USER_MAX} lists.`),
    labels: z.array(labelSchema, "labels must be a list.").max(LABELS_PER_USER_MAX, `An account holds at most ${LABELS_PER_USER_MAX} labels.`),
    tasks: z.array(taskSchema, "tasks must be a list.").max(TASKS_PER_USER_MAX, `An account holds at most ${TASKS_PER_USER_MAX} tasks.`),
    // A file of version 1, or of version 2 from before reminders were exported, has none.
    reminders: z
      .array(reminderSchema, "reminders must be a list.")
      .max(TASKS_PER_USER_MAX * REMINDERS_PER_TASK_MAX, `An account holds at most ${TASKS_PER_USER_MAX * REMINDERS_PER_TASK_MAX} reminders.`)
      .default([]),
  })
  .superRefine(({ lists, labels, tasks, reminders }, ctx) => {
    for (const issue of referenceIssues(lists, labels, tasks, reminders).slice(0, 20)) ctx.addIssue({ code: "custom", ...issue });
  });

export type ImportDocument = z.output<typeof importDocumentSchema>;

/** POST /api/import's query, for a Todoist CSV: the project's name (the file's), and the importer's time zone for due days. */
export const importQuerySchema = z.object({
  name: z.string("name must be text.").max(200, "name must be at most 200 characters.").optional(),
  timeZone: z.string("timeZone must be text.").max(100, "timeZone must be at most 100 characters.").optional(),
});

// What POST /api/import answers (lib/import/service.ts ImportReport and todoist.ts TodoistExtras are its parts).
export const importReportSchema = z.object({
  lists: z.int(),
  labels: z.object({ created: z.int(), matched: z.int().meta({ description: "Named like a label the account has (any case): that label." }) }),
  tasks: z.int(),
  reminders: z.int(),
});

export const todoistExtrasSchema = z.object({
  datesKept: z.int().meta({ description: "Dates Tasks cannot read yet (e.g. recurring), kept in their task's description." }),
  notes: z.int().meta({ description: "Notes (Todoist's comments), added to their task's description." }),
});

export const importedSchema = z
  .object({ imported: importReportSchema, todoist: todoistExtrasSchema.optional().meta({ description: "For a Todoist CSV: what it kept in descriptions." }) })
  .meta({ id: "Imported" });
