import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { LIST_PAGING, normalizeSearch, normalizeView, taskKeys, type TaskView } from "@/lib/tasks/view";
import { countTasks, listTasks } from "./tasks-api";

// The browser's reads of tasks. The server page prefetches under the same keys (app/tasks/page.tsx).

export const taskListQuery = (view: TaskView) =>
  infiniteQueryOptions({
    queryKey: taskKeys.list(view),
    queryFn: ({ pageParam, signal }) => listTasks(normalizeView(view), pageParam, signal),
    ...LIST_PAGING,
  });

export const taskCountsQuery = (q: string) =>
  queryOptions({
    queryKey: taskKeys.counts(q),
    queryFn: ({ signal }) => countTasks(normalizeSearch(q), signal),
  });
