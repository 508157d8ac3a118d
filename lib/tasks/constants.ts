export const PRIORITIES = ["low", "medium", "high"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const SORTS = ["createdAt", "dueDate", "priority", "title"] as const;
export type TaskSort = (typeof SORTS)[number];

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 2000;
/** The most tasks one account can hold. */
export const TASKS_PER_USER_MAX = 10_000;
