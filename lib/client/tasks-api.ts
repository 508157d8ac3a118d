import { listParams, placeParams, type Place, type ResolvedView } from "@/lib/tasks/view";
import { api, type RequestBody, type Schema } from "./api-client";

// The task page's calls to the API, each typed by the OpenAPI document (lib/client/api-client.ts).

export { ApiError, NETWORK_ERROR } from "./api-client";

export type Task = Schema<"Task">;
export type TaskPage = Schema<"TaskPage">;
export type TaskCounts = Schema<"TaskCounts">;
export type List = Schema<"List">;
export type Label = Schema<"Label">;

/** A task's writable fields: what a PUT replaces, every one of them. */
export type TaskFields = Required<RequestBody<"put", "/api/tasks/{id}">>;

/** A change to a task: its fields, and `after` to move it in the manual order (null: first). */
export type TaskChanges = RequestBody<"patch", "/api/tasks/{id}">;

export function listTasks(view: ResolvedView, cursor: string | null, signal?: AbortSignal): Promise<TaskPage> {
  return api("get", "/api/tasks", { query: { ...listParams(view), ...(cursor && { cursor }) }, signal });
}

export function countTasks(place: Place, q: string, signal?: AbortSignal): Promise<TaskCounts> {
  return api("get", "/api/tasks/counts", { query: placeParams(place, q), signal });
}

/** Creates a task under the id the browser chose, so the row shown at once keeps its id. */
export const createTask = (fields: RequestBody<"post", "/api/tasks"> & { id: string }) => api("post", "/api/tasks", { body: fields });

/** With `completeSubtasks`, completing the task completes its open subtasks too. */
export const updateTask = (id: string, changes: TaskChanges, completeSubtasks = false) =>
  api("patch", "/api/tasks/{id}", { path: { id }, query: completeSubtasks ? { subtasks: "complete" } : {}, body: changes });

export interface ListsAndLabels {
  lists: List[];
  labels: Label[];
}

/** The sidebar's lists and labels. */
export async function listListsAndLabels(signal?: AbortSignal): Promise<ListsAndLabels> {
  const [{ lists }, { labels }] = await Promise.all([api("get", "/api/lists", { signal }), api("get", "/api/labels", { signal })]);
  return { lists, labels };
}

export const createList = (fields: RequestBody<"post", "/api/lists">) => api("post", "/api/lists", { body: fields });
export const updateList = (id: string, changes: RequestBody<"patch", "/api/lists/{id}">) => api("patch", "/api/lists/{id}", { path: { id }, body: changes });
export const deleteList = (id: string, tasks: "inbox" | "delete") => api("delete", "/api/lists/{id}", { path: { id }, query: { tasks } });
export const createLabel = (fields: RequestBody<"post", "/api/labels">) => api("post", "/api/labels", { body: fields });
export const updateLabel = (id: string, changes: RequestBody<"patch", "/api/labels/{id}">) => api("patch", "/api/labels/{id}", { path: { id }, body: changes });
export const deleteLabel = (id: string) => api("delete", "/api/labels/{id}", { path: { id } });

/** keepalive lets a delete still pending when the page closes reach the server. */
export const deleteTask = (id: string, keepalive = false) => api("delete", "/api/tasks/{id}", { path: { id }, keepalive });
