import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import { taskKeys, type TaskView } from "@/lib/tasks/view";
import type { Task, TaskPage } from "./tasks-api";

// The cache holds what the server confirmed; changes still on their way are laid over it when
// the list is drawn (lib/client/pending-changes.ts). A confirmed change is written into every
// cached view at once, so it is already true when the user switches to another view.

type ListData = InfiniteData<TaskPage, string | null>;

/** Whether a task belongs in a view (the server decides for real; this is for instant feedback). */
export function matchesView(task: Task, view: TaskView): boolean {
  if (view.status !== "all" && task.completed !== (view.status === "completed")) return false;
  const q = view.q.toLocaleLowerCase();
  return !q || task.title.toLocaleLowerCase().includes(q) || task.description.toLocaleLowerCase().includes(q);
}

function eachList(client: QueryClient, change: (data: ListData, view: TaskView) => ListData) {
  for (const [key, data] of client.getQueriesData<ListData>({ queryKey: taskKeys.lists })) {
    if (data) client.setQueryData<ListData>(key, change(data, key[2] as TaskView));
  }
}

const mapPages = (data: ListData, map: (tasks: Task[], index: number) => Task[]): ListData => ({
  ...data,
  pages: data.pages.map((page, index) => {
    const tasks = map(page.tasks, index);
    return tasks === page.tasks ? page : { ...page, tasks };
  }),
});

/** Puts the task's latest state in every view: replaced where it is, added on top where it now belongs. */
export function upsertTask(client: QueryClient, task: Task): void {
  eachList(client, (data, view) => {
    const present = data.pages.some((page) => page.tasks.some((t) => t.id === task.id));
    if (present) return mapPages(data, (tasks) => (tasks.some((t) => t.id === task.id) ? tasks.map((t) => (t.id === task.id ? task : t)) : tasks));
    if (!matchesView(task, view)) return data;
    return mapPages(data, (tasks, index) => (index === 0 ? [task, ...tasks] : tasks));
  });
}

export function removeTask(client: QueryClient, id: string): void {
  eachList(client, (data) => mapPages(data, (tasks) => (tasks.some((t) => t.id === id) ? tasks.filter((t) => t.id !== id) : tasks)));
}

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
    ...inFlight.map((query) => client.refetchQueries({ queryKey: query.queryKey, exact: true, type: "active" })),
  ]);
}
