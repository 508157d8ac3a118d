import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import { UPCOMING_DAYS } from "@/lib/tasks/constants";
import { taskKeys, type Place, type ResolvedView } from "@/lib/tasks/view";
import { dueDay } from "./due-dates";
import { daysFromToday } from "./relative-date";
import type { Task, TaskPage } from "./tasks-api";

// The cache holds what the server confirmed; changes still on their way are laid over it when
// the list is drawn (lib/client/pending-changes.ts). A confirmed change is written into every
// cached view at once, so it is already true when the user switches to another view.

type ListData = InfiniteData<TaskPage, string | null>;

function inPlace(task: Task, place: Place): boolean {
  switch (place.kind) {
    case "list":
      return task.listId === place.listId && task.parentId === null;
    case "subtasks":
      return task.parentId === place.parentId;
    case "label":
      return task.labelIds.includes(place.labelId);
    case "today":
    case "upcoming": {
      const day = dueDay(task, place.timeZone);
      if (day === null) return false;
      const days = daysFromToday(day, new Date(), place.timeZone);
      return place.kind === "today" ? days <= 0 : days >= 0 && days < UPCOMING_DAYS;
    }
    case "search":
      return true;
    case "trash":
      return false; // a task in the trash is in no view
  }
}

/** Whether a task belongs in a view (the server decides for real; this is for instant feedback). */
export function matchesView(task: Task, view: ResolvedView): boolean {
  if (view.status !== "all" && task.completed !== (view.status === "completed")) return false;
  if (!inPlace(task, view.place)) return false;
  const q = view.q.toLocaleLowerCase();
  return !q || task.title.toLocaleLowerCase().includes(q) || task.description.toLocaleLowerCase().includes(q);
}

/** Where a new task shows in a view until the server's order is read: a subtask last, any other first. */
export const addsAtEnd = (view: ResolvedView) => view.place.kind === "subtasks";

function eachList(client: QueryClient, change: (data: ListData, view: ResolvedView) => ListData) {
  for (const [key, data] of client.getQueriesData<ListData>({ queryKey: taskKeys.lists })) {
    if (data) client.setQueryData<ListData>(key, change(data, key[2] as ResolvedView));
  }
}

const mapPages = (data: ListData, map: (tasks: Task[], index: number) => Task[]): ListData => ({
  ...data,
  pages: data.pages.map((page, index) => {
    const tasks = map(page.tasks, index);
    return tasks === page.tasks ? page : { ...page, tasks };
  }),
});

/** The view with the task where it goes: by its key in a manual order, else first (or last: addsAtEnd). */
function insert(data: ListData, task: Task, view: ResolvedView): ListData {
  const last = data.pages.length - 1;
  if (view.sort === "manual") {
    const pageIndex = data.pages.findIndex((page) => page.tasks.some((t) => t.position > task.position));
    if (pageIndex < 0) return data.pages[last].nextCursor ? data : mapPages(data, (tasks, index) => (index === last ? [...tasks, task] : tasks));
    return mapPages(data, (tasks, index) => {
      if (index !== pageIndex) return tasks;
      const at = tasks.findIndex((t) => t.position > task.position);
      return [...tasks.slice(0, at), task, ...tasks.slice(at)];
    });
  }
  if (!addsAtEnd(view)) return mapPages(data, (tasks, index) => (index === 0 ? [task, ...tasks] : tasks));
  return data.pages[last].nextCursor ? data : mapPages(data, (tasks, index) => (index === last ? [...tasks, task] : tasks));
}

const without = (data: ListData, id: string) => mapPages(data, (tasks) => (tasks.some((t) => t.id === id) ? tasks.filter((t) => t.id !== id) : tasks));

/**
 * Puts the task's latest state in every view: replaced where it is (moved, in a manual order),
 * added where it now belongs, taken out of a view whose place it has left.
 */
export function upsertTask(client: QueryClient, task: Task): void {
  eachList(client, (data, view) => {
    const present = data.pages.some((page) => page.tasks.some((t) => t.id === task.id));
    if (present && !inPlace(task, view.place)) return without(data, task.id);
    if (present && view.sort !== "manual") return mapPages(data, (tasks) => (tasks.some((t) => t.id === task.id) ? tasks.map((t) => (t.id === task.id ? task : t)) : tasks));
    if (!present && !matchesView(task, view)) return data;
    return insert(present ? without(data, task.id) : data, task, view);
  });
}

/** The task as the cache last had it, from whichever view holds it. */
export function findTask(client: QueryClient, id: string): Task | undefined {
  for (const [, data] of client.getQueriesData<ListData>({ queryKey: taskKeys.lists })) {
    for (const page of data?.pages ?? []) {
      const task = page.tasks.find((t) => t.id === id);
      if (task) return task;
    }
  }
  return undefined;
}

/** A parent's "2/5 done" follows its subtasks' creates, completions and deletes without a reload. */
export function adjustSubtaskCounts(client: QueryClient, parentId: string, change: { total: number; completed: number }): void {
  if (change.total === 0 && change.completed === 0) return;
  eachList(client, (data) =>
    mapPages(data, (tasks) =>
      tasks.some((t) => t.id === parentId)
        ? tasks.map((t) => (t.id === parentId ? { ...t, subtasks: { total: t.subtasks.total + change.total, completed: t.subtasks.completed + change.completed } } : t))
        : tasks,
    ),
  );
}

export function removeTask(client: QueryClient, id: string): void {
  eachList(client, (data) => mapPages(data, (tasks) => (tasks.some((t) => t.id === id) ? tasks.filter((t) => t.id !== id) : tasks)));
}

/** Everything the page read (tasks, counts, lists and labels, the trash, histories) is read again: another device or tab wrote, or an undo or restore did. */
export const readAllAgain = (client: QueryClient) => client.invalidateQueries({ queryKey: taskKeys.all });

/**
 * After a write is stored: a list request already under way may have read the database before
 * the write, so it is restarted (its late answer would put the old state back); every list is
 * marked stale so a view opened later is read again; the counts are read again now.
 */
export async function afterWrite(client: QueryClient): Promise<void> {
  // Cancelled by hand: a refetch only cancels a request of a query that already has data, and
  // joins the first request of one that has none (a view opened just before the write).
  const inFlight = client.getQueryCache().findAll({ queryKey: taskKeys.lists, fetchStatus: "fetching" });
  await Promise.all(inFlight.map((query) => client.cancelQueries({ queryKey: query.queryKey, exact: true })));
  await Promise.all([
    client.invalidateQueries({ queryKey: taskKeys.lists, refetchType: "none" }),
    client.invalidateQueries({ queryKey: taskKeys.allCounts }),
    client.invalidateQueries({ queryKey: taskKeys.organize }),
    ...inFlight.map((query) => client.refetchQueries({ queryKey: query.queryKey, exact: true, type: "active" })),
  ]);
}
