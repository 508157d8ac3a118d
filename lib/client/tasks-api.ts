import type { Color } from "@/lib/colors";
import type { Label } from "@/lib/labels/service";
import type { List } from "@/lib/lists/service";
import type { Priority } from "@/lib/tasks/constants";
import type { Task, TaskCounts, TaskPage } from "@/lib/tasks/service";
import { listParams, placeParams, type Place, type ResolvedView } from "@/lib/tasks/view";
import { apiFetch } from "./api-fetch";
import { announceWrite } from "./write-broadcast";

export type { Label, List, Task, TaskCounts, TaskPage };

export interface TaskFields {
  title: string;
  description: string;
  priority: Priority;
  dueDate: string | null;
  completed: boolean;
  listId: string;
  parentId: string | null;
  labelIds: string[];
}

/** A change to a task: its fields, and `after` to move it in the manual order (null: first). */
export type TaskChanges = Partial<TaskFields> & { after?: string | null };

/** The API refused or failed a request, with the API's error code and explanation. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/** The request never got an answer: offline, or the server is unreachable. */
export const NETWORK_ERROR = "network_error";

/** A request to the API, its JSON answer, or an ApiError; a stored write is announced to this browser's other tabs. */
export async function send<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await apiFetch(path, {
      ...init,
      headers: init.body === undefined ? init.headers : { "Content-Type": "application/json", ...init.headers },
    });
  } catch (error) {
    if (error instanceof TypeError) throw new ApiError(0, NETWORK_ERROR, "Could not reach the server.");
    throw error;
  }
  if (response.ok && (init.method ?? "GET") !== "GET") announceWrite();
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const retryAfter = Number(response.headers.get("Retry-After"));
    throw new ApiError(
      response.status,
      body?.error?.code ?? "unknown",
      body?.error?.message ?? `The server answered ${response.status}.`,
      body?.error?.details ?? {},
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
  return body as T;
}

export function listTasks(view: ResolvedView, cursor: string | null, signal?: AbortSignal): Promise<TaskPage> {
  const params = new URLSearchParams(Object.entries(listParams(view)).map(([key, value]) => [key, String(value)]));
  if (cursor) params.set("cursor", cursor);
  return send(`/api/tasks?${params}`, { signal });
}

export function countTasks(place: Place, q: string, signal?: AbortSignal): Promise<TaskCounts> {
  return send(`/api/tasks/counts?${new URLSearchParams(placeParams(place, q))}`, { signal });
}

/** Creates a task under the id the browser chose, so the row shown at once keeps its id. */
export const createTask = (fields: Partial<TaskFields> & { id: string; title: string }) =>
  send<Task>("/api/tasks", { method: "POST", body: JSON.stringify(fields) });

/** With `completeSubtasks`, completing the task completes its open subtasks too. */
export const updateTask = (id: string, changes: TaskChanges, completeSubtasks = false) =>
  send<Task>(`/api/tasks/${id}${completeSubtasks ? "?subtasks=complete" : ""}`, { method: "PATCH", body: JSON.stringify(changes) });

export interface ListsAndLabels {
  lists: List[];
  labels: Label[];
}

/** The sidebar's lists and labels. */
export async function listListsAndLabels(signal?: AbortSignal): Promise<ListsAndLabels> {
  const [{ lists }, { labels }] = await Promise.all([
    send<{ lists: List[] }>("/api/lists", { signal }),
    send<{ labels: Label[] }>("/api/labels", { signal }),
  ]);
  return { lists, labels };
}

export const createList = (fields: { name: string; color?: Color }) => send<List>("/api/lists", { method: "POST", body: JSON.stringify(fields) });
export const updateList = (id: string, changes: { name?: string; color?: Color; archived?: boolean; after?: string | null }) =>
  send<List>(`/api/lists/${id}`, { method: "PATCH", body: JSON.stringify(changes) });
export const deleteList = (id: string, tasks: "inbox" | "delete") => send<void>(`/api/lists/${id}?tasks=${tasks}`, { method: "DELETE" });
export const createLabel = (fields: { name: string; color?: Color }) => send<Label>("/api/labels", { method: "POST", body: JSON.stringify(fields) });
export const updateLabel = (id: string, changes: { name?: string; color?: Color }) =>
  send<Label>(`/api/labels/${id}`, { method: "PATCH", body: JSON.stringify(changes) });
export const deleteLabel = (id: string) => send<void>(`/api/labels/${id}`, { method: "DELETE" });

/** keepalive lets a delete still pending when the page closes reach the server. */
export const deleteTask = (id: string, keepalive = false) => send<void>(`/api/tasks/${id}`, { method: "DELETE", keepalive });
