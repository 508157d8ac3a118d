import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { LIST_PAGING, subtasksView, taskKeys, type Place, type ResolvedView } from "@/lib/tasks/view";
import { taskHistory } from "./history-api";
import { countTasks, listListsAndLabels, listTasks } from "./tasks-api";
import { listTrash } from "./trash-api";

// The browser's reads. The server page prefetches under the same keys (app/tasks/page.tsx).

export const taskListQuery = (view: ResolvedView) =>
  infiniteQueryOptions({
    queryKey: taskKeys.list(view),
    queryFn: ({ pageParam, signal }) => listTasks(view, pageParam, signal),
    ...LIST_PAGING,
  });

export const taskCountsQuery = (place: Place, q: string) =>
  queryOptions({
    queryKey: taskKeys.counts(place, q),
    queryFn: ({ signal }) => countTasks(place, q, signal),
  });

export const listsAndLabelsQuery = () =>
  queryOptions({
    queryKey: taskKeys.listsAndLabels,
    queryFn: ({ signal }) => listListsAndLabels(signal),
  });

/** A parent's subtasks (one page: the API's most per request), shaped as a list view's pages so that cache updates treat it as one. */
export const subtasksQuery = (parentId: string) => {
  const view = subtasksView(parentId);
  return queryOptions({
    queryKey: taskKeys.list(view),
    queryFn: async ({ signal }) => ({ pages: [await listTasks(view, null, signal)], pageParams: [null] }),
  });
};

/** The trash, newest first. The server page prefetches its first page for /tasks?view=trash. */
export const trashQuery = () =>
  infiniteQueryOptions({
    queryKey: taskKeys.trash,
    queryFn: ({ pageParam, signal }) => listTrash(pageParam, signal),
    ...LIST_PAGING,
  });

/** A task's history, newest first; read again each time it is opened (staleTime 0). */
export const historyQuery = (taskId: string) =>
  infiniteQueryOptions({
    queryKey: taskKeys.history(taskId),
    queryFn: ({ pageParam, signal }) => taskHistory(taskId, pageParam, signal),
    staleTime: 0,
    ...LIST_PAGING,
  });
