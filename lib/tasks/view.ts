import { createLoader, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { PAGE_SIZE_MAX, SEARCH_MAX, TASK_STATUSES, type TaskSort, type TaskStatus } from "./constants";

// What the task page shows, as it lives in the URL (/tasks?status=active&q=milk&sort=due). The
// server page and the browser parse the URL with the same parsers, and both build the cache key
// from the parsed view with its defaults applied, so /tasks and /tasks?status=all are one entry
// and the page the server rendered is the page the browser's cache holds.

/** The page's sort choices, each a sort and an order of the API. */
export const VIEW_SORTS = {
  newest: { sort: "createdAt", order: "desc", label: "Newest first" },
  oldest: { sort: "createdAt", order: "asc", label: "Oldest first" },
  due: { sort: "dueDate", order: "asc", label: "Due date" },
  priority: { sort: "priority", order: "desc", label: "Priority" },
  title: { sort: "title", order: "asc", label: "Title (A to Z)" },
} as const satisfies Record<string, { sort: TaskSort; order: "asc" | "desc"; label: string }>;
export type ViewSort = keyof typeof VIEW_SORTS;
const VIEW_SORT_KEYS = Object.keys(VIEW_SORTS) as ViewSort[];

export const STATUS_LABELS: Record<TaskStatus, string> = { all: "All", active: "Active", completed: "Completed" };

export const viewParsers = {
  status: parseAsStringLiteral(TASK_STATUSES).withDefault("all"),
  q: parseAsString.withDefault(""),
  sort: parseAsStringLiteral(VIEW_SORT_KEYS).withDefault("newest"),
};

export interface TaskView {
  status: TaskStatus;
  q: string;
  sort: ViewSort;
}

/** Tasks per request from the page: the API's most, so that 10,000 tasks take 100 requests. */
export const VIEW_PAGE_SIZE = PAGE_SIZE_MAX;

/** Search text as the cache and the API see it: trimmed and cut to the API's limit. */
export const normalizeSearch = (q: string) => q.trim().slice(0, SEARCH_MAX);

/** The view as the cache and the API see it. */
export function normalizeView(view: TaskView): TaskView {
  return { status: view.status, q: normalizeSearch(view.q), sort: view.sort };
}

export const loadView = createLoader(viewParsers);

/** The list API's query parameters for a view. */
export function listParams(view: TaskView): { status: TaskStatus; q?: string; sort: TaskSort; order: "asc" | "desc"; limit: number } {
  const { sort, order } = VIEW_SORTS[view.sort];
  return { status: view.status, ...(view.q ? { q: view.q } : {}), sort, order, limit: VIEW_PAGE_SIZE };
}

// Cache keys. The token never appears in one; everything about tasks starts with "tasks".
export const taskKeys = {
  all: ["tasks"] as const,
  lists: ["tasks", "list"] as const,
  list: (view: TaskView) => ["tasks", "list", normalizeView(view)] as const,
  allCounts: ["tasks", "counts"] as const,
  counts: (q: string) => ["tasks", "counts", normalizeSearch(q)] as const,
};

/** How the list's pages chain: the server page and the browser must agree on both. */
export const LIST_PAGING = {
  initialPageParam: null as string | null,
  getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor,
};
