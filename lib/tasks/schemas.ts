import { z } from "zod";
import { afterSchema, changesSomething, instantSchema, pageLimitSchema, says } from "../field-schemas";
import { idSchema } from "../ids";
import {
  DESCRIPTION_MAX,
  DUE_AT_FORMAT,
  DUE_DATE_FORMAT,
  DUE_DATE_MAX,
  DUE_DATE_MIN,
  DUE_DAY_MAX,
  DUE_DAY_MIN,
  DUE_TIME_ZONE_FORMAT,
  OCCURRENCE_MAX,
  LABELS_PER_TASK_MAX,
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
  PRIORITIES,
  SEARCH_MAX,
  SORTS,
  TASK_STATUSES,
  TASK_VIEWS,
  TITLE_MAX,
  type TaskSort,
} from "./constants";
import { decodeCursor } from "./cursor";
import { parseRule, RECURRENCE_MODES, RULE_MAX_LENGTH } from "../recurrence";
import { isTimeZone } from "./day-bounds";

// What a client may send to the task API. Objects are strict: an unknown field (userId,
// createdAt...) is refused by name, so nothing but these fields can ever be written. A task's id
// may be chosen only when creating it (the browser's optimistic row then has its final id); a
// change can never send one.

const title = z
  .string(says("Title", "Title must be text."))
  .trim()
  .min(1, "Title is required.")
  .max(TITLE_MAX, `Title must be at most ${TITLE_MAX} characters.`);
const description = z
  .string(says("Description", "Description must be text."))
  .max(DESCRIPTION_MAX, `Description must be at most ${DESCRIPTION_MAX} characters.`);
const priority = z.enum(PRIORITIES, says("Priority", "Priority must be low, medium or high."));
// A due is a whole day (dueDate) or a moment (dueAt) with the time zone of its wall-clock time
// (dueTimeZone); sending one replaces the other (lib/tasks/due.ts).
const dueDate = z
  .union([z.iso.date({ error: DUE_DATE_FORMAT }), z.null()], says("dueDate", DUE_DATE_FORMAT))
  .refine((day) => day === null || (day >= DUE_DAY_MIN && day <= DUE_DAY_MAX), `dueDate must be between ${DUE_DAY_MIN.slice(0, 4)} and ${DUE_DAY_MAX.slice(0, 4)}.`);
const dueAt = z
  .union([z.iso.datetime({ offset: true, error: DUE_AT_FORMAT }), z.null()], says("dueAt", DUE_AT_FORMAT))
  .refine((value) => value === null || !Number.isNaN(Date.parse(value)), "dueAt is not a real moment.")
  .transform((value) => (value === null ? null : new Date(value)))
  .refine(
    (date) => date === null || (date >= DUE_DATE_MIN && date <= DUE_DATE_MAX),
    `dueAt must be between ${DUE_DATE_MIN.getUTCFullYear()} and ${DUE_DATE_MAX.getUTCFullYear()}.`,
  );
const dueTimeZone = z
  .string(says("dueTimeZone", DUE_TIME_ZONE_FORMAT))
  .refine(isTimeZone, DUE_TIME_ZONE_FORMAT);
export const recurrenceSchema = z.union(
  [
    z.strictObject({
      rule: z
        .string(says("recurrence.rule", "recurrence.rule must be text."))
        .max(RULE_MAX_LENGTH, `recurrence.rule must be at most ${RULE_MAX_LENGTH} characters.`)
        .transform((text, context) => {
          const parsed = parseRule(text);
          if (parsed.ok) return parsed.rule;
          context.addIssue({ code: "custom", message: parsed.problem });
          return z.NEVER;
        })
        .meta({ description: "An RFC 5545 RRULE without DTSTART, e.g. FREQ=WEEKLY;BYDAY=MO (lib/recurrence: COUNT is not accepted, UNTIL is)." }),
      mode: z.enum(RECURRENCE_MODES, says("recurrence.mode", "recurrence.mode must be schedule or completion.")).default("schedule"),
    }),
    z.null(),
  ],
  says("recurrence", "recurrence must be { rule, mode } or null."),
);
const due = { dueDate: dueDate.optional(), dueAt: dueAt.optional(), dueTimeZone: dueTimeZone.optional(), recurrence: recurrenceSchema.optional() };
/** The occurrence of a repeating task a completion is for: completing it twice completes it once. */
export const occurrenceSchema = z
  .string(says("occurrence", "occurrence must be text."))
  .max(OCCURRENCE_MAX, `occurrence must be at most ${OCCURRENCE_MAX} characters.`)
  .meta({ description: "For a repeating task: the due being completed (its dueDate, or its dueAt), as the client last read it." });
