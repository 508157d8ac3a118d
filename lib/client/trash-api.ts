import type { TrashPage } from "@/lib/trash/service";
import type { Task } from "./tasks-api";
import { send } from "./tasks-api";

export type { TrashedTask, TrashPage } from "@/lib/trash/service";

/** A page of the trash, newest first; no limit: the API's default, as the server page reads it. */
export function listTrash(cursor: string | null, signal?: AbortSignal): Promise<TrashPage> {
  return send(`/api/trash${cursor ? `?${new URLSearchParams({ cursor })}` : ""}`, { signal });
}

/** Brings a task (and the subtasks that went with it) back where it was. */
export const restoreTask = (id: string) => send<Task>(`/api/tasks/${id}/restore`, { method: "POST", body: "{}" });

/** Deletes everything in the trash for good. */
export const emptyTrash = () => send<{ deleted: number }>("/api/trash", { method: "DELETE" });
