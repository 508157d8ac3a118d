import { z } from "zod";
import { DESCRIPTION_MAX, DUE_DATE_MAX, DUE_DATE_MIN, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, PRIORITIES, SEARCH_MAX, SORTS, TASK_STATUSES, TITLE_MAX, type TaskSort } from "./constants";
import { decodeCursor } from "./cursor";
import { taskIdSchema } from "./task-id";

// What a client may send to the task API. Objects are strict: an unknown field (userId,
// createdAt...) is refused by name, so nothing but these fields can ever be written. A task's id
// may be chosen only when creating it (the browser's optimistic row then has its final id); a
// change can never send one.

/** The field's error message, or "<Name> is required." when it was not sent at all. */
const says = (name: string, message: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? `${name} is required.` : message),
});

const title = z
  .string(says("Title", "Title must be text."))
  .trim()
  .min(1, "Title is required.")
  .max(TITLE_MAX, `Title must be at most ${TITLE_MAX} characters.`);
const description = z
  .string(says("Description", "Description must be text."))
  .max(DESCRIPTION_MAX, `Description must be at most ${DESCRIPTION_MAX} characters.`);
const priority = z.enum(PRIORITIES, says("Priority", "Priority must be low, medium or high."));
const DUE_DATE_FORMAT = "Due date must be an ISO 8601 date-time (e.g. 2026-12-31T17:00:00Z) or null.";
const dueDate = z
  .union([z.iso.datetime({ offset: true, error: DUE_DATE_FORMAT }), z.null()], says("Due date", DUE_DATE_FORMAT))
  .refine((value) => value === null || !Number.isNaN(Date.parse(value)), "Due date is not a real date.")
  .transform((value) => (value === null ? null : new Date(value)))
  .refine(
    (date) => date === null || (date >= DUE_DATE_MIN && date <= DUE_DATE_MAX),
    `Due date must be between ${DUE_DATE_MIN.getUTCFullYear()} and ${DUE_DATE_MAX.getUTCFullYear()}.`,
  );
const completed = z.boolean(says("Completed", "Completed must be true or false."));

/** The writable fields: title required, the rest optional. */
const taskFieldsSchema = z.strictObject({
  title,
  description: description.optional(),
  priority: priority.optional(),
  dueDate: dueDate.optional(),
  completed: completed.optional(),
});

/** POST: the fields, and optionally the new task's id (the server makes one when it is absent). */
export const createTaskSchema = taskFieldsSchema.extend({ id: taskIdSchema.optional() });

/** PUT replaces the task: every writable field must be sent. */
export const replaceTaskSchema = z.strictObject({ title, description, priority, dueDate, completed });

/** PATCH changes the fields it names, at least one. */
export const updateTaskSchema = taskFieldsSchema
  .partial()
  .refine((fields) => Object.keys(fields).length > 0, "Send at least one field to change.");

/** The path of a single task's routes: /api/tasks/[id]. */
export const taskParamsSchema = z.object({ id: taskIdSchema });

export type TaskInput = z.output<typeof createTaskSchema>;
export type TaskUpdate = z.output<typeof updateTaskSchema>;

const LIMIT_MESSAGE = `limit must be a whole number from 1 to ${PAGE_SIZE_MAX}.`;
const DESCENDING_BY_DEFAULT: TaskSort[] = ["createdAt", "priority"];

const searchText = z
  .string()
  .trim()
  .max(SEARCH_MAX, `q must be at most ${SEARCH_MAX} characters.`)
  .refine((text) => !text.includes("\u0000"), "q must not contain NUL characters.")
  .optional();

/** List query parameters; any other parameter (userId included) is ignored. */
export const listQuerySchema = z
  .object({
  status: z.enum(TASK_STATUSES, { error: `status must be ${TASK_STATUSES.join(", ")}.` }).default("all"),
  q: searchText,
  priority: priority.optional(),
  sort: z.enum(SORTS, { error: "sort must be createdAt, dueDate, priority or title." }).default("createdAt"),
  order: z.enum(["asc", "desc"], { error: "order must be asc or desc." }).optional(),
  limit: z.coerce
    .number({ error: LIMIT_MESSAGE })
    .int(LIMIT_MESSAGE)
    .min(1, LIMIT_MESSAGE)
    .max(PAGE_SIZE_MAX, LIMIT_MESSAGE)
    .default(PAGE_SIZE_DEFAULT),
  cursor: z.string().max(512).optional(),
})
  .transform(({ cursor, ...query }, context) => {
    // Newest first and high priority first; soonest due date and A to Z first.
    const order = query.order ?? (DESCENDING_BY_DEFAULT.includes(query.sort) ? "desc" : "asc");
    const after = cursor === undefined ? null : decodeCursor(cursor, query.sort, order);
    if (cursor !== undefined && after === null) {
      context.addIssue({ code: "custom", path: ["cursor"], message: "cursor is not one this API returned for this sort and order." });
      return z.NEVER;
    }
    return { ...query, order, after };
  });

export type ListQuery = z.output<typeof listQuerySchema>;

/** Count query: the same search as the list, counted per status. */
export const countQuerySchema = z.object({ q: searchText });
export type CountQuery = z.output<typeof countQuerySchema>;