/** A due is one of the two kinds, and a moment says which zone's clock it is on. */
function dueIsOneKind(fields: { dueDate?: string | null; dueAt?: Date | null; dueTimeZone?: string }, context: z.RefinementCtx): void {
  if (fields.dueDate != null && fields.dueAt != null) context.addIssue({ code: "custom", path: ["dueAt"], message: "Send dueDate (a whole day) or dueAt (a moment), not both." });
  if (fields.dueAt != null && fields.dueTimeZone === undefined) context.addIssue({ code: "custom", path: ["dueTimeZone"], message: `dueAt needs dueTimeZone: ${DUE_TIME_ZONE_FORMAT}` });
  if (fields.dueAt == null && fields.dueTimeZone !== undefined) context.addIssue({ code: "custom", path: ["dueTimeZone"], message: "dueTimeZone goes with a dueAt moment." });
}

const completed = z.boolean(says("Completed", "Completed must be true or false."));
// Where the task sits: the list (default: the Inbox), the parent task (null: top level) and labels.
const listId = z.union([idSchema], says("listId", "listId must be the id of one of your lists."));
const parentId = z.union([idSchema, z.null()], says("parentId", "parentId must be the id of one of your tasks, or null."));
const labelIds = z
  .array(idSchema, says("labelIds", "labelIds must be a list of label ids."))
  .max(LABELS_PER_TASK_MAX, `A task can have at most ${LABELS_PER_TASK_MAX} labels.`)
  .refine((ids) => new Set(ids).size === ids.length, "labelIds must not repeat a label.");
const placement = { listId: listId.optional(), parentId: parentId.optional(), labelIds: labelIds.optional() };

/** The writable fields: title required, the rest optional. */
const taskFieldsSchema = z.strictObject({
  title,
  description: description.optional(),
  priority: priority.optional(),
  ...due,
  completed: completed.optional(),
  ...placement,
});

/**
 * POST: the fields, optionally the new task's id (the server makes one when it is absent), and
 * optionally the sibling it goes right after (`after`, as in PATCH: an undone delete goes back
 * to its place).
 */
const createTaskFieldsSchema = taskFieldsSchema.extend({ id: idSchema.optional(), after: afterSchema.optional() });
export const createTaskSchema = createTaskFieldsSchema.superRefine(dueIsOneKind);

/** What a program adds through MCP (lib/mcp/tools.ts): a create without its own id or place. */
export const addTaskSchema = createTaskFieldsSchema.omit({ id: true, after: true }).superRefine(dueIsOneKind);

/** PUT replaces the task: every field of its content must be sent; where it sits may be. */
export const replaceTaskSchema = z.strictObject({ title, description, priority, ...due, dueDate, completed, ...placement }).superRefine(dueIsOneKind);

/** PATCH changes the fields it names, at least one; `after` moves it in the manual order. */
export const updateTaskSchema = taskFieldsSchema
  .partial()
  .extend({ after: afterSchema.optional(), occurrence: occurrenceSchema.optional() })
  .refine(...changesSomething)
  .superRefine(dueIsOneKind);

/** A change that completes a task may complete its open subtasks too: ?subtasks=complete. */
export const taskChangeQuerySchema = z.object({
  subtasks: z.enum(["complete"], { error: "subtasks must be complete, or left out." }).optional(),
});

export const OCCURRENCE_REQUIRED = "occurrence_required: completing a repeating task needs `occurrence`.";

/** PATCH /complete: for a repeating task, the occurrence it completes. */
export const toggleQuerySchema = taskChangeQuerySchema.extend({ occurrence: occurrenceSchema.optional() });

