import { api, type Schema } from "./api-client";

export type ChangeEntry = Schema<"Change">;
export type HistoryPage = Schema<"HistoryPage">;
export type FeedPage = Schema<"FeedPage">;

/** A page of a task's history, newest first. */
export function taskHistory(taskId: string, cursor: string | null, signal?: AbortSignal): Promise<HistoryPage> {
  return api("get", "/api/tasks/{id}/history", { path: { id: taskId }, query: cursor ? { cursor } : {}, signal });
}

/** Undoes one change; 409 changed_since (details.fields) unless `overwrite`. */
export const undoChange = (seq: number, overwrite = false) =>
  api("post", "/api/changes/{seq}/undo", { path: { seq: String(seq) }, body: overwrite ? { overwrite } : {} });

/** The feed: without a cursor, none and the cursor of now; with one, the changes after it. */
export function changesSince(cursor: string | null): Promise<FeedPage> {
  return api("get", "/api/changes", { query: cursor === null ? {} : { since: cursor } });
}
