import { api, type Schema } from "./api-client";

export type TrashedTask = Schema<"TrashedTask">;
export type TrashPage = Schema<"TrashPage">;

/** A page of the trash, newest first; no limit: the API's default, as the server page reads it. */
export function listTrash(cursor: string | null, signal?: AbortSignal): Promise<TrashPage> {
  return api("get", "/api/trash", { query: cursor ? { cursor } : {}, signal });
}

/** Brings a task (and the subtasks that went with it) back where it was. */
export const restoreTask = (id: string) => api("post", "/api/tasks/{id}/restore", { path: { id } });

/** Deletes everything in the trash for good. */
export const emptyTrash = () => api("delete", "/api/trash");