export type TaskInput = z.output<typeof createTaskSchema>;
export type TaskUpdate = z.output<typeof updateTaskSchema>;
export type TaskChangeQuery = z.output<typeof taskChangeQuerySchema>;

const DESCENDING_BY_DEFAULT: TaskSort[] = ["createdAt", "priority"];

const searchText = z
  .string()
  .trim()
  .max(SEARCH_MAX, `q must be at most ${SEARCH_MAX} characters.`)
  .refine((text) => !text.includes("\u0000"), "q must not contain NUL characters.")
  .optional();

/** Which tasks a list or count covers, beyond status: each filter narrows the others. */
const filters = {
  q: searchText,
  listId: idSchema.optional(),
  labelId: idSchema.optional(),
  /** A task's id: its subtasks; "none": top-level tasks only. */
  parentId: z.union([idSchema, z.literal("none")], { error: "parentId must be a task id, or none for top-level tasks." }).optional(),
  view: z.enum(TASK_VIEWS, { error: `view must be ${TASK_VIEWS.join(" or ")}.` }).optional(),
  /** The IANA time zone whose days `view` counts in. */
  tz: z
    .string()
    .refine(isTimeZone, "tz must be an IANA time zone, such as Europe/Paris.")
    .default("UTC"),
  /** Today's date in `tz` as the client sees it (its clock decides when midnight passed). */
  day: z.iso
    .date({ error: "day must be a date such as 2026-12-31." })
    .refine((date) => date >= "1900-01-01" && date <= "9999-12-17", "day must be between 1900 and 9999.")
    .optional(),
};

/** List query parameters; any other parameter (userId included) is ignored. */
export const listQuerySchema = z
  .object({
  status: z.enum(TASK_STATUSES, { error: `status must be ${TASK_STATUSES.join(", ")}.` }).default("all"),
  ...filters,
  priority: priority.optional(),
  sort: z.enum(SORTS, { error: `sort must be ${SORTS.join(", ")}.` }).default("createdAt"),
  order: z.enum(["asc", "desc"], { error: "order must be asc or desc." }).optional(),
  limit: pageLimitSchema(PAGE_SIZE_MAX, PAGE_SIZE_DEFAULT),
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

/** Count query: the same filters as the list, counted per status. */
export const countQuerySchema = z.object(filters);
/** The filters a list and its counts share. */
export type TaskFilters = z.output<typeof countQuerySchema>;

// What the task API answers: the service's types are these schemas' output, and the API
// reference (lib/api/openapi.ts) documents them, so the contract tests hold every response to them.

export const taskSchema = z
  .object({
    id: idSchema,
    title: z.string(),
    description: z.string(),
    completed: z.boolean(),
    priority: z.enum(PRIORITIES),
    dueDate: z.iso.date().nullable().meta({ description: "Due on this whole day (no time zone), or null." }),
    dueAt: instantSchema.nullable().meta({ description: "Due at this moment, or null (then see dueDate)." }),
    dueTimeZone: z.string().nullable().meta({ description: "The IANA time zone whose clock dueAt is on; null with dueAt." }),
    recurrence: z
      .object({ rule: z.string().meta({ description: "RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=MO" }), mode: z.enum(RECURRENCE_MODES) })
      .nullable()
      .meta({ description: "Repeats: on a fixed schedule, or counted from each completion; null for a one-off task." }),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    listId: idSchema,
    parentId: idSchema.nullable(),
    position: z.string().meta({ description: "Its key in the manual order among the tasks of the same list and parent (compare byte by byte)." }),
    labelIds: z.array(idSchema),
    subtasks: z.object({ total: z.int(), completed: z.int() }).meta({ description: "Its direct subtasks: how many, and how many of them are done." }),
  })
  .meta({ id: "Task" });

export const taskPageSchema = z
  .object({ tasks: z.array(taskSchema), nextCursor: z.string().nullable().meta({ description: "Ask again with cursor= this for the next page; null on the last." }) })
  .meta({ id: "TaskPage" });

export const taskCountsSchema = z.object({ all: z.int(), active: z.int(), completed: z.int() }).meta({ id: "TaskCounts" });
