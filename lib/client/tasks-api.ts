import type { Priority } from "@/lib/tasks/constants";
import type { Task, TaskCounts, TaskPage } from "@/lib/tasks/service";
import { listParams, type TaskView } from "@/lib/tasks/view";
import { apiFetch } from "./api-fetch";

export type { Task, TaskCounts, TaskPage };

export interface TaskFields {
  title: string;
  description: string;
  priority: Priority;
  dueDate: string | null;
  completed: boolean;
}

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

async function send<T>(path: string, init: RequestInit = {}): Promise<T> {
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

export function listTasks(view: TaskView, cursor: string | null, signal?: AbortSignal): Promise<TaskPage> {
  const params = new URLSearchParams(Object.entries(listParams(view)).map(([key, value]) => [key, String(value)]));
  if (cursor) params.set("cursor", cursor);
  return send(`/api/tasks?${params}`, { signal });
}

export function countTasks(q: string, signal?: AbortSignal): Promise<TaskCounts> {
  return send(`/api/tasks/counts${q ? `?${new URLSearchParams({ q })}` : ""}`, { signal });
}

/** Creates a task under the id the browser chose, so the row shown at once keeps its id. */
export const createTask = (fields: Partial<TaskFields> & { id: string; title: string }) =>
  send<Task>("/api/tasks", { method: "POST", body: JSON.stringify(fields) });

export const updateTask = (id: string, changes: Partial<TaskFields>) =>
  send<Task>(`/api/tasks/${id}`, { method: "PATCH", body: JSON.stringify(changes) });

export const toggleTask = (id: string) => send<Task>(`/api/tasks/${id}/complete`, { method: "PATCH" });

/** keepalive lets a delete still pending when the page closes reach the server. */
export const deleteTask = (id: string, keepalive = false) => send<void>(`/api/tasks/${id}`, { method: "DELETE", keepalive });
