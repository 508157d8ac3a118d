import { createLoader, parseAsString, parseAsStringLiteral } from "nuqs/server";
import type { Query } from "@/lib/client/api-client";
import { PAGE_SIZE_MAX, SEARCH_MAX, TASK_STATUSES, TASK_VIEWS, type TaskSort, type TaskStatus } from "./constants";

// What the task page shows, as it lives in the URL (/tasks?list=<id>&status=active&sort=due).
// Where: the Inbox (no place named), one list (`list`), one label (`label`), Today or Upcoming
// (`view`), or the Trash (`view=trash`, read from its own API); a search (`q`) looks across all
// but the Trash. The server page and the browser parse the
// URL with the same parsers and resolve it with the same resolveView(), and the cache key is the
// resolved view, so the page the server rendered is the page the browser's cache holds.

/** The page's sort choices, each a sort and an order of the API. */
export const VIEW_SORTS = {
  manual: { sort: "position", order: "asc", label: "My order" },
  newest: { sort: "createdAt", order: "desc", label: "Newest first" },
  oldest: { sort: "createdAt", order: "asc", label: "Oldest first" },
  due: { sort: "dueDate", order: "asc", label: "Due date" },
  priority: { sort: "priority", order: "desc", label: "Priority" },
  title: { sort: "title", order: "asc", label: "Title (A to Z)" },
} as const satisfies Record<string, { sort: TaskSort; order: "asc" | "desc"; label: string }>;
export type ViewSort = keyof typeof VIEW_SORTS;
const VIEW_SORT_KEYS = Object.keys(VIEW_SORTS) as ViewSort[];

export const STATUS_LABELS: Record<TaskStatus, string> = { all: "All", active: "Active", completed: "Completed" };

/** The `view` values: the API's views across lists, and the page's own Trash. */
export const PAGE_VIEWS = [...TASK_VIEWS, "trash"] as const;
export type PageViewName = (typeof PAGE_VIEWS)[number];

export const viewParsers = {
  /** Absent: the place's own default (placeStatus). */
  status: parseAsStringLiteral(TASK_STATUSES),
  q: parseAsString.withDefault(""),
  /** Absent: the place's own default (placeSorts). */
  sort: parseAsStringLiteral(VIEW_SORT_KEYS),
  list: parseAsString.withDefault(""),
  label: parseAsString.withDefault(""),
  view: parseAsStringLiteral(PAGE_VIEWS),
};

/** The view as the URL has it. */
export interface TaskView {
  status: TaskStatus | null;
  q: string;
  sort: ViewSort | null;
  list: string;
  label: string;
  view: PageViewName | null;
}

/** Where the tasks shown come from. A list shows its top-level tasks (subtasks open under them). */
export type Place =
  | { kind: "list"; listId: string }
  | { kind: "label"; labelId: string }
  | { kind: "today" | "upcoming"; timeZone: string; day: string }
  | { kind: "subtasks"; parentId: string }
  | { kind: "search" }
  /** Deleted tasks: not a list view, shown from GET /api/trash (taskKeys.trash). */
  | { kind: "trash" };

/** The view resolved: what the API is asked and the cache key. */
export interface ResolvedView {
  status: TaskStatus;
  q: string;
  sort: ViewSort;
  place: Place;
}

/** What the URL cannot say by itself: which list is the Inbox, the user's time zone and today's date there. */
export interface ViewContext {
  inboxId: string;
  timeZone: string;
  /** YYYY-MM-DD */
  today: string;
}

/** Tasks per request from the page: the API's most, so that 10,000 tasks take 100 requests. */
export const VIEW_PAGE_SIZE = PAGE_SIZE_MAX;

/** Search text as the cache and the API see it: trimmed and cut to the API's limit. */
export const normalizeSearch = (q: string) => q.trim().slice(0, SEARCH_MAX);

/** The sorts a place offers, its default first: "My order" only where there is one (a list). */
export function placeSorts(place: Place): ViewSort[] {
  const others = VIEW_SORT_KEYS.filter((sort) => sort !== "manual");
  if (place.kind === "list" || place.kind === "subtasks") return VIEW_SORT_KEYS;
  if (place.kind === "today" || place.kind === "upcoming") return ["due", ...others.filter((sort) => sort !== "due")];
  return others;
}

/** Which tasks a place shows first: Today and Upcoming what is still to do, the rest all of them. */
export const placeStatus = (place: Place): TaskStatus => (place.kind === "today" || place.kind === "upcoming" ? "active" : "all");

export function resolvePlace(view: Pick<TaskView, "q" | "list" | "label" | "view">, context: ViewContext): Place {
  if (view.view === "trash") return { kind: "trash" };
  if (normalizeSearch(view.q)) return { kind: "search" };
  if (view.view) return { kind: view.view, timeZone: context.timeZone, day: context.today };
  if (view.label) return { kind: "label", labelId: view.label };
  return { kind: "list", listId: view.list || context.inboxId };
}

export function resolveView(view: TaskView, context: ViewContext): ResolvedView {
  const place = resolvePlace(view, context);
  const sorts = placeSorts(place);
  const sort = view.sort && sorts.includes(view.sort) ? view.sort : sorts[0];
  return { status: view.status ?? placeStatus(place), q: normalizeSearch(view.q), sort, place };
}

/** A parent's subtasks, in its own order: what opens under a parent in a list. */
export const subtasksView = (parentId: string): ResolvedView => ({ status: "all", q: "", sort: "manual", place: { kind: "subtasks", parentId } });

export const loadView = createLoader(viewParsers);

/** The filters of the list API (and its counts) for a place. */
export function placeParams(place: Place, q: string): Query<"get", "/api/tasks/counts"> {
  if (place.kind === "search") return { q };
  if (place.kind === "list") return { listId: place.listId, parentId: "none" };
  if (place.kind === "label") return { labelId: place.labelId };
  if (place.kind === "subtasks") return { parentId: place.parentId };
  if (place.kind === "trash") return {}; // never asked: the trash has its own read
  return { view: place.kind, tz: place.timeZone, day: place.day };
}

/** The list API's query parameters for a view. */
export function listParams(view: ResolvedView): Query<"get", "/api/tasks"> {
  const { sort, order } = VIEW_SORTS[view.sort];
  return { status: view.status, ...placeParams(view.place, view.q), sort, order, limit: VIEW_PAGE_SIZE };
}

// Cache keys. The token never appears in one; everything about tasks starts with "tasks".
export const taskKeys = {
  all: ["tasks"] as const,
  lists: ["tasks", "list"] as const,
  list: (view: ResolvedView) => ["tasks", "list", view] as const,
  allCounts: ["tasks", "counts"] as const,
  counts: (place: Place, q: string) => ["tasks", "counts", placeParams(place, q)] as const,
  /** The sidebar's lists and labels, with their open counts. */
  organize: ["tasks", "organize"] as const,
  listsAndLabels: ["tasks", "organize", "all"] as const,
  /** The trash, newest first. */
  trash: ["tasks", "trash"] as const,
  /** One task's history, newest first. */
  history: (taskId: string) => ["tasks", "history", taskId] as const,
};

/** How the list's (and the trash's) pages chain: the server page and the browser must agree on both. */
export const LIST_PAGING = {
  initialPageParam: null as string | null,
  getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor,
};
