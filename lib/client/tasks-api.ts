import type { Priority, TaskSort, TaskStatus } from "@/lib/tasks/constants";
import type { Task, TaskPage } from "@/lib/tasks/service";
import { apiFetch } from "./api-fetch";

export type { Task };

export interface TaskQuery {
  status: TaskStatus;
  q: string;
  sort: TaskSort;
  order: "asc" | "desc";
}

export interface TaskFields {
  title: string;
  description: string;
  priority: Priority;
  dueDate: string | null;
  completed: boolean;
}

/** The API refused or failed a request; `message` is the API's own explanation. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function send<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await apiFetch(path, {
      ...init,
      headers: init.body === undefined ? init.headers : { "Content-Type": "application/json", ...init.headers },
    });
  } catch (error) {
    if (error instanceof TypeError) throw new ApiError(0, "Could not reach the server. Check your connection.");
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body?.error?.message ?? `The server answered ${response.status}.`);
  return body as T;
}

export function listTasks(query: TaskQuery, cursor: string | null, signal?: AbortSignal): Promise<TaskPage> {
  const params = new URLSearchParams({ status: query.status, sort: query.sort, order: query.order, limit: "100" });
  if (query.q.trim()) params.set("q", query.q.trim());
  if (cursor) params.set("cursor", cursor);
  return send(`/api/tasks?${params}`, { signal });
}

export const createTask = (fields: Partial<TaskFields> & { title: string }) =>
  send<Task>("/api/tasks", { method: "POST", body: JSON.stringify(fields) });

export const updateTask = (id: string, changes: Partial<TaskFields>) =>
  send<Task>(`/api/tasks/${id}`, { method: "PATCH", body: JSON.stringify(changes) });

export const toggleTask = (id: string) => send<Task>(`/api/tasks/${id}/complete`, { method: "PATCH" });

/** keepalive lets a delete still pending when the page closes reach the server. */
export const deleteTask = (id: string, keepalive = false) => send<void>(`/api/tasks/${id}`, { method: "DELETE", keepalive });
