export const PRIORITIES = ["low", "medium", "high"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The list filter: every task, the open ones, or the completed ones. */
export const TASK_STATUSES = ["all", "active", "completed"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** `position` is the manual order, meaningful among the tasks of one list and parent. */
export const SORTS = ["createdAt", "dueDate", "priority", "title", "position"] as const;
export type TaskSort = (typeof SORTS)[number];

/** Views across lists: due today or before (overdue), and due in the next UPCOMING_DAYS days from today. */
export const TASK_VIEWS = ["today", "upcoming"] as const;
export type TaskViewName = (typeof TASK_VIEWS)[number];
export const UPCOMING_DAYS = 14;

/** Levels of subtasks under a top-level task: a sub-sub-sub-subtask is the deepest. */
export const SUBTASK_DEPTH_MAX = 4;
export const LABELS_PER_TASK_MAX = 20;

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 2000;
/** The most tasks one account can hold. */
export const TASKS_PER_USER_MAX = 10_000;
/** Longest search text (`q`). */
export const SEARCH_MAX = 200;
/** Tasks per page of a list: at most, and when the client does not say. */
export const PAGE_SIZE_MAX = 100;
export const PAGE_SIZE_DEFAULT = 50;
/**
 * Due dates from 1900 to the end of 9999: every such instant round-trips through PostgreSQL's
 * timestamp(3), JavaScript's Date and ISO 8601 text (years past 9999 need a sign and six digits).
 */
export const DUE_DATE_MIN = new Date("1900-01-01T00:00:00.000Z");
export const DUE_DATE_MAX = new Date("9999-12-31T23:59:59.999Z");
/** Whole due days over the same years, as ISO dates. */
export const DUE_DAY_MIN = "1900-01-01";
export const DUE_DAY_MAX = "9999-12-31";
export const DUE_DATE_FORMAT = "dueDate must be a date such as 2026-12-24 (a whole day), or null.";
export const DUE_AT_FORMAT = "dueAt must be an ISO 8601 date-time with its offset (e.g. 2026-12-24T17:00:00Z), or null.";
export const DUE_TIME_ZONE_FORMAT = "dueTimeZone must be an IANA time zone, such as Europe/Paris.";

/** An occurrence of a repeating task, as a client names it: its dueDate, or its dueAt. */
export const OCCURRENCE_MAX = 40;
